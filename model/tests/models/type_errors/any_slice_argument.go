package main

func record(values []any) {
	_ = values
}

func main() {
	ids := []int{1, 2}
	record(ids)
}
// go build: 9:9: cannot use ids (variable of type []int) as type []any in argument to record
