package main

import "fmt"

func lookup(id int) (string, error) { return fmt.Sprint(id), nil }

func main() {
	name := lookup(1)
	fmt.Println(name)
}
// go build: 8:10: assignment mismatch: 1 variable but lookup returns 2 values
