// Corpus: a Prometheus-style scrape manager: each target's loop selects on a ticker and the
// context, scrapes through a function type adapted to an interface under context.WithTimeout,
// and errgroup.WithContext waits for the loops; the samples are reported sorted. Under
// synctest time (as go run's real clock orders it) no violation: go run prints both samples
// and "err: <nil>".
// gomc:clock synctest
// gomc:expect none
package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type sample struct {
	target string
	value  float64
}

type scraper interface {
	scrape(ctx context.Context) (float64, error)
}

type scrapeFunc func(ctx context.Context) (float64, error)

func (f scrapeFunc) scrape(ctx context.Context) (float64, error) { return f(ctx) }

type scrapeLoop struct {
	target   string
	s        scraper
	interval time.Duration
	appender func(sample)
}

func (sl *scrapeLoop) run(ctx context.Context) error {
	ticker := time.NewTicker(sl.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
		sctx, cancel := context.WithTimeout(ctx, sl.interval/2)
		v, err := sl.s.scrape(sctx)
		cancel()
		if err != nil {
			return fmt.Errorf("scrape %s: %w", sl.target, err)
		}
		sl.appender(sample{sl.target, v})
		return nil
	}
}

func main() {
	var mu sync.Mutex
	var got []sample
	appender := func(s sample) {
		mu.Lock()
		got = append(got, s)
		mu.Unlock()
	}
	ctx, cancel := context.WithCancel(context.Background())
	g, gctx := errgroup.WithContext(ctx)
	for i, port := range []int{9100, 9090} {
		target := "localhost:" + strconv.Itoa(port)
		val := float64(i) + 0.5
		sl := &scrapeLoop{
			target:   target,
			interval: 10 * time.Millisecond,
			appender: appender,
			s: scrapeFunc(func(ctx context.Context) (float64, error) {
				return val, ctx.Err()
			}),
		}
		g.Go(func() error { return sl.run(gctx) })
	}
	err := g.Wait()
	cancel()
	sort.Slice(got, func(i, j int) bool { return got[i].target < got[j].target })
	for _, s := range got {
		fmt.Printf("%s %.1f\n", s.target, s.value)
	}
	fmt.Println("err:", err)
}
