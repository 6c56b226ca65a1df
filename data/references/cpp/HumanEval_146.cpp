#include <cstddef>
#include <string>
#include <vector>

static bool is_odd_digit(char c) {
    return c == '1' || c == '3' || c == '5' || c == '7' || c == '9';
}

long long special_filter(std::vector<long long> nums) {
    long long count = 0;
    for (std::size_t i = 0; i < nums.size(); i++) {
        if (nums[i] > 10) {
            std::string number_as_string = std::to_string(nums[i]);
            if (is_odd_digit(number_as_string.front()) && is_odd_digit(number_as_string.back())) {
                count += 1;
            }
        }
    }
    return count;
}
