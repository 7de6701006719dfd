// Package iter for models, after Go 1.23's src/iter/iter.go: the iterator function types Seq
// and Seq2 that a `for range` loop calls with its body as the yield function
// (frontend/rangefunc.rs). Pull and Pull2, which run the iterator as a coroutine, are not
// modelled. gomc compiles this file with a model that imports "iter".
package iter

// Seq is an iterator over sequences of individual values: it calls yield with each value,
// stopping early when yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
