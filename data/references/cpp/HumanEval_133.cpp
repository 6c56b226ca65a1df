#include <cmath>
#include <cstddef>
#include <vector>

long long sum_squares(std::vector<double> lst) {
    long long squared = 0;
    for (std::size_t i = 0; i < lst.size(); i++) {
        long long rounded_up = (long long)std::ceil(lst[i]);
        squared += rounded_up * rounded_up;
    }
    return squared;
}
