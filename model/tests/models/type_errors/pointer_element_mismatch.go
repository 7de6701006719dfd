package main

func bump(counter *int64) { *counter++ }

func main() {
	var hits int
	bump(&hits)
}
// go build: 7:7: cannot use &hits (value of type *int) as type *int64 in argument to bump
