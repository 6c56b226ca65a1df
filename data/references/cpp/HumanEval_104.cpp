#include <algorithm>
#include <vector>

static bool unique_digits_all_odd(long long value) {
    if (value == 0) {
        return false;
    }
    while (value > 0) {
        if (value % 10 % 2 == 0) {
            return false;
        }
        value /= 10;
    }
    return true;
}

std::vector<long long> unique_digits(std::vector<long long> x) {
    std::vector<long long> result;
    for (long long value : x) {
        if (unique_digits_all_odd(value)) {
            result.push_back(value);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}
