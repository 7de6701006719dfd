package main

type Set[K comparable] map[K]struct{}

func Dedupe[K comparable](keys []K) int {
	seen := map[K]bool{}
	for _, k := range keys {
		seen[k] = true
	}
	return len(seen)
}

func main() {
	println(Dedupe[[]int](nil))
}
// go build: 14:17: []int does not implement comparable
