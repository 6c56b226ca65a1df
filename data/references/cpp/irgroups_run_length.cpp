#include <cstddef>
#include <tuple>
#include <vector>

std::vector<std::tuple<long long, long long>> run_length(std::vector<long long> nums) {
    std::vector<std::tuple<long long, long long>> result;
    std::size_t i = 0;
    while (i < nums.size()) {
        std::size_t j = i;
        while (j < nums.size() && nums[j] == nums[i]) {
            j++;
        }
        result.push_back(std::make_tuple(nums[i], (long long)(j - i)));
        i = j;
    }
    return result;
}
