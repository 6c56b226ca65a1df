#include <cmath>

double truncate_number(double number) {
    double r = std::fmod(number, 1.0);
    if (r < 0.0) {
        r += 1.0;
    }
    return r;
}
