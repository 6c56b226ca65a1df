fn fib4(n: i64) -> i64 {
    let mut results: Vec<i64> = vec![0, 0, 2, 0];
    if n < 4 {
        return results[n as usize];
    }
    let mut i: i64 = 4;
    while i < n + 1 {
        let next = results[3] + results[2] + results[1] + results[0];
        results.push(next);
        results.remove(0);
        i += 1;
    }
    results[3]
}
