#include <cstddef>
#include <vector>

std::vector<long long> min_path(std::vector<std::vector<long long>> grid, long long k) {
    std::size_t n = grid.size();
    long long val = (long long)(n * n) + 1;
    for (std::size_t i = 0; i < n; i++) {
        for (std::size_t j = 0; j < n; j++) {
            if (grid[i][j] != 1) {
                continue;
            }
            std::vector<long long> neighbours;
            if (i != 0) {
                neighbours.push_back(grid[i - 1][j]);
            }
            if (j != 0) {
                neighbours.push_back(grid[i][j - 1]);
            }
            if (i != n - 1) {
                neighbours.push_back(grid[i + 1][j]);
            }
            if (j != n - 1) {
                neighbours.push_back(grid[i][j + 1]);
            }
            val = neighbours[0];
            for (std::size_t m = 1; m < neighbours.size(); m++) {
                if (neighbours[m] < val) {
                    val = neighbours[m];
                }
            }
        }
    }
    std::vector<long long> ans;
    for (long long i = 0; i < k; i++) {
        if (i % 2 == 0) {
            ans.push_back(1);
        } else {
            ans.push_back(val);
        }
    }
    return ans;
}
