package main

// Two interfaces that embed each other: types2's cycle error, at the first one's name.
type Reader interface {
	Source
	Read() string
}

type Source interface{ Reader }

func main() {
	var r Reader
	_ = r
}
// go build: 4:6: invalid recursive type Reader
// go build: 4:6: Reader refers to
// go build: 9:6: Source refers to
// go build: 4:6: Reader
