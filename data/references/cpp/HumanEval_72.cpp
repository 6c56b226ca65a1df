#include <cstddef>
#include <vector>

bool will_it_fly(std::vector<long long> q, long long w) {
    long long total = 0;
    for (long long value : q) {
        total += value;
    }
    if (total > w) {
        return false;
    }
    if (q.empty()) {
        return true;
    }
    std::size_t i = 0;
    std::size_t j = q.size() - 1;
    while (i < j) {
        if (q[i] != q[j]) {
            return false;
        }
        i++;
        j--;
    }
    return true;
}
