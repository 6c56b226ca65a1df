#include <cstddef>
#include <vector>

std::vector<long long> derivative(std::vector<long long> xs) {
    std::vector<long long> result;
    for (std::size_t i = 1; i < xs.size(); i++) {
        result.push_back((long long)i * xs[i]);
    }
    return result;
}
