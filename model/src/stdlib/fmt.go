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

// The operands of a printing call that forwards them as a slice (`fmt.Printf(format,
// args...)`, `log.Printf`, `fmt.Println(args...)`), as print.go's handleMethods sees them: an
// operand printed by a verb valid for strings (`%v %s %q %x %X`, every operand of Println) whose
// value has an Error or else a String method is replaced by what the method returns. The
// machine then formats the slice (frontend/fmtargs.rs), as it does directly passed operands
// once their methods ran. `%#v` calls GoString, not String (goStringOperand).

// printablef is printable for a format: the verbs of format say which operands go through
// their methods (doPrintf's walk over flags, width and precision, where a `*` takes an operand
// of its own). It returns the format too, for the instruction that formats both.
func printablef(format string, args []any) (string, []any) {
	out := make([]any, len(args))
	copy(out, args)
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		sharp := false
		for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ' || format[i] == '0') {
			sharp = sharp || format[i] == '#'
			i++
		}
		for i < len(format) && (format[i] == '*' || format[i] == '.' || (format[i] >= '0' && format[i] <= '9')) {
			if format[i] == '*' {
				arg++
			}
			i++
		}
		if i >= len(format) {
			break
		}
		verb := format[i]
		if verb == '%' {
			continue
		}
		if arg >= len(out) {
			break
		}
		if (verb == 'v' && !sharp) || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X' {
			out[arg] = printableOperand(out[arg])
		} else if verb == 'v' {
			out[arg] = goStringOperand(out[arg])
		}
		arg++
	}
	return format, out
}

// printable is printablef for Println and Sprintln, which print every operand as %v does.
func printable(args []any) []any {
	out := make([]any, len(args))
	for i, arg := range args {
		out[i] = printableOperand(arg)
	}
	return out
}

// printableOperand is one operand through its Error or else its String method (handleMethods'
// order: error first).
func printableOperand(arg any) any {
	switch v := arg.(type) {
	case error:
		return v.Error()
	case Stringer:
		return v.String()
	}
	return arg
}

// goSyntax is what a GoString method returned, which %#v prints as it is (print.go's
// handleMethods under sharpV); the front end describes the type so (frontend/fmtsharp.rs).
type goSyntax string

// goStringOperand is an operand of %#v through its GoString method, if it has one.
func goStringOperand(arg any) any {
	if g, ok := arg.(GoStringer); ok {
		return goSyntax(g.GoString())
	}
	return arg
}

// elementTexts is a slice's (or an array's) elements as printValue prints them at depth > 0:
// each through its Error or String method (print.go, printValue: `p.handleMethods(verb)` for
// an element that CanInterface). A nil pointer element whose method would be called prints as
// <nil> (catchPanic), so pointer says whether E is a pointer type. A nil slice prints as [].
func elementTexts[E any](s []E, pointer bool) []any {
	out := make([]any, len(s))
	var zero E
	for i, e := range s {
		if pointer && any(e) == any(zero) {
			continue
		}
		out[i] = printableOperand(e)
	}
	return out
}

// ordered is the key types whose order keyedText can compute (cmp.Ordered's list).
type ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

// keyedText is a map printed by %v (or Println) whose keys have an Error or String method:
// printValue sorts the keys by their values (internal/fmtsort), not their texts, then prints
// each key and value at depth 1 through handleMethods, so `map[debug:5 info:2]` for
// `map[Level]int{1: 2, 0: 5}`. A nil pointer value prints as <nil> (pointer: V is a pointer).
func keyedText[K ordered, V any](m map[K]V, pointer bool) string {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Insertion sort: a model's maps are small.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	var zero V
	text := "map["
	for i, k := range keys {
		if i > 0 {
			text += " "
		}
		var value any
		if !pointer || any(m[k]) != any(zero) {
			value = printableOperand(m[k])
		}
		text += operandText(printableOperand(k)) + ":" + operandText(value)
	}
	return text + "]"
}

// operandText is what %v prints for one operand.
func operandText(arg any) string {
	line := sprintln([]any{arg})
	return line[:len(line)-1]
}

// nestedTexts is a slice of slices with each inner slice as elementTexts makes it (printValue
// at depth 2: `[[idle busy] [busy]]`).
func nestedTexts[E any](s [][]E, pointer bool) []any {
	out := make([]any, len(s))
	for i, inner := range s {
		out[i] = elementTexts(inner, pointer)
	}
	return out
}

// valueTexts is a map with its values as elementTexts makes them; the keys stay, so that the
// map prints in fmtsort's order of the keys (internal/fmtsort compares them, not their text).
func valueTexts[K comparable, V any](m map[K]V, pointer bool) map[K]any {
	out := make(map[K]any, len(m))
	var zero V
	for k, v := range m {
		if pointer && any(v) == any(zero) {
			out[k] = nil
			continue
		}
		out[k] = printableOperand(v)
	}
	return out
}

// The printing functions as function values (`logf := fmt.Printf`, a callback of type
// `func(string, ...any)`): the functions themselves are built into the front end, which
// compiles a use of one as a value to its wrapper here, named as the function in traces and
// dumps. Each returns what print.go's does: the number of bytes written and a nil error.

func value_Println(a ...any) (n int, err error) {
	s := Sprintln(a...)
	Print(s)
	return len(s), nil
}

func value_Print(a ...any) (n int, err error) {
	s := value_Sprint(a...)
	Print(s)
	return len(s), nil
}

func value_Printf(format string, a ...any) (n int, err error) {
	s := Sprintf(format, a...)
	Print(s)
	return len(s), nil
}

func value_Sprintln(a ...any) string {
	return Sprintln(a...)
}

// value_Sprint is doPrint's loop: a space between two operands when neither is a string.
// (print.go asks reflect whether an operand's kind is string; a type assertion sees the type
// string only, so two operands of a named string type get a space here that Go omits.)
func value_Sprint(a ...any) string {
	s := ""
	for i, arg := range a {
		_, isString := arg.(string)
		if i > 0 && !isString {
			if _, previous := a[i-1].(string); !previous {
				s += " "
			}
		}
		s += Sprint(arg)
	}
	return s
}

func value_Sprintf(format string, a ...any) string {
	return Sprintf(format, a...)
}
