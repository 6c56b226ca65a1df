#include <algorithm>
#include <cstddef>
#include <vector>

bool move_one_ball(std::vector<long long> arr) {
    if (arr.empty()) {
        return true;
    }
    std::vector<long long> sorted_array = arr;
    std::sort(sorted_array.begin(), sorted_array.end());
    std::size_t min_index = 0;
    for (std::size_t i = 1; i < arr.size(); i++) {
        if (arr[i] < arr[min_index]) {
            min_index = i;
        }
    }
    std::size_t n = arr.size();
    for (std::size_t i = 0; i < n; i++) {
        if (arr[(min_index + i) % n] != sorted_array[i]) {
            return false;
        }
    }
    return true;
}
