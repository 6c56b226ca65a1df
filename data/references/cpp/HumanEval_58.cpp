#include <set>
#include <vector>

std::vector<long long> common(std::vector<long long> l1, std::vector<long long> l2) {
    std::set<long long> second(l2.begin(), l2.end());
    std::set<long long> shared;
    for (long long e : l1) {
        if (second.count(e) > 0) {
            shared.insert(e);
        }
    }
    return std::vector<long long>(shared.begin(), shared.end());
}
