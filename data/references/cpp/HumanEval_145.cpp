#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

static long long signed_digit_sum(long long n) {
    // The first digit of a negative number counts as negative.
    bool negative = n < 0;
    std::string text = std::to_string(negative ? -n : n);
    long long total = 0;
    for (std::size_t i = 0; i < text.size(); i++) {
        long long digit = text[i] - '0';
        if (i == 0 && negative) {
            digit = -digit;
        }
        total += digit;
    }
    return total;
}

static bool smaller_digit_sum(long long a, long long b) {
    return signed_digit_sum(a) < signed_digit_sum(b);
}

std::vector<long long> order_by_points(std::vector<long long> nums) {
    std::stable_sort(nums.begin(), nums.end(), smaller_digit_sum);
    return nums;
}
