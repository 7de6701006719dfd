package main

import (
	"fmt"
	"io"
)

// Interfaces embedding interfaces declared after them, and library ones (io.Closer,
// fmt.Stringer): their method sets include the embedded methods wherever those are declared.
type ReadCloser interface {
	Reader
	io.Closer
}

type Reader interface{ Read(p []byte) (int, error) }

type Named interface {
	fmt.Stringer
	Closer
}

type Closer interface{ Close() error }

type file struct{ name string }

func (f *file) Read(p []byte) (int, error) { return 0, io.EOF }
func (f *file) Close() error                { return fmt.Errorf("close %s", f.name) }
func (f *file) String() string              { return "file " + f.name }

func main() {
	var rc ReadCloser = &file{"a"}
	n, err := rc.Read(nil)
	fmt.Println(n, err, rc.Close())
	var named Named = &file{"b"}
	fmt.Println(named.String(), named.Close())
	var c io.Closer = named
	fmt.Println(c.Close())
}
