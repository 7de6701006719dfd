// synctest.Run waits for the goroutines f started; when they are blocked for good it panics
// with Go's message.
package main

import "testing/synctest"

func main() {
	synctest.Run(func() {
		ch := make(chan int)
		go func() { <-ch }()
	})
}
