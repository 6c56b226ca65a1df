#include <iostream>
#include <string>

using namespace std;

int main() {
    int t;
    cin >> t;
    while (t--) {
        string w;
        cin >> w;
        size_t n = w.size();
        int changes = 0;
        for (size_t i = 0; i < n / 2; i++)
            if (w[i] != w[n - 1 - i]) changes++;
        if (changes == 0)
            cout << "YES\n";
        else
            cout << changes << '\n';
    }
    return 0;
}
