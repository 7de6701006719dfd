// bufio over strings.NewReader and io.Pipe: lines, words, runes, a final line without a
// newline, "\r\n", a token past the Scanner's maximum, and a Reader's ReadString/ReadByte.
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("alpha\r\nbeta\n\ngamma"))
	var lines []string
	for sc.Scan() {
		lines = append(lines, fmt.Sprintf("%q", sc.Text()))
	}
	fmt.Println(strings.Join(lines, " "), sc.Err())

	words := bufio.NewScanner(strings.NewReader("  one two\tthree\n"))
	words.Split(bufio.ScanWords)
	var joined strings.Builder
	for words.Scan() {
		joined.WriteString(words.Text() + ",")
	}
	fmt.Println(joined.String())

	runes := bufio.NewScanner(strings.NewReader("aé世"))
	runes.Split(bufio.ScanRunes)
	var widths []int
	for runes.Scan() {
		widths = append(widths, len(runes.Bytes()))
	}
	fmt.Println(widths)

	long := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 10) + "\nok\n"))
	long.Buffer(nil, 8)
	for long.Scan() {
		fmt.Println("token", long.Text())
	}
	fmt.Println(long.Err(), long.Err() == bufio.ErrTooLong)

	r, w := io.Pipe()
	go func() {
		fmt.Fprint(w, "first line\nsec")
		fmt.Fprint(w, "ond line\nrest")
		w.Close()
	}()
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		fmt.Println(fmt.Sprintf("%q", line), err)
		if err != nil {
			break
		}
	}
	sr := strings.NewReader("xy")
	c, err := sr.ReadByte()
	fmt.Println(string(c), err, sr.Len(), sr.Size())
	b := bufio.NewReader(sr)
	c, err = b.ReadByte()
	fmt.Println(string(c), err)
	_, err = b.ReadByte()
	fmt.Println(err == io.EOF)
}
