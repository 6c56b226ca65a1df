#include <algorithm>
#include <string>

std::string decimal_to_binary(long long decimal) {
    std::string bits;
    unsigned long long value = decimal < 0 ? 0ULL - (unsigned long long)decimal : (unsigned long long)decimal;
    if (value == 0) {
        bits = "0";
    }
    while (value > 0) {
        bits.push_back(value % 2 == 1 ? '1' : '0');
        value /= 2;
    }
    std::reverse(bits.begin(), bits.end());
    // bin(-5)[2:] is "b101": the slice drops "-0" and keeps the 'b'
    if (decimal < 0) {
        bits = "b" + bits;
    }
    return "db" + bits + "db";
}
