#include <cstddef>
#include <map>
#include <vector>

std::vector<long long> remove_duplicates(std::vector<long long> numbers) {
    std::map<long long, long long> counts;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        counts[numbers[i]] += 1;
    }
    std::vector<long long> result;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        if (counts[numbers[i]] <= 1) {
            result.push_back(numbers[i]);
        }
    }
    return result;
}
