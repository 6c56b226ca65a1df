fn parse_fraction(s: &str) -> (i64, i64) {
    let (num, den) = s.split_once('/').unwrap();
    (num.trim().parse().unwrap(), den.trim().parse().unwrap())
}

fn simplify(x: String, n: String) -> bool {
    let (a, b) = parse_fraction(&x);
    let (c, d) = parse_fraction(&n);
    let numerator = a * c;
    let denom = b * d;
    // The Python compares the float quotient with its truncation.
    let quotient = numerator as f64 / denom as f64;
    quotient == quotient.trunc()
}
