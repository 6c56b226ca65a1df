#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

using namespace std;

struct Point {
    long long x, y;
};

double dist(const Point &a, const Point &b) {
    long long dx = b.x - a.x, dy = b.y - a.y;
    return sqrt((double)(dx * dx + dy * dy));
}

int main() {
    int n;
    cin >> n;
    vector<Point> pts(n);
    for (auto &p : pts) cin >> p.x >> p.y;
    double total = 0.0;
    for (int i = 1; i < n; i++) total += dist(pts[i - 1], pts[i]);
    printf("%.6f\n%.6f\n", total, dist(pts[0], pts[n - 1]));
    return 0;
}
