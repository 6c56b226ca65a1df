#include <cstddef>
#include <string>
#include <vector>

static long long number_value(const std::string& word) {
    const char* names[10] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    for (long long v = 0; v < 10; v++) {
        if (word == names[v]) {
            return v;
        }
    }
    return -1;
}

std::string sort_numbers(std::string numbers) {
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i <= numbers.size(); i++) {
        if (i == numbers.size() || numbers[i] == ' ') {
            if (!current.empty()) {
                words.push_back(current);
            }
            current.clear();
        } else {
            current.push_back(numbers[i]);
        }
    }
    std::string result;
    for (long long v = 0; v < 10; v++) {
        for (std::size_t i = 0; i < words.size(); i++) {
            if (number_value(words[i]) == v) {
                if (!result.empty()) {
                    result += " ";
                }
                result += words[i];
            }
        }
    }
    return result;
}
