// slices and maps (Go 1.21, iterators 1.23) as a model uses them: a registry's sorted keys,
// searching, inserting and deleting, Min and Max, and strings.Cut and Builder.WriteRune.
// Needs Go 1.23 to run (maps.Keys returns an iter.Seq); the expected output in
// semantics_stdlib.rs follows the Go documentation of each function.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type endpoint struct {
	name string
	port int
}

func main() {
	ports := map[string]int{"api": 8080, "admin": 9000, "metrics": 9100}
	names := slices.Sorted(maps.Keys(ports))
	fmt.Println(names, slices.Contains(names, "api"), slices.Index(names, "metrics"))

	copyOf := maps.Clone(ports)
	maps.DeleteFunc(copyOf, func(name string, port int) bool { return port >= 9000 })
	fmt.Println(len(copyOf), maps.Equal(copyOf, ports), copyOf["api"])

	xs := []int{5, 2, 8, 2, 9}
	slices.Sort(xs)
	i, found := slices.BinarySearch(xs, 8)
	fmt.Println(xs, i, found, slices.Min(xs), slices.Max(xs))
	xs = slices.Compact(xs)
	xs = slices.Insert(xs, 1, 3, 4)
	xs = slices.Delete(xs, 0, 1)
	fmt.Println(xs, len(xs))

	eps := []endpoint{{"b", 2}, {"a", 2}, {"c", 1}}
	slices.SortFunc(eps, func(x, y endpoint) int { return x.port - y.port })
	fmt.Println(eps, slices.IndexFunc(eps, func(e endpoint) bool { return e.name == "a" }))
	rev := slices.Clone(names)
	slices.Reverse(rev)
	fmt.Println(rev, names, slices.Equal(rev, names))

	key, value, ok := strings.Cut("timeout=5s", "=")
	var b strings.Builder
	b.WriteString(key)
	b.WriteRune('→')
	b.WriteString(value)
	fmt.Println(b.String(), ok, b.Len())
}
