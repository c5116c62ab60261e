//go:build !unix

package input

// offHeap returns n zeroed bytes: from the heap, where there is no mmap.
func offHeap(n int) ([]byte, func()) { return make([]byte, n), func() {} }
