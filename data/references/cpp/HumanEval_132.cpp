#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

bool is_nested(std::string string) {
    std::vector<std::size_t> opening_bracket_index;
    std::vector<std::size_t> closing_bracket_index;
    for (std::size_t i = 0; i < string.size(); i++) {
        if (string[i] == '[') {
            opening_bracket_index.push_back(i);
        } else {
            closing_bracket_index.push_back(i);
        }
    }
    std::reverse(closing_bracket_index.begin(), closing_bracket_index.end());
    long long cnt = 0;
    std::size_t i = 0;
    std::size_t l = closing_bracket_index.size();
    for (std::size_t k = 0; k < opening_bracket_index.size(); k++) {
        if (i < l && opening_bracket_index[k] < closing_bracket_index[i]) {
            cnt += 1;
            i += 1;
        }
    }
    return cnt >= 2;
}
