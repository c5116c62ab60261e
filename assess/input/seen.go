package input

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math/bits"

	"github.com/pmladder/pmladder/internal/problem"
)

// rowSet remembers the rows of a review by a key (person, assessor and rater, as the
// duplicate check compares them) and where each was first read. It is exact: keys are
// compared byte for byte, so a hash collision never makes two people one. It is compact,
// because a review of a million people keeps an entry for each: every key is written once
// into large chunks of bytes with the row's line after it, and the open-addressing index
// holds 8 bytes a slot (a fragment of the key's hash and where the key is): about 35
// bytes a person for names of a dozen characters. Both live outside the garbage-collected
// heap (offHeap), released by free: held for the whole review, on the heap they would
// raise the collector's goal by their size again (GOGC's doubling of the live heap), and
// a million people would cost twice their 35 MB.
type rowSet struct {
	seed maphash.Seed
	// hash hashes a key; tests replace it to make every key collide.
	hash func(seed maphash.Seed, key []byte) uint64
	// slots are 0 (empty) or a hash fragment (high 24 bits) and a ref (low 40 bits: chunk
	// and offset, plus one).
	slots []byte // little-endian uint64s
	n     int
	shift uint // 64 - log2(len(slots)): a hash's slot is its high bits
	// chunks hold the entries: the key's length (uvarint), the key, the place's index
	// (uvarint), the line (4 bytes).
	chunks [][]byte
	// places are the files (and sheets) read; an entry holds its place's index.
	places []problem.Place
	// frees release the index and the chunks.
	frees     []func()
	freeSlots func()
}

const (
	rowSetChunk   = 1 << 20 // bytes per chunk; a larger entry gets a chunk of its own
	refOffsetBits = 20      // a ref's offset within its chunk
	refBits       = 40      // chunk (20 bits) and offset: a million chunks, a terabyte
	refMask       = 1<<refBits - 1
)

func newRowSet() *rowSet {
	return &rowSet{seed: maphash.MakeSeed(), hash: maphash.Bytes}
}

// seenAt is where a key was first read.
type seenAt struct {
	place problem.Place
	line  int
}

// add records key as read at pl, line, unless it was read before: then it returns where
// it was first read, and true.
func (s *rowSet) add(key []byte, pl problem.Place, line int) (seenAt, bool) {
	h := s.hash(s.seed, key)
	frag := h >> refBits << refBits
	if s.n >= len(s.slots)/8*3/4 {
		s.grow()
	}
	mask := uint64(len(s.slots)/8 - 1)
	for i := h >> s.shift; ; i = (i + 1) & mask {
		slot := binary.LittleEndian.Uint64(s.slots[8*i:])
		if slot == 0 {
			binary.LittleEndian.PutUint64(s.slots[8*i:], frag|s.put(key, pl, line))
			s.n++
			return seenAt{}, false
		}
		if slot&^refMask != frag {
			continue
		}
		if k, at := s.entry(slot & refMask); bytes.Equal(k, key) {
			return at, true
		}
	}
}

// grow doubles the index (starting it at 1,024 slots). A slot is placed by the high bits
// of its key's hash, which the slot keeps (24 of them): up to 16 million slots, growing
// reads no key back.
func (s *rowSet) grow() {
	old, freeOld := s.slots, s.freeSlots
	s.slots, s.freeSlots = offHeap(8 * max(1024, 2*len(old)/8))
	n := len(s.slots) / 8
	s.shift = uint(64 - bits.TrailingZeros(uint(n)))
	mask := uint64(n - 1)
	for j := 0; j < len(old); j += 8 {
		slot := binary.LittleEndian.Uint64(old[j:])
		if slot == 0 {
			continue
		}
		i := slot >> s.shift
		if s.shift < refBits {
			k, _ := s.entry(slot & refMask)
			i = s.hash(s.seed, k) >> s.shift
		}
		for binary.LittleEndian.Uint64(s.slots[8*i:]) != 0 {
			i = (i + 1) & mask
		}
		binary.LittleEndian.PutUint64(s.slots[8*i:], slot)
	}
	if freeOld != nil {
		freeOld()
	}
}

// free releases the set's memory; it is not used after.
func (s *rowSet) free() {
	if s.freeSlots != nil {
		s.freeSlots()
	}
	for _, f := range s.frees {
		f()
	}
	*s = rowSet{}
}

// put writes an entry and returns its ref.
func (s *rowSet) put(key []byte, pl problem.Place, line int) uint64 {
	if n := len(s.places); n == 0 || s.places[n-1] != pl {
		s.places = append(s.places, pl)
	}
	need := 2*binary.MaxVarintLen64 + len(key) + 4
	last := len(s.chunks) - 1
	if last < 0 || len(s.chunks[last])+need > cap(s.chunks[last]) || len(s.chunks[last]) >= 1<<refOffsetBits {
		c, free := offHeap(max(rowSetChunk, need))
		s.chunks, s.frees = append(s.chunks, c[:0]), append(s.frees, free)
		last++
	}
	c := s.chunks[last]
	ref := uint64(last)<<refOffsetBits | uint64(len(c))
	c = binary.AppendUvarint(c, uint64(len(key)))
	c = append(c, key...)
	c = binary.AppendUvarint(c, uint64(len(s.places)-1))
	c = binary.LittleEndian.AppendUint32(c, uint32(line))
	s.chunks[last] = c
	// The ref counts from one so that no slot is 0 (a ref reaches 2^40 only past a
	// terabyte of keys).
	return ref + 1
}

// entry reads the entry at ref back: its key and where it was read.
func (s *rowSet) entry(ref uint64) ([]byte, seenAt) {
	ref--
	c := s.chunks[ref>>refOffsetBits][ref&(1<<refOffsetBits-1):]
	n, w := binary.Uvarint(c)
	key, c := c[w:w+int(n)], c[w+int(n):]
	place, w := binary.Uvarint(c)
	line := int(binary.LittleEndian.Uint32(c[w:]))
	return key, seenAt{place: s.places[place], line: line}
}
