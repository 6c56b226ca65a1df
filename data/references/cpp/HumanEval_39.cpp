#include <cmath>
#include <vector>

static bool is_prime(long long p) {
    if (p < 2) {
        return false;
    }
    long long limit = (long long)std::sqrt((double)p) + 1;
    if (p - 1 < limit) {
        limit = p - 1;
    }
    for (long long k = 2; k < limit; k++) {
        if (p % k == 0) {
            return false;
        }
    }
    return true;
}

long long prime_fib(long long n) {
    std::vector<long long> f;
    f.push_back(0);
    f.push_back(1);
    while (true) {
        long long next = f[f.size() - 1] + f[f.size() - 2];
        f.push_back(next);
        if (is_prime(next)) {
            n -= 1;
        }
        if (n == 0) {
            return next;
        }
    }
}
