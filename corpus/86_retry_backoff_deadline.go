// Corpus: a retry loop with exponential backoff on one reused time.Timer (Reset after each
// temporary failure, errors.Is against a sentinel), bounded by context.WithTimeout, calling
// the operation through a method value; the struct of durations prints as {1ms 4ms} (fmt
// calls String on its fields). No violation; under gomc's untimed clock the deadline may
// also come first, which prints the context error instead.
// gomc:expect none
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errTemporary = errors.New("temporary failure")

type Client struct {
	attempts int
	failN    int
}

func (c *Client) Do(ctx context.Context) (string, error) {
	c.attempts++
	if c.attempts <= c.failN {
		return "", fmt.Errorf("attempt %d: %w", c.attempts, errTemporary)
	}
	return "200 OK", nil
}

type Backoff struct {
	Base, Max time.Duration
}

func (b Backoff) Delay(attempt int) time.Duration {
	d := b.Base << attempt
	if d > b.Max {
		d = b.Max
	}
	return d
}

func retry(ctx context.Context, b Backoff, op func(context.Context) (string, error)) (string, error) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	var lastErr error
	for attempt := 0; ; attempt++ {
		select {
		case <-ctx.Done():
			return "", errors.Join(ctx.Err(), lastErr)
		case <-timer.C:
		}
		res, err := op(ctx)
		if err == nil {
			return res, nil
		}
		if !errors.Is(err, errTemporary) {
			return "", err
		}
		lastErr = err
		timer.Reset(b.Delay(attempt))
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c := &Client{failN: 2}
	res, err := retry(ctx, Backoff{Base: time.Millisecond, Max: 4 * time.Millisecond}, c.Do)
	fmt.Printf("res=%q err=%v attempts=%d\n", res, err, c.attempts)
	fmt.Println(Backoff{Base: time.Millisecond, Max: 4 * time.Millisecond})
}
