package main

import "strings"

func ParseMusic(music_string string) []int {
	noteMap := map[string]int{"o": 4, "o|": 2, ".|": 1}
	result := []int{}
	for _, x := range strings.Split(music_string, " ") {
		if x != "" {
			result = append(result, noteMap[x])
		}
	}
	return result
}
