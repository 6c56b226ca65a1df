#include <map>
#include <vector>

long long search(std::vector<long long> lst) {
    std::map<long long, long long> frequency;
    for (long long value : lst) {
        frequency[value]++;
    }
    long long answer = -1;
    for (const auto& entry : frequency) {
        if (entry.first >= 1 && entry.second >= entry.first) {
            answer = entry.first;
        }
    }
    return answer;
}
