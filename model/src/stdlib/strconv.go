// Package strconv for models, mirroring Go 1.23's src/strconv/itoa.go and atoi.go (integers
// and booleans; no floats, which gomc does not model) and Quote through fmt's %q. gomc
// compiles this file with a model that imports "strconv".
package strconv

import (
	"errors"
	"fmt"
)

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, Atoi)
	Num  string // the input
	Err  error  // the reason the conversion failed (ErrRange, ErrSyntax)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatInt returns the string representation of i in the given base, 2 <= base <= 36.
func FormatInt(i int64, base int) string {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	if i == 0 {
		return "0"
	}
	neg := i < 0
	var b []byte
	for i != 0 {
		d := i % int64(base)
		if d < 0 {
			d = -d
		}
		b = append(b, digits[d])
		i /= int64(base)
	}
	if neg {
		b = append(b, '-')
	}
	for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
		b[l], b[r] = b[r], b[l]
	}
	return string(b)
}

// Itoa is equivalent to FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// FormatBool returns "true" or "false" according to the value of b.
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// ParseBool returns the boolean value represented by the string.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit size (0 to 64) and
// returns the corresponding value i; out of range, the nearest limit and ErrRange.
func ParseInt(s string, base int, bitSize int) (int64, error) {
	const fnParseInt = "ParseInt"
	if s == "" {
		return 0, &NumError{fnParseInt, s, ErrSyntax}
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	if base == 0 {
		base = 10
		if len(s) > 1 && s[0] == '0' {
			switch s[1] {
			case 'x', 'X':
				base, s = 16, s[2:]
			case 'o', 'O':
				base, s = 8, s[2:]
			case 'b', 'B':
				base, s = 2, s[2:]
			default:
				base, s = 8, s[1:]
			}
		}
	}
	if base < 2 || base > 36 {
		return 0, &NumError{fnParseInt, s0, errors.New("invalid base " + Itoa(base))}
	}
	if bitSize == 0 {
		bitSize = 64
	}
	if bitSize < 0 || bitSize > 64 {
		return 0, &NumError{fnParseInt, s0, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	if s == "" {
		return 0, &NumError{fnParseInt, s0, ErrSyntax}
	}
	// Accumulate the value negated, so that the most negative value fits.
	min := int64(-1) << (bitSize - 1)
	max := -(min + 1)
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d int64
		switch {
		case '0' <= c && c <= '9':
			d = int64(c - '0')
		case 'a' <= c && c <= 'z':
			d = int64(c-'a') + 10
		case 'A' <= c && c <= 'Z':
			d = int64(c-'A') + 10
		default:
			return 0, &NumError{fnParseInt, s0, ErrSyntax}
		}
		if d >= int64(base) {
			return 0, &NumError{fnParseInt, s0, ErrSyntax}
		}
		if n < min/int64(base) || n*int64(base) < min+d {
			if neg {
				return min, &NumError{fnParseInt, s0, ErrRange}
			}
			return max, &NumError{fnParseInt, s0, ErrRange}
		}
		n = n*int64(base) - d
	}
	if neg {
		return n, nil
	}
	if n < -max {
		return max, &NumError{fnParseInt, s0, ErrRange}
	}
	return -n, nil
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	const fnAtoi = "Atoi"
	i, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = fnAtoi
	}
	return int(i), err
}

// Quote returns a double-quoted Go string literal representing s.
func Quote(s string) string {
	return fmt.Sprintf("%q", s)
}
