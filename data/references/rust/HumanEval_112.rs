fn reverse_delete(s: String, c: String) -> (String, bool) {
    let kept: String = s.chars().filter(|ch| !c.contains(*ch)).collect();
    let reversed: String = kept.chars().rev().collect();
    let is_palindrome = reversed == kept;
    (kept, is_palindrome)
}
