package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var word string
	fmt.Fscan(in, &word)
	counts := map[rune]int{}
	for _, ch := range word {
		counts[ch]++
	}
	letters := make([]rune, 0, len(counts))
	for ch := range counts {
		letters = append(letters, ch)
	}
	sort.Slice(letters, func(i, j int) bool { return letters[i] < letters[j] })
	fmt.Println(len(counts))
	for _, ch := range letters {
		fmt.Printf("%c %d\n", ch, counts[ch])
	}
}
