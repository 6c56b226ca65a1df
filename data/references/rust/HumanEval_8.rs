fn sum_product(numbers: Vec<i64>) -> (i64, i64) {
    let mut sum_value: i64 = 0;
    let mut prod_value: i64 = 1;
    for n in numbers {
        sum_value += n;
        prod_value *= n;
    }
    (sum_value, prod_value)
}
