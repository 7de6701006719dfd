package main

func take(x int) { _ = x }

func main() {
	var conn interface {
		Write(string) (int, error)
		Close() error
	}
	take(conn)
}
// go build: 10:7: cannot use conn (variable of type interface{Close() error; Write(string) (int, error)}) as type int in argument to take
