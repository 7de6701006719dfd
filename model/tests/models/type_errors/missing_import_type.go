// A type of a package the file forgot to import.
package main

import "fmt"

var pool = sync.Pool{New: func() any { return 1 }}

func main() {
	fmt.Println(pool.Get())
}
// go build: 6:12: undefined: sync
