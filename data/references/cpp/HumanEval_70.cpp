#include <algorithm>
#include <cstddef>
#include <vector>

std::vector<long long> strange_sort_list(std::vector<long long> lst) {
    std::sort(lst.begin(), lst.end());
    std::vector<long long> result;
    std::size_t low = 0;
    std::size_t high = lst.size();
    bool take_min = true;
    while (low < high) {
        if (take_min) {
            result.push_back(lst[low]);
            low++;
        } else {
            high--;
            result.push_back(lst[high]);
        }
        take_min = !take_min;
    }
    return result;
}
