#include <vector>

// -123 has signed digits -1, 2 and 3
static long long count_nums_digit_sum(long long n) {
    bool negative = n < 0;
    long long value = negative ? -n : n;
    long long total = 0;
    long long first = 0;
    while (value > 0) {
        first = value % 10;
        total += first;
        value /= 10;
    }
    if (negative) {
        total -= 2 * first;
    }
    return total;
}

long long count_nums(std::vector<long long> arr) {
    long long count = 0;
    for (long long value : arr) {
        if (count_nums_digit_sum(value) > 0) {
            count++;
        }
    }
    return count;
}
