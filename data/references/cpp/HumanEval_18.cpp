#include <string>

long long how_many_times(std::string string, std::string substring) {
    long long times = 0;
    long long n = (long long)string.size();
    long long m = (long long)substring.size();
    for (long long i = 0; i < n - m + 1; i++) {
        if (string.compare(i, m, substring) == 0) {
            times += 1;
        }
    }
    return times;
}
