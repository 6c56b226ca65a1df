long long fizz_buzz(long long n) {
    long long ans = 0;
    for (long long i = 0; i < n; i++) {
        if (i % 11 == 0 || i % 13 == 0) {
            long long x = i;
            while (x > 0) {
                if (x % 10 == 7) {
                    ans += 1;
                }
                x /= 10;
            }
        }
    }
    return ans;
}
