//go:build !linux

package atomicfile

// startWriteback does nothing where the system has no way to start writeback early;
// Commit's fsync does all the work.
func startWriteback(fd uintptr, off, n int64) {}
