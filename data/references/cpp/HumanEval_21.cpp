#include <cstddef>
#include <vector>

std::vector<double> rescale_to_unit(std::vector<double> numbers) {
    double min_number = numbers[0];
    double max_number = numbers[0];
    for (std::size_t i = 1; i < numbers.size(); i++) {
        if (numbers[i] < min_number) {
            min_number = numbers[i];
        }
        if (numbers[i] > max_number) {
            max_number = numbers[i];
        }
    }
    std::vector<double> result;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        result.push_back((numbers[i] - min_number) / (max_number - min_number));
    }
    return result;
}
