package main

// A log buffer shared by goroutines under a mutex, then drained with Read until io.EOF
// (compared with go run).

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

func main() {
	var mu sync.Mutex
	var log bytes.Buffer
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintf(&log, "w%d;", i)
		}(i)
	}
	wg.Wait()
	fmt.Println(log.Len())
	b := bytes.NewBufferString("ab")
	b.WriteByte('c')
	b.Write([]byte{'d'})
	b.WriteRune('é')
	p := make([]byte, 2)
	for {
		n, err := b.Read(p)
		if err == io.EOF {
			fmt.Println("EOF", b.Len(), b.String() == "")
			break
		}
		fmt.Printf("%q %s %x\n", p[:n], p[:n], p[:n])
	}
	fmt.Println(bytes.Equal([]byte("x"), []byte("x")), bytes.HasPrefix([]byte("gomc"), []byte("go")))
}
