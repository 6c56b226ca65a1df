#include <vector>

std::vector<long long> f(long long n) {
    std::vector<long long> result;
    for (long long i = 1; i <= n; i++) {
        long long x;
        if (i % 2 == 0) {
            x = 1;
            for (long long j = 1; j <= i; j++) {
                x *= j;
            }
        } else {
            x = 0;
            for (long long j = 1; j <= i; j++) {
                x += j;
            }
        }
        result.push_back(x);
    }
    return result;
}
