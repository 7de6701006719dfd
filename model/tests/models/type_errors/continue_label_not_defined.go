// a continue to a label declared nowhere.
package main

func main() {
	for {
		select {
		default:
			continue L
		}
	}
}
// go build: 8:13: continue label not defined: L
