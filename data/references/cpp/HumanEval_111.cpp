#include <cstddef>
#include <map>
#include <string>
#include <vector>

std::map<std::string, long long> histogram(std::string test) {
    // Python's split(" ") keeps empty pieces between consecutive spaces.
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < test.size(); i++) {
        if (test[i] == ' ') {
            words.push_back(current);
            current.clear();
        } else {
            current.push_back(test[i]);
        }
    }
    words.push_back(current);

    std::map<std::string, long long> counts;
    for (std::size_t i = 0; i < words.size(); i++) {
        counts[words[i]] += 1;
    }
    long long most = 0;
    for (std::size_t i = 0; i < words.size(); i++) {
        if (!words[i].empty() && counts[words[i]] > most) {
            most = counts[words[i]];
        }
    }
    std::map<std::string, long long> result;
    if (most > 0) {
        for (std::size_t i = 0; i < words.size(); i++) {
            if (counts[words[i]] == most) {
                result[words[i]] = most;
            }
        }
    }
    return result;
}
