// Package bufio for models, after Go 1.23's src/bufio/scan.go (Scanner with ScanLines,
// ScanWords, ScanRunes and ScanBytes) and src/bufio/bufio.go (Reader's ReadString, ReadBytes,
// ReadByte and Read; Writer's Write, WriteString, WriteByte, WriteRune and Flush). gomc
// compiles this file with a model that imports "bufio".
//
// What a model can observe is Go's: the tokens and lines, io.EOF and the other errors, and
// when a Writer hands its bytes to the writer beneath it (only when its 4096 bytes are full or
// on Flush, so a forgotten Flush leaves a reader waiting, as in Go). Differences, each for a
// reason:
//   - Scanner and Reader ask the reader beneath for at most 64 bytes at a time (Go: 4096,
//     growing for a Scanner): every buffer is part of every state it is reachable from. A
//     reader that returns less than asked for (a pipe) is read as often as Go would read it;
//     only how a long input is cut into reads differs, never what Scan or ReadString return.
//   - A Writer's buffer grows as it is written instead of being allocated whole, for the same
//     reason; it flushes at the same points as Go's.
//   - ScanWords knows the ASCII spaces only (Go also splits at Unicode spaces).
package bufio

import (
	"errors"
	"io"
)

const (
	// MaxScanTokenSize is the largest token a Scanner accepts unless Buffer raises it.
	MaxScanTokenSize = 64 * 1024
	// readChunk is how much one read of the reader beneath asks for (see the package comment).
	readChunk = 64
	// defaultBufSize is a Writer's buffer size, as in Go.
	defaultBufSize = 4096
	// maxConsecutiveEmptyReads is how many reads returning nothing are tolerated, as in Go.
	maxConsecutiveEmptyReads = 100
)

var (
	// ErrTooLong is returned by a Scanner whose token is longer than its maximum.
	ErrTooLong = errors.New("bufio.Scanner: token too long")
	// ErrNegativeAdvance is returned by a split function that advances by a negative count.
	ErrNegativeAdvance = errors.New("bufio.Scanner: SplitFunc returns negative advance count")
	// ErrAdvanceTooFar is returned by a split function that advances past its input.
	ErrAdvanceTooFar = errors.New("bufio.Scanner: SplitFunc returns advance count beyond input")
	// ErrFinalToken lets a split function end the scan after the token it returns.
	ErrFinalToken = errors.New("final token")
	// ErrBufferFull is returned by a Reader whose buffer cannot hold a line.
	ErrBufferFull = errors.New("bufio: buffer full")
	// ErrNegativeCount is returned for a negative count.
	ErrNegativeCount = errors.New("bufio: negative count")
)

// SplitFunc is the signature of the function that cuts a Scanner's input into tokens.
type SplitFunc func(data []byte, atEOF bool) (advance int, token []byte, err error)

// Scanner reads input token by token (lines by default), as Go 1.23's bufio.Scanner.
type Scanner struct {
	r       io.Reader
	split   SplitFunc
	maxSize int
	token   []byte
	buf     []byte // the bytes read and not yet consumed by a token
	err     error
	empties int
	called  bool
	done    bool
}

// NewScanner returns a Scanner reading lines from r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, split: ScanLines, maxSize: MaxScanTokenSize}
}

// Err returns the first error the Scanner met other than io.EOF.
func (s *Scanner) Err() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}

// Bytes returns the token the last Scan found.
func (s *Scanner) Bytes() []byte { return s.token }

// Text returns the token the last Scan found, as a string.
func (s *Scanner) Text() string { return string(s.token) }

// Buffer sets the largest token the Scanner accepts; it panics once scanning has started.
func (s *Scanner) Buffer(buf []byte, max int) {
	if s.called {
		panic("Buffer called after Scan")
	}
	s.maxSize = max
}

// Split sets the split function; it panics once scanning has started.
func (s *Scanner) Split(split SplitFunc) {
	if s.called {
		panic("Split called after Scan")
	}
	s.split = split
}

