package main

func RescaleToUnit(numbers []float64) []float64 {
	minNumber := numbers[0]
	maxNumber := numbers[0]
	for _, x := range numbers {
		if x < minNumber {
			minNumber = x
		}
		if x > maxNumber {
			maxNumber = x
		}
	}
	result := []float64{}
	for _, x := range numbers {
		result = append(result, (x-minNumber)/(maxNumber-minNumber))
	}
	return result
}
