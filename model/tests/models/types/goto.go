// goto: a backward jump as a loop and a forward jump over nothing. Expected output: `go run`
// (Go 1.19).
package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	fmt.Println(i)
	goto done
done:
	fmt.Println("done")
}
