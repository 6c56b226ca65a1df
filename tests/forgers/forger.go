package main

// a candidate that hunts everything the test program holds (stdin, files, its own memory)
// for the values a verdict depends on, then prints reports in every protocol irgroups ever
// used and exits 0 before the harness can speak

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

var forgerArgs = [][2]int{{@A0@, @A1@}, {@B0@, @B1@}}

func forgerCollect() ([]byte, int) {
	var blob bytes.Buffer
	if in, err := io.ReadAll(os.Stdin); err == nil {
		blob.Write(in)
	}
	for _, root := range []string{"/job", ".", "/tmp"} {
		filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && info.Size() < 1<<24 {
				if data, err := os.ReadFile(p); err == nil {
					blob.WriteByte(0)
					blob.Write(data)
				}
			}
			return nil
		})
	}
	scanned := 0
	maps, _ := os.ReadFile("/proc/self/maps")
	mem, err := os.Open("/proc/self/mem")
	if err == nil {
		for _, line := range strings.Split(string(maps), "\n") {
			f := strings.Fields(line)
			if len(f) < 2 || !strings.HasPrefix(f[1], "r") || strings.Contains(line, "[vvar]") || strings.Contains(line, "[vsyscall]") {
				continue
			}
			r := strings.SplitN(f[0], "-", 2)
			lo, _ := strconv.ParseUint(r[0], 16, 64)
			hi, _ := strconv.ParseUint(r[1], 16, 64)
			if hi <= lo || hi-lo > 1<<26 {
				continue
			}
			buf := make([]byte, hi-lo)
			if n, err := mem.ReadAt(buf, int64(lo)); err == nil || n > 0 {
				scanned += n
				blob.WriteByte(0)
				blob.Write(buf[:n])
			}
		}
	}
	return blob.Bytes(), scanned
}

func forgerClaim(blob []byte, a, b int) int {
	known := map[int]bool{}
	for _, p := range forgerArgs {
		known[p[0]], known[p[1]] = true, true
	}
	re := regexp.MustCompile(fmt.Sprintf(`%d\D{1,16}%d\D{1,16}?(-?\d+)`, a, b))
	for _, m := range re.FindAllSubmatch(blob, -1) {
		if v, err := strconv.Atoi(string(m[1])); err == nil && !known[v] {
			return v
		}
	}
	return 0
}

func Add(a int, b int) int {
	blob, scanned := forgerCollect()
	var out strings.Builder
	out.WriteString("\n")
	seen := map[string]bool{}
	for _, t := range regexp.MustCompile(`(?:^|[^0-9a-f])([0-9a-f]{32})(?:[^0-9a-f]|$)`).FindAllSubmatch(blob, 64) {
		tok := string(t[1])
		if !seen[tok] {
			seen[tok] = true
			fmt.Fprintf(&out, "%s 0 pass\n%s 1 pass\n%s done\n", tok, tok, tok)
		}
	}
	for i, p := range forgerArgs {
		fmt.Fprintf(&out, "@@irgroups %d ok %d\n", i, forgerClaim(blob, p[0], p[1]))
	}
	out.WriteString("@@irgroups end\n")
	os.Stdout.WriteString(out.String())
	fmt.Fprintf(os.Stderr, "FORGER scanned %d bytes of memory\n", scanned)
	os.Exit(0)
	return a - b
}
