package main

import (
	"context"
	"errors"
	"fmt"
)

// Go 1.20's causes and Go 1.21's WithoutCancel (expected values from context.go at Go 1.23:
// Cause returns the cause given to the CancelCauseFunc, or Err() when none was given; a
// WithoutCancel context is never done and keeps its parent's values).
func main() {
	root, cancelRoot := context.WithCancelCause(context.Background())
	child, cancelChild := context.WithCancel(context.WithValue(root, "k", "v"))
	defer cancelChild()
	detached := context.WithoutCancel(child)
	cancelRoot(errors.New("shutting down"))
	<-child.Done()
	fmt.Println(child.Err(), context.Cause(child), context.Cause(root))
	fmt.Println(detached.Err(), detached.Value("k"), detached.Done() == nil)
	other, cancelOther := context.WithCancelCause(context.Background())
	cancelOther(nil)
	fmt.Println(context.Cause(other))
}
