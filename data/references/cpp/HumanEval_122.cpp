#include <vector>

long long add_elements(std::vector<long long> arr, long long k) {
    // arr[:k] as a Python slice: a negative k counts from the end.
    long long n = (long long)arr.size();
    long long stop = k;
    if (stop < 0) {
        stop += n;
    }
    if (stop < 0) {
        stop = 0;
    }
    if (stop > n) {
        stop = n;
    }
    long long total = 0;
    for (long long i = 0; i < stop; i++) {
        // len(str(elem)) <= 2 also counts the minus sign.
        if (arr[i] >= -9 && arr[i] <= 99) {
            total += arr[i];
        }
    }
    return total;
}
