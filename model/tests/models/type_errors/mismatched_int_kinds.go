package main

func main() {
	var a int32 = 1
	var b int64 = 2
	_ = a + b
}
// go build: 6:6: invalid operation: a + b (mismatched types int32 and int64)
