package main

func Tri(n int) []float64 {
	if n == 0 {
		return []float64{1}
	}
	seq := []float64{1, 3}
	for i := 2; i <= n; i++ {
		if i%2 == 0 {
			seq = append(seq, float64(i)/2+1)
		} else {
			seq = append(seq, seq[i-1]+seq[i-2]+float64(i+3)/2)
		}
	}
	return seq
}
