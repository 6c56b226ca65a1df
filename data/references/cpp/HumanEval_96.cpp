#include <vector>

std::vector<long long> count_up_to(long long n) {
    std::vector<long long> primes;
    for (long long i = 2; i < n; i++) {
        bool is_prime = true;
        for (long long j = 2; j * j <= i; j++) {
            if (i % j == 0) {
                is_prime = false;
                break;
            }
        }
        if (is_prime) {
            primes.push_back(i);
        }
    }
    return primes;
}
