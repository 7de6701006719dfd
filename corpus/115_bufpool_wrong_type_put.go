// Corpus: an upload pipeline shares buffers through a sync.Pool whose New makes *bytes.Buffer
// and encodes chunks under errgroup.WithContext; an encoder puts back buf.Bytes() instead of
// the buffer, and the next Get that receives it panics on the type assertion: go run panics
// with "interface conversion: interface {} is []uint8, not *bytes.Buffer".
// gomc:expect panic
package main

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"sync"

	"golang.org/x/sync/errgroup"
)

var bufPool = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

type chunk struct {
	seq  int
	data string
}

func encode(ctx context.Context, c chunk) (string, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString(strconv.Itoa(c.seq))
	buf.WriteByte(':')
	buf.WriteString(c.data)
	out := buf.String()
	if c.seq%2 == 1 {
		bufPool.Put(buf.Bytes()) // BUG: not the *bytes.Buffer
	} else {
		bufPool.Put(buf)
	}
	return out, ctx.Err()
}

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	chunks := []chunk{{1, "a"}, {2, "b"}, {3, "c"}}
	out := make([]string, len(chunks))
	for i, c := range chunks {
		i, c := i, c
		g.Go(func() error {
			s, err := encode(ctx, c)
			out[i] = s
			return err
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println("upload failed:", err)
		return
	}
	fmt.Println(out)
}
