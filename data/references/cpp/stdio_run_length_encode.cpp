#include <iostream>
#include <string>

using namespace std;

string encode(const string &s) {
    string out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && s[j] == s[i]) j++;
        out += s[i];
        if (j - i > 1) out += to_string(j - i);
        i = j;
    }
    return out;
}

int main() {
    int t;
    cin >> t;
    while (t--) {
        string w;
        cin >> w;
        cout << encode(w) << '\n';
    }
    return 0;
}
