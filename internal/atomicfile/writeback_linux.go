package atomicfile

import "syscall"

// startWriteback asks the kernel to start writing a range of the file to disk now, without
// waiting, so that the fsync at Commit finds most of a large file already written.
func startWriteback(fd uintptr, off, n int64) {
	const syncFileRangeWrite = 2 // SYNC_FILE_RANGE_WRITE
	syscall.SyncFileRange(int(fd), off, n, syncFileRangeWrite)
}
