package text

// WordTable finds what a table of words keeps for a token's word (its Lower) by the hash the
// tokenizer keeps in the token (Token.Hash), with no hashing of its own: an open-addressing table
// of a power-of-two size, at most half full. It is built once and only read after, so workers
// coding documents in parallel may share it.
type WordTable[V any] struct {
	slots []wordSlot[V]
	mask  uint64
}

type wordSlot[V any] struct {
	hash uint64
	word string
	used bool
	v    V
}

// NewWordTable returns a table of the words and their values.
func NewWordTable[V any](words map[string]V) *WordTable[V] {
	n := 16
	for n < 2*len(words) {
		n *= 2
	}
	t := &WordTable[V]{slots: make([]wordSlot[V], n), mask: uint64(n - 1)}
	for w, v := range words {
		h := filterHash(w)
		i := h & t.mask
		for t.slots[i].used {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot[V]{hash: h, word: w, used: true, v: v}
	}
	return t
}

// Find returns the value of tok's word and whether the table has the word.
func (t *WordTable[V]) Find(tok *Token) (v V, ok bool) {
	h := tok.Hash()
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			return v, false
		}
		if s.hash == h && s.word == tok.Lower {
			return s.v, true
		}
	}
}
