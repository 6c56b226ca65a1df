package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var n int
	fmt.Scan(&n)
	composite := make([]bool, n+1)
	primes := []string{}
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, strconv.Itoa(i))
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	fmt.Println(len(primes))
	fmt.Println(strings.Join(primes, " "))
}
