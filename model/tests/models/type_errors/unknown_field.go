package main

type reply struct {
	ID   uint64
	Body string
}

func main() {
	r := reply{ID: 7, Body: "pong", Code: 200}
	_ = r
}
// go build: 9:34: unknown field 'Code' in struct literal of type reply
