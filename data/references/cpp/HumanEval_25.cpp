#include <cmath>
#include <vector>

std::vector<long long> factorize(long long n) {
    std::vector<long long> fact;
    long long i = 2;
    while (i <= (long long)(std::sqrt((double)n) + 1)) {
        if (n % i == 0) {
            fact.push_back(i);
            n /= i;
        } else {
            i += 1;
        }
    }
    if (n > 1) {
        fact.push_back(n);
    }
    return fact;
}
