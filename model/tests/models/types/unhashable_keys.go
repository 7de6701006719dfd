package main

import "fmt"

// A dedup cache keyed by any: a key whose dynamic type holds a slice cannot be hashed, and
// every map operation with it panics.
type request struct {
	id   int
	tags []string
}

type pair struct {
	name  string
	value any
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	seen := map[any]int{1: 1, "a": 2}
	var nilMap map[any]bool
	r := request{id: 1}
	try("store", func() { seen[r] = 3 })
	try("load", func() { fmt.Println(seen[r]) })
	try("comma-ok on a nil map", func() { _, ok := nilMap[r]; fmt.Println(ok) })
	try("delete", func() { delete(seen, r) })
	try("nested", func() { seen[pair{"p", []int{1}}] = 4 })
	try("hashable", func() { seen[pair{"p", 2}] = 5 })
	try("store in a nil map", func() { nilMap[r] = true })
	fmt.Println(len(seen), seen[pair{"p", 2}])
}
