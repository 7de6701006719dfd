// Corpus: a crawler fetches pages concurrently and closes the results channel once the
// WaitGroup is done. wg.Add is called inside each goroutine instead of before the go
// statement, so the closer can see a zero counter, close the channel, and a fetcher then
// sends on the closed channel.
// gomc:expect panic
package main

import (
	"fmt"
	"sort"
	"sync"
)

type page struct {
	url    string
	status int
}

func fetch(url string) (int, error) {
	if url == "/admin" {
		return 403, fmt.Errorf("fetch %s: forbidden", url)
	}
	return 200, nil
}

func crawl(urls []string) []page {
	results := make(chan page, len(urls))
	var wg sync.WaitGroup
	for _, u := range urls {
		go func(u string) {
			wg.Add(1)
			defer wg.Done()
			status, err := fetch(u)
			if err != nil {
				fmt.Println(err)
			}
			results <- page{u, status}
		}(u)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var pages []page
	for p := range results {
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].url < pages[j].url })
	return pages
}

func main() {
	for _, p := range crawl([]string{"/", "/admin"}) {
		fmt.Printf("%-8s %d\n", p.url, p.status)
	}
}
