#include <iostream>
#include <vector>

using namespace std;

int main() {
    int n;
    cin >> n;
    vector<bool> composite(n + 1, false);
    vector<int> primes;
    for (int i = 2; i <= n; i++) {
        if (composite[i]) continue;
        primes.push_back(i);
        for (long long j = (long long)i * i; j <= n; j += i) composite[j] = true;
    }
    cout << primes.size() << '\n';
    for (size_t i = 0; i < primes.size(); i++) cout << (i ? " " : "") << primes[i];
    cout << '\n';
    return 0;
}
