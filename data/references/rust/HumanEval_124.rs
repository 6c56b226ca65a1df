// Parses like Python's int(): surrounding whitespace, an optional sign, and
// digits with single underscores between them. Huge values saturate.
fn parse_int(s: &str) -> Option<i64> {
    let s = s.trim();
    let (negative, digits) = match s.chars().next() {
        Some('-') => (true, &s[1..]),
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let mut value: i64 = 0;
    for c in digits.chars() {
        if c == '_' {
            continue;
        }
        let d = c.to_digit(10)? as i64;
        value = value.saturating_mul(10).saturating_add(d);
    }
    Some(if negative { -value } else { value })
}

fn valid_date(date: String) -> bool {
    let parts: Vec<&str> = date.trim().split('-').collect();
    if parts.len() != 3 {
        return false;
    }
    let (month, day) = match (parse_int(parts[0]), parse_int(parts[1]), parse_int(parts[2])) {
        (Some(m), Some(d), Some(_)) => (m, d),
        _ => return false,
    };
    if month < 1 || month > 12 {
        return false;
    }
    // The Python reads "month in [...] and day < 1 or day > 31", so the
    // upper bounds apply whatever the month is.
    if ([1, 3, 5, 7, 8, 10, 12].contains(&month) && day < 1) || day > 31 {
        return false;
    }
    if ([4, 6, 9, 11].contains(&month) && day < 1) || day > 30 {
        return false;
    }
    if (month == 2 && day < 1) || day > 29 {
        return false;
    }
    true
}
