#include <cmath>

bool iscube(long long a) {
    if (a < 0) {
        a = -a;
    }
    // Python's round() on a float rounds half to even, like nearbyint
    long long root = (long long)std::nearbyint(std::pow((double)a, 1.0 / 3.0));
    return root * root * root == a;
}
