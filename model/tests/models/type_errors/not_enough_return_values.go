package main

type call struct {
	val string
	err error
}

func (c *call) result() (string, error) {
	return c.val
}

func main() {
	c := &call{}
	_, _ = c.result()
}
// go build: 9:9: not enough return values
// go build: have (string)
// go build: want (string, error)
