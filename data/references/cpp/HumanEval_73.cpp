#include <cstddef>
#include <vector>

long long smallest_change(std::vector<long long> arr) {
    long long changes = 0;
    std::size_t n = arr.size();
    for (std::size_t i = 0; i < n / 2; i++) {
        if (arr[i] != arr[n - i - 1]) {
            changes++;
        }
    }
    return changes;
}
