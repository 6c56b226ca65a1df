#include <algorithm>
#include <iostream>
#include <vector>

using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> nums(n);
    for (auto &x : nums) cin >> x;
    sort(nums.begin(), nums.end());
    int q;
    cin >> q;
    while (q--) {
        int x;
        cin >> x;
        auto le = upper_bound(nums.begin(), nums.end(), x) - nums.begin();
        auto lt = lower_bound(nums.begin(), nums.end(), x) - nums.begin();
        cout << le << ' ' << le - lt << '\n';
    }
    return 0;
}
