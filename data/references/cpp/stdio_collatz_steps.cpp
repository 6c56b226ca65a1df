#include <algorithm>
#include <iostream>

using namespace std;

int main() {
    int t;
    cin >> t;
    while (t--) {
        long long x;
        cin >> x;
        long long peak = x;
        int steps = 0;
        while (x != 1) {
            x = x % 2 == 0 ? x / 2 : 3 * x + 1;
            peak = max(peak, x);
            steps++;
        }
        cout << steps << ' ' << peak << '\n';
    }
    return 0;
}
