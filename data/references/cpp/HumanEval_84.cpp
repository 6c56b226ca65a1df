#include <algorithm>
#include <string>

std::string solve(long long N) {
    long long digits = 0;
    long long value = N < 0 ? -N : N;
    while (value > 0) {
        digits += value % 10;
        value /= 10;
    }
    if (digits == 0) {
        return "0";
    }
    std::string bits;
    while (digits > 0) {
        bits.push_back(digits % 2 == 1 ? '1' : '0');
        digits /= 2;
    }
    std::reverse(bits.begin(), bits.end());
    return bits;
}
