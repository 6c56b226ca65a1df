#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

int main() {
    int n;
    cin >> n;
    vector<double> scores(n);
    double total = 0.0;
    for (auto &s : scores) {
        string tok;
        cin >> tok;
        s = stod(tok);
        total += s;
    }
    double avg = total / n;
    int above = 0;
    for (double s : scores)
        if (s > avg) above++;
    printf("%.6f\n%d\n", avg, above);
    return 0;
}
