// sort.Interface (sort/sort.go): Sort, Stable, IsSorted and Reverse over a user type, as a
// leaderboard sorted in a goroutine. Expected output: `go run` (Go 1.19).
package main

import (
	"fmt"
	"sort"
	"sync"
)

type player struct {
	name  string
	score int
}

type byScore []player

func (s byScore) Len() int           { return len(s) }
func (s byScore) Less(i, j int) bool { return s[i].score < s[j].score }
func (s byScore) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	board := []player{{"ann", 30}, {"bob", 10}, {"cid", 20}, {"dan", 10}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		fmt.Println(sort.IsSorted(byScore(board)))
		sort.Stable(byScore(board))
		fmt.Println(board, sort.IsSorted(byScore(board)))
		sort.Sort(sort.Reverse(byScore(board)))
		fmt.Println(board[0], board[len(board)-1].score)
		fmt.Printf("%T\n", sort.Reverse(byScore(board)))
	}()
	wg.Wait()
}
