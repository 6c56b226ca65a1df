#include <algorithm>
#include <functional>
#include <string>
#include <vector>

std::vector<std::string> by_length(std::vector<long long> arr) {
    const std::vector<std::string> names = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"};
    std::sort(arr.begin(), arr.end(), std::greater<long long>());
    std::vector<std::string> result;
    for (long long value : arr) {
        if (value >= 1 && value <= 9) {
            result.push_back(names[value - 1]);
        }
    }
    return result;
}
