package main

func main() {
	backoff := 1.5
	for i := 0; i < 3; i++ {
		println(backoff << i)
	}
}
// go build: 6:11: invalid operation: shifted operand backoff (variable of type float64) must be integer
