#include <iostream>
#include <vector>

using namespace std;

int main() {
    int n, m, p;
    cin >> n >> m >> p;
    vector<vector<long long>> a(n, vector<long long>(m)), b(m, vector<long long>(p));
    for (auto &row : a)
        for (auto &v : row) cin >> v;
    for (auto &row : b)
        for (auto &v : row) cin >> v;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
            long long s = 0;
            for (int k = 0; k < m; k++) s += a[i][k] * b[k][j];
            cout << (j ? " " : "") << s;
        }
        cout << '\n';
    }
    return 0;
}
