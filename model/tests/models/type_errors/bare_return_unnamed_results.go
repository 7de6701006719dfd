package main

func get() (int, error) {
	return
}

func main() {
	_, _ = get()
}
// go build: 4:2: not enough return values
// go build: have ()
// go build: want (int, error)
