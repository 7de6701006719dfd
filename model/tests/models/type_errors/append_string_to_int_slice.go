package main

func main() {
	var ids []int
	name := "ab"
	ids = append(ids, name...)
	_ = ids
}
// go build: 6:20: cannot use name (variable of type string) as type []int in argument to append
