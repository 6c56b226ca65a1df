#include <cstddef>
#include <vector>

std::vector<std::vector<long long>> transpose_grid(std::vector<std::vector<long long>> grid) {
    std::vector<std::vector<long long>> result;
    if (grid.empty() || grid[0].empty()) {
        return result;
    }
    for (std::size_t c = 0; c < grid[0].size(); c++) {
        std::vector<long long> column;
        for (std::size_t r = 0; r < grid.size(); r++) {
            column.push_back(grid[r][c]);
        }
        result.push_back(column);
    }
    return result;
}
