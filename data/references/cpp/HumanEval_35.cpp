#include <cstddef>
#include <vector>

long long max_element(std::vector<long long> l) {
    long long m = l.at(0);
    for (std::size_t i = 0; i < l.size(); i++) {
        if (l[i] > m) {
            m = l[i];
        }
    }
    return m;
}
