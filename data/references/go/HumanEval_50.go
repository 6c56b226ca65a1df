package main

func DecodeShift(s string) string {
	result := []byte{}
	for i := 0; i < len(s); i++ {
		shifted := ((int(s[i])-5-int('a'))%26 + 26) % 26
		result = append(result, byte(shifted+int('a')))
	}
	return string(result)
}
