// A constraint that instantiates a generic interface with an earlier type parameter.
package main

import "fmt"

type Num interface{ ~int | ~int64 }

type HasP[P Num] interface{ Prio() P }

type F struct{}

func Max[P Num, T HasP[P]](xs ...T) T { return xs[0] }

func main() {
	fmt.Println(Max[int64, F](F{}))
}
// go build: 15:25: F does not implement HasP[int64] (missing Prio method)
