// Corpus: the fix of 39_pipe_stream_abandoned.go: the handler closes its end of the pipe when
// it stops early, so the streamer's Write fails with io.ErrClosedPipe and it returns.
// gomc:expect none
package main

import (
	"fmt"
	"io"
)

func stream(w *io.PipeWriter, lines []string, done chan<- error) {
	for _, line := range lines {
		if _, err := io.WriteString(w, line); err != nil {
			done <- err
			return
		}
	}
	done <- w.Close()
}

func handler(r *io.PipeReader, clientGone bool) {
	defer r.Close()
	buf := make([]byte, 6)
	n, _ := r.Read(buf)
	fmt.Println("sent", string(buf[:n]))
	if clientGone {
		return
	}
	io.Copy(io.Discard, r)
}

func main() {
	r, w := io.Pipe()
	done := make(chan error, 1)
	go stream(w, []string{"line1\n", "line2\n"}, done)
	handler(r, true)
	fmt.Println("streamer:", <-done)
}
