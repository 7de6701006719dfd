// Corpus: a daemon's main starts its server goroutine and parks itself with `select {}`,
// expecting the server to run for ever. The server drains its accept queue, logs its
// statistics (sorted, with runtime.NumGoroutine) and returns when the queue is closed, as
// it does when the listener fails. After that nothing can ever run: Go stops the program
// with "all goroutines are asleep", goroutine 1 in [select (no cases)] (go run shows it
// every time). The fix is to exit main when the server returns.
// gomc:expect deadlock
package main

import (
	"fmt"
	"runtime"
	"sort"
	"strconv"
)

type conn struct {
	remote string
	bytes  int
}

type server struct {
	accept chan conn
	byHost map[string]int
}

func (s *server) serve() {
	for c := range s.accept {
		s.byHost[c.remote] += c.bytes
	}
	hosts := make([]string, 0, len(s.byHost))
	for h := range s.byHost {
		hosts = append(hosts, h)
	}
	sort.Slice(hosts, func(i, j int) bool { return s.byHost[hosts[i]] > s.byHost[hosts[j]] })
	for _, h := range hosts {
		fmt.Println(h + ": " + strconv.Itoa(s.byHost[h]) + " bytes")
	}
	fmt.Println("listener closed; goroutines:", runtime.NumGoroutine())
}

func main() {
	s := &server{accept: make(chan conn, 3), byHost: map[string]int{}}
	s.accept <- conn{"10.0.0.7", 512}
	s.accept <- conn{"10.0.0.9", 2048}
	s.accept <- conn{"10.0.0.7", 128}
	close(s.accept) // the listener failed
	go s.serve()
	select {} // BUG: nothing ever wakes main once serve returns
}