// Scan advances to the next token, reading from the reader beneath only when the buffered
// bytes hold no complete token (scan.go's loop): false at the end of the input or on an error.
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	s.called = true
	for {
		if len(s.buf) > 0 || s.err != nil {
			advance, token, err := s.split(s.buf, s.err != nil)
			if err != nil {
				if err == ErrFinalToken {
					s.token = token
					s.done = true
					return token != nil
				}
				s.setErr(err)
				return false
			}
			if !s.advance(advance) {
				return false
			}
			s.token = token
			if token != nil {
				if s.err == nil || advance > 0 {
					s.empties = 0
				} else {
					s.empties++
					if s.empties > maxConsecutiveEmptyReads {
						panic("bufio.Scan: too many empty tokens without progressing")
					}
				}
				return true
			}
		}
		if s.err != nil {
			s.token = nil
			return false
		}
		if len(s.buf) >= s.maxSize {
			s.setErr(ErrTooLong)
			return false
		}
		chunk := readChunk
		if room := s.maxSize - len(s.buf); room < chunk {
			chunk = room
		}
		p := make([]byte, chunk)
		for loop := 0; ; {
			n, err := s.r.Read(p)
			if n < 0 || n > len(p) {
				s.setErr(errors.New("bufio.Scanner: Read returned impossible count"))
				break
			}
			s.buf = append(s.buf, p[:n]...)
			if err != nil {
				s.setErr(err)
				break
			}
			if n > 0 {
				s.empties = 0
				break
			}
			loop++
			if loop > maxConsecutiveEmptyReads {
				s.setErr(io.ErrNoProgress)
				break
			}
		}
	}
}

func (s *Scanner) advance(n int) bool {
	if n < 0 {
		s.setErr(ErrNegativeAdvance)
		return false
	}
	if n > len(s.buf) {
		s.setErr(ErrAdvanceTooFar)
		return false
	}
	s.buf = s.buf[n:]
	return true
}

func (s *Scanner) setErr(err error) {
	if s.err == nil || s.err == io.EOF {
		s.err = err
	}
}

// ScanBytes returns each byte as a token.
func ScanBytes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	return 1, data[0:1], nil
}

// ScanRunes returns each UTF-8-encoded rune as a token (an invalid byte as U+FFFD).
func ScanRunes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if data[0] < 0x80 {
		return 1, data[0:1], nil
	}
	width := 0
	switch {
	case data[0]&0xE0 == 0xC0:
		width = 2
	case data[0]&0xF0 == 0xE0:
		width = 3
	case data[0]&0xF8 == 0xF0:
		width = 4
	}
	if width > 0 && len(data) < width && !atEOF {
		return 0, nil, nil
	}
	if width > 0 && len(data) >= width {
		for _, r := range string(data[:width]) {
			if r != 0xFFFD {
				return width, data[:width], nil
			}
			break
		}
	}
	return 1, []byte(string(rune(0xFFFD))), nil
}

// ScanLines returns each line without its end-of-line marker ("\n" or "\r\n"); the last line
// is returned even without a newline.
func ScanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	for i := 0; i < len(data); i++ {
		if data[i] == '\n' {
			return i + 1, dropCR(data[0:i]), nil
		}
	}
	if atEOF {
		return len(data), dropCR(data), nil
	}
	return 0, nil, nil
}

