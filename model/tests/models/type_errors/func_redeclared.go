package main

func work() {}

func work() {}

func main() { work() }
// go build: 5:6: work redeclared in this block
// go build: func_redeclared.go:3:6: other declaration of work
