// gomc:clock synctest
// Under synctest time timers fire in deadline order, and timers due at the same instant fire
// together: after the first of two equal timers is received, the second has fired too.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	time.AfterFunc(2*time.Second, func() { fmt.Println("two"); done <- true })
	time.AfterFunc(time.Second, func() { fmt.Println("one") })
	<-done
	a := time.NewTimer(time.Second)
	b := time.NewTimer(time.Second)
	<-a.C
	select {
	case <-b.C:
		fmt.Println("both fired")
	default:
		panic("b has not fired")
	}
}
