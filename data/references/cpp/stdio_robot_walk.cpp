#include <cstdlib>
#include <iostream>
#include <set>
#include <string>
#include <utility>

using namespace std;

int main() {
    string path;
    cin >> path;
    int x = 0, y = 0, farthest = 0;
    set<pair<int, int>> visited = {{0, 0}};
    for (char ch : path) {
        switch (ch) {
            case 'U': y++; break;
            case 'D': y--; break;
            case 'L': x--; break;
            case 'R': x++; break;
        }
        visited.insert({x, y});
        farthest = max(farthest, abs(x) + abs(y));
    }
    cout << x << ' ' << y << '\n' << visited.size() << '\n' << farthest << '\n';
    return 0;
}
