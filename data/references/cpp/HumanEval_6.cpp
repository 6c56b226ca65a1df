#include <cstddef>
#include <string>
#include <vector>

static long long parse_paren_group(const std::string& s) {
    long long depth = 0;
    long long max_depth = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] == '(') {
            depth += 1;
            if (depth > max_depth) {
                max_depth = depth;
            }
        } else {
            depth -= 1;
        }
    }
    return max_depth;
}

std::vector<long long> parse_nested_parens(std::string paren_string) {
    std::vector<long long> result;
    std::string current;
    for (std::size_t i = 0; i <= paren_string.size(); i++) {
        if (i == paren_string.size() || paren_string[i] == ' ') {
            if (!current.empty()) {
                result.push_back(parse_paren_group(current));
            }
            current.clear();
        } else {
            current.push_back(paren_string[i]);
        }
    }
    return result;
}
