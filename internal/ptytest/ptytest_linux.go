//go:build linux

package ptytest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// A program asks where the cursor is with cursorQuery (a device status report); a
// terminal answers as if typed, with cursorReply: the cursor is on row 5, column 1.
const (
	cursorQuery = "\x1b[6n"
	cursorReply = "\x1b[5;1R"
)

// pollEvery is how often a wait looks again at what no event announces: whether the
// program has begun to read the terminal. What is drawn wakes a wait at once.
const pollEvery = 5 * time.Millisecond

// Terminal is a pseudo-terminal: the program gets the terminal side; the test reads
// what is drawn and types on the controller side.
type Terminal struct {
	t       testing.TB
	ctrl    *os.File // the controller side: what the program draws is read here, keys are written here
	tty     *os.File // the terminal side, held open here too, to see what input is waiting, until the program started exits
	ttyName string   // /dev/pts/N, as /proc names the terminal among the program's files
	wakeR   *os.File // a write to wakeW stops the reader
	wakeW   *os.File

	mu       sync.Mutex
	screen   []byte        // everything drawn so far
	scanned  int           // the screen before this has been searched for cursor queries
	ended    bool          // every file of the terminal side is closed and all it drew is read
	changed  chan struct{} // closed, and replaced, when the screen grows or ends
	readDone chan struct{} // closed when the reader stops

	pid     int // the process whose threads read the terminal: this one, or the one started
	cmd     *exec.Cmd
	exited  chan struct{} // closed when the program started has exited
	waitErr error
	closed  bool
}

// Open makes a cols × rows pseudo-terminal for a program run inside the test process
// (give it TTY). It is closed when the test ends. Without pseudo-terminals the test is
// skipped.
func Open(t testing.TB, cols, rows uint16) *Terminal {
	t.Helper()
	ctrl, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := pty.Setsize(ctrl, &pty.Winsize{Cols: cols, Rows: rows}); err != nil {
		ctrl.Close()
		tty.Close()
		t.Fatal(err)
	}
	// Blocking reads, as a program reads its terminal: a read that waits is a thread
	// waiting in read(2), which /proc shows (see reading).
	tty.Fd()
	wakeR, wakeW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	term := &Terminal{t: t, ctrl: ctrl, tty: tty, ttyName: tty.Name(), wakeR: wakeR, wakeW: wakeW,
		changed: make(chan struct{}), readDone: make(chan struct{}), pid: os.Getpid()}
	go term.read()
	t.Cleanup(term.close)
	return term
}

// Resize gives the terminal a new size, as a user dragging its window's corner does. A
// program started on it (Start) is sent SIGWINCH by the system; one run inside the test
// process is not (the terminal is not its controlling one) and needs it sent.
func (term *Terminal) Resize(cols, rows uint16) {
	if err := pty.Setsize(term.ctrl, &pty.Winsize{Cols: cols, Rows: rows}); err != nil {
		term.t.Fatal(err)
	}
}

// TTY is the terminal side, for a program run inside the test process.
func (term *Terminal) TTY() *os.File { return term.tty }

// Start runs cmd on the terminal, as its standard input, output and error and its
// controlling terminal, in a session of its own.
func (term *Terminal) Start(cmd *exec.Cmd) error {
	cmd.Stdin, cmd.Stdout, cmd.Stderr = term.tty, term.tty, term.tty
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setsid, cmd.SysProcAttr.Setctty, cmd.SysProcAttr.Ctty = true, true, 0
	if err := cmd.Start(); err != nil {
		return err
	}
	term.mu.Lock()
	term.cmd, term.pid, term.exited = cmd, cmd.Process.Pid, make(chan struct{})
	term.mu.Unlock()
	go func() {
		err := cmd.Wait()
		term.mu.Lock()
		term.waitErr = err
		term.mu.Unlock()
		close(term.exited)
		// The program's files of the terminal are closed; with this one closed too, the
		// controller side reads what is left, then its end.
		term.tty.Close()
	}()
	return nil
}

// Wait waits until the program started has exited and everything it drew has been read
// (the controller side reached its end), and returns how it exited, as exec.Cmd.Wait.
func (term *Terminal) Wait() error {
	term.t.Helper()
	term.await("the program to end", term.exited)
	term.await("the rest of what the program drew", term.readDone)
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.waitErr
}

// Screen is everything drawn so far, escape sequences and all.
func (term *Terminal) Screen() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return string(term.screen)
}

// Mark is how much has been drawn so far, for WaitFor.
func (term *Terminal) Mark() int {
	term.mu.Lock()
	defer term.mu.Unlock()
	return len(term.screen)
}

