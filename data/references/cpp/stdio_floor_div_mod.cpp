#include <iostream>
#include <utility>

using namespace std;

pair<long long, long long> floor_div_mod(long long a, long long b) {
    long long q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
        r += b;
    }
    return {q, r};
}

int main() {
    int t;
    cin >> t;
    while (t--) {
        long long a, b;
        cin >> a >> b;
        if (b == 0) {
            cout << "undefined\n";
            continue;
        }
        auto [q, r] = floor_div_mod(a, b);
        cout << q << ' ' << r << '\n';
    }
    return 0;
}
