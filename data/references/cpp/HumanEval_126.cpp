#include <cstddef>
#include <map>
#include <vector>

bool is_sorted(std::vector<long long> lst) {
    std::map<long long, long long> count_digit;
    for (std::size_t i = 0; i < lst.size(); i++) {
        count_digit[lst[i]] += 1;
        if (count_digit[lst[i]] > 2) {
            return false;
        }
    }
    for (std::size_t i = 1; i < lst.size(); i++) {
        if (lst[i - 1] > lst[i]) {
            return false;
        }
    }
    return true;
}
