#include <cstddef>
#include <vector>

long long min_sub_array_sum(std::vector<long long> nums) {
    long long max_sum = 0;
    long long s = 0;
    for (std::size_t i = 0; i < nums.size(); i++) {
        s += -nums[i];
        if (s < 0) {
            s = 0;
        }
        if (s > max_sum) {
            max_sum = s;
        }
    }
    if (max_sum == 0) {
        max_sum = -nums[0];
        for (std::size_t i = 1; i < nums.size(); i++) {
            if (-nums[i] > max_sum) {
                max_sum = -nums[i];
            }
        }
    }
    return -max_sum;
}
