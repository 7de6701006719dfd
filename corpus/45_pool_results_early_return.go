// Corpus: a worker pool fans jobs out to a fixed number of workers and collects results from
// an unbuffered channel of structs; the collector returns on the first error it sees
// (errors.Is through %w wrapping) and the remaining workers stay blocked on their sends, the
// shape of many "goroutine leak on early return" reports.
// gomc:expect leak
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrNotFound = errors.New("not found")

type result struct {
	id  int
	val string
	err error
}

func lookup(id int) (string, error) {
	if id == 2 {
		return "", fmt.Errorf("lookup %d: %w", id, ErrNotFound)
	}
	return fmt.Sprintf("item-%d", id), nil
}

func fetchAll(ids ...int) (map[int]string, error) {
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				v, err := lookup(id)
				results <- result{id: id, val: v, err: err}
			}
		}()
	}
	go func() {
		for _, id := range ids {
			jobs <- id
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	out := make(map[int]string, len(ids))
	for r := range results {
		if r.err != nil {
			return nil, r.err
		}
		out[r.id] = r.val
	}
	return out, nil
}

func main() {
	items, err := fetchAll(1, 2, 3)
	if errors.Is(err, ErrNotFound) {
		fmt.Println("missing:", err)
		return
	}
	fmt.Println(len(items), "items")
}
