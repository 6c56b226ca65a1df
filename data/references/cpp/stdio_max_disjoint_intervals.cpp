#include <algorithm>
#include <iostream>
#include <utility>
#include <vector>

using namespace std;

int main() {
    int n;
    cin >> n;
    vector<pair<int, int>> intervals;  // (end, start)
    for (int i = 0; i < n; i++) {
        int a, b;
        cin >> a >> b;
        intervals.push_back({max(a, b), min(a, b)});
    }
    sort(intervals.begin(), intervals.end());
    int count = 0, last_end = 0;
    for (const auto &[r, l] : intervals) {
        if (count == 0 || l > last_end) {
            count++;
            last_end = r;
        }
    }
    cout << count << '\n';
    return 0;
}
