long long multiply(long long a, long long b) {
    // Python's % 10 is never negative: -15 % 10 == 5
    long long unit_a = ((a % 10) + 10) % 10;
    long long unit_b = ((b % 10) + 10) % 10;
    return unit_a * unit_b;
}
