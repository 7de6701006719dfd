// A short variable declaration of untyped nil: go build reports it at the nil.
package main

func main() {
	conn, err := nil, error(nil)
	_, _ = conn, err
}
// go build: 5:15: use of untyped nil in assignment
