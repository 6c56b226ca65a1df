#include <algorithm>
#include <vector>

static long long count_binary_ones(long long x) {
    // bin() of a negative number is '-0b...', so only the magnitude's bits count.
    unsigned long long v = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    long long ones = 0;
    while (v != 0) {
        ones += (long long)(v & 1ULL);
        v >>= 1;
    }
    return ones;
}

static bool fewer_ones(long long a, long long b) {
    return count_binary_ones(a) < count_binary_ones(b);
}

std::vector<long long> sort_array(std::vector<long long> arr) {
    std::sort(arr.begin(), arr.end());
    std::stable_sort(arr.begin(), arr.end(), fewer_ones);
    return arr;
}
