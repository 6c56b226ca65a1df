package main

import (
	"bufio"
	"fmt"
	"os"
)

const mod = 1_000_000_007

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, amount int
	fmt.Fscan(in, &n, &amount)
	coins := make([]int, n)
	for i := range coins {
		fmt.Fscan(in, &coins[i])
	}
	ways := make([]int64, amount+1)
	ways[0] = 1
	for _, c := range coins {
		for v := c; v <= amount; v++ {
			ways[v] = (ways[v] + ways[v-c]) % mod
		}
	}
	fmt.Println(ways[amount])
}
