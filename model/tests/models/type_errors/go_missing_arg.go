package main

func main() {
	done := make(chan bool)
	go func(id int) {
		done <- true
	}()
	<-done
}
// go build: 5:5: not enough arguments in call to func(id int) {…}
// go build: have ()
// go build: want (int)
