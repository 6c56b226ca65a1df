long long fib4(long long n) {
    long long results[4] = {0, 0, 2, 0};
    if (n < 4) {
        return results[n];
    }
    for (long long i = 4; i < n + 1; i++) {
        long long next = results[0] + results[1] + results[2] + results[3];
        results[0] = results[1];
        results[1] = results[2];
        results[2] = results[3];
        results[3] = next;
    }
    return results[3];
}
