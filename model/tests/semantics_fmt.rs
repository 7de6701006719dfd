//! fmt's verbs, flags, widths and composite values (fmt/print.go's doPrintf, printArg,
//! printValue and badVerb; fmt/format.go's fmtInteger, fmtFloat, fmtQ, fmtSbx, fmtC, fmtQc,
//! fmtUnicode and pad), as gomc prints them: each expected text is what `go run` printed with
//! Go 1.23.5 (`/usr/lib/go-1.23/bin/go run`), byte for byte.

mod common;

use common::{check, printed};
use gomc::explore::OutcomeKind;

/// The output of a model that ends ok, as its standard output: a `Println` event has no
/// newline of its own, a `Printf` event carries the ones of its format.
fn stdout(source: &str) -> String {
    let report = check(source);
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    printed(&report, OutcomeKind::Ok)
        .iter()
        .map(|event| {
            if event.ends_with('\n') {
                event.clone()
            } else {
                format!("{event}\n")
            }
        })
        .collect()
}

/// About 60 cases of what concurrency code prints: integers of every kind with widths, zero and
/// sign flags, `%x` of negative numbers, `%o %O %b %c %q %U`, floats under `%e %E %g %G %f`,
/// structs under `%v %+v`, pointers to structs, slices of structs, sorted maps, wrapped errors,
/// durations, nil values (a nil slice prints `[]`, a nil map `map[]`, also inside structs and
/// maps), `%q` and `%x` of a `[]string` (each element), `[][]state` through `String`, bad verbs
/// (`%!d(string=str)`), extra operands and Sprint's spacing, maps whose keys have a `String`
/// method (sorted by value, printed by text). Before: `%x` of -255 printed
/// `ffffffffffffff01`, `%c %q %U` of a rune its number, nil slices `<nil>`, `%q` of a
/// `[]string` the bare strings, bad verbs the value, `%#x`, `% d`, `%X` of bytes were ignored.
#[test]
fn fmt_verbs_flags_and_composites_print_as_go_1_23_does() {
    // Expected: go run with Go 1.23.5.
    let expected = r#"c01|-5 200 65535 -1099511627776 42 120 65|
c02|  -42|-42  |-0042|+7|-7|
c03|-ff|FF|-5|10|101|0o10|
c04| 3.14|-003.142|1.234568e+03|1.234e-06|1e+21|3.14|1.234568E+03|1E-07|
c05|true|false| true|
c07|&{1 2}|&{X:1 Y:2}|
c08|{a {3 4} [x]}|{Name:a Pos:{X:3 Y:4} tags:[x]}|
c09|[{1 2} {3 4}]|[{X:1 Y:2} {X:3 Y:4}]|
c10|map[1:a 2:b 3:c]|map[a:1 b:2 c:3]|
c11|wrap: base|wrap: base|"wrap: base"|
c12|1.5s|1.5s|1500000000|
c13|<nil>|
c14|<nil>|<nil>|
c15|true|<nil>|
c16|hi|6869|6869|[104 105]|"hi"|
c17|λ|'λ'|U+03BB|U+03BB 'λ'|955|
c18|go        |        go|go|"a\"b"|6869|68 69|
c19 a1 2bc3.5 true false
c20 1 a 2.5 <nil> true
c21|[]|map[]|[]|
c22 [] map[]
c23|["a" "b"]|[61 62]|[a b]|[a b]|
c25|[[idle busy] [busy]]|
c26|busy|1|idle|
c27|<nil>|
c28|%!d(string=str)|%!s(int=5)|
c31|-128|4611686018427387904|
c32| 99.50%|
c33|0.1|0.1|1e+06|
c34|[1 2 3]|[true false]|
c35|48656c6c6f|0147|
c36|0xff|010|"s"|42|
c37|  a|'b' |
c38|{}|{[]}|
c39| 5|-5|
c40|a
b|[base <nil>]|
c41|[1 a <nil>]|[%!s(int=1) a]|
c42|   42|ab    |00007|
c43|map[a:[1] b:[]]|
c44|0.1|0|2|2|
c45|%!t(int=1)|
c46|1.235e+04|0.5     |
c47 [idle busy] map[a:busy]
c48|["idle" "busy"]|&[1]|
c49|map[]|[<nil>]|
c50|1 2|x3
|000ab|00"a"|{    1     2}|{00001 00002}|[    1     2]|[ff -1]|6869|
|"a\x01\u00ad\t"|'a'|"\u00e9"|%!d(bool=true)|%!s(<nil>)|
|map[a:[]]|map[%!d(string=a):1]|
|   3.1|abc| 1.000e+00|2.00    |
|A|U+1F600|'😀'|a|-10|-010|0b101|
|%!d(<nil>)|%!s(<nil>)|%!x(<nil>)|
|-0003|+0003|3    | 0003|
|     00a||007|
c51|map[idle:5 busy:2 other:1]|map[1:2]|
c52 map[busy:<nil>] map[idle:busy]
"#;
    assert_eq!(stdout(include_str!("models/stdlib/fmt_verbs.go")), expected);
}

