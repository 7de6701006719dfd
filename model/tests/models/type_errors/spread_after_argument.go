// A spread slice after a fixed argument of a variadic function.
package main

func f(xs ...int) {}

func main() {
	f([]int{1}...)
	f(1, []int{1}...)
}
// go build: 8:7: too many arguments in call to f
// have (number, []int)
// want (...int)
