package main

func prefixesOf(s string) []string {
	result := []string{}
	for i := 0; i < len(s); i++ {
		result = append(result, s[:i+1])
	}
	return result
}

func AllPrefixes(string string) []string {
	return prefixesOf(string)
}
