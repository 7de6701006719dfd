// Package signal for models, after Go 1.23's src/os/signal/signal.go: Notify, Stop, Reset,
// Ignore and NotifyContext over a handler table under a mutex, and delivery as `process`
// does it: a non-blocking send to every channel that wants the signal, so a channel that is
// full (or unbuffered with no receiver waiting) misses it, as in Go. gomc compiles this file
// with a model that imports "os/signal".
//
// The environment, not the model, sends signals. gomc's environment sends one: the first
// Notify starts a goroutine that, at whatever point the scheduler runs it, sends one of the
// signals some channel listens for at that moment (the checker chooses which when there are
// several) and exits. So every point at which a signal can arrive is explored, once per run.
// Not modelled: a second signal, and a signal nobody listens for (Go's default action, which
// ends the process): the goroutine sends nothing when no channel listens.
package signal

import (
	"context"
	"os"
	"sync"
)

type handler struct {
	c    chan<- os.Signal
	sigs []os.Signal // nil: every signal
}

func (h *handler) want(sig os.Signal) bool {
	if h.sigs == nil {
		return true
	}
	for _, s := range h.sigs {
		if s == sig {
			return true
		}
	}
	return false
}

var handlers struct {
	sync.Mutex
	list    []*handler
	started bool
}

func find(c chan<- os.Signal) int {
	for i, h := range handlers.list {
		if h.c == c {
			return i
		}
	}
	return -1
}

// Notify causes the signals sig (every signal if none is given) to be relayed to c, without
// blocking: c should be buffered.
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	handlers.Lock()
	defer handlers.Unlock()
	i := find(c)
	if i < 0 {
		handlers.list = append(handlers.list, &handler{c: c, sigs: []os.Signal{}})
		i = len(handlers.list) - 1
	}
	h := handlers.list[i]
	if len(sig) == 0 {
		h.sigs = nil
	} else if h.sigs != nil {
		for _, s := range sig {
			if !h.want(s) {
				h.sigs = append(h.sigs, s)
			}
		}
	}
	if !handlers.started {
		handlers.started = true
		go arrive()
	}
}

// arrive is the one signal the environment sends (see the package comment).
func arrive() {
	handlers.Lock()
	defer handlers.Unlock()
	var listened []os.Signal
	for _, h := range handlers.list {
		sigs := h.sigs
		if sigs == nil {
			sigs = []os.Signal{os.Interrupt}
		}
		for _, s := range sigs {
			seen := false
			for _, l := range listened {
				seen = seen || l == s
			}
			if !seen {
				listened = append(listened, s)
			}
		}
	}
	if len(listened) == 0 {
		return
	}
	sig := listened[0]
	if len(listened) > 1 {
		sig = listened[choose(len(listened))]
	}
	for _, h := range handlers.list {
		if h.want(sig) {
			select {
			case h.c <- sig:
			default:
			}
		}
	}
}

// Stop stops relaying signals to c.
func Stop(c chan<- os.Signal) {
	handlers.Lock()
	defer handlers.Unlock()
	if i := find(c); i >= 0 {
		handlers.list = append(handlers.list[:i], handlers.list[i+1:]...)
	}
}

// Reset undoes the effect of prior Notify calls for the signals sig (every signal if none).
func Reset(sig ...os.Signal) {
	handlers.Lock()
	defer handlers.Unlock()
	var kept []*handler
	for _, h := range handlers.list {
		if len(sig) > 0 && h.sigs != nil {
			var left []os.Signal
			for _, s := range h.sigs {
				removed := false
				for _, r := range sig {
					removed = removed || r == s
				}
				if !removed {
					left = append(left, s)
				}
			}
			h.sigs = left
			if len(left) > 0 {
				kept = append(kept, h)
			}
		} else if len(sig) > 0 && h.sigs == nil {
			kept = append(kept, h)
		}
	}
	handlers.list = kept
}

// Ignore causes the signals sig to be ignored: no channel receives them.
func Ignore(sig ...os.Signal) { Reset(sig...) }

// NotifyContext returns a copy of parent that is done when one of the signals arrives, when
// stop is called, or when parent is done, whichever happens first.
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	c := &signalCtx{Context: ctx, cancel: cancel, signals: signals}
	c.ch = make(chan os.Signal, 1)
	Notify(c.ch, c.signals...)
	if ctx.Err() == nil {
		go func() {
			select {
			case <-c.ch:
				c.cancel()
			case <-c.Done():
			}
		}()
	}
	return c, c.stop
}

type signalCtx struct {
	context.Context
	cancel  context.CancelFunc
	signals []os.Signal
	ch      chan os.Signal
}

func (c *signalCtx) stop() {
	c.cancel()
	Stop(c.ch)
}
