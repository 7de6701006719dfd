// Corpus: a stats struct that embeds sync.RWMutex; Summary has a value receiver, so calling
// it copies the struct, mutex included (go vet: "Summary passes lock by value"). Record calls
// it while holding the write lock, so the copy is a locked RWMutex and its RLock waits
// forever. go run: "all goroutines are asleep - deadlock!".
// gomc:expect deadlock
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Stats struct {
	sync.RWMutex
	counts map[string]int
}

func (s Stats) Summary() string {
	s.RLock()
	defer s.RUnlock()
	keys := make([]string, 0, len(s.counts))
	for k := range s.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d ", k, s.counts[k])
	}
	return strings.TrimSpace(b.String())
}

func (s *Stats) Record(key string) {
	s.Lock()
	defer s.Unlock()
	s.counts[key]++
	if s.counts[key]%2 == 0 {
		fmt.Println("stats:", s.Summary())
	}
}

func main() {
	s := &Stats{counts: map[string]int{}}
	var wg sync.WaitGroup
	for _, k := range []string{"get", "put", "get"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Record(k)
		}()
	}
	wg.Wait()
	fmt.Println(s.Summary())
}
