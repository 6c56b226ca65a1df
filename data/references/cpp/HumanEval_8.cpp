#include <cstddef>
#include <tuple>
#include <vector>

std::tuple<long long, long long> sum_product(std::vector<long long> numbers) {
    long long sum_value = 0;
    long long prod_value = 1;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        sum_value += numbers[i];
        prod_value *= numbers[i];
    }
    return std::make_tuple(sum_value, prod_value);
}
