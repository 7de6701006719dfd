package main

type state int

const (
	idle state = iota
	busy
)

func main() {
	s := idle
	switch s {
	case idle, busy:
	case 1:
	}
	switch {
	default:
	default:
	}
}
// go build: 14:7: duplicate case 1 (constant of type state) in expression switch
// go build: duplicate_case_named.go:13:13: previous case
