#include <vector>

std::vector<long long> generate_integers(long long a, long long b) {
    long long lower = a < b ? a : b;
    long long upper = a < b ? b : a;
    if (lower < 2) {
        lower = 2;
    }
    if (upper > 8) {
        upper = 8;
    }
    std::vector<long long> result;
    for (long long i = lower; i <= upper; i++) {
        if (i % 2 == 0) {
            result.push_back(i);
        }
    }
    return result;
}
