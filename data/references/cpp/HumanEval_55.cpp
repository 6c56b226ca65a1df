long long fib(long long n) {
    if (n <= 0) {
        return 0;
    }
    long long previous = 0;
    long long current = 1;
    for (long long i = 1; i < n; i++) {
        long long next = previous + current;
        previous = current;
        current = next;
    }
    return current;
}
