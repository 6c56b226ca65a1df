#include <iostream>
#include <string>
#include <utility>
#include <vector>

using namespace std;

int main() {
    int r, c;
    cin >> r >> c;
    vector<string> grid(r);
    for (auto &row : grid) cin >> row;
    const int dy[] = {1, -1, 0, 0};
    const int dx[] = {0, 0, 1, -1};
    int islands = 0;
    for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
            if (grid[i][j] != '#') continue;
            islands++;
            grid[i][j] = '.';
            vector<pair<int, int>> stack = {{i, j}};
            while (!stack.empty()) {
                auto [y, x] = stack.back();
                stack.pop_back();
                for (int d = 0; d < 4; d++) {
                    int ny = y + dy[d], nx = x + dx[d];
                    if (ny >= 0 && ny < r && nx >= 0 && nx < c && grid[ny][nx] == '#') {
                        grid[ny][nx] = '.';
                        stack.push_back({ny, nx});
                    }
                }
            }
        }
    }
    cout << islands << '\n';
    return 0;
}
