// Corpus: a nightly report job. Its dependencies are interfaces (a Store, with an in-memory
// mock as tests use), the steps are closures collected in a []func() error and run by an
// errgroup, each formatting what it logs with strconv, strings.Builder and fmt's %v, %+v
// and %q. The results are sorted with sort.Slice and printed. No violation: every step
// writes its own slot, the mock locks its map, and the group waits for all of them.
// gomc:expect none
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

type Store interface {
	Get(ctx context.Context, key string) (string, error)
	Put(ctx context.Context, key, value string) error
}

var ErrNotFound = errors.New("store: not found")

type mockStore struct {
	mu   sync.Mutex
	data map[string]string
	gets int
}

func (m *mockStore) Get(ctx context.Context, key string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gets++
	v, ok := m.data[key]
	if !ok {
		return "", fmt.Errorf("get %q: %w", key, ErrNotFound)
	}
	return v, nil
}

func (m *mockStore) Put(ctx context.Context, key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.data[key] = value
	return nil
}

type Row struct {
	Region string
	Total  int
}

func (r Row) String() string { return r.Region + "=" + strconv.Itoa(r.Total) }

func buildReport(ctx context.Context, st Store, regions []string) ([]Row, error) {
	rows := make([]Row, len(regions))
	var steps []func() error
	for i, region := range regions {
		i, region := i, region
		steps = append(steps, func() error {
			raw, err := st.Get(ctx, "sales/"+region)
			if errors.Is(err, ErrNotFound) {
				raw = "0"
			} else if err != nil {
				return err
			}
			n, err := strconv.Atoi(raw)
			if err != nil {
				return fmt.Errorf("region %q: %w", region, err)
			}
			rows[i] = Row{Region: region, Total: n}
			return nil
		})
	}
	g, ctx := errgroup.WithContext(ctx)
	for _, step := range steps {
		g.Go(step)
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	sort.Slice(rows, func(a, b int) bool { return rows[a].Total > rows[b].Total })
	return rows, nil
}

func main() {
	st := &mockStore{data: map[string]string{"sales/eu": "7", "sales/us": "12"}}
	rows, err := buildReport(context.Background(), st, []string{"eu", "us", "apac"})
	if err != nil {
		fmt.Println("report failed:", err)
		return
	}
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%v", r)
	}
	if err := st.Put(context.Background(), "report/latest", b.String()); err != nil {
		panic(err)
	}
	fmt.Printf("%+v\n", rows[0])
	fmt.Printf("report %q after %d gets\n", b.String(), st.gets)
}
