// Package strings at the level models use it; the expected output is what `go run` (Go
// 1.19) printed for this file.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Contains("seafood", "foo"), strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.Split("a,b,c", ","), len(strings.Split("", ",")), strings.Fields("  foo bar  baz   "))
	fmt.Println(strings.Join([]string{"x", "y"}, "-"), strings.Repeat("ab", 3), strings.TrimSpace(" \t hi \n"))
	fmt.Println(strings.ToUpper("Hello"), strings.ToLower("HeLLo"), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	fmt.Println(strings.TrimPrefix("prefix-x", "prefix-"), strings.TrimSuffix("x.go", ".go"), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.ReplaceAll("oink oink", "k", "ky"), strings.EqualFold("Go", "GO"), strings.IndexByte("golang", 'l'))
	var b strings.Builder
	b.WriteString("abc")
	b.WriteByte('d')
	fmt.Fprintf(&b, "%d", 42)
	fmt.Println(b.String(), b.Len())
}
