#include <cstddef>
#include <cmath>
#include <vector>

double mean_absolute_deviation(std::vector<double> numbers) {
    double total = 0.0;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        total += numbers[i];
    }
    double mean = total / (double)numbers.size();
    double deviation = 0.0;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        deviation += std::fabs(numbers[i] - mean);
    }
    return deviation / (double)numbers.size();
}
