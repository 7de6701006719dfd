// Corpus: a route table behind a sync.RWMutex. LookupOrDefault read-locks and, under that
// read lock, calls Lookup, which read-locks again. That is harmless until a writer arrives
// between the two RLocks: RWMutex lets no new reader in while a writer waits, the writer
// waits for the first read lock, and the reader for the writer: all goroutines are asleep.
// The sync docs forbid recursive read locking for this reason. go run rarely shows it;
// gomc finds the interleaving. The updater is a method value started with `go`.
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
)

type Routes struct {
	mu    sync.RWMutex
	table map[string]string
	wg    sync.WaitGroup
}

func (r *Routes) Lookup(host string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	backend, ok := r.table[host]
	return backend, ok
}

func (r *Routes) LookupOrDefault(host string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if backend, ok := r.Lookup(host); ok { // BUG: a second RLock while holding one
		return backend
	}
	return r.table["default"]
}

func (r *Routes) update() {
	defer r.wg.Done()
	r.mu.Lock()
	r.table["api.example.com"] = "10.0.0.2:8080"
	r.mu.Unlock()
}

func main() {
	r := &Routes{table: map[string]string{"default": "10.0.0.1:8080"}}
	r.wg.Add(1)
	go r.update()
	fmt.Println("api ->", r.LookupOrDefault("api.example.com"))
	r.wg.Wait()
}
