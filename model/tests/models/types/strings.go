package main

import "fmt"

func main() {
	s := "héllo, 世界"
	count := 0
	for i, r := range s {
		if r > 127 {
			fmt.Println(i, string(r))
		}
		count++
	}
	for i := range "ab" {
		count += i
	}
	b := []byte("go")
	b[0] = 'G'
	fmt.Println(count, string(b), len(b), string(rune(0x4e16)))
	buf := append([]byte("id:"), "世x"...)
	fmt.Println(len(buf), string(buf))
	done := make(chan string)
	go func() {
		for _, w := range "ok" {
			done <- string(w)
		}
		close(done)
	}()
	for w := range done {
		fmt.Print(w)
	}
	fmt.Println()
}
