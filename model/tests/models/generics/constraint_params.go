// Constraints that name an earlier type parameter (`[P Num, T HasP[P]]`) and embed
// comparable, on functions and on a generic type used as a struct field before the methods
// of its type argument are declared. go run (Go 1.23) prints: {3} 2, {5}, 1 e2.
package main

import "fmt"

type Num interface{ ~int | ~int32 | ~int64 }

type HasP[P Num] interface {
	Prio() P
	comparable
}

type Queue[P Num, T HasP[P]] struct{ items []T }

func (q *Queue[P, T]) Push(t T) { q.items = append(q.items, t) }

func Max[P Num, T HasP[P]](xs ...T) (T, int) {
	best, at := xs[0], 0
	for i, x := range xs {
		if x.Prio() > best.Prio() {
			best, at = x, i
		}
	}
	return best, at
}

type broker struct {
	ready Queue[int32, Eval]
}

type Eval struct{ p int32 }

func (e Eval) Prio() int32 { return e.p }

type Job struct{ p int64 }

func (j Job) Prio() int64 { return j.p }

func main() {
	fmt.Println(Max[int32, Eval](Eval{1}, Eval{2}, Eval{3}))
	j, _ := Max[int64](Job{5}, Job{4})
	fmt.Println(j)
	var b broker
	b.ready.Push(Eval{2})
	fmt.Println(len(b.ready.items), "e2")
}
