// Corpus: an actor goroutine serves typed messages through a type switch; the client never
// sends Stop, so the actor is still waiting when main returns.
// gomc:expect leak
package main

import "fmt"

type Get struct{ Reply chan int }
type Add struct{ N int }
type Stop struct{}

func actor(inbox chan any) {
	total := 0
	for msg := range inbox {
		switch m := msg.(type) {
		case Add:
			total += m.N
		case Get:
			m.Reply <- total
		case Stop:
			return
		}
	}
}

func main() {
	inbox := make(chan any)
	go actor(inbox)
	inbox <- Add{2}
	inbox <- Add{3}
	reply := make(chan int)
	inbox <- Get{reply}
	fmt.Println(<-reply)
}
