#include <cstddef>
#include <string>
#include <vector>

static long long extension_strength(const std::string& s) {
    long long strength = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] >= 'A' && s[i] <= 'Z') {
            strength += 1;
        } else if (s[i] >= 'a' && s[i] <= 'z') {
            strength -= 1;
        }
    }
    return strength;
}

std::string strongest_extension(std::string class_name, std::vector<std::string> extensions) {
    std::string strong = extensions[0];
    long long my_val = extension_strength(extensions[0]);
    for (std::size_t i = 0; i < extensions.size(); i++) {
        long long val = extension_strength(extensions[i]);
        if (val > my_val) {
            strong = extensions[i];
            my_val = val;
        }
    }
    return class_name + "." + strong;
}
