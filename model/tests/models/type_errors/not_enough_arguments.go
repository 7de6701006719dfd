package main

func publish(topic string, seq int) {}

func main() {
	publish("orders")
}
// go build: 6:10: not enough arguments in call to publish
// go build: have (string)
// go build: want (string, int)
