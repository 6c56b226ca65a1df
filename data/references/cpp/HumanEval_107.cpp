#include <string>
#include <tuple>

static bool even_odd_is_palindrome(long long value) {
    std::string text = std::to_string(value);
    return std::string(text.rbegin(), text.rend()) == text;
}

std::tuple<long long, long long> even_odd_palindrome(long long n) {
    long long even_count = 0;
    long long odd_count = 0;
    for (long long i = 1; i <= n; i++) {
        if (!even_odd_is_palindrome(i)) {
            continue;
        }
        if (i % 2 == 1) {
            odd_count++;
        } else {
            even_count++;
        }
    }
    return std::make_tuple(even_count, odd_count);
}
