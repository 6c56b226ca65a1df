#include <iostream>
#include <map>
#include <string>

using namespace std;

int main() {
    string word;
    cin >> word;
    map<char, int> counts;
    for (char ch : word) counts[ch]++;
    cout << counts.size() << '\n';
    for (const auto &[ch, c] : counts) cout << ch << ' ' << c << '\n';
    return 0;
}
