// Package os for models: the part written in Go, after Go 1.23's src/os/exec_posix.go and
// exec.go (the Signal interface, Interrupt and Kill). The rest of what gomc models of os
// (Exit, Stdout and Stderr as fmt.Fprint*'s writers) is built into the front end
// (frontend/stdcall.rs, frontend/fprint.rs). gomc compiles this file with a model that
// imports "os".
package os

import "syscall"

// A Signal represents an operating system signal.
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The only signal values guaranteed to be present in the os package on all systems. Go
// declares them as variables of type Signal; here they are constants of their dynamic type,
// syscall.Signal, so that every model importing os (for os.Exit) does not carry two more
// globals in each state. Nothing a model does with them tells the two apart but assigning to
// them or taking their address.
const (
	Interrupt = syscall.SIGINT
	Kill      = syscall.SIGKILL
)

// value_Exit is Exit as a function value (`var osExit = os.Exit`, the usual seam for tests):
// Exit itself is built into the front end, which compiles a use of `os.Exit` as a value to
// this function, named os.Exit in traces and dumps.
func value_Exit(code int) {
	Exit(code)
}
