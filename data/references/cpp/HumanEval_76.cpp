bool is_simple_power(long long x, long long n) {
    if (n == 1) {
        return x == 1;
    }
    long long power = 1;
    while (power < x) {
        if (n > 1 && power > x / n) {
            return false;
        }
        power = power * n;
    }
    return power == x;
}
