package main

type event interface{ name() string }

type started struct{}
type stopped struct{ code int }

func (started) name() string { return "started" }
func (stopped) name() string { return "stopped" }

func main() {
	events := make(chan event, 1)
	events <- stopped{code: 1}
	switch e := (<-events).(type) {
	case started:
		println("up")
	case stopped:
		println("down")
	}
}
// go build: 14:9: e declared but not used