// escape matches the terminal control sequences survey draws with.
var escape = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]`)

// Plain is s as a person reads it on the screen: without escape sequences, the words
// one space apart, so that a line wrapped to the width reads as one.
func Plain(s string) string {
	return strings.Join(strings.Fields(escape.ReplaceAllString(s, "")), " ")
}

// WaitFor waits until one of texts has been drawn after the first mark bytes of the
// screen, read as Plain reads it, and returns which.
func (term *Terminal) WaitFor(mark int, texts ...string) string {
	term.t.Helper()
	var found string
	term.until(fmt.Sprintf("%q to be shown", texts), func() (bool, error) {
		shown := Plain(string(term.screen[min(mark, len(term.screen)):]))
		for _, text := range texts {
			if strings.Contains(shown, text) {
				found = text
				return true, nil
			}
		}
		if term.ended {
			return false, errors.New("the program drew nothing more")
		}
		return false, nil
	})
	return found
}

// WaitReading waits until the program reads keys: it waits in a read of the terminal,
// has read everything typed and every answer to its cursor queries, and has drawn
// nothing since that is not yet read here (no query left unanswered). Keys typed then
// are read as keys, in full.
func (term *Terminal) WaitReading() {
	term.t.Helper()
	term.until("the program to read keys", term.reading)
}

// Type types keys once the program reads them (WaitReading).
func (term *Terminal) Type(keys string) {
	term.t.Helper()
	term.until("the program to read keys", func() (bool, error) {
		ok, err := term.reading()
		if ok {
			// Still under the lock: no cursor answer can come between the check and the keys.
			if _, werr := term.ctrl.Write([]byte(keys)); werr != nil {
				return false, werr
			}
		}
		return ok, err
	})
}

// reading reports, with term.mu held, whether the program reads keys (WaitReading).
func (term *Terminal) reading() (bool, error) {
	if term.exited != nil {
		select {
		case <-term.exited:
			return false, errors.New("the program has ended")
		default:
		}
	}
	// Read what the program drew before it waited, answering its cursor queries.
	if _, ended := term.pump(); ended {
		return false, errors.New("the terminal was closed")
	}
	// Nothing typed, and no answer, still waits to be read (polling the terminal side
	// first moves on any input the kernel still holds in flight).
	if pending, err := pollIn(term.tty); err != nil || pending {
		if err != nil && term.exited != nil {
			err = errors.New("the program has ended") // and its terminal is closed here
		}
		return false, err
	}
	// A thread of the program waits in read(2) on the terminal. Nothing can end that read
	// while the lock is held: only this package writes to the controller side.
	if waiting, err := term.waitingInRead(); err != nil || !waiting {
		return false, err
	}
	// And it drew nothing before it began to wait that is not read here yet: a cursor
	// query would be answered now, after keys typed, and then be lost.
	if got, ended := term.pump(); got > 0 || ended {
		return false, nil
	}
	return true, nil
}

// waitingInRead reports whether a thread of the program waits in read(2) on the
// terminal, as /proc/PID/task/TID/syscall shows a thread blocked in a system call.
func (term *Terminal) waitingInRead() (bool, error) {
	dir := fmt.Sprintf("/proc/%d/task", term.pid)
	tasks, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil // it has just exited: the next look finds it ended
	}
	if err != nil {
		return false, fmt.Errorf("cannot see the program's threads: %w", err)
	}
	read := strconv.Itoa(unix.SYS_READ)
	seen := false
	for _, task := range tasks {
		data, err := os.ReadFile(dir + "/" + task.Name() + "/syscall")
		if err != nil {
			continue // the thread has ended
		}
		seen = true
		f := strings.Fields(string(data))
		if len(f) < 2 || f[0] != read {
			continue
		}
		fd, err := strconv.ParseUint(f[1], 0, 32)
		if err != nil {
			continue
		}
		if link, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%d", term.pid, fd)); err == nil && link == term.ttyName {
			return true, nil
		}
	}
	if !seen && !term.exiting() {
		return false, fmt.Errorf("cannot see what the program's threads wait for in %s/*/syscall", dir)
	}
	return false, nil
}

// exiting reports whether the program has exited and is not yet waited for (a zombie),
// whose threads show nothing.
func (term *Terminal) exiting() bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", term.pid))
	if err != nil {
		return true
	}
	// pid (comm) state ...: comm may hold anything, the state follows its last ")".
	f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
	return len(f) > 0 && (f[0] == "Z" || f[0] == "X")
}

// until waits until done reports true, failing the test when it reports an error or
// when the test is about to run out of time, with what the terminal shows.
func (term *Terminal) until(what string, done func() (bool, error)) {
	term.t.Helper()
	deadline := term.deadline()
	for {
		term.mu.Lock()
		ok, err := done()
		changed := term.changed
		term.mu.Unlock()
		if ok {
			return
		}
		if err != nil {
			term.fail("waiting for %s: %v", what, err)
		}
		select {
		case <-changed:
		case <-time.After(pollEvery):
		case <-deadline:
			term.fail("waited for %s until the test's time ran out", what)
		}
	}
}

// await waits until ch is closed, failing the test when it is about to run out of time.
func (term *Terminal) await(what string, ch <-chan struct{}) {
	term.t.Helper()
	if ch == nil {
		term.fail("waiting for %s: no program was started", what)
	}
	select {
	case <-ch:
	case <-term.deadline():
		term.fail("waited for %s until the test's time ran out", what)
	}
}

// deadline fires shortly before the test binary's -timeout, so that a wait that never
// ends fails with what the terminal shows; without a timeout it never fires.
func (term *Terminal) deadline() <-chan time.Time {
	if d, ok := term.t.(interface{ Deadline() (time.Time, bool) }); ok {
		if at, ok := d.Deadline(); ok {
			return time.After(time.Until(at) - time.Until(at)/20 - time.Second)
		}
	}
	return nil
}

func (term *Terminal) fail(format string, args ...any) {
	term.t.Helper()
	if term.cmd != nil {
		term.cmd.Process.Kill()
	}
	term.t.Fatalf("%s; the terminal shows:\n%q", fmt.Sprintf(format, args...), term.Screen())
}

// read keeps reading what the program draws, answering its cursor queries, until the
// controller side ends or the terminal is closed.
func (term *Terminal) read() {
	defer close(term.readDone)
	conn, err := term.ctrl.SyscallConn()
	if err != nil {
		return
	}
	wake := int32(term.wakeR.Fd())
	for {
		stop := false
		err := conn.Control(func(fd uintptr) {
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}, {Fd: wake, Events: unix.POLLIN}}
			if _, err := unix.Poll(fds, -1); err == nil {
				stop = fds[1].Revents != 0
			}
		})
		if err != nil || stop {
			return
		}
		term.mu.Lock()
		_, ended := term.pump()
		term.mu.Unlock()
		if ended {
			return
		}
	}
}

// pump reads, with term.mu held, all that the controller side has to read now, answers
// every cursor query in it (one split across reads too), and returns how many bytes it
// read and whether the controller side has ended.
func (term *Terminal) pump() (got int, ended bool) {
	buf := make([]byte, 4096)
	for !term.ended {
		if ready, err := pollIn(term.ctrl); err != nil || !ready {
			break
		}
		n, err := term.ctrl.Read(buf)
		got += n
		term.screen = append(term.screen, buf[:n]...)
		for {
			i := bytes.Index(term.screen[term.scanned:], []byte(cursorQuery))
			if i < 0 {
				// Keep the tail that may begin a query the next read completes.
				term.scanned = max(term.scanned, len(term.screen)-len(cursorQuery)+1)
				break
			}
			term.scanned += i + len(cursorQuery)
			term.ctrl.Write([]byte(cursorReply))
		}
		if err != nil {
			term.ended = true // EIO: the terminal side is closed everywhere
		}
	}
	if got > 0 || term.ended {
		close(term.changed)
		term.changed = make(chan struct{})
	}
	return got, term.ended
}

// pollIn reports whether f has something to read (or has ended) now. Polling a
// terminal also delivers what the kernel still holds in flight for it.
func pollIn(f *os.File) (bool, error) {
	conn, err := f.SyscallConn()
	if err != nil {
		return false, err
	}
	ready := false
	var perr error
	cerr := conn.Control(func(fd uintptr) {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		for {
			n, err := unix.Poll(fds, 0)
			if err == unix.EINTR {
				continue
			}
			ready, perr = n > 0, err
			return
		}
	})
	if cerr != nil {
		return false, cerr
	}
	return ready, perr
}

// close ends what is left: the program if it still runs, the reader, the files.
func (term *Terminal) close() {
	term.mu.Lock()
	if term.closed {
		term.mu.Unlock()
		return
	}
	term.closed = true
	cmd := term.cmd
	term.mu.Unlock()
	if cmd != nil {
		select {
		case <-term.exited:
		default:
			cmd.Process.Kill()
			<-term.exited
		}
	}
	// The terminal side first: a read of it still waiting in code run in this process (a
	// question abandoned) holds it open, and lets go when the controller side is closed
	// next, which hangs the terminal up and ends that read.
	term.tty.Close()
	term.wakeW.Write([]byte{0})
	<-term.readDone
	term.ctrl.Close()
	term.wakeR.Close()
	term.wakeW.Close()
}
