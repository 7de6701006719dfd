// Corpus: a client dials with a 1 s timeout while the server answers after 20 ms (the shape of
// a gRPC-style dial helper). Untimed, the timeout may win and the caller reports an error the
// real program never sees; under synctest time (Go 1.25's testing/synctest semantics) the
// answer always wins, so the model is correct as written.
// gomc:clock synctest
// gomc:expect none
package main

import (
	"errors"
	"fmt"
	"time"
)

type conn struct{ id int }

func serve(accept chan<- *conn) {
	time.Sleep(20 * time.Millisecond)
	accept <- &conn{id: 1}
}

func dial(timeout time.Duration) (*conn, error) {
	accept := make(chan *conn, 1)
	go serve(accept)
	select {
	case c := <-accept:
		return c, nil
	case <-time.After(timeout):
		return nil, errors.New("dial timeout")
	}
}

func main() {
	c, err := dial(time.Second)
	if err != nil {
		panic(err)
	}
	fmt.Println("connected", c.id)
}
