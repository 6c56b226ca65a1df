#include <cstddef>
#include <algorithm>
#include <vector>

std::vector<long long> sort_even(std::vector<long long> l) {
    std::vector<long long> evens;
    std::vector<long long> odds;
    for (std::size_t i = 0; i < l.size(); i++) {
        if (i % 2 == 0) {
            evens.push_back(l[i]);
        } else {
            odds.push_back(l[i]);
        }
    }
    std::sort(evens.begin(), evens.end());
    std::vector<long long> ans;
    for (std::size_t i = 0; i < evens.size() && i < odds.size(); i++) {
        ans.push_back(evens[i]);
        ans.push_back(odds[i]);
    }
    if (evens.size() > odds.size()) {
        ans.push_back(evens[evens.size() - 1]);
    }
    return ans;
}
