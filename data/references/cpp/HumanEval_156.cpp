#include <string>

std::string int_to_mini_roman(long long number) {
    const long long num[] = {1, 4, 5, 9, 10, 40, 50, 90, 100, 400, 500, 900, 1000};
    const char* sym[] = {"i", "iv", "v", "ix", "x", "xl", "l", "xc", "c", "cd", "d", "cm", "m"};
    std::string res;
    for (int i = 12; i >= 0 && number > 0; i--) {
        long long div = number / num[i];
        number %= num[i];
        for (long long k = 0; k < div; k++) {
            res += sym[i];
        }
    }
    return res;
}
