long long fibfib(long long n) {
    if (n <= 1) {
        return 0;
    }
    if (n == 2) {
        return 1;
    }
    long long a = 0;
    long long b = 0;
    long long c = 1;
    for (long long i = 3; i <= n; i++) {
        long long next = a + b + c;
        a = b;
        b = c;
        c = next;
    }
    return c;
}
