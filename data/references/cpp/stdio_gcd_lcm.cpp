#include <iostream>

using namespace std;

long long gcd_of(long long a, long long b) {
    while (b != 0) {
        long long t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int main() {
    int t;
    cin >> t;
    while (t--) {
        long long a, b;
        cin >> a >> b;
        long long g = gcd_of(a, b);
        cout << g << ' ' << a / g * b << '\n';
    }
    return 0;
}
