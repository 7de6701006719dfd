package main

import (
	"fmt"
	"sync"

	"golang.org/x/sync/errgroup"
)

// SetLimit(2): at most two tasks run at once; TryGo refuses while the group is full.
func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var mu sync.Mutex
	running, peak := 0, 0
	release := make(chan struct{})
	for i := 0; i < 2; i++ {
		g.Go(func() error {
			mu.Lock()
			running++
			if running > peak {
				peak = running
			}
			mu.Unlock()
			<-release
			mu.Lock()
			running--
			mu.Unlock()
			return nil
		})
	}
	fmt.Println(g.TryGo(func() error { return nil }))
	close(release)
	_ = g.Wait()
	fmt.Println(peak <= 2)
}
