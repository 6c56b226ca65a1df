bool is_equal_to_sum_even(long long n) {
    return n % 2 == 0 && n >= 8;
}
