//go:build linux

package ptytest

import (
	"bufio"
	"strings"
	"testing"

	"golang.org/x/term"
)

// raw opens a terminal and puts it in raw mode, as survey does while it asks: no echo,
// each key read as typed.
func raw(t *testing.T) *Terminal {
	t.Helper()
	tm := Open(t, 80, 24)
	if _, err := term.MakeRaw(int(tm.TTY().Fd())); err != nil {
		t.Fatal(err)
	}
	return tm
}

// TestSplitCursorQueryIsAnswered: a cursor query that reaches the terminal in two
// pieces, read apart, is answered all the same, once.
func TestSplitCursorQueryIsAnswered(t *testing.T) {
	term := raw(t)
	tty := term.TTY()
	if _, err := tty.WriteString("\x1b[6"); err != nil {
		t.Fatal(err)
	}
	term.until("the first piece to be read", func() (bool, error) { return len(term.screen) == 3, nil })
	if _, err := tty.WriteString("n"); err != nil {
		t.Fatal(err)
	}
	reply, err := bufio.NewReader(tty).ReadString('R')
	if err != nil || reply != cursorReply {
		t.Fatalf("answer %q, %v; want %q", reply, err, cursorReply)
	}
}

// TestKeysFollowTheCursorAnswer: a program that asks where the cursor is and then reads
// keys gets the answer alone, then the keys in full, as survey needs: it drops what
// follows the answer in the same read, and takes an R typed before the answer for its end.
func TestKeysFollowTheCursorAnswer(t *testing.T) {
	term := raw(t)
	tty := term.TTY()
	got := make(chan string, 1)
	go func() {
		var reads []string
		buf := make([]byte, 256)
		tty.WriteString("? Your name " + cursorQuery)
		for _, want := range []string{cursorReply, "Ran the test\r"} {
			read := ""
			for len(read) < len(want) {
				n, err := tty.Read(buf)
				if err != nil {
					break
				}
				read += string(buf[:n])
			}
			reads = append(reads, read)
		}
		got <- strings.Join(reads, "|")
	}()
	term.WaitFor(0, "Your name")
	term.Type("Ran the test\r")
	if r := <-got; r != cursorReply+"|Ran the test\r" {
		t.Fatalf("the program read %q", r)
	}
}
