// Corpus: a request closes its connection when the context is canceled, with
// context.AfterFunc. When the request finishes first it calls stop and then waits for the
// close to finish, but a successful stop means the function will never run: the wait
// blocks forever. The documented idiom waits only when stop returns false.
// gomc:expect deadlock
package main

import (
	"context"
	"fmt"
)

type conn struct {
	closed bool
}

func (c *conn) Close() { c.closed = true }

func serve(ctx context.Context, c *conn) error {
	closed := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		c.Close()
		close(closed)
	})
	defer func() {
		stop()
		<-closed // BUG: should be `if !stop() { <-closed }`
	}()
	// ... the request is served here ...
	return nil
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := serve(ctx, &conn{}); err != nil {
		fmt.Println("serve:", err)
	}
	fmt.Println("served")
}
