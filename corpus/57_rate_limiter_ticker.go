// Corpus: a token-bucket rate limiter refilled by a time.Ticker in its own goroutine. Wait
// gives up when the caller's context ends and returns a *LimitError wrapping the context's
// error, which the caller inspects with errors.As and errors.Is. Stop ends the refiller and
// its ticker. No violation.
// gomc:expect none
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type LimitError struct {
	Waited time.Duration
	Err    error
}

func (e *LimitError) Error() string { return fmt.Sprintf("rate limited: %v", e.Err) }
func (e *LimitError) Unwrap() error { return e.Err }

type Limiter struct {
	tokens chan struct{}
	ticker *time.Ticker
	stop   chan struct{}
}

func NewLimiter(burst int, every time.Duration) *Limiter {
	l := &Limiter{
		tokens: make(chan struct{}, burst),
		ticker: time.NewTicker(every),
		stop:   make(chan struct{}),
	}
	for i := 0; i < burst; i++ {
		l.tokens <- struct{}{}
	}
	go l.refill()
	return l
}

func (l *Limiter) refill() {
	defer l.ticker.Stop()
	for {
		select {
		case <-l.ticker.C:
			select {
			case l.tokens <- struct{}{}:
			default: // bucket full: drop the token
			}
		case <-l.stop:
			return
		}
	}
}

func (l *Limiter) Wait(ctx context.Context) error {
	select {
	case <-l.tokens:
		return nil
	case <-ctx.Done():
		return &LimitError{Err: ctx.Err()}
	}
}

func (l *Limiter) Stop() { close(l.stop) }

func main() {
	lim := NewLimiter(1, 100*time.Millisecond)
	defer lim.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	for i := 0; i < 3; i++ {
		err := lim.Wait(ctx)
		var le *LimitError
		switch {
		case err == nil:
			fmt.Println("request", i, "sent")
		case errors.As(err, &le) && errors.Is(le, context.DeadlineExceeded):
			fmt.Println("request", i, "dropped:", le)
		default:
			panic(err)
		}
	}
}
