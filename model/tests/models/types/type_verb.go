package main

// %T names the type of each operand as fmt does (every line is compared with go run).

import (
	"errors"
	"fmt"
	"os"
	"sync"
)

type job struct{ id int }

type runner interface{ run() }

func (j *job) run() {}

type state int

func main() {
	var err error = errors.New("x")
	var r runner = &job{1}
	var none error
	var mu sync.Mutex
	ch := make(chan int)
	fmt.Printf("%T %T %T %T %T\n", 1, "s", 2.5, job{}, &job{})
	fmt.Printf("%T|%T|%T|%v\n", err, r, none, state(3))
	fmt.Printf("%T %T %T %T\n", []string{}, map[string]int{}, ch, &mu)
	s := fmt.Sprintf("%d is %T", 7, uint8(7))
	fmt.Println(s)
	fmt.Fprintf(os.Stdout, "%T\n", struct{ a int }{})
}
