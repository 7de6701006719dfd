// Corpus: a server keeps its configuration in an atomic.Value that a reloader swaps while
// handlers read it, counts requests in an atomic.Int64, and formats responses in
// strings.Builders taken from a sync.Pool. Handlers are method values started as goroutines.
// No violation: every handler sees a whole configuration, old or new.
// gomc:expect none
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Limits  struct{ MaxConns, MaxBody int }
	Backend []string
}

type Server struct {
	cfg      atomic.Value
	requests atomic.Int64
	bufs     sync.Pool
}

func NewServer(c *Config) *Server {
	s := &Server{}
	s.bufs.New = func() any { return new(strings.Builder) }
	s.cfg.Store(c)
	return s
}

func (s *Server) config() *Config { return s.cfg.Load().(*Config) }

func (s *Server) handle(wg *sync.WaitGroup) {
	defer wg.Done()
	s.requests.Add(1)
	b := s.bufs.Get().(*strings.Builder)
	defer func() {
		b.Reset()
		s.bufs.Put(b)
	}()
	c := s.config()
	if len(c.Backend) == 0 || c.Limits.MaxConns == 0 {
		panic("torn config: " + c.Name)
	}
	fmt.Fprintf(b, "%s -> %s (max %d)", c.Name, c.Backend[0], c.Limits.MaxConns)
	fmt.Println(b.String())
}

func (s *Server) reload(name string, backends ...string) {
	next := &Config{Name: name, Backend: backends}
	next.Limits.MaxConns = 2 * len(backends)
	next.Limits.MaxBody = 1 << 20
	s.cfg.Store(next)
}

func main() {
	s := NewServer(&Config{
		Name:    "v1",
		Limits:  struct{ MaxConns, MaxBody int }{MaxConns: 4, MaxBody: 1024},
		Backend: []string{"10.0.0.1"},
	})
	var wg sync.WaitGroup
	wg.Add(2)
	handle := s.handle
	go handle(&wg)
	go s.handle(&wg)
	s.reload("v2", "10.0.0.2", "10.0.0.3")
	wg.Wait()
	fmt.Println("requests:", s.requests.Load())
}
