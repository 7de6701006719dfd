package main

import "sync"

type tenant string

type quotas struct {
	mu     sync.Mutex
	limits map[tenant]int
}

func (q *quotas) limit(name string) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.limits[name]
}

func main() {
	q := &quotas{limits: map[tenant]int{"a": 1}}
	println(q.limit("a"))
}
// go build: 15:18: cannot use name (variable of type string) as type tenant in map index
