package main

import "sync"

var (
	once   sync.Once
	config map[string]string
)

func main() {
	once.Do(func() error {
		config = map[string]string{"mode": "fast"}
		return nil
	})
}
// go build: 11:10: cannot use func() error {…} (value of type func() error) as type func() in argument to once.Do
