package main

func CaesarShift(text string, shift int) string {
	k := shift % 26
	if k < 0 {
		k += 26
	}
	out := []byte{}
	for i := 0; i < len(text); i++ {
		ch := text[i]
		if ch >= 'a' && ch <= 'z' {
			out = append(out, byte((int(ch-'a')+k)%26)+'a')
		} else if ch >= 'A' && ch <= 'Z' {
			out = append(out, byte((int(ch-'A')+k)%26)+'A')
		} else {
			out = append(out, ch)
		}
	}
	return string(out)
}
