#include <cstddef>
#include <optional>
#include <vector>

std::optional<long long> first_repeat(std::vector<long long> values) {
    for (std::size_t j = 0; j < values.size(); j++) {
        for (std::size_t i = 0; i < j; i++) {
            if (values[i] == values[j]) {
                return values[j];
            }
        }
    }
    return std::nullopt;
}
