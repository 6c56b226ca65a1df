#include <cstddef>
#include <vector>

long long max_fill(std::vector<std::vector<long long>> grid, long long capacity) {
    long long total = 0;
    for (std::size_t i = 0; i < grid.size(); i++) {
        long long water = 0;
        for (std::size_t j = 0; j < grid[i].size(); j++) {
            water += grid[i][j];
        }
        long long trips = water / capacity;
        if (water % capacity != 0 && (water < 0) == (capacity < 0)) {
            trips += 1;
        }
        total += trips;
    }
    return total;
}
