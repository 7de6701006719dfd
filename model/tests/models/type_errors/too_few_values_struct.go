package main

type page struct {
	url    string
	status int
}

func main() {
	p := page{"/"}
	_ = p
}
// go build: 9:15: too few values in page{…}
