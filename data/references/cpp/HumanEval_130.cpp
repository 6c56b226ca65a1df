#include <vector>

std::vector<double> tri(long long n) {
    if (n == 0) {
        return std::vector<double>{1.0};
    }
    std::vector<double> my_tri{1.0, 3.0};
    for (long long i = 2; i <= n; i++) {
        if (i % 2 == 0) {
            my_tri.push_back((double)i / 2.0 + 1.0);
        } else {
            my_tri.push_back(my_tri[i - 1] + my_tri[i - 2] + (double)(i + 3) / 2.0);
        }
    }
    return my_tri;
}
