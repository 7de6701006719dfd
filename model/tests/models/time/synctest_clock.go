// testing/synctest as Go 1.25 documents it: a context with a 5 s timeout is not done 1 ns
// before its deadline and is done at it; Now and Since read the fake clock.
package main

import (
	"context"
	"fmt"
	"testing/synctest"
	"time"
)

func main() {
	synctest.Run(func() {
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		time.Sleep(5*time.Second - time.Nanosecond)
		synctest.Wait()
		fmt.Println("before deadline:", ctx.Err())
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		fmt.Println("at deadline:", ctx.Err())
		fmt.Println("elapsed:", int64(time.Since(start)))
		deadline, ok := ctx.Deadline()
		fmt.Println("deadline:", ok, deadline.Sub(start) == 5*time.Second)
	})
}
