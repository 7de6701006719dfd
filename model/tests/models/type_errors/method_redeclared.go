package main

import "sync"

type pool struct{ mu sync.Mutex }

func (p *pool) Close() error { return nil }

func (p *pool) Close() {}

func main() {}
// go build: 9:16: pool.Close redeclared in this block
// go build: 7:16: other declaration of Close
