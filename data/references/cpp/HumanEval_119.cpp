#include <cstddef>
#include <string>
#include <vector>

static bool is_balanced_parens(const std::string& s) {
    long long val = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] == '(') {
            val += 1;
        } else {
            val -= 1;
        }
        if (val < 0) {
            return false;
        }
    }
    return val == 0;
}

std::string match_parens(std::vector<std::string> lst) {
    std::string s1 = lst[0] + lst[1];
    std::string s2 = lst[1] + lst[0];
    if (is_balanced_parens(s1) || is_balanced_parens(s2)) {
        return "Yes";
    }
    return "No";
}
