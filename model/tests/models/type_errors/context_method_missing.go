package main

import "context"

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx.Cancel()
}
// go build: 8:6: ctx.Cancel undefined (type context.Context has no field or method Cancel)
