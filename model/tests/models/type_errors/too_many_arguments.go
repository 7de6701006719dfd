package main

func fetch(id int) {}

func main() {
	fetch(1, 2, nil)
}
// go build: 6:11: too many arguments in call to fetch
// go build: have (number, number, nil)
// go build: want (int)
