// errors.Join for models, mirroring Go 1.23's src/errors/join.go: the non-nil errors, nil if
// there are none, and a text of their texts one per line. The rest of package errors (New,
// Is, As, Unwrap) is built into the front end (semantics/errors.rs); gomc compiles this file
// with a model that imports "errors". joinErrors is gomc's primitive that makes the error
// (Instr::JoinErrors), so that errors.Is and errors.As walk into it as into fmt.Errorf's.
package errors

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
