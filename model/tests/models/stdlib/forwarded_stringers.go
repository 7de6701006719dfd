// Operands forwarded by logging wrappers (`args...`) go through their Error or String method
// as directly passed ones do, for the verbs valid for strings only (%d prints the number, %T
// the type, %#v not the String text); a `*` width or precision takes an operand. This file
// imports log but not fmt. Expected: go run (Go 1.23.5), log's lines on standard error.
package main

import (
	"errors"
	"log"
)

type state int

func (s state) String() string { return [...]string{"idle", "busy"}[s] }

type codeErr struct{ code int }

func (e *codeErr) Error() string { return "code " + [...]string{"zero", "one"}[e.code] }

func logf(format string, args ...any) { log.Printf(format, args...) }

func main() {
	log.SetFlags(0)
	var err error = &codeErr{1}
	logf("%v %s %d %q %x|%5s|%-6v|%T %#v", state(1), state(0), state(1), state(1), state(0), state(1), state(0), state(1), state(1))
	logf("%*d|%-*d|%.*s|%v %v", 4, 3, 3, 2, 2, state(1), err, errors.New("plain"))
	log.Println(state(1), err, 3)
}
