long long add(long long x, long long y) {
    return x + y;
}
