package text

import (
	"iter"
	"maps"
	"slices"
)

// WordMap is a table of words and their values, which finds a token's word (its Lower) by the
// hash the tokenizer keeps in the token (Token.Hash), with no hashing of its own: an
// open-addressing table of a power-of-two size, at most half full, whose cells keep each word's
// hash, value and, for a word of up to 2*shortWord bytes, its length and bytes. Finding a word and
// reading its value so touch one cell, where a table of numbers and values apart would touch one
// cache line for the slot, one for the value and, for a longer word, two more for its string:
// the coder's lexicon, the biggest table, is looked up for nearly every token, most of its rare
// words are in no cache of the processor, and each line they touch costs the time of some hundreds
// of instructions. A cell is 32 bytes and the value's: one cache line for a value of 32 bytes (the
// lexicon's), whose cells then lie on lines of their own (a table this big starts a page); a
// table of small values pays for it in size, some twice that of a table of numbers (16 bytes a
// slot) and values apart.
//
// It is built once and only read after, so workers coding documents in parallel may share it.
// The zero WordMap holds no word (Find finds none); Places and Cells need one made by NewWordMap
// or WordMapOf.
type WordMap[V any] struct {
	cells []WordCell[V] // a power of two of them, at most half full, and one more: missing's
	words []string      // by number - 1
}

// WordCell is a slot of a WordMap: a word, told by its hash and, unless size is 0, by its length
// and bytes, its number (0: an empty cell) and its value.
type WordCell[V any] struct {
	hash uint64
	// the first and last eight bytes of a word of shortWord to 2*shortWord bytes (load64), which
	// cover it; 0 for a shorter word, whose hash tells it apart from every other such word
	first, last uint64
	at          uint32 // the word's number (words[at-1]); 0 for an empty cell
	// the word's length, when the cell alone tells it apart (1 to 2*shortWord bytes, a hash not
	// 0); else 0, and a token is compared with words[at-1] (WordMap.place)
	size uint8
	Val  V // the word's value
}

// NewWordMap returns the map of words[i] to vals[i] (the words must differ, and vals be at least
// as long), whose value for a word it does not hold is missing. The words go in in their order, so
// that each word's place in the table (and how many probes find it) is the same from run to run,
// and the first ones find their own slot at the first probe.
func NewWordMap[V any](words []string, vals []V, missing V) *WordMap[V] {
	n := 16
	for n < 2*len(words) {
		n *= 2
	}
	m := &WordMap[V]{cells: make([]WordCell[V], n+1), words: words}
	m.cells[n].Val = missing
	mask := uint64(n - 1)
	for k, w := range words {
		h := filterHash(w)
		i := h & mask
		for m.cells[i].at != 0 {
			i = (i + 1) & mask
		}
		c := WordCell[V]{hash: h, at: uint32(k + 1), Val: vals[k]}
		if len(w) > 0 && len(w) <= 2*shortWord && h != 0 {
			c.size = uint8(len(w))
			if len(w) >= shortWord {
				c.first, c.last = load64(w), load64(w[len(w)-8:])
			}
		}
		m.cells[i] = c
	}
	return m
}

// WordMapOf returns the map of the words of words to their values, whose value for a word it
// does not hold is the zero V. The words go in in sorted order, not the map's, so that each
// word's place (and how many probes find it) is the same from run to run and build to build.
func WordMapOf[V any](words map[string]V) *WordMap[V] {
	ws := slices.Sorted(maps.Keys(words))
	vals := make([]V, len(ws))
	for i, w := range ws {
		vals[i] = words[w]
	}
	var missing V
	return NewWordMap(ws, vals, missing)
}

// Cells returns the cells of m by place (Places): Cells()[p].Val is the value of the word at
// place p, or the missing value of NewWordMap.
func (m *WordMap[V]) Cells() []WordCell[V] {
	return m.cells
}

// Find returns the value of tok's word and whether m holds the word; for a word it does not
// hold, the missing value of NewWordMap (the zero V for WordMapOf's). It finds one token's word
// (Places finds many tokens' words for less).
func (m *WordMap[V]) Find(tok *Token) (V, bool) {
	if len(m.cells) == 0 { // (the zero WordMap, which holds no word)
		var none V
		return none, false
	}
	// the common case, with no call: a word of fewer than shortWord bytes at its first cell (a
	// cell of size 0 keeps no length, and place compares its word)
	h, w := tok.hash, tok.Lower
	c := &m.cells[h&uint64(len(m.cells)-2)]
	if h != 0 && c.hash == h && c.size != 0 && int(c.size) == len(w) && len(w) < shortWord {
		return c.Val, true
	}
	p := m.place(tok)
	return m.cells[p].Val, int(p) < len(m.cells)-1
}

