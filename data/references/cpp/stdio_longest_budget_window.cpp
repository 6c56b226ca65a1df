#include <algorithm>
#include <iostream>
#include <vector>

using namespace std;

int main() {
    int n;
    long long budget;
    cin >> n >> budget;
    vector<long long> nums(n);
    for (auto &x : nums) cin >> x;
    int best = 0, left = 0;
    long long window = 0;
    for (int right = 0; right < n; right++) {
        window += nums[right];
        while (window > budget) {
            window -= nums[left];
            left++;
        }
        best = max(best, right - left + 1);
    }
    cout << best << '\n';
    return 0;
}
