// Variant of after.go with bgwork's capacity too small for the pending work (the README's Bundled models,
// "buffer-capacity assumption"): fatal's wake-up sends block once the buffer is full and no
// helper is left to drain it. §3.6 gives the threshold: a deadlock is reachable exactly when
// the capacity C <= J + min(J, K)*(K-1) for J jobs and K helpers, here C <= 4. Upstream's 1e5
// is far above it.
//
// gomc:model after.go
// gomc:set bgworkCap=1
// gomc:expect deadlock
package main
