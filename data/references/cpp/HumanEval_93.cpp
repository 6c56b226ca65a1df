#include <cstddef>
#include <string>

std::string encode(std::string message) {
    const std::string vowels = "aeiouAEIOU";
    std::string result;
    for (std::size_t i = 0; i < message.size(); i++) {
        char c = message[i];
        if (c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
        } else if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (vowels.find(c) != std::string::npos) {
            c = (char)(c + 2);
        }
        result.push_back(c);
    }
    return result;
}
