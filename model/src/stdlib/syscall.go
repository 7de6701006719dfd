// Package syscall for models: only its Signal type and the signal numbers of linux/amd64
// (Go 1.23's src/syscall/syscall_unix.go and zerrors_linux_amd64.go, whose names String
// returns), so that `os.Signal` values and `signal.Notify(c, syscall.SIGTERM)` load. gomc
// compiles this file with a model that imports "syscall" or "os".
package syscall

// A Signal is a number describing a process signal.
type Signal int

// Signal marks Signal as an os.Signal.
func (s Signal) Signal() {}

// String returns the signal's description, as Go's signals table does.
func (s Signal) String() string {
	switch s {
	case SIGHUP:
		return "hangup"
	case SIGINT:
		return "interrupt"
	case SIGQUIT:
		return "quit"
	case SIGKILL:
		return "killed"
	case SIGUSR1:
		return "user defined signal 1"
	case SIGUSR2:
		return "user defined signal 2"
	case SIGPIPE:
		return "broken pipe"
	case SIGALRM:
		return "alarm clock"
	case SIGTERM:
		return "terminated"
	}
	return "signal " + itoa(int(s))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	negative := n < 0
	if negative {
		n = -n
	}
	var digits []byte
	for n > 0 {
		digits = append([]byte{byte('0' + n%10)}, digits...)
		n /= 10
	}
	if negative {
		return "-" + string(digits)
	}
	return string(digits)
}

// The signals of linux/amd64 a model is likely to name.
const (
	SIGHUP  = Signal(0x1)
	SIGINT  = Signal(0x2)
	SIGQUIT = Signal(0x3)
	SIGKILL = Signal(0x9)
	SIGUSR1 = Signal(0xa)
	SIGUSR2 = Signal(0xc)
	SIGPIPE = Signal(0xd)
	SIGALRM = Signal(0xe)
	SIGTERM = Signal(0xf)
)
