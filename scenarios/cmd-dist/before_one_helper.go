// Variant of before.go with 1 helper (maxbg = 1, as on arm hosts: util.go:L371 at 3965d7508ef6).
//
// With one helper every barrier completes on its own, so the arm hosts never hung
// (the README's Bundled models): no deadlock. The outcomes are exit(2) and also exit(0): main can reach
// xexit(0) before the sleeping die goroutine reaches fatal, so a failed build can exit 0.
//
// gomc:model before.go
// gomc:set maxbg=1
// gomc:expect none
package main
