#include <iostream>
#include <string>
#include <vector>

using namespace std;

int main() {
    int r, c;
    cin >> r >> c;
    vector<vector<string>> m(r, vector<string>(c));
    for (auto &row : m)
        for (auto &v : row) cin >> v;
    for (int j = 0; j < c; j++) {
        for (int i = 0; i < r; i++) cout << (i ? " " : "") << m[i][j];
        cout << '\n';
    }
    return 0;
}
