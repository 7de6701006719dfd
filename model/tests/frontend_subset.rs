//! Front-end tests: the breadth of the supported subset compiles, mutated models never panic
//! the front end, and constants fold.

mod frontend_common;

use frontend_common::*;
use gomc::frontend::CompileOptions;
use gomc::program::Instr;

// ---- breadth of the subset ----

/// A model using most of the subset; under the checker its `check`s all hold (the semantics
/// tests run it).
const FEATURES: &str = r#"package main

import (
	"errors"
	"fmt"
	"sync"
)

type point struct {
	x, y int
}

type box struct {
	p    point
	q    *point
	name string
	mu   sync.Mutex
}

type counter int

func (c counter) double() counter { return c * 2 }

type acc struct{ n int }

func (a *acc) add(k int)   { a.n += k }
func (a acc) get() int     { return a.n }
func (a *acc) ptrget() int { return a.n }

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
)

var g1 = g2 + 1
var g2 = three()

func three() int { return 3 }

func check(cond bool, msg string) {
	if !cond {
		panic(msg)
	}
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func swap(a, b string) (string, string) { return b, a }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	check(A == 0 && B == 1 && C == 2 && E == 4, "iota")
	check(KB == 1024 && MB == 1048576, "iota shifts")
	check(g1 == 4 && g2 == 3, "init order")
	x := 0x10 + 0o10 + 0b1 + 1_000 + 'a'
	check(x == 16+8+1+1000+97, "literals")
	s := "a\tb" + `\n`
	check(len(s) == 5, "strings")
	q, r := divmod(17, 5)
	check(q == 3 && r == 2, "divmod")
	a, b := swap("1", "2")
	check(a == "2" && b == "1", "swap")
	a, b = b, a
	check(a == "1" && b == "2", "parallel assign")
	check(sum() == 0 && sum(1, 2, 3) == 6, "variadic")
	xs := []int{1, 2, 3}
	check(sum(xs...) == 6, "spread")
	xs = append(xs, 4, 5)
	xs = append(xs, xs...)
	check(len(xs) == 10 && xs[9] == 5, "append")
	ys := xs[1:3]
	check(len(ys) == 2 && ys[0] == 2, "slicing")
	ys[0] = 20
	check(xs[1] == 20, "shared backing")
	zs := make([]int, 3, 10)
	check(len(zs) == 3 && cap(zs) == 10, "make slice")
	p := point{1, 2}
	p.x = 10
	pp := &p
	pp.y = 20
	check(p.x == 10 && p.y == 20, "struct fields via pointer")
	bx := box{p: point{y: 5}, name: "b"}
	bx.p.x = 7
	bx.q = &point{3, 4}
	bx.q.x++
	check(bx.p.x == 7 && bx.p.y == 5 && bx.q.x == 4, "nested fields")
	bx.mu.Lock()
	check(!bx.mu.TryLock(), "trylock")
	bx.mu.Unlock()
	np := new(point)
	np.x = 3
	check((*np).x == 3, "new")
	var c counter = 4
	check(c.double() == 8, "method on named int")
	var ac acc
	ac.add(5)
	ac.add(1)
	check(ac.get() == 6 && ac.ptrget() == 6, "pointer methods on addressable value")
	ap := &acc{}
	ap.add(2)
	check(ap.get() == 2, "value method via pointer")
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 2
	m["b"]++
	v, ok := m["b"]
	check(v == 3 && ok, "map comma ok")
	_, ok = m["zz"]
	check(!ok, "map missing")
	delete(m, "a")
	check(len(m) == 1, "delete")
	keys := ""
	m2 := map[string]int{"z": 1, "a": 2, "m": 3}
	for k, v := range m2 {
		keys += k
		_ = v
	}
	check(keys == "amz", "map range order")
	total := 0
	for i := range 4 {
		total += i
	}
	check(total == 6, "range int")
	total = 0
	for i, v := range []int{5, 6} {
		total += i * v
	}
	check(total == 6, "range slice")
	n := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			n++
		}
	}
	check(n == 6, "labels")
	res := ""
	switch k := 2; k {
	case 1:
		res = "one"
	case 2, 3:
		res = "two"
		fallthrough
	case 4:
		res += "four"
	default:
		res = "default"
	}
	check(res == "twofour", "switch")
	switch {
	case n > 100:
		res = "big"
	default:
		res = "small"
	}
	check(res == "small", "tagless switch")
	funcs := []func() int{}
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	check(funcs[0]() == 0 && funcs[2]() == 2, "per-iteration loop vars")
	counterv := 0
	inc := func() { counterv++ }
	inc()
	inc()
	check(counterv == 2, "closure by reference")
	nested := func() func() int {
		return func() int { counterv++; return counterv }
	}
	check(nested()() == 3, "nested closures")
	err := errors.New("boom")
	check(err != nil, "errors")
	msg := fmt.Sprintf("%d-%s", 5, "x")
	check(msg == "5-x", "sprintf")
	check(fmt.Sprint("a", 1) == "a1", "sprint")
	var nilch chan int
	check(nilch == nil, "nil chan")
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	close(ch)
	got := 0
	for v := range ch {
		got += v
	}
	check(got == 3, "range chan")
	w, ok2 := <-ch
	check(w == 0 && !ok2, "closed recv")
	sel := make(chan int, 1)
	sel <- 9
	select {
	case v := <-sel:
		check(v == 9, "select recv")
	default:
		panic("select default")
	}
	select {
	case sel <- 1:
	default:
		panic("select send")
	}
	for {
		select {
		case <-sel:
			continue
		default:
		}
		break
	}
	check(len(sel) == 0 && cap(sel) == 1, "chan len cap")
	func() {
		defer func() {
			rec := recover()
			check(rec == "oops", "recover")
		}()
		panic("oops")
	}()
	var wg sync.WaitGroup
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- i
		}()
	}
	wg.Wait()
	close(results)
	sumr := 0
	for v := range results {
		sumr += v
	}
	check(sumr == 3, "goroutines")
	fmt.Println("ok", x, s)
}
"#;

