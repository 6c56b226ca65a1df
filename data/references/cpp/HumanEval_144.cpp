#include <cmath>
#include <cstddef>
#include <string>

static long long parse_number(const std::string& s, std::size_t begin, std::size_t end) {
    long long value = 0;
    for (std::size_t i = begin; i < end; i++) {
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

bool simplify(std::string x, std::string n) {
    std::size_t x_slash = x.find('/');
    std::size_t n_slash = n.find('/');
    long long a = parse_number(x, 0, x_slash);
    long long b = parse_number(x, x_slash + 1, x.size());
    long long c = parse_number(n, 0, n_slash);
    long long d = parse_number(n, n_slash + 1, n.size());
    // Python compares a float quotient with its integer part.
    double numerator = (double)a * (double)c;
    double denom = (double)b * (double)d;
    double quotient = numerator / denom;
    return quotient == std::trunc(quotient);
}
