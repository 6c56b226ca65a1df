#include <cstddef>
#include <tuple>
#include <vector>

std::vector<std::tuple<long long, long long>> get_row(std::vector<std::vector<long long>> lst, long long x) {
    std::vector<std::tuple<long long, long long>> coords;
    for (std::size_t i = 0; i < lst.size(); i++) {
        for (std::size_t j = lst[i].size(); j > 0; j--) {
            if (lst[i][j - 1] == x) {
                coords.push_back(std::make_tuple((long long)i, (long long)(j - 1)));
            }
        }
    }
    return coords;
}
