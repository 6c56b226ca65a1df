#include <cmath>
#include <cstddef>
#include <vector>

double path_length(std::vector<double> xs, std::vector<double> ys) {
    double total = 0.0;
    for (std::size_t i = 1; i < xs.size(); i++) {
        double dx = xs[i] - xs[i - 1];
        double dy = ys[i] - ys[i - 1];
        total += std::sqrt(dx * dx + dy * dy);
    }
    return total;
}
