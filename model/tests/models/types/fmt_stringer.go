// fmt.Stringer (stdlib/fmt.go) as a type models declare, assert to and check against, and
// fmt's rule that String and Error are called only for the verbs valid for strings (%v %s %q
// %x): %d of a Stringer enum prints the number. Printed from a goroutine, as engineers log.
// Expected output: `go run` (Go 1.19).
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Flag uint8

const (
	FlagRead Flag = 1 << iota
	FlagWrite
)

func (f Flag) String() string {
	switch f {
	case FlagRead:
		return "read"
	case FlagWrite:
		return "write"
	}
	return "Flag(" + fmt.Sprint(uint8(f)) + ")"
}

var _ fmt.Stringer = Flag(0)

type code int

func (c code) Error() string { return "code " + fmt.Sprint(int(c)) }

func describe(v any) string {
	if s, ok := v.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return fmt.Sprintf("plain %v", v)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var s fmt.Stringer = FlagWrite
		fmt.Printf("%v %s %q %x %d %d\n", s, FlagRead, FlagWrite, FlagRead, FlagWrite, s)
		fmt.Println(describe(FlagRead), describe(3), Flag(4))
		var err error = code(7)
		fmt.Printf("%v %d %s\n", err, code(7), errors.New("e"))
	}()
	wg.Wait()
}
