package main

func Longest(strings []string) *string {
	if len(strings) == 0 {
		return nil
	}
	maxLen := 0
	for _, s := range strings {
		if len(s) > maxLen {
			maxLen = len(s)
		}
	}
	for i := range strings {
		if len(strings[i]) == maxLen {
			result := strings[i]
			return &result
		}
	}
	return nil
}
