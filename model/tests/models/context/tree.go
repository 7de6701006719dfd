package main

import (
	"context"
	"errors"
	"fmt"
)

type key string

type myCtx struct{ context.Context }

func (c myCtx) Value(k any) any {
	if k == key("user") {
		return "from myCtx"
	}
	return c.Context.Value(k)
}

func (c myCtx) Done() <-chan struct{} { return c.Context.Done() }
func (c myCtx) Err() error            { return c.Context.Err() }

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(root)
	defer cancelChild()
	valued := context.WithValue(child, key("id"), 7)
	custom := myCtx{valued}
	grandchild, cancelGrand := context.WithCancel(custom)
	defer cancelGrand()

	done := make(chan string)
	for _, c := range []context.Context{child, valued, grandchild} {
		go func(c context.Context) {
			<-c.Done()
			done <- c.Err().Error()
		}(c)
	}
	cancelRoot()
	for i := 0; i < 3; i++ {
		fmt.Println(<-done)
	}
	fmt.Println(valued.Value(key("id")), valued.Value(key("other")), custom.Value(key("user")))
	fmt.Println(errors.Is(grandchild.Err(), context.Canceled), child.Err() == root.Err())
	fmt.Println(context.TODO().Err(), context.Background().Done() == nil)
}
