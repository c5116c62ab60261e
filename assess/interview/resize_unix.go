//go:build unix

package interview

import (
	"os"
	"os/signal"
	"syscall"
)

// watchResize calls resized (on a goroutine of its own) each time the terminal changes
// size (SIGWINCH), until the returned stop is called.
func watchResize(resized func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				resized()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