func dropCR(data []byte) []byte {
	if len(data) > 0 && data[len(data)-1] == '\r' {
		return data[0 : len(data)-1]
	}
	return data
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// ScanWords returns each space-separated word (ASCII spaces; see the package comment).
func ScanWords(data []byte, atEOF bool) (advance int, token []byte, err error) {
	start := 0
	for start < len(data) && isSpace(data[start]) {
		start++
	}
	for i := start; i < len(data); i++ {
		if isSpace(data[i]) {
			return i + 1, data[start:i], nil
		}
	}
	if atEOF && len(data) > start {
		return len(data), data[start:], nil
	}
	return start, nil, nil
}

// Reader buffers an io.Reader (bufio.go's Reader).
type Reader struct {
	rd  io.Reader
	buf []byte // read and not yet returned
	err error
}

// NewReader returns a Reader reading from rd.
func NewReader(rd io.Reader) *Reader { return &Reader{rd: rd} }

// NewReaderSize returns a Reader reading from rd (the size only changes how much is read at
// once; see the package comment).
func NewReaderSize(rd io.Reader, size int) *Reader { return &Reader{rd: rd} }

// Buffered returns how many bytes can be read without reading from the reader beneath.
func (b *Reader) Buffered() int { return len(b.buf) }

func (b *Reader) readErr() error {
	err := b.err
	b.err = nil
	return err
}

// fill reads once more from the reader beneath, as bufio.go's fill: up to 100 empty reads.
func (b *Reader) fill() {
	p := make([]byte, readChunk)
	for i := maxConsecutiveEmptyReads; i > 0; i-- {
		n, err := b.rd.Read(p)
		if n < 0 {
			panic(errors.New("bufio: reader returned negative count from Read"))
		}
		b.buf = append(b.buf, p[:n]...)
		if err != nil {
			b.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	b.err = io.ErrNoProgress
}

// ReadBytes reads until the first delim, which it includes; at the end of the input it
// returns what was read with the error (io.EOF).
func (b *Reader) ReadBytes(delim byte) ([]byte, error) {
	for {
		for i := 0; i < len(b.buf); i++ {
			if b.buf[i] == delim {
				line := b.buf[:i+1]
				b.buf = b.buf[i+1:]
				return line, nil
			}
		}
		if b.err != nil {
			line := b.buf
			b.buf = nil
			return line, b.readErr()
		}
		b.fill()
	}
}

// ReadString reads until the first delim, which it includes; at the end of the input it
// returns what was read with the error (io.EOF).
func (b *Reader) ReadString(delim byte) (string, error) {
	line, err := b.ReadBytes(delim)
	return string(line), err
}

// ReadByte reads one byte.
func (b *Reader) ReadByte() (byte, error) {
	for len(b.buf) == 0 {
		if b.err != nil {
			return 0, b.readErr()
		}
		b.fill()
	}
	c := b.buf[0]
	b.buf = b.buf[1:]
	return c, nil
}

// Read reads into p: buffered bytes first, else one read of the reader beneath.
func (b *Reader) Read(p []byte) (n int, err error) {
	if len(p) == 0 {
		if len(b.buf) > 0 {
			return 0, nil
		}
		return 0, b.readErr()
	}
	if len(b.buf) == 0 {
		if b.err != nil {
			return 0, b.readErr()
		}
		n, b.err = b.rd.Read(p)
		if n < 0 {
			panic(errors.New("bufio: reader returned negative count from Read"))
		}
		return n, b.readErr()
	}
	n = copy(p, b.buf)
	b.buf = b.buf[n:]
	return n, nil
}

// Writer buffers an io.Writer (bufio.go's Writer): bytes reach the writer beneath when the
// buffer is full or on Flush.
type Writer struct {
	err  error
	buf  []byte
	size int
	wr   io.Writer
}

// NewWriter returns a Writer with Go's default buffer size, 4096 bytes.
func NewWriter(w io.Writer) *Writer { return NewWriterSize(w, defaultBufSize) }

// NewWriterSize returns a Writer whose buffer holds size bytes (Go's default below 1).
func NewWriterSize(w io.Writer, size int) *Writer {
	if size <= 0 {
		size = defaultBufSize
	}
	return &Writer{size: size, wr: w}
}

// Size returns the size of the buffer.
func (b *Writer) Size() int { return b.size }

// Buffered returns how many bytes are in the buffer.
func (b *Writer) Buffered() int { return len(b.buf) }

// Available returns how many more bytes fit in the buffer.
func (b *Writer) Available() int { return b.size - len(b.buf) }

// Flush writes the buffered bytes to the writer beneath.
func (b *Writer) Flush() error {
	if b.err != nil {
		return b.err
	}
	if len(b.buf) == 0 {
		return nil
	}
	n, err := b.wr.Write(b.buf)
	if n < len(b.buf) && err == nil {
		err = io.ErrShortWrite
	}
	if err != nil {
		if n > 0 && n < len(b.buf) {
			b.buf = b.buf[n:]
		}
		b.err = err
		return err
	}
	b.buf = nil
	return nil
}

// Write buffers p, flushing whenever the buffer fills; a write larger than an empty buffer
// goes straight to the writer beneath.
func (b *Writer) Write(p []byte) (nn int, err error) {
	for len(p) > b.Available() && b.err == nil {
		var n int
		if len(b.buf) == 0 {
			n, b.err = b.wr.Write(p)
		} else {
			n = b.Available()
			b.buf = append(b.buf, p[:n]...)
			b.Flush()
		}
		nn += n
		p = p[n:]
	}
	if b.err != nil {
		return nn, b.err
	}
	b.buf = append(b.buf, p...)
	return nn + len(p), nil
}

// WriteString writes the bytes of s, as Write.
func (b *Writer) WriteString(s string) (int, error) { return b.Write([]byte(s)) }

// WriteByte writes one byte.
func (b *Writer) WriteByte(c byte) error {
	if b.err != nil {
		return b.err
	}
	if b.Available() <= 0 && b.Flush() != nil {
		return b.err
	}
	b.buf = append(b.buf, c)
	return nil
}

// WriteRune writes the UTF-8 encoding of r; like Go's, it flushes first when fewer than four
// bytes are free for a rune outside ASCII.
func (b *Writer) WriteRune(r rune) (size int, err error) {
	if r >= 0 && r < 0x80 {
		if err := b.WriteByte(byte(r)); err != nil {
			return 0, err
		}
		return 1, nil
	}
	if b.err != nil {
		return 0, b.err
	}
	if b.Available() < 4 && b.Flush() != nil {
		return 0, b.err
	}
	return b.WriteString(string(r))
}
