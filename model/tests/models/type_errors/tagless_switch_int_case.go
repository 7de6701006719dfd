package main

func main() {
	pending := 2
	switch {
	case pending:
		println("busy")
	}
}
// go build: 6:7: invalid case pending in switch on true (mismatched types int and bool)
