#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

using namespace std;

// Maximum nesting depth, or -1 when s is not balanced.
int depth(const string &s) {
    vector<char> stack;
    int best = 0;
    for (char ch : s) {
        if (ch == '(' || ch == '[') {
            stack.push_back(ch);
            best = max(best, (int)stack.size());
        } else {
            char open = ch == ')' ? '(' : '[';
            if (stack.empty() || stack.back() != open) return -1;
            stack.pop_back();
        }
    }
    return stack.empty() ? best : -1;
}

int main() {
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        int d = depth(s);
        if (d < 0)
            cout << "NO\n";
        else
            cout << "YES " << d << '\n';
    }
    return 0;
}
