#include <optional>
#include <set>
#include <vector>

std::optional<long long> next_smallest(std::vector<long long> lst) {
    std::set<long long> unique(lst.begin(), lst.end());
    if (unique.size() < 2) {
        return std::nullopt;
    }
    auto it = unique.begin();
    ++it;
    return *it;
}