/// Where Go's `%#v` prints an address, gomc prints a word in its place, so that two runs print
/// the same bytes (README, fmt; `model/src/semantics/format_sharp.rs`): `pointer` for a pointer
/// inside a value (Go: `[]*main.P{(*main.P)(0xc000012345)}`, also a cycle's and an error's
/// that fmt.Errorf wraps) and for a pointer to anything but a struct, array, slice or map,
/// `chan` and `func` for a channel and a function. Everything else is Go 1.23's text.
#[test]
fn sharp_v_prints_no_addresses() {
    let source = r#"package main

import (
	"errors"
	"fmt"
)

type P struct{ X int }

type L struct {
	Next *L
	V    int
}

func main() {
	l := &L{V: 1}
	l.Next = l
	fmt.Printf("%#v\n", l)
	p := &P{1}
	n := 5
	ch := make(chan int)
	f := func() {}
	fmt.Printf("%#v\n", []*P{p})
	fmt.Printf("%#v %#v %#v\n", &n, ch, f)
	fmt.Printf("%#v\n", struct{ P *P }{p})
	fmt.Printf("%#v\n", fmt.Errorf("w: %w", errors.New("x")))
	fmt.Printf("%#v\n", fmt.Errorf("w: %w %w", errors.New("x"), errors.New("y")))
}
"#;
    let expected = r#"&main.L{Next:(*main.L)(pointer), V:1}
[]*main.P{(*main.P)(pointer)}
(*int)(pointer) (chan int)(chan) (func())(func)
struct { P *main.P }{P:(*main.P)(pointer)}
&fmt.wrapError{msg:"w: x", err:(*errors.errorString)(pointer)}
&fmt.wrapErrors{msg:"w: x y", errs:[]error{(*errors.errorString)(pointer), (*errors.errorString)(pointer)}}
"#;
    assert_eq!(stdout(source), expected);
}

/// A format held in a variable and passed directly: the front end cannot see `%#v`, so an
/// operand that is not a struct, slice or map goes in without its type and through its
/// `String` method (README, Limitations, fmt). Go prints `0x3 main.Sv{v:1} main.P{X:1}`;
/// forwarded in `args...` (`logf`), the operands print as Go's.
#[test]
fn fixme_sharp_v_with_a_format_in_a_variable_loses_types_and_calls_string() {
    let source = r#"package main

import "fmt"

type Sv struct{ v int }

func (s Sv) String() string { return "sv" }

type P struct{ X int }

func logf(format string, args ...any) {
	fmt.Printf(format, args...)
}

func main() {
	f := "%#v %#v %#v\n"
	fmt.Printf(f, uint8(3), Sv{1}, P{1})
	logf(f, uint8(3), Sv{1}, P{1})
}
"#;
    let expected = "3 \"sv\" main.P{X:1}\n0x3 main.Sv{v:1} main.P{X:1}\n";
    assert_eq!(stdout(source), expected);
}
