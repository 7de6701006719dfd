// A consumer reads the header it needs from an io.Pipe and returns without closing its end:
// the producer stays blocked in Write for good (the shape of many "io.Pipe goroutine leak"
// reports). gomc:expect is not used here: the test asserts the leak.
package main

import (
	"fmt"
	"io"
)

func produce(w *io.PipeWriter) {
	for i := 0; i < 2; i++ {
		if _, err := fmt.Fprintf(w, "record %d;", i); err != nil {
			return
		}
	}
	w.Close()
}

func main() {
	r, w := io.Pipe()
	go produce(w)
	header := make([]byte, 6)
	io.ReadFull(r, header)
	fmt.Println(string(header))
	if closeReader {
		r.Close()
	}
}

var closeReader = false
