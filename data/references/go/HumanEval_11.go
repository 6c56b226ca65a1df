package main

func StringXor(a string, b string) string {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	result := []byte{}
	for i := 0; i < n; i++ {
		if a[i] == b[i] {
			result = append(result, '0')
		} else {
			result = append(result, '1')
		}
	}
	return string(result)
}
