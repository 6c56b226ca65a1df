#include <cstddef>
#include <tuple>
#include <vector>

std::tuple<long long, long long> longest_rise(std::vector<long long> nums) {
    if (nums.empty()) {
        return std::make_tuple(0LL, 0LL);
    }
    std::size_t best_start = 0;
    std::size_t best_len = 1;
    std::size_t start = 0;
    for (std::size_t i = 1; i < nums.size(); i++) {
        if (nums[i] <= nums[i - 1]) {
            start = i;
        }
        if (i - start + 1 > best_len) {
            best_len = i - start + 1;
            best_start = start;
        }
    }
    return std::make_tuple((long long)best_start, (long long)best_len);
}
