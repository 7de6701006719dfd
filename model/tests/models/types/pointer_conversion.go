// The compile-time interface check `var _ Handler = (*logger)(nil)`, and conversions to a
// pointer type in parentheses, which the grammar reads as a dereference.
package main

import "fmt"

type Handler interface{ Handle(string) error }

type logger struct{ lines []string }

func (l *logger) Handle(msg string) error {
	l.lines = append(l.lines, msg)
	return nil
}

var _ Handler = (*logger)(nil)

func main() {
	var h Handler = (*logger)(nil)
	p := (*logger)(nil)
	fmt.Println(h != nil, p == nil)
	fmt.Printf("%T %v\n", h, p == (*logger)(nil))
}
