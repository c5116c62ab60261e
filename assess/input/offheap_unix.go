//go:build unix

package input

import "syscall"

// offHeap returns n zeroed bytes outside the garbage-collected heap and the func that
// frees them (see rowSet: memory held for a whole review would otherwise raise the
// collector's heap goal by as much again). Should the system refuse, the bytes come from
// the heap.
func offHeap(n int) ([]byte, func()) {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n), func() {}
	}
	return b, func() { syscall.Munmap(b) }
}
