#include <cstddef>
#include <string>

bool check_if_last_char_is_a_letter(std::string txt) {
    std::size_t last_space = txt.rfind(' ');
    std::string check = last_space == std::string::npos ? txt : txt.substr(last_space + 1);
    if (check.size() != 1) {
        return false;
    }
    char c = check[0];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
