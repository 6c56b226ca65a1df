#include <cstddef>
#include <vector>

// like the Python helper, this calls 0 and 1 prime; only values above 0 are tested
static bool skjkasdkd_is_prime(long long n) {
    for (long long i = 2; i * i <= n; i++) {
        if (n % i == 0) {
            return false;
        }
    }
    return true;
}

long long skjkasdkd(std::vector<long long> lst) {
    long long largest = 0;
    for (std::size_t i = 0; i < lst.size(); i++) {
        if (lst[i] > largest && skjkasdkd_is_prime(lst[i])) {
            largest = lst[i];
        }
    }
    long long digits = 0;
    while (largest > 0) {
        digits += largest % 10;
        largest /= 10;
    }
    return digits;
}
