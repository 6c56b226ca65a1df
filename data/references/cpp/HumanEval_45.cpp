double triangle_area(long long a, long long h) {
    return (double)(a * h) / 2.0;
}
