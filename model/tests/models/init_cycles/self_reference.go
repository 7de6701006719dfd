// The configuration is loaded lazily, and the loader consults the configuration: a
// package-level variable whose initializer (a function literal) refers to the variable.
package main

import (
	"fmt"
	"sync"
)

var config = sync.OnceValue(func() int {
	if config() > 0 {
		return 1
	}
	return 2
})

func main() {
	fmt.Println(config())
}
// go1.23 build: 10:5: initialization cycle: config refers to itself
