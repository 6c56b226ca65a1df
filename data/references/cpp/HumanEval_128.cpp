#include <cstddef>
#include <optional>
#include <vector>

std::optional<long long> prod_signs(std::vector<long long> arr) {
    if (arr.empty()) {
        return std::nullopt;
    }
    long long prod = 1;
    long long magnitude = 0;
    for (std::size_t i = 0; i < arr.size(); i++) {
        if (arr[i] == 0) {
            prod = 0;
        } else if (arr[i] < 0) {
            prod = -prod;
        }
        magnitude += arr[i] < 0 ? -arr[i] : arr[i];
    }
    return prod * magnitude;
}
