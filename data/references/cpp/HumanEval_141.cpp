#include <cstddef>
#include <string>
#include <vector>

std::string file_name_check(std::string file_name) {
    std::vector<std::string> lst;
    std::string current;
    for (std::size_t i = 0; i < file_name.size(); i++) {
        if (file_name[i] == '.') {
            lst.push_back(current);
            current.clear();
        } else {
            current.push_back(file_name[i]);
        }
    }
    lst.push_back(current);
    if (lst.size() != 2) {
        return "No";
    }
    if (lst[1] != "txt" && lst[1] != "exe" && lst[1] != "dll") {
        return "No";
    }
    if (lst[0].empty()) {
        return "No";
    }
    char first = lst[0][0];
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
        return "No";
    }
    long long t = 0;
    for (std::size_t i = 0; i < lst[0].size(); i++) {
        if (lst[0][i] >= '0' && lst[0][i] <= '9') {
            t += 1;
        }
    }
    if (t > 3) {
        return "No";
    }
    return "Yes";
}
