#include <cstddef>
#include <string>

std::string fix_spaces(std::string text) {
    std::string new_text;
    std::size_t start = 0;
    std::size_t end = 0;
    for (std::size_t i = 0; i < text.size(); i++) {
        if (text[i] == ' ') {
            end += 1;
        } else {
            if (end - start > 2) {
                new_text += "-";
            } else if (end - start > 0) {
                new_text += std::string(end - start, '_');
            }
            new_text.push_back(text[i]);
            start = i + 1;
            end = i + 1;
        }
    }
    if (end - start > 2) {
        new_text += "-";
    } else if (end - start > 0) {
        new_text += "_";
    }
    return new_text;
}
