#include <algorithm>
#include <iostream>
#include <string>

using namespace std;

const string DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

string to_base(long long x, unsigned long long b) {
    if (x == 0) return "0";
    unsigned long long v = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    string out;
    while (v > 0) {
        out += DIGITS[v % b];
        v /= b;
    }
    if (x < 0) out += '-';
    reverse(out.begin(), out.end());
    return out;
}

int main() {
    int t;
    cin >> t;
    while (t--) {
        long long x;
        unsigned long long b;
        cin >> x >> b;
        cout << to_base(x, b) << '\n';
    }
    return 0;
}
