#include <string>
#include <tuple>

static bool is_prime_length(long long num) {
    if (num < 2) {
        return false;
    }
    for (long long i = 2; i * i <= num; i++) {
        if (num % i == 0) {
            return false;
        }
    }
    return true;
}

std::string intersection(std::tuple<long long, long long> interval1, std::tuple<long long, long long> interval2) {
    long long l = std::get<0>(interval1);
    if (std::get<0>(interval2) > l) {
        l = std::get<0>(interval2);
    }
    long long r = std::get<1>(interval1);
    if (std::get<1>(interval2) < r) {
        r = std::get<1>(interval2);
    }
    long long length = r - l;
    if (length > 0 && is_prime_length(length)) {
        return "YES";
    }
    return "NO";
}
