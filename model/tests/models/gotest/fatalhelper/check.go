package fatalhelper

// Square is the function under test.
func Square(n int) int { return n * n }
