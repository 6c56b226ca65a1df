#include <cstddef>
#include <vector>

std::vector<long long> rolling_max(std::vector<long long> numbers) {
    std::vector<long long> result;
    long long running_max = 0;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        if (i == 0) {
            running_max = numbers[i];
        } else if (numbers[i] > running_max) {
            running_max = numbers[i];
        }
        result.push_back(running_max);
    }
    return result;
}
