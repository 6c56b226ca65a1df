package main

func NumericalLetterGrade(grades []float64) []string {
	letters := []string{}
	for _, gpa := range grades {
		var letter string
		switch {
		case gpa == 4.0:
			letter = "A+"
		case gpa > 3.7:
			letter = "A"
		case gpa > 3.3:
			letter = "A-"
		case gpa > 3.0:
			letter = "B+"
		case gpa > 2.7:
			letter = "B"
		case gpa > 2.3:
			letter = "B-"
		case gpa > 2.0:
			letter = "C+"
		case gpa > 1.7:
			letter = "C"
		case gpa > 1.3:
			letter = "C-"
		case gpa > 1.0:
			letter = "D+"
		case gpa > 0.7:
			letter = "D"
		case gpa > 0.0:
			letter = "D-"
		default:
			letter = "E"
		}
		letters = append(letters, letter)
	}
	return letters
}
