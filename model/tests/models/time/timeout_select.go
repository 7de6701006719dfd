// A result that arrives after 10 ms raced against a 10 s timeout. Under the untimed clock the
// timeout may fire first (any timer may fire at any point); under synctest time it cannot, as
// in every real run and under Go's testing/synctest.
package main

import (
	"fmt"
	"time"
)

func main() {
	result := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		result <- 42
	}()
	select {
	case v := <-result:
		fmt.Println("got", v)
	case <-time.After(10 * time.Second):
		panic("timed out")
	}
}
