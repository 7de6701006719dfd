package main

type key struct {
	shard  int
	labels map[string]string
}

func main() {
	seen := map[key]bool{}
	_ = seen
}
// go build: 9:14: invalid map key type key
