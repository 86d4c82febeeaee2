package text

import (
	"iter"
	"maps"
	"slices"
)

// WordIndex numbers a set of words and finds a token's word (its Lower) by the hash the tokenizer
// keeps in the token (Token.Hash), with no hashing of its own: an open-addressing table of a
// power-of-two size, at most half full, of small slots (a hash and the word's number) so that a
// probe touches little memory. It is built once and only read after, so workers coding documents
// in parallel may share it.
type WordIndex struct {
	slots []wordSlot
	mask  uint64
	words []string // by number - 1
}

// wordSlot is a word's hash, its number (0: an empty slot) and whether it is shorter than
// shortWord, so that its hash tells it apart from every other such word.
type wordSlot struct {
	hash  uint64
	at    uint32
	short bool
}

// NewWordIndex returns the index of words, which must differ: words[i] is number i+1. The
// words go in in their order, so that each word's place in the table (and how many probes find
// it) is the same from run to run.
func NewWordIndex(words []string) *WordIndex {
	n := 16
	for n < 2*len(words) {
		n *= 2
	}
	x := &WordIndex{slots: make([]wordSlot, n), mask: uint64(n - 1), words: words}
	for k, w := range words {
		h := filterHash(w)
		i := h & x.mask
		for x.slots[i].at != 0 {
			i = (i + 1) & x.mask
		}
		// (a word whose hash is 0, the hash of a token with none kept, is never short, so that
		// findNumbers compares its bytes)
		x.slots[i] = wordSlot{hash: h, at: uint32(k + 1), short: len(w) < shortWord && h != 0}
	}
	return x
}

// Number returns the number of tok's word (words[i] of NewWordIndex is i+1), or 0 when x does
// not hold the word.
func (x *WordIndex) Number(tok *Token) uint32 {
	if n, sure := x.quickNumber(tok); sure {
		return n
	}
	return x.number(tok)
}

// Numbers sets ns[i] to the Number of toks[i] for each of toks (ns is at least as long).
//
// It is Number for the tokens of a text, in two passes: the first (findNumbers) finds nearly
// every word with no call, and the second looks up the words it left, with a call each.
func (x *WordIndex) Numbers(ns []uint32, toks []Token) {
	ns = ns[:len(toks)]
	if !x.findNumbers(ns, toks) {
		return
	}
	for i, n := range ns {
		if n == leftWord {
			ns[i] = x.number(&toks[i])
		}
	}
}

// findNumbers is the first pass of Numbers: it sets ns[i] to the Number of toks[i], or to
// leftWord for a word it leaves to the second pass, and reports whether it left any.
//
// It calls nothing, so that the compiler keeps what its loop needs in registers, at a few
// instructions a probe. It walks from the slot a token's hash points to up to the first that
// holds that hash or is empty: an empty one means the word is not there; one that holds the hash
// is the word for a token shorter than shortWord (two such words with one hash are one word), or
// for one of up to 2*shortWord bytes that has the word's length and its first and last eight
// bytes, which cover it (load64 is written into the loop, where a comparison of strings would be
// a call). It leaves a longer word, two words with one hash, and a token with no hash kept.
//
// The common case, a short word or an empty slot, is told by the slot alone; the tests for the
// rest (a long word, a token with no hash kept) come after it, so that most tokens pass by them.
// A token with no hash kept (hash 0) stops at an empty slot, where it is left, or at a slot that
// holds hash 0, which is never marked short (NewWordIndex), so that its bytes are compared.
func (x *WordIndex) findNumbers(ns []uint32, toks []Token) (left bool) {
	ns = ns[:len(toks)]
	slots := x.slots
	if len(slots) == 0 { // (the zero WordIndex, which holds no word)
		clear(ns)
		return false
	}
	// (x.mask, written so that the compiler sees that every h&mask is an index of slots, which
	// spares a bounds test in each probe)
	mask := uint64(len(slots) - 1)
	for i := range toks {
		t := &toks[i]
		h := t.hash
		j := h & mask
		s := &slots[j]
		for s.hash != h && s.at != 0 {
			j = (j + 1) & mask
			s = &slots[j]
		}
		n := s.at // (0 for an empty slot: no such word)
		if !(s.short && len(t.Lower) < shortWord) && (n != 0 || h == 0) {
			// a long word, or a token with no hash kept: the word numbered n is w if it has w's
			// length, of shortWord to 2*shortWord bytes, and its first and last eight bytes,
			// which cover it (written out here: a function of it is too big for the compiler to
			// write in, and a call, made for one token in five, has the loop's values kept on
			// the stack)
			w := t.Lower
			if n != 0 {
				v := x.words[n-1]
				if len(v) != len(w) || len(w) < shortWord || len(w) > 2*shortWord ||
					load64(v) != load64(w) || load64(v[len(v)-8:]) != load64(w[len(w)-8:]) {
					n = 0
				}
			}
			if n == 0 {
				n, left = leftWord, true
			}
		}
		ns[i] = n
	}
	return left
}

// leftWord is what the first pass of Numbers sets for a word it leaves to the second: no
// number of a word, since a WordIndex holds fewer than 2^32-1 words.
const leftWord = ^uint32(0)

// quickNumber returns what Number would, and true, in the common case, or false past it: a word
// of fewer than shortWord bytes found in the first slot its hash points to (most tokens are short
// common words, and the table is at most half full), or an empty first slot (a word x does not
// hold). It is small enough for the compiler to write it into a loop, with no call.
func (x *WordIndex) quickNumber(tok *Token) (uint32, bool) {
	h := tok.hash // (0: not known; number hashes the word)
	s := &x.slots[h&x.mask]
	// two words shorter than shortWord with one hash are one word, so the bytes of the word
	// need not be compared; an empty slot holds hash 0
	return s.at, h != 0 && (s.at == 0 || s.hash == h && s.short && len(tok.Lower) < shortWord)
}

// number is Number of tok past its common case.
func (x *WordIndex) number(tok *Token) uint32 {
	h := tok.Hash()
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		if s.at == 0 {
			return 0
		}
		if s.hash == h && (s.short && len(tok.Lower) < shortWord || x.words[s.at-1] == tok.Lower) {
			return s.at
		}
	}
}

// WordTable finds what a table of words keeps for a token's word (its Lower): a WordIndex of
// the words and their values by number. It is built once and only read after, so workers coding
// documents in parallel may share it.
type WordTable[V any] struct {
	index WordIndex
	vals  []V // by number; vals[0] is the zero V, for a word the table does not hold
}

// NewWordTable returns a table of the words and their values. The words go in in sorted order,
// not the map's, so that each word's place (and how many probes find it) is the same from run to
// run and build to build.
func NewWordTable[V any](words map[string]V) *WordTable[V] {
	ws := slices.Sorted(maps.Keys(words))
	vals := make([]V, 1, len(ws)+1)
	for _, w := range ws {
		vals = append(vals, words[w])
	}
	return &WordTable[V]{index: *NewWordIndex(ws), vals: vals}
}

// Find returns the value of tok's word and whether the table has the word.
func (t *WordTable[V]) Find(tok *Token) (v V, ok bool) {
	at, sure := t.index.quickNumber(tok)
	if !sure {
		at = t.index.number(tok)
	}
	return t.vals[at], at != 0
}

// All returns every word of the table with its value, in no set order.
func (t *WordTable[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for i, w := range t.index.words {
			if !yield(w, t.vals[i+1]) {
				return
			}
		}
	}
}
