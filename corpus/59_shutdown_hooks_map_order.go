// Corpus: shutdown hooks registered by name in a map and run by ranging over it. The cache
// flushes through the database connection, so it must run before the database hook closes
// the connection; Go's map iteration order is unspecified (and varies from run to run), so
// some runs flush after the close and panic.
// gomc:expect panic
package main

import (
	"errors"
	"fmt"
	"sync"
)

type DB struct {
	mu     sync.Mutex
	closed bool
}

var errClosed = errors.New("db: connection closed")

func (d *DB) Exec(q string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return errClosed
	}
	return nil
}

func (d *DB) Close() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
}

func main() {
	db := &DB{}
	hooks := map[string]func() error{
		"cache": func() error { return db.Exec("INSERT INTO cache ...") },
		"db":    func() error { db.Close(); return nil },
	}
	for name, hook := range hooks {
		if err := hook(); err != nil {
			panic(fmt.Sprintf("shutdown %s: %v", name, err))
		}
	}
	fmt.Println("clean shutdown")
}
