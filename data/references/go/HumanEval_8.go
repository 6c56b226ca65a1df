package main

func SumProduct(numbers []int) (int, int) {
	sumValue := 0
	prodValue := 1
	for _, n := range numbers {
		sumValue += n
		prodValue *= n
	}
	return sumValue, prodValue
}
