package main

import "sync"

type Service interface{ Start() }

type server struct {
	mu    sync.Mutex
	ready bool
}

func (s *server) Start() {
	s.mu.Lock()
	s.ready = true
	s.mu.Unlock()
}

func main() {
	var svc Service = server{ready: false}
	svc.Start()
}
// go build: 19:20: cannot use server{…} (value of type server) as type Service in variable declaration:
// server does not implement Service (Start method has pointer receiver)
