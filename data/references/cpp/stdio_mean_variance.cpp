#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

int main() {
    int n;
    cin >> n;
    vector<double> xs(n);
    double total = 0.0;
    for (auto &x : xs) {
        string tok;
        cin >> tok;
        x = stod(tok);
        total += x;
    }
    double mean = total / n;
    double sq = 0.0;
    for (double x : xs) sq += (x - mean) * (x - mean);
    double variance = sq / n;
    printf("%.6f\n%.6f\n%.6f\n", mean, variance, sqrt(variance));
    return 0;
}
