#include <algorithm>
#include <iostream>
#include <vector>

using namespace std;

int main() {
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        vector<long long> nums(n);
        for (auto &x : nums) cin >> x;
        long long best = nums[0], cur = nums[0];
        for (int i = 1; i < n; i++) {
            cur = max(nums[i], cur + nums[i]);
            best = max(best, cur);
        }
        cout << best << '\n';
    }
    return 0;
}
