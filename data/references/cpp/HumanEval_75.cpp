bool is_multiply_prime(long long a) {
    if (a < 2) {
        return false;
    }
    // a must be a product of exactly three primes, each at most 100
    long long remaining = a;
    long long factors = 0;
    for (long long p = 2; p <= 100; p++) {
        while (remaining % p == 0) {
            remaining /= p;
            factors++;
        }
    }
    return remaining == 1 && factors == 3;
}
