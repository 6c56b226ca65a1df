package main

import "unicode"

func StrongestExtension(class_name string, extensions []string) string {
	strength := func(s string) int {
		value := 0
		for _, r := range s {
			if unicode.IsUpper(r) {
				value++
			} else if unicode.IsLower(r) {
				value--
			}
		}
		return value
	}
	strongest := extensions[0]
	best := strength(strongest)
	for _, ext := range extensions {
		if v := strength(ext); v > best {
			strongest = ext
			best = v
		}
	}
	return class_name + "." + strongest
}
