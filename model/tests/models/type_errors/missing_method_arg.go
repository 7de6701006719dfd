package main

type Closer interface{ Close() error }

type conn struct{}

func shutdown(c Closer) { _ = c.Close() }

func main() {
	shutdown(conn{})
}
// go build: 10:11: cannot use conn{} (value of type conn) as type Closer in argument to shutdown:
// go build: conn does not implement Closer (missing Close method)
