package main

func main() {
	name := "a"
	switch name {
	case "a":
	case "b", "a":
	}
}
// go build: 7:12: duplicate case "a" (constant of type string) in expression switch
// go build: duplicate_case_string.go:6:7: previous case
