fn numerical_letter_grade(grades: Vec<f64>) -> Vec<String> {
    let mut letters = Vec::with_capacity(grades.len());
    for gpa in grades {
        let letter = if gpa == 4.0 {
            "A+"
        } else if gpa > 3.7 {
            "A"
        } else if gpa > 3.3 {
            "A-"
        } else if gpa > 3.0 {
            "B+"
        } else if gpa > 2.7 {
            "B"
        } else if gpa > 2.3 {
            "B-"
        } else if gpa > 2.0 {
            "C+"
        } else if gpa > 1.7 {
            "C"
        } else if gpa > 1.3 {
            "C-"
        } else if gpa > 1.0 {
            "D+"
        } else if gpa > 0.7 {
            "D"
        } else if gpa > 0.0 {
            "D-"
        } else {
            "E"
        };
        letters.push(letter.to_string());
    }
    letters
}
