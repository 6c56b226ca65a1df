#include <cstddef>
#include <optional>
#include <tuple>
#include <vector>

std::tuple<std::optional<long long>, std::optional<long long>> largest_smallest_integers(std::vector<long long> lst) {
    std::optional<long long> largest_negative;
    std::optional<long long> smallest_positive;
    for (std::size_t i = 0; i < lst.size(); i++) {
        long long x = lst[i];
        if (x < 0 && (!largest_negative.has_value() || x > *largest_negative)) {
            largest_negative = x;
        }
        if (x > 0 && (!smallest_positive.has_value() || x < *smallest_positive)) {
            smallest_positive = x;
        }
    }
    return std::make_tuple(largest_negative, smallest_positive);
}
