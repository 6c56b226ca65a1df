#include <cstddef>
#include <map>
#include <string>
#include <vector>

std::vector<long long> parse_music(std::string music_string) {
    std::map<std::string, long long> note_map;
    note_map["o"] = 4;
    note_map["o|"] = 2;
    note_map[".|"] = 1;
    std::vector<long long> result;
    std::string current;
    for (std::size_t i = 0; i <= music_string.size(); i++) {
        if (i == music_string.size() || music_string[i] == ' ') {
            if (!current.empty()) {
                result.push_back(note_map.at(current));
            }
            current.clear();
        } else {
            current.push_back(music_string[i]);
        }
    }
    return result;
}
