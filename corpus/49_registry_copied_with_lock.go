// Corpus: a registry embeds sync.Mutex and is passed by value to a helper that reports its
// size. The call happens while the registry is locked, so the helper's copy holds a locked
// mutex and its Lock never returns (go vet's copylocks reports the copy).
// gomc:expect deadlock
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Registry struct {
	sync.Mutex
	services map[string]string
}

func describe(r Registry) string {
	r.Lock()
	defer r.Unlock()
	names := make([]string, 0, len(r.services))
	for name := range r.services {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

func (r *Registry) Register(name, addr string) {
	r.Lock()
	defer r.Unlock()
	r.services[name] = addr
	fmt.Println("registered", name, "now:", describe(*r))
}

func main() {
	r := &Registry{services: map[string]string{}}
	r.Register("api", "10.0.0.1:80")
}
