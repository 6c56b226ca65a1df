#include <iostream>
#include <map>
#include <string>

using namespace std;

int main() {
    string w;
    cin >> w;  // the line count
    map<string, int> counts;
    while (cin >> w) counts[w]++;
    string best;
    int best_count = 0;
    for (const auto &[word, c] : counts) {
        if (c > best_count) {  // map order: the first word with the top count is the smallest
            best = word;
            best_count = c;
        }
    }
    cout << best << ' ' << best_count << '\n' << counts.size() << '\n';
    return 0;
}
