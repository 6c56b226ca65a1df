#include <cstddef>
#include <cmath>
#include <vector>

bool has_close_elements(std::vector<double> numbers, double threshold) {
    for (std::size_t i = 0; i < numbers.size(); i++) {
        for (std::size_t j = 0; j < numbers.size(); j++) {
            if (i != j) {
                double distance = std::fabs(numbers[i] - numbers[j]);
                if (distance < threshold) {
                    return true;
                }
            }
        }
    }
    return false;
}
