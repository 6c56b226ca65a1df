#include <algorithm>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace std;

int main() {
    string line;
    getline(cin, line);
    int t = stoi(line);
    for (int i = 0; i < t; i++) {
        if (!getline(cin, line)) line.clear();
        istringstream ss(line);
        vector<string> words;
        string w;
        while (ss >> w) words.push_back(w);
        reverse(words.begin(), words.end());
        for (size_t k = 0; k < words.size(); k++) cout << (k ? " " : "") << words[k];
        cout << '\n';
    }
    return 0;
}