/// Embedding, methods on defined types, init, atomics on globals, time, the helper package.
const FEATURES2: &str = r#"package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"example.com/x/gomc"
)

type base struct {
	sync.Mutex
	hits int
}

type server struct {
	*base
	name string
	wg   sync.WaitGroup
}

func (b *base) hit() { b.hits++ }

func (s *server) run(n int) {
	defer s.wg.Done()
	s.Lock()
	s.hit()
	s.Unlock()
	_ = n
}

type state int

const (
	idle state = iota
	busy
)

func (s state) String() string {
	if s == idle {
		return "idle"
	}
	return "busy"
}

var (
	initialized bool
	hits        int64
	st          = busy
)

func init() {
	initialized = true
}

func check(cond bool, msg string) {
	if !cond {
		panic(msg)
	}
}

func main() {
	check(initialized, "init")
	check(st.String() == "busy", "named const method")
	s := &server{base: &base{}, name: "s"}
	for i := 0; i < 2; i++ {
		s.wg.Add(1)
		go s.run(i)
	}
	s.wg.Wait()
	check(s.hits == 2, "embedded")
	atomic.AddInt64(&hits, 5)
	check(atomic.LoadInt64(&hits) == 5, "atomic load")
	atomic.StoreInt64(&hits, 1)
	check(atomic.CompareAndSwapInt64(&hits, 1, 2), "cas")
	check(hits == 2, "boxed global")
	time.Sleep(10 * time.Millisecond)
	runtime.Gosched()
	timeout := time.After(time.Second)
	select {
	case <-timeout:
	default:
	}
	n := gomc.Choose(3)
	check(n >= 0 && n < 3, "choose")
	if gomc.Bool() {
		n = 10
	}
	var mu sync.Mutex
	mp := &mu
	mp.Lock()
	defer mu.Unlock()
	ch := make(chan int)
	go close(ch)
	<-ch
	x := int32(7)
	y := int64(x) + 1
	check(y == 8, "conversions")
}
"#;

#[test]
fn the_subset_compiles() {
    for source in [FEATURES, FEATURES2, DIST] {
        let program = ok(source);
        check_shape(&program);
    }
}

