package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hi")
}
// go build: 5:2: imported and not used: "os"
