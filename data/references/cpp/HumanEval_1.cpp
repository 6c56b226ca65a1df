#include <cstddef>
#include <string>
#include <vector>

std::vector<std::string> separate_paren_groups(std::string paren_string) {
    std::vector<std::string> result;
    std::string current_string;
    long long current_depth = 0;
    for (std::size_t i = 0; i < paren_string.size(); i++) {
        char c = paren_string[i];
        if (c == '(') {
            current_depth += 1;
            current_string.push_back(c);
        } else if (c == ')') {
            current_depth -= 1;
            current_string.push_back(c);
            if (current_depth == 0) {
                result.push_back(current_string);
                current_string.clear();
            }
        }
    }
    return result;
}
