// A default pool built by a method that uses the default pool.
package main

type Pool struct{ size int }

func (p *Pool) Clone() *Pool {
	return &Pool{size: defaultPool.size}
}

var defaultPool = (&Pool{size: 4}).Clone()

func main() {
	println(defaultPool.size)
}
// go1.23 build: 10:5: initialization cycle for defaultPool
// go1.23 build: through_method.go:10:5: defaultPool refers to
// go1.23 build: through_method.go:6:16: Clone refers to
// go1.23 build: through_method.go:10:5: defaultPool
