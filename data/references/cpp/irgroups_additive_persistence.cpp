long long additive_persistence(long long n) {
    long long m = n;
    if (m < 0) {
        m = -m;
    }
    long long steps = 0;
    while (m >= 10) {
        long long total = 0;
        while (m > 0) {
            total += m % 10;
            m /= 10;
        }
        m = total;
        steps++;
    }
    return steps;
}
