#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

static bool shorter(const std::string& a, const std::string& b) {
    return a.size() < b.size();
}

std::vector<std::string> sorted_list_sum(std::vector<std::string> lst) {
    std::sort(lst.begin(), lst.end());
    std::vector<std::string> new_lst;
    for (std::size_t i = 0; i < lst.size(); i++) {
        if (lst[i].size() % 2 == 0) {
            new_lst.push_back(lst[i]);
        }
    }
    std::stable_sort(new_lst.begin(), new_lst.end(), shorter);
    return new_lst;
}
