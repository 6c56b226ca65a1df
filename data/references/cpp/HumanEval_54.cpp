#include <set>
#include <string>

bool same_chars(std::string s0, std::string s1) {
    std::set<char> chars0(s0.begin(), s0.end());
    std::set<char> chars1(s1.begin(), s1.end());
    return chars0 == chars1;
}
