// Corpus: items fetched concurrently with errgroup.WithContext through a Store interface,
// each result sent on an unbuffered channel with a select on ctx.Done(); a missing item is a
// *NotFoundError wrapped with %w and found again with errors.As. No violation: a fetch that
// cannot send returns when the group's context is canceled, and the results are read until
// the group is done (go run prints "missing 3 ...").
// gomc:expect none
package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

type NotFoundError struct{ ID int }

func (e *NotFoundError) Error() string { return fmt.Sprintf("item %d not found", e.ID) }

type Item struct {
	ID    int
	Price float64
}

type Store interface {
	Get(ctx context.Context, id int) (Item, error)
}

type memStore map[int]Item

func (m memStore) Get(ctx context.Context, id int) (Item, error) {
	if err := ctx.Err(); err != nil {
		return Item{}, err
	}
	it, ok := m[id]
	if !ok {
		return Item{}, &NotFoundError{ID: id}
	}
	return it, nil
}

func fetchAll(ctx context.Context, s Store, ids []int) ([]Item, error) {
	g, ctx := errgroup.WithContext(ctx)
	results := make(chan Item)
	for _, id := range ids {
		g.Go(func() error {
			it, err := s.Get(ctx, id)
			if err != nil {
				return fmt.Errorf("fetch %d: %w", id, err)
			}
			select {
			case results <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}
	var items []Item
	go func() {
		g.Wait()
		close(results)
	}()
	for it := range results {
		items = append(items, it)
	}
	return items, g.Wait()
}

func main() {
	store := memStore{1: {1, 9.5}, 2: {2, 3.25}}
	items, err := fetchAll(context.Background(), store, []int{1, 2, 3})
	var nf *NotFoundError
	switch {
	case errors.As(err, &nf):
		fmt.Printf("missing %d (%v), got %d items\n", nf.ID, err, len(items))
	case err != nil:
		fmt.Println("error:", err)
	default:
		total := 0.0
		for _, it := range items {
			total += it.Price
		}
		fmt.Printf("total %.2f\n", total)
	}
}
