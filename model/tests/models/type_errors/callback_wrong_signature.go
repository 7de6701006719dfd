package main

func forEach(items []int, visit func(int)) {
	for _, it := range items {
		visit(it)
	}
}

func main() {
	total := 0
	forEach([]int{1, 2}, func(i int) bool {
		total += i
		return true
	})
	println(total)
}
// go build: 11:23: cannot use func(i int) bool {…} (value of type func(i int) bool) as type func(int) in argument to forEach
