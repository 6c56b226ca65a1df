#include <cstddef>
#include <vector>

bool below_zero(std::vector<long long> operations) {
    long long balance = 0;
    for (std::size_t i = 0; i < operations.size(); i++) {
        balance += operations[i];
        if (balance < 0) {
            return true;
        }
    }
    return false;
}
