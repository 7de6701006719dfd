package main

import "errors"

func fetch(id int) error {
	if id < 0 {
		return errors.New("bad id", id)
	}
	return nil
}

func main() {
	errs := make(chan error, 1)
	go func() { errs <- fetch(-1) }()
	println((<-errs).Error())
}
// go build: 7:31: too many arguments in call to errors.New
// have (string, int)
// want (string)
