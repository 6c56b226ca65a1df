#include <cstddef>
#include <vector>

long long sum_squares(std::vector<long long> lst) {
    long long total = 0;
    for (std::size_t i = 0; i < lst.size(); i++) {
        if (i % 3 == 0) {
            total += lst[i] * lst[i];
        } else if (i % 4 == 0) {
            total += lst[i] * lst[i] * lst[i];
        } else {
            total += lst[i];
        }
    }
    return total;
}
