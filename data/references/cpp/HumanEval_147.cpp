#include <vector>

long long get_max_triples(long long n) {
    std::vector<long long> a;
    for (long long i = 1; i <= n; i++) {
        a.push_back(i * i - i + 1);
    }
    long long count = 0;
    for (long long i = 0; i < n; i++) {
        for (long long j = i + 1; j < n; j++) {
            for (long long k = j + 1; k < n; k++) {
                if ((a[i] + a[j] + a[k]) % 3 == 0) {
                    count += 1;
                }
            }
        }
    }
    return count;
}
