#include <cstddef>
#include <string>
#include <vector>

std::string exchange(std::vector<long long> lst1, std::vector<long long> lst2) {
    long long odd = 0;
    long long even = 0;
    for (std::size_t i = 0; i < lst1.size(); i++) {
        if (lst1[i] % 2 != 0) {
            odd += 1;
        }
    }
    for (std::size_t i = 0; i < lst2.size(); i++) {
        if (lst2[i] % 2 == 0) {
            even += 1;
        }
    }
    if (even >= odd) {
        return "YES";
    }
    return "NO";
}
