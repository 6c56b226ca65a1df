package main

func IsMultiplyPrime(a int) bool {
	primes := []int{}
	for n := 2; n <= 100; n++ {
		isPrime := true
		for d := 2; d < n; d++ {
			if n%d == 0 {
				isPrime = false
				break
			}
		}
		if isPrime {
			primes = append(primes, n)
		}
	}
	for _, i := range primes {
		for _, j := range primes {
			for _, k := range primes {
				if i*j*k == a {
					return true
				}
			}
		}
	}
	return false
}
