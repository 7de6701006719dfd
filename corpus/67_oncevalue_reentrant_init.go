// Corpus: the configuration is loaded lazily with sync.OnceValue. The loader validates the
// timeout by calling config() again, re-entering the OnceValue while its first call is
// still running: sync.Once's mutex is held by the same goroutine, so it blocks forever
// (go run: fatal error: all goroutines are asleep - deadlock!).
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
	"time"
)

type Config struct {
	Timeout time.Duration
	Retries int
}

// Assigned in init: a package-level initializer that reaches config through the loader would
// be an initialization cycle, which go build rejects.
var config func() *Config

func init() {
	config = sync.OnceValue(loadConfig)
}

func loadConfig() *Config {
	c := &Config{Timeout: 2 * time.Second, Retries: 3}
	if c.Timeout < config().Timeout/2 { // BUG: re-enters config
		c.Timeout = time.Second
	}
	return c
}

func main() {
	fmt.Println("timeout", config().Timeout)
}
