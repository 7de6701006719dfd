package main

import (
	"errors"
	"fmt"
	"sync"
)

type codeError struct {
	error
	code int
}

type Store interface {
	Get(k string) (int, error)
	Put(k string, v int)
}

type memStore struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *memStore) Get(k string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	if !ok {
		return 0, codeError{errors.New("not found"), 404}
	}
	return v, nil
}

func (s *memStore) Put(k string, v int) {
	s.mu.Lock()
	s.m[k] = v
	s.mu.Unlock()
}

// countingStore overrides Put and inherits Get from the embedded Store.
type countingStore struct {
	Store
	puts int
}

func (c *countingStore) Put(k string, v int) {
	c.puts++
	c.Store.Put(k, v)
}

func main() {
	var s Store = &countingStore{Store: &memStore{m: map[string]int{}}}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Put("a", 1)
	}()
	wg.Wait()
	v, err := s.Get("a")
	_, missing := s.Get("b")
	var ce codeError
	fmt.Println(v, err, missing, errors.As(missing, &ce), ce.code, missing.Error())
	fmt.Println(s.(*countingStore).puts)
}
