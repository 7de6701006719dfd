// Package errors for models: Is, As and Unwrap mirror Go 1.23's src/errors/wrap.go, Join
// mirrors src/errors/join.go. New is built into the front end (semantics/errors.rs); gomc
// compiles this file with a model that imports "errors". As(err, target) is lowered to a call
// of as[T] below, T being *target's type (what wrap.go's As finds by reflection; the front end
// checks, as the compiler's vet check does, that target is a pointer to an interface or to a
// type implementing error). Its primitives: joinErrors makes the
// error Join returns (Instr::JoinErrors), a gomc error like those of New and fmt.Errorf;
// ownWrapped lists what such an error wraps (Instr::OwnWrapped).
//
// Difference from the real package, for a reason: Is compares err with target even when
// target's type is not comparable (Go skips the comparison then; gomc has no reflection to
// ask), so such a target makes Is panic where Go's returns false.
package errors

// ErrUnsupported indicates that a requested operation cannot be performed, because it is
// unsupported (Go 1.21, src/errors/errors.go): `fmt.Errorf("...: %w", errors.ErrUnsupported)`.
var ErrUnsupported = New("unsupported operation")

// Unwrap returns the result of calling the Unwrap method on err, if err's type contains an
// Unwrap method returning error; otherwise nil (also for an error wrapping several).
func Unwrap(err error) error {
	u, ok := err.(interface {
		Unwrap() error
	})
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether any error in err's tree matches target: err itself, then, depth first,
// what its Unwrap method or methods return; an error matches if it equals target or has an
// Is(error) bool method that says so.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target)
}

func is(err, target error) bool {
	for {
		if err == target {
			return true
		}
		if wrapped, own := ownWrapped(err); own {
			for _, inner := range wrapped {
				if is(inner, target) {
					return true
				}
			}
			return false
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if is(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// as reports whether any error in err's tree, walked as is walks it, can be assigned to
// *target, and if so stores the first such error there; an error with an As(any) bool method
// that says so counts too.
func as[T any](err error, target *T) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target must be a non-nil pointer")
	}
	for {
		if x, ok := err.(T); ok {
			*target = x
			return true
		}
		if wrapped, own := ownWrapped(err); own {
			for _, inner := range wrapped {
				if as(inner, target) {
					return true
				}
			}
			return false
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if as(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// Join returns an error that wraps the given errors; nil if every one is nil.
func Join(errs ...error) error {
	var kept []error
	text := ""
	for _, err := range errs {
		if err == nil {
			continue
		}
		if len(kept) > 0 {
			text += "\n"
		}
		text += err.Error()
		kept = append(kept, err)
	}
	if len(kept) == 0 {
		return nil
	}
	return joinErrors(text, kept)
}

// value_New is New as a function value (`newErr := errors.New`): New itself is built into the
// front end, which compiles a use of `errors.New` as a value to this function, named
// errors.New in traces and dumps.
func value_New(text string) error {
	return New(text)
}