// All returns every word of m with its value, in no set order.
func (m *WordMap[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for i := range m.cells {
			c := &m.cells[i]
			if c.at != 0 && !yield(m.words[c.at-1], c.Val) {
				return
			}
		}
	}
}

// Places sets ps[i] to the place in m of the word of toks[i] (Cells()[ps[i]].Val is its value),
// or to that of the missing value for a word m does not hold; ps is at least as long as toks.
//
// It does so in two passes: the first (findPlaces) finds nearly every word with no call, and the
// second looks up the words it left, with a call each.
func (m *WordMap[V]) Places(ps []uint32, toks []Token) {
	ps = ps[:len(toks)]
	if !m.findPlaces(ps, toks) {
		return
	}
	for i, p := range ps {
		if p == leftWord {
			ps[i] = m.place(&toks[i])
		}
	}
}

// findPlaces is the first pass of Places: it sets ps[i] to the place of toks[i]'s word, or to
// leftWord for a word it leaves to the second pass, and reports whether it left any.
//
// It calls nothing, so that the compiler keeps what its loop needs in registers, at a few
// instructions a probe. It walks from the cell a token's hash points to up to the first that
// holds that hash or is empty: an empty one means the word is not there, and one that holds the
// hash is the word if the cell has the token's length (two words of fewer than shortWord bytes
// with one hash are one word) and, for one of shortWord bytes or more, its first and last eight
// bytes, which cover it. It leaves two words with one hash, a word the cell does not tell apart
// (size 0: a longer word, the empty word, a word whose hash is 0), and a token with no hash kept
// (hash 0), which stops at an empty cell or at one of a word whose hash is 0, never of size 0.
func (m *WordMap[V]) findPlaces(ps []uint32, toks []Token) (left bool) {
	ps = ps[:len(toks)]
	cells := m.cells[:len(m.cells)-1] // (without missing's)
	if len(cells) == 0 {
		// (never: NewWordMap makes 16 cells or more; the test and the mask below let the compiler
		// see that every h&mask is an index of cells, which spares a bounds test in each probe)
		return false
	}
	mask := uint64(len(cells) - 1)
	missing := uint32(len(cells))
	for i := range toks {
		t := &toks[i]
		h := t.hash
		j := h & mask
		c := &cells[j]
		for c.hash != h && c.at != 0 {
			j = (j + 1) & mask
			c = &cells[j]
		}
		p := uint32(j)
		w := t.Lower
		switch {
		case c.at == 0:
			p = missing
			if h == 0 { // (no hash kept: the word may be elsewhere)
				p, left = leftWord, true
			}
		case int(c.size) != len(w) || c.size == 0 ||
			len(w) >= shortWord && (c.first != load64(w) || c.last != load64(w[len(w)-8:])):
			p, left = leftWord, true
		}
		ps[i] = p
	}
	return left
}

// place is the place of tok's word in m, or that of the missing value for a word m does not
// hold: the look-up of one token (Find), or of one findPlaces left. A cell with the token's hash
// holds its word if it has the word's length and, for a word of shortWord bytes or more, its
// first and last eight bytes (two words of fewer than shortWord bytes with one hash are one
// word); a cell that keeps no length (size 0) is compared with its word.
func (m *WordMap[V]) place(tok *Token) uint32 {
	h, w := tok.Hash(), tok.Lower
	cells := m.cells[:len(m.cells)-1]
	mask := uint64(len(cells) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		c := &cells[j]
		switch {
		case c.at == 0:
			return uint32(len(cells))
		case c.hash != h:
		case c.size == 0:
			if m.words[c.at-1] == w {
				return uint32(j)
			}
		case int(c.size) == len(w) &&
			(len(w) < shortWord || c.first == load64(w) && c.last == load64(w[len(w)-8:])):
			return uint32(j)
		}
	}
}

// leftWord is what the first pass of Places sets for a word it leaves to the second: no place of
// a WordMap, which has fewer than 2^32-1 cells.
const leftWord = ^uint32(0)
