// Package strings for models, after Go 1.23's src/strings/strings.go and builder.go, at the
// level models use it: searching, splitting (Cut too) and joining, trimming spaces, ASCII case, a
// Builder, and a Reader (reader.go's Read, ReadByte, Len, Size and Reset). gomc compiles this file with a model that imports "strings". Go's results,
// computed byte by byte (Go's use assembly and Unicode tables; ToUpper, ToLower and
// TrimSpace here know ASCII only).
package strings

import "io"

// Index returns the index of the first instance of substr in s, or -1.
func Index(s, substr string) int {
	n := len(substr)
	for i := 0; i+n <= len(s); i++ {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// LastIndex returns the index of the last instance of substr in s, or -1.
func LastIndex(s, substr string) int {
	n := len(substr)
	for i := len(s) - n; i >= 0; i-- {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// IndexByte returns the index of the first instance of c in s, or -1.
func IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Contains reports whether substr is within s.
func Contains(s, substr string) bool {
	return Index(s, substr) >= 0
}

// Count counts the number of non-overlapping instances of substr in s (for an empty substr,
// one more than the number of bytes: models use ASCII).
func Count(s, substr string) int {
	if substr == "" {
		return len(s) + 1
	}
	n := 0
	for {
		i := Index(s, substr)
		if i == -1 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// TrimPrefix returns s without the provided leading prefix string.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without the provided trailing suffix string.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// TrimSpace returns s with leading and trailing (ASCII) white space removed.
func TrimSpace(s string) string {
	start, end := 0, len(s)
	for start < end && isSpace(s[start]) {
		start++
	}
	for end > start && isSpace(s[end-1]) {
		end--
	}
	return s[start:end]
}

// Split slices s into all substrings separated by sep (sep must not be empty).
func Split(s, sep string) []string {
	if sep == "" {
		panic("gomc: strings.Split with an empty separator is not modelled")
	}
	var parts []string
	for {
		i := Index(s, sep)
		if i < 0 {
			return append(parts, s)
		}
		parts = append(parts, s[:i])
		s = s[i+len(sep):]
	}
}

// SplitN splits s around sep into at most n substrings, the last one the unsplit remainder
// (strings.go genSplit): n < 0 means all of them, n == 0 none (nil).
func SplitN(s, sep string, n int) []string {
	if n < 0 {
		return Split(s, sep)
	}
	if n == 0 {
		return nil
	}
	if sep == "" {
		panic("gomc: strings.SplitN with an empty separator is not modelled")
	}
	var parts []string
	for len(parts) < n-1 {
		i := Index(s, sep)
		if i < 0 {
			break
		}
		parts = append(parts, s[:i])
		s = s[i+len(sep):]
	}
	return append(parts, s)
}

// Fields splits s around runs of (ASCII) white space.
func Fields(s string) []string {
	var fields []string
	start := -1
	for i := 0; i < len(s); i++ {
		if isSpace(s[i]) {
			if start >= 0 {
				fields = append(fields, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		fields = append(fields, s[start:])
	}
	return fields
}

// Join concatenates the elements of elems, placing sep between them.
func Join(elems []string, sep string) string {
	out := ""
	for i, e := range elems {
		if i > 0 {
			out += sep
		}
		out += e
	}
	return out
}

// Repeat returns a new string consisting of count copies of s.
func Repeat(s string, count int) string {
	if count < 0 {
		panic("strings: negative Repeat count")
	}
	out := ""
	for i := 0; i < count; i++ {
		out += s
	}
	return out
}

// ToUpper returns s with its ASCII letters mapped to upper case.
func ToUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// ToLower returns s with its ASCII letters mapped to lower case.
func ToLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

// EqualFold reports whether s and t are equal under ASCII case folding.
func EqualFold(s, t string) bool {
	return ToLower(s) == ToLower(t)
}

// ReplaceAll returns a copy of s with all non-overlapping instances of old replaced by new
// (old must not be empty).
func ReplaceAll(s, old, new string) string {
	return Join(Split(s, old), new)
}

// Cut slices s around the first instance of sep, returning the text before and after sep.
// The found result reports whether sep appears in s. If sep does not appear in s, cut
// returns s, "", false.
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// A Builder is used to build a string with Write methods.
type Builder struct {
	buf []byte
}

// String returns the accumulated string.
func (b *Builder) String() string { return string(b.buf) }

// Len returns the number of accumulated bytes.
func (b *Builder) Len() int { return len(b.buf) }

// Reset resets the Builder to be empty.
func (b *Builder) Reset() { b.buf = nil }

// WriteString appends the contents of s to b's buffer.
func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, []byte(s)...)
	return len(s), nil
}

// WriteRune appends the UTF-8 encoding of Unicode code point r to b's buffer.
func (b *Builder) WriteRune(r rune) (int, error) {
	encoded := []byte(string(r))
	b.buf = append(b.buf, encoded...)
	return len(encoded), nil
}

// WriteByte appends the byte c to b's buffer.
func (b *Builder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

// Write appends the contents of p to b's buffer.
func (b *Builder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// A Reader reads from a string (reader.go); the zero value reads an empty string.
type Reader struct {
	s string
	i int
}

// NewReader returns a Reader reading from s.
func NewReader(s string) *Reader { return &Reader{s: s} }

// Len returns the number of bytes not yet read.
func (r *Reader) Len() int {
	if r.i >= len(r.s) {
		return 0
	}
	return len(r.s) - r.i
}

// Size returns the length of the underlying string.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

// Read reads up to len(p) bytes; io.EOF once the string is exhausted.
func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	n = copy(b, r.s[r.i:])
	r.i += n
	return n, nil
}

// ReadByte reads one byte; io.EOF once the string is exhausted.
func (r *Reader) ReadByte() (byte, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	b := r.s[r.i]
	r.i++
	return b, nil
}

// Reset makes the Reader read from s.
func (r *Reader) Reset(s string) { *r = Reader{s: s} }
