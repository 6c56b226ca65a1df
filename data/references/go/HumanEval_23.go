package main

func Strlen(string string) int {
	return len(string)
}
