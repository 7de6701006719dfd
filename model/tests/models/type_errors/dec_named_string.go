package main

type state string

func main() {
	var s state
	s--
	var f func()
	f++
}
// go build: 7:2: invalid operation: s-- (non-numeric type state)
