long long car_race_collision(long long n) {
    return n * n;
}
