// The registry's initializer calls a helper that reads the registry.
package main

var registry = load()

func load() map[string]int {
	m := map[string]int{}
	m["n"] = count()
	return m
}

func count() int {
	return len(registry)
}

func main() {
	println(len(registry))
}
// go1.23 build: 4:5: initialization cycle for registry
// go1.23 build: through_functions.go:4:5: registry refers to
// go1.23 build: through_functions.go:6:6: load refers to
// go1.23 build: through_functions.go:12:6: count refers to
// go1.23 build: through_functions.go:4:5: registry
