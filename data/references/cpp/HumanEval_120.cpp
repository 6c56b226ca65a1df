#include <algorithm>
#include <vector>

std::vector<long long> maximum(std::vector<long long> arr, long long k) {
    if (k == 0) {
        return std::vector<long long>();
    }
    std::sort(arr.begin(), arr.end());
    // arr[-k:] as a Python slice: the start index is clamped into the list.
    long long n = (long long)arr.size();
    long long start = -k;
    if (start < 0) {
        start += n;
    }
    if (start < 0) {
        start = 0;
    }
    if (start > n) {
        start = n;
    }
    return std::vector<long long>(arr.begin() + start, arr.end());
}
