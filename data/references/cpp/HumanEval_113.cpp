#include <cstddef>
#include <string>
#include <vector>

std::vector<std::string> odd_count(std::vector<std::string> lst) {
    std::vector<std::string> res;
    for (std::size_t i = 0; i < lst.size(); i++) {
        long long n = 0;
        for (std::size_t j = 0; j < lst[i].size(); j++) {
            int digit = lst[i][j] - '0';
            if (digit % 2 == 1) {
                n += 1;
            }
        }
        std::string count = std::to_string(n);
        res.push_back("the number of odd elements " + count + "n the str" + count + "ng " + count +
                      " of the " + count + "nput.");
    }
    return res;
}
