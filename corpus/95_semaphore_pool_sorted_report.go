// Corpus: a bounded worker pool in the usual shape: a semaphore channel of struct{} caps the
// goroutines in flight, results go to a mutex-guarded map, and the report sorts the keys
// (maps.Keys, slices.Sort) and parses sizes with strconv and strings.Cut. No violation
// (go run prints the same report every time).
// gomc:expect none
package main

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

func size(spec string) (int, error) {
	name, n, ok := strings.Cut(spec, "=")
	if !ok {
		return 0, fmt.Errorf("bad spec %q", spec)
	}
	v, err := strconv.Atoi(n)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

func main() {
	specs := []string{"b=20", "a=10", "c=x", "d=5"}
	sem := make(chan struct{}, 2)
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		sizes   = map[string]int{}
		errs    []string
		maxBusy int
		busy    int
	)
	for _, spec := range specs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			mu.Lock()
			busy++
			maxBusy = max(maxBusy, busy)
			mu.Unlock()
			v, err := size(spec)
			mu.Lock()
			defer mu.Unlock()
			busy--
			if err != nil {
				errs = append(errs, err.Error())
				return
			}
			name, _, _ := strings.Cut(spec, "=")
			sizes[name] = v
		}()
	}
	wg.Wait()
	keys := slices.Collect(maps.Keys(sizes))
	slices.Sort(keys)
	total := 0
	for _, k := range keys {
		total += sizes[k]
		fmt.Printf("%s:%d ", k, sizes[k])
	}
	fmt.Println()
	fmt.Println("total", total, "errors", errs, "max busy <= 2:", maxBusy <= 2)
}
