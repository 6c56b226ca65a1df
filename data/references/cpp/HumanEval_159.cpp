#include <vector>

std::vector<long long> eat(long long number, long long need, long long remaining) {
    if (need <= remaining) {
        return std::vector<long long>{number + need, remaining - need};
    }
    return std::vector<long long>{number + remaining, 0};
}