#[test]
fn mutated_models_never_panic() {
    // A fixed linear congruential generator: the same mutations on every run.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % bound.max(1)
    };
    for round in 0..300 {
        let base = [FEATURES, FEATURES2, DIST][round % 3];
        let bytes = base.as_bytes();
        let start = next(bytes.len());
        let length = next(40);
        let end = (start + length).min(bytes.len());
        let mut mutated = bytes[..start].to_vec();
        match next(3) {
            0 => {}
            1 => mutated.extend_from_slice(&bytes[end..(end + length).min(bytes.len())]),
            _ => mutated.extend_from_slice(b"}"),
        }
        mutated.extend_from_slice(&bytes[end..]);
        let text = String::from_utf8_lossy(&mutated).into_owned();
        if let Err(error) = compile_with(&text, &CompileOptions::default()) {
            assert!(!error.message.contains("internal error"), "{error}");
            assert!(error.line == 0 || error.width >= 1);
        }
    }
}

#[test]
fn waitgroup_go_min_max_and_sync_literals() {
    let source = "package main

import \"sync\"

func main() {
	wg := &sync.WaitGroup{}
	mu := sync.Mutex{}
	n := 0
	wg.Go(func() {
		mu.Lock()
		n = max(n, 2)
		mu.Unlock()
	})
	wg.Wait()
	_ = min(n, 1, 3)
}
";
    // `WaitGroup.Go` is Go 1.25's (`waitgroup_go_is_go_1_25_s` in frontend_errors.rs).
    let options = CompileOptions {
        go_minor: Some(25),
        ..CompileOptions::default()
    };
    let program = compile_with(source, &options).expect("compiles under Go 1.25");
    check_shape(&program);
    let body = function(&program, "sync.(*WaitGroup).Go.func1");
    assert!(body.synthetic);
    assert_eq!(body.params, 2);
    assert!(body.code.contains(&Instr::Defer { args: 1 }));
    assert!(body.code.contains(&Instr::CallValue { args: 0 }));
    let main = function(&program, "main.main");
    assert!(main.code.contains(&Instr::Go { args: 2 }));
}

#[test]
fn address_of_a_field_is_an_interior_pointer() {
    let source = "package main

import \"sync/atomic\"

type stats struct{ n int32 }

func main() {
	var s stats
	atomic.AddInt32(&s.n, 1)
}
";
    let program = ok(source);
    let main = function(&program, "main.main");
    // `s` lives in a cell (its field's address is taken); `&s.n` is the cell's pointer, then
    // the field's.
    let at = main
        .code
        .iter()
        .position(|i| *i == Instr::FieldAddr(0))
        .expect("FieldAddr");
    assert_eq!(main.code[at - 1], Instr::LoadLocal(0));
    assert!(main.code[..at].contains(&Instr::NewCell));
    assert!(matches!(
        main.code[at + 2],
        Instr::AtomicAdd {
            bits: 32,
            unsigned: false,
            ..
        }
    ));
}

#[test]
fn constants_fold_at_compile_time() {
    let source = "package main

import \"time\"

const (
	a = iota * 10
	b
	c = \"s\" + \"t\"
	d = len(c) + 'a'
)

func main() {
	x := -9223372036854775808
	y := b + d
	z := 3 * time.Millisecond
	_, _, _ = x, y, z
}
";
    let program = ok(source);
    let main = function(&program, "main.main");
    assert_eq!(main.code[0], Instr::PushInt(i64::MIN));
    assert!(main.code.contains(&Instr::PushInt(10 + 2 + 97)));
    assert!(main.code.contains(&Instr::PushInt(3_000_000)));
    // Untyped constants are exact: 2^64 is a constant; it is an error only as an int (go
    // build's message and position).
    ok("package main\nconst big = 1 << 62 * 4\nconst small = big >> 60\nfunc main() {}\n");
    let error = err("package main\nconst big = 1 << 62 * 4\nvar x = big\nfunc main() { _ = x }\n");
    assert_eq!(
        error.message,
        "cannot use big (untyped int constant 18446744073709551616) as int value in variable \
         declaration (overflows)"
    );
    assert_eq!((error.line, error.col), (3, 9));
}
