#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

using namespace std;

int main() {
    int n;
    cin >> n;
    vector<long long> nums(n);
    for (auto &x : nums) cin >> x;
    sort(nums.begin(), nums.end());
    for (int i = 0; i < n; i++) cout << (i ? " " : "") << nums[i];
    cout << '\n';
    if (n % 2 == 1) {
        cout << nums[n / 2] << '\n';
        return 0;
    }
    long long s = nums[n / 2 - 1] + nums[n / 2];
    if (s % 2 == 0) {
        cout << s / 2 << '\n';
    } else {
        printf("%.1f\n", s / 2.0);
    }
    return 0;
}
