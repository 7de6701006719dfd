// Logging wrappers forward their variadic operands to fmt and log (`args...`). Expected:
// go run (Go 1.23.5), log's line on standard error.
package main

import (
	"fmt"
	"log"
)

type logger struct{ prefix string }

func (l logger) Printf(format string, args ...any) { log.Printf(l.prefix+format, args...) }
func (l logger) Println(args ...any)               { fmt.Println(args...) }
func (l logger) S(format string, args ...any) string {
	fmt.Printf(format+"\n", args...)
	return fmt.Sprintf(format, args...)
}

func main() {
	log.SetFlags(0)
	l := logger{prefix: "[x] "}
	l.Printf("n=%d s=%s", 3, "a")
	l.Println("a", 1, true, nil)
	fmt.Println(l.S("%v|%q", []int{1}, "z"))
}
