// A producer writes lines through a bufio.Writer into an io.Pipe and forgets to Flush before
// closing: the lines sit in the Writer's buffer, the consumer's Scanner sees the end of the
// input with no line, and main waits for a count that never comes (`go run`: "fatal error:
// all goroutines are asleep - deadlock!"). With flush set, every line arrives.
package main

import (
	"bufio"
	"fmt"
	"io"
)

var flush = false

func main() {
	r, w := io.Pipe()
	go func() {
		bw := bufio.NewWriter(w)
		for i := 0; i < 2; i++ {
			fmt.Fprintf(bw, "event %d\n", i)
		}
		if flush {
			bw.Flush()
		}
		w.Close()
	}()
	got := make(chan int)
	go func() {
		sc := bufio.NewScanner(r)
		n := 0
		for sc.Scan() {
			fmt.Println(sc.Text())
			n++
			if n == 2 {
				got <- n
			}
		}
	}()
	fmt.Println("lines:", <-got)
}
