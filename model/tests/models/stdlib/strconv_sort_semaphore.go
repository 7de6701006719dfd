// strconv, sort and golang.org/x/sync/semaphore at the level models use them; the expected
// output is what `go run` (Go 1.19, x/sync v0.1.0) printed for this file.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"

	"golang.org/x/sync/semaphore"
)

type job struct {
	name string
	prio int
}

func main() {
	fmt.Println(strconv.Itoa(-120), strconv.Itoa(0), strconv.FormatInt(255, 16), strconv.FormatInt(-9223372036854775808, 10))
	n, err := strconv.Atoi("42")
	fmt.Println(n, err)
	_, err = strconv.Atoi("4x2")
	fmt.Println(err)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), errors.Is(err, strconv.ErrSyntax))
	v, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("-128", 10, 8)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("0x1f", 0, 64)
	fmt.Println(v, err)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err, strconv.Quote("a\"b"))

	xs := []int{5, 2, 9, 1}
	sort.Ints(xs)
	ss := []string{"b", "c", "a"}
	sort.Strings(ss)
	jobs := []job{{"x", 3}, {"y", 1}, {"z", 2}}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].prio < jobs[j].prio })
	fmt.Println(xs, ss, jobs, sort.SearchInts(xs, 5), sort.IntsAreSorted(xs))

	sem := semaphore.NewWeighted(2)
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sem.Acquire(ctx, 1); err != nil {
				panic(err)
			}
			sem.Release(1)
		}()
	}
	wg.Wait()
	fmt.Println(sem.TryAcquire(2), sem.TryAcquire(1))
}
