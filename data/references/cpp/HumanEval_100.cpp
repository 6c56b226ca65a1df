#include <vector>

std::vector<long long> make_a_pile(long long n) {
    std::vector<long long> levels;
    for (long long i = 0; i < n; i++) {
        levels.push_back(n + 2 * i);
    }
    return levels;
}
