#include <cstddef>
#include <string>

bool cycpattern_check(std::string a, std::string b) {
    std::size_t l = b.size();
    std::string pat = b + b;
    if (a.size() < l) {
        return false;
    }
    for (std::size_t i = 0; i + l <= a.size(); i++) {
        for (std::size_t j = 0; j <= l; j++) {
            if (a.compare(i, l, pat, j, l) == 0) {
                return true;
            }
        }
    }
    return false;
}
