#include <cstddef>
#include <vector>

std::vector<long long> intersperse(std::vector<long long> numbers, long long delimeter) {
    std::vector<long long> result;
    if (numbers.empty()) {
        return result;
    }
    for (std::size_t i = 0; i + 1 < numbers.size(); i++) {
        result.push_back(numbers[i]);
        result.push_back(delimeter);
    }
    result.push_back(numbers[numbers.size() - 1]);
    return result;
}
