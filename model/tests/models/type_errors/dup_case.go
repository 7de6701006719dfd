package main

func main() {
	x := 1
	switch x {
	case 1:
	case 1:
	}
}
// go build: 7:7: duplicate case 1 (constant of type int) in expression switch
// go build: dup_case.go:6:7: previous case
