// Corpus: a watcher reports errors on s.errc or gives up when s.quit is closed. The
// constructor is a struct literal that forgot to make either channel: both are nil, and a
// select over nil channels blocks forever, so the watcher goroutine leaks when main returns
// (go run exits normally; the goroutine is still parked).
// gomc:expect leak
package main

import (
	"errors"
	"fmt"
)

type Watcher struct {
	errc chan error
	quit chan struct{}
}

func (w *Watcher) run() {
	err := errors.New("watch: file removed")
	select {
	case w.errc <- err:
	case <-w.quit:
	}
}

func main() {
	w := &Watcher{} // BUG: errc and quit are never made
	go w.run()
	fmt.Println("watching")
}
