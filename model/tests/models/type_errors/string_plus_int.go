package main

func main() {
	hosts := []string{"a", "b"}
	for i := range hosts {
		hosts[i] = "up:" + i
	}
}
// go build: 6:14: invalid operation: "up:" + i (mismatched types untyped string and int)
