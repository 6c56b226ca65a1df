#include <cmath>
#include <cstdio>
#include <cstdlib>

double triangle_area(long long a, long long b, long long c) {
    if (a + b <= c || a + c <= b || b + c <= a) {
        return -1;
    }
    double s = (double)(a + b + c) / 2.0;
    double area = std::pow(s * (s - a) * (s - b) * (s - c), 0.5);
    // Python's round(area, 2) rounds the exact binary value half-to-even,
    // which is what printing with two decimals does.
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", area);
    return std::strtod(buffer, nullptr);
}
