package text

import "iter"

// WordTable finds what a table of words keeps for a token's word (its Lower) by the hash the
// tokenizer keeps in the token (Token.Hash), with no hashing of its own: an open-addressing table
// of a power-of-two size, at most half full, of small slots (a hash and where the word is) so that
// a probe touches little memory; a word is kept beside its value, so that a word found is read
// from one place. It is built once and only read after, so workers coding documents in parallel
// may share it.
type WordTable[V any] struct {
	slots   []wordSlot
	mask    uint64
	entries []wordEntry[V]
}

// wordEntry is a word of a WordTable and its value.
type wordEntry[V any] struct {
	word string
	val  V
}

// wordSlot is a word's hash, its index in entries plus one (0: an empty slot) and whether it is
// shorter than shortWord, so that its hash tells it apart from every other such word.
type wordSlot struct {
	hash  uint64
	at    uint32
	short bool
}

// NewWordTable returns a table of the words and their values.
func NewWordTable[V any](words map[string]V) *WordTable[V] {
	n := 16
	for n < 2*len(words) {
		n *= 2
	}
	t := &WordTable[V]{slots: make([]wordSlot, n), mask: uint64(n - 1)}
	for w, v := range words {
		t.entries = append(t.entries, wordEntry[V]{w, v})
		h := filterHash(w)
		i := h & t.mask
		for t.slots[i].at != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{hash: h, at: uint32(len(t.entries)), short: len(w) < shortWord}
	}
	return t
}

// Find returns the value of tok's word and whether the table has the word.
func (t *WordTable[V]) Find(tok *Token) (v V, ok bool) {
	h := tok.Hash()
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.at == 0 {
			return v, false
		}
		if s.hash == h {
			// two words shorter than shortWord with one hash are one word: the bytes of the
			// word need not be compared
			if e := &t.entries[s.at-1]; s.short && len(tok.Lower) < shortWord || e.word == tok.Lower {
				return e.val, true
			}
		}
	}
}

// All returns every word of the table with its value, in no set order.
func (t *WordTable[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for i := range t.entries {
			if !yield(t.entries[i].word, t.entries[i].val) {
				return
			}
		}
	}
}
