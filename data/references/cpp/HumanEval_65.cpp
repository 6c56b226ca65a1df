#include <algorithm>
#include <string>

std::string circular_shift(long long x, long long shift) {
    std::string s = std::to_string(x);
    long long length = (long long)s.size();
    if (shift > length) {
        std::reverse(s.begin(), s.end());
        return s;
    }
    if (shift <= 0) {
        return s;
    }
    long long cut = length - shift;
    return s.substr(cut) + s.substr(0, cut);
}
