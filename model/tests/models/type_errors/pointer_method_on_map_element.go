package main

type counter struct{ n int }

func (c *counter) Inc() { c.n++ }

func get() counter { return counter{} }

func main() {
	m := map[string]counter{}
	m["a"].Inc()
	get().Inc()
	counter{}.Inc()
}
// go build: 11:9: cannot call pointer method Inc on counter
