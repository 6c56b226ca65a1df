#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

long long closest_integer(std::string value) {
    if (std::count(value.begin(), value.end(), '.') == 1) {
        while (!value.empty() && value.back() == '0') {
            value.pop_back();
        }
    }
    double num = std::strtod(value.c_str(), nullptr);
    double result;
    if (value.size() >= 2 && value.compare(value.size() - 2, 2, ".5") == 0) {
        if (num > 0) {
            result = std::ceil(num);
        } else {
            result = std::floor(num);
        }
    } else {
        // Python's round() rounds half to even, like nearbyint
        result = std::nearbyint(num);
    }
    return (long long)result;
}
