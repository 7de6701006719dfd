package main

type counter struct{ n int }

func (c *counter) Inc() { c.n++ }

func get() counter { return counter{} }

func main() {
	get().Inc()
}
// go build: 10:8: cannot call pointer method Inc on counter
