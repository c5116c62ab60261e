//go:build !unix

package interview

// watchResize does nothing where the system does not announce a terminal's new size:
// each question is fitted to the width it has when it is asked.
func watchResize(func()) (stop func()) { return func() {} }
