package main

import (
	"errors"
	"fmt"
	"sync"
)

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ W, H int }

func (r Rect) Area() int     { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type Square struct{ S int }

func (s *Square) Area() int    { return s.S * s.S }
func (s *Square) Name() string { return "square" }

type Named struct{ Label string }

func (n Named) Name() string { return n.Label }

type Circle struct {
	Named
	R int
}

func (c Circle) Area() int { return 3 * c.R * c.R }

type TimeoutError struct{ Op string }

func (e *TimeoutError) Error() string { return e.Op + ": timeout" }

var ErrClosed = errors.New("closed")

func work(i int) error {
	switch i {
	case 0:
		return nil
	case 1:
		return &TimeoutError{Op: "read"}
	default:
		return ErrClosed
	}
}

type state int

func (s state) String() string {
	if s == 0 {
		return "idle"
	}
	return "busy"
}

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprint("int ", v+1)
	case string, bool:
		return fmt.Sprint("string or bool ", v)
	case Shape:
		return "shape " + v.Name()
	case error:
		return "error " + v.Error()
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}, Circle{Named{"circle"}, 1}}
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, s := range shapes {
		wg.Add(1)
		go func(s Shape) {
			defer wg.Done()
			mu.Lock()
			total += s.Area()
			mu.Unlock()
		}(s)
	}
	wg.Wait()
	fmt.Println("total", total)
	for i := 0; i < 3; i++ {
		err := work(i)
		var te *TimeoutError
		if t, ok := err.(*TimeoutError); ok {
			te = t
		}
		fmt.Println(i, err, te != nil, err == ErrClosed, errors.Is(err, ErrClosed))
	}
	fmt.Println(describe(nil), describe(41), describe("s"), describe(Rect{1, 1}), describe(ErrClosed), describe(2 > 1))
	var st state = 1
	fmt.Println(st, state(0))
	var x any = 5
	fmt.Println(x == 5, x == "5", x != nil)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		if e, ok := r.(error); ok {
			fmt.Println("runtime error:", e.Error())
		}
	}()
	var y any = "str"
	n := y.(int)
	fmt.Println(n)
}
