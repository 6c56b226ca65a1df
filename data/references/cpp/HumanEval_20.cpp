#include <cstddef>
#include <cmath>
#include <tuple>
#include <vector>

std::tuple<double, double> find_closest_elements(std::vector<double> numbers) {
    bool found = false;
    double distance = 0.0;
    double low = 0.0;
    double high = 0.0;
    for (std::size_t i = 0; i < numbers.size(); i++) {
        for (std::size_t j = 0; j < numbers.size(); j++) {
            if (i != j) {
                double new_distance = std::fabs(numbers[i] - numbers[j]);
                if (!found || new_distance < distance) {
                    found = true;
                    distance = new_distance;
                    if (numbers[i] <= numbers[j]) {
                        low = numbers[i];
                        high = numbers[j];
                    } else {
                        low = numbers[j];
                        high = numbers[i];
                    }
                }
            }
        }
    }
    return std::make_tuple(low, high);
}
