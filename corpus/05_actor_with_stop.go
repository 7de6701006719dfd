// Corpus: the fix of 04: the client stops the actor and waits for it to finish.
// gomc:expect none
package main

import "fmt"

type Get struct{ Reply chan int }
type Add struct{ N int }
type Stop struct{ Done chan struct{} }

func actor(inbox chan any) {
	total := 0
	for msg := range inbox {
		switch m := msg.(type) {
		case Add:
			total += m.N
		case Get:
			m.Reply <- total
		case Stop:
			close(m.Done)
			return
		default:
			panic(fmt.Sprint("unknown message ", m))
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
	done := make(chan struct{})
	inbox <- Stop{done}
	<-done
}
