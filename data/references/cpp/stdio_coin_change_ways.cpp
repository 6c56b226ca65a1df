#include <iostream>
#include <vector>

using namespace std;

const long long MOD = 1000000007LL;

int main() {
    int n, amount;
    cin >> n >> amount;
    vector<int> coins(n);
    for (auto &c : coins) cin >> c;
    vector<long long> ways(amount + 1, 0);
    ways[0] = 1;
    for (int c : coins)
        for (int v = c; v <= amount; v++) ways[v] = (ways[v] + ways[v - c]) % MOD;
    cout << ways[amount] << '\n';
    return 0;
}
