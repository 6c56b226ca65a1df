long long largest_prime_factor(long long n) {
    long long largest = 1;
    long long remaining = n;
    for (long long p = 2; p * p <= remaining; p++) {
        while (remaining % p == 0) {
            largest = p;
            remaining /= p;
        }
    }
    if (remaining > 1) {
        largest = remaining;
    }
    return largest;
}
