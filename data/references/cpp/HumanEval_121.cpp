#include <cstddef>
#include <vector>

long long solution(std::vector<long long> lst) {
    long long total = 0;
    for (std::size_t i = 0; i < lst.size(); i += 2) {
        if (lst[i] % 2 != 0) {
            total += lst[i];
        }
    }
    return total;
}
