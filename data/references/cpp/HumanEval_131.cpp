long long digits(long long n) {
    long long product = 1;
    long long odd_count = 0;
    do {
        long long digit = n % 10;
        if (digit % 2 == 1) {
            product = product * digit;
            odd_count += 1;
        }
        n /= 10;
    } while (n > 0);
    if (odd_count == 0) {
        return 0;
    }
    return product;
}
