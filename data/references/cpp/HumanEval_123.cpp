#include <algorithm>
#include <vector>

std::vector<long long> get_odd_collatz(long long n) {
    std::vector<long long> odd_collatz;
    if (n % 2 != 0) {
        odd_collatz.push_back(n);
    }
    while (n > 1) {
        if (n % 2 == 0) {
            n = n / 2;
        } else {
            n = n * 3 + 1;
        }
        if (n % 2 != 0) {
            odd_collatz.push_back(n);
        }
    }
    std::sort(odd_collatz.begin(), odd_collatz.end());
    return odd_collatz;
}
