// io.Pipe, ReadFull, ReadAll, Copy and the close errors, each exchange ordered so that the
// output is the same in every interleaving (and in `go run`).
package main

import (
	"errors"
	"fmt"
	"io"
)

type collector struct{ parts []string }

func (c *collector) Write(p []byte) (int, error) {
	c.parts = append(c.parts, string(p))
	return len(p), nil
}

func main() {
	// One write consumed by two reads, then EOF.
	r, w := io.Pipe()
	go func() {
		n, err := fmt.Fprintf(w, "%s-%d", "abc", 42)
		fmt.Println("wrote", n, err)
		w.Close()
	}()
	head := make([]byte, 4)
	n, err := io.ReadFull(r, head)
	fmt.Println(n, err, string(head))
	rest, err := io.ReadAll(r)
	fmt.Println(string(rest), err)

	// The writer's error reaches the reader; a short read is ErrUnexpectedEOF.
	r, w = io.Pipe()
	go func() {
		w.Write([]byte("xy"))
		w.CloseWithError(errors.New("upstream failed"))
	}()
	buf := make([]byte, 3)
	n, err = io.ReadFull(r, buf)
	fmt.Println(n, err)
	n, err = r.Read(buf)
	fmt.Println(n, err)

	// The reader closing makes the writer fail with ErrClosedPipe.
	r, w = io.Pipe()
	r.Close()
	n, err = w.Write([]byte("lost"))
	fmt.Println(n, err, err == io.ErrClosedPipe)

	// Copy into a user Writer.
	r, w = io.Pipe()
	go func() {
		io.WriteString(w, "one")
		io.WriteString(w, "two")
		w.Close()
	}()
	c := &collector{}
	copied, err := io.Copy(c, r)
	fmt.Println(copied, err, c.parts)
	fmt.Fprintln(io.Discard, "nothing")
}
