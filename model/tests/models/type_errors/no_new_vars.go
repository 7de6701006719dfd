package main

func main() {
	done := make(chan bool)
	done := make(chan bool)
	<-done
}
// go build: 5:7: no new variables on left side of :=
