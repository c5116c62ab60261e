package input

import (
	"fmt"
	"hash/maphash"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/internal/problem"
)

// TestRowSetExact: the set compares keys, not hashes. With every key hashing alike, no
// two different keys are taken for one, and every repeat names where its key was first
// read — across places, a key longer than a chunk, and the index growing many times.
func TestRowSetExact(t *testing.T) {
	for _, tc := range []struct {
		name string
		hash func(maphash.Seed, []byte) uint64
		keys int
	}{
		{"every key collides", func(maphash.Seed, []byte) uint64 { return 0xbeef << refBits }, 3000},
		{"hashes alike in all but a bit of the index's", func(seed maphash.Seed, k []byte) uint64 { return maphash.Bytes(seed, k) & (1<<63 | refMask) }, 3000},
		{"maphash", maphash.Bytes, 200_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newRowSet()
			defer s.free()
			s.hash = tc.hash
			key := func(i int) []byte {
				if i == 7 {
					return []byte(strings.Repeat("long name ", rowSetChunk/5))
				}
				return []byte(fmt.Sprintf("person %d\x00self\x00", i))
			}
			place := func(i int) problem.Place { return problem.Place{File: fmt.Sprintf("team-%d.csv", i/1000)} }
			for i := range tc.keys {
				if at, dup := s.add(key(i), place(i), i+2); dup {
					t.Fatalf("key %d taken for a repeat of %s", i, at.place.At(at.line))
				}
			}
			for i := range tc.keys {
				at, dup := s.add(key(i), problem.Place{File: "again.csv"}, 1)
				if want := place(i).At(i + 2); !dup || at.place.At(at.line) != want {
					t.Fatalf("repeat of key %d: got %v at %s, want at %s", i, dup, at.place.At(at.line), want)
				}
			}
			if _, dup := s.add([]byte("person 1\x00self\x00x"), problem.Place{}, 1); dup {
				t.Fatal("a key that extends another taken for it")
			}
		})
	}
}

// BenchmarkRowSet adds a million people's keys: B/op over a million is what the
// duplicate check holds per person.
func BenchmarkRowSet(b *testing.B) {
	b.ReportAllocs()
	var key []byte
	for b.Loop() {
		s := newRowSet()
		for i := range 1_000_000 {
			key = fmt.Appendf(key[:0], "person %d\x00self\x00", i)
			s.add(key, problem.Place{File: "team.csv"}, i)
		}
		s.free()
	}
}
