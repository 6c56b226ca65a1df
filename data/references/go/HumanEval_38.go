package main

func encodeCyclic(s string) string {
	result := ""
	for i := 0; i < len(s); i += 3 {
		end := i + 3
		if end > len(s) {
			end = len(s)
		}
		group := s[i:end]
		if len(group) == 3 {
			group = group[1:] + group[:1]
		}
		result += group
	}
	return result
}

func DecodeCyclic(s string) string {
	return encodeCyclic(encodeCyclic(s))
}
