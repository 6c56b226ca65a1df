#include <cstddef>
#include <set>
#include <string>

long long count_distinct_characters(std::string string) {
    std::set<char> seen;
    for (std::size_t i = 0; i < string.size(); i++) {
        char c = string[i];
        if (c >= 'A' && c <= 'Z') {
            c = c - 'A' + 'a';
        }
        seen.insert(c);
    }
    return (long long)seen.size();
}
