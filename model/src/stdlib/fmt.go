// Package fmt's interfaces, for models, after Go 1.23's src/fmt/print.go: Stringer and
// GoStringer, which models implement and assert to. gomc compiles this file with a model that
// imports "fmt"; the printing functions are the machine's own (frontend/stdcall.rs), and they
// call a String method of any type that has one, as fmt does.
package fmt

// Stringer is implemented by any value that has a String method, which defines the "native"
// format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which defines the Go
// syntax for that value.
type GoStringer interface {
	GoString() string
}
