// Corpus: a chat hub keeps its subscribers in a sync.Map (registered with LoadOrStore,
// removed with LoadAndDelete, which then closes the subscriber's channel) and broadcasts by
// ranging over the map. Range hands the broadcaster a channel that an Unsubscribe running at
// the same time deletes and closes before the send happens: panic: send on closed channel.
// go run rarely shows it (the window is a few instructions wide); gomc finds the
// interleaving. When the send comes first the subscriber's buffered channel takes it and all
// ends well.
// gomc:expect panic
package main

import (
	"fmt"
	"sync"
)

type Hub struct {
	subs sync.Map // string -> chan string
}

func (h *Hub) Subscribe(name string) (<-chan string, bool) {
	ch, loaded := h.subs.LoadOrStore(name, make(chan string, 4))
	return ch.(chan string), !loaded
}

func (h *Hub) Unsubscribe(name string) {
	if ch, ok := h.subs.LoadAndDelete(name); ok {
		close(ch.(chan string))
	}
}

func (h *Hub) Broadcast(msg string) int {
	n := 0
	h.subs.Range(func(key, value any) bool {
		value.(chan string) <- fmt.Sprintf("%v: %q", key, msg) // BUG: may be closed by now
		n++
		return true
	})
	return n
}

func main() {
	var h Hub
	if _, fresh := h.Subscribe("alice"); !fresh {
		panic("alice subscribed twice")
	}
	if _, fresh := h.Subscribe("alice"); fresh {
		panic("LoadOrStore stored twice")
	}

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("delivered to", h.Broadcast("hello"), "subscribers")
	}()
	go func() {
		defer wg.Done()
		h.Unsubscribe("alice")
	}()
	wg.Wait()
}
