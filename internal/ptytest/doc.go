// Package ptytest runs a program, or a part of one, on a pseudo-terminal for tests, the
// way a person at a terminal does: it keeps everything the program draws, answers the
// terminal's own questions (where is the cursor?) as a terminal does, and types keys only
// while the program is reading them. It is used by tests only, on Linux.
package ptytest
