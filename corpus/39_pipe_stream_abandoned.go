// Corpus: a log streamer (Docker-style) copies a container's output into an io.Pipe that an
// HTTP handler reads; the handler stops after the first line when the client goes away and
// returns without closing its end, so the streamer stays blocked in Write for good.
// gomc:expect leak
package main

import (
	"fmt"
	"io"
)

func stream(w *io.PipeWriter, lines []string) {
	for _, line := range lines {
		if _, err := io.WriteString(w, line); err != nil {
			w.CloseWithError(err)
			return
		}
	}
	w.Close()
}

func handler(r io.Reader, clientGone bool) {
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
	go stream(w, []string{"line1\n", "line2\n"})
	handler(r, true)
}
