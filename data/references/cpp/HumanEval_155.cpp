#include <tuple>

std::tuple<long long, long long> even_odd_count(long long num) {
    long long even_count = 0;
    long long odd_count = 0;
    if (num < 0) {
        num = -num;
    }
    do {
        if ((num % 10) % 2 == 0) {
            even_count += 1;
        } else {
            odd_count += 1;
        }
        num /= 10;
    } while (num > 0);
    return std::make_tuple(even_count, odd_count);
}
