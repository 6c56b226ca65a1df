#include <iostream>

using namespace std;

const long long MOD = 1000000007LL;

int main() {
    int n;
    cin >> n;
    long long total = 0, product = 1;
    for (int i = 0; i < n; i++) {
        long long x;
        cin >> x;
        total += x;
        long long r = ((x % MOD) + MOD) % MOD;
        product = product * r % MOD;
    }
    cout << total << '\n' << product << '\n';
    return 0;
}
