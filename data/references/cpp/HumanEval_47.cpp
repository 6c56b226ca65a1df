#include <cstddef>
#include <algorithm>
#include <vector>

double median(std::vector<long long> l) {
    std::vector<long long> s = l;
    std::sort(s.begin(), s.end());
    std::size_t n = s.size();
    if (n % 2 == 1) {
        return (double)s[n / 2];
    }
    return (double)(s[n / 2 - 1] + s[n / 2]) / 2.0;
}
