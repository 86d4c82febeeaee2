package actor

import (
	"unicode/utf8"

	"github.com/dyad-events/dyad/text"
)

// wordFlag marks a word as one of a word list's, so that a token's lists are read from one
// look-up rather than asked of each list's map.
type wordFlag uint32

// The word lists that have a flag.
const (
	isModifier     wordFlag = 1 << iota // modifiers
	isOpener                            // openers
	isFunctionWord                      // functionWords
	isHolding                           // holdings
	isPeopleHead                        // peopleHeads
	isPlaceWord                         // placeWords
	isNameParticle                      // nameParticles
	isNotName                           // notNames
	isMemberWord                        // memberWords
	isCompassWord                       // compassWords
	isStanceWord                        // stanceWords
	isBacker                            // backers
	isFormerWord                        // formerWords
)

// flaggedLists gives each flag its list (a word whose entry is false is not in the list).
var flaggedLists = []struct {
	list map[string]bool
	flag wordFlag
}{
	{modifiers, isModifier}, {openers, isOpener}, {functionWords, isFunctionWord}, {holdings, isHolding},
	{peopleHeads, isPeopleHead}, {placeWords, isPlaceWord}, {nameParticles, isNameParticle},
	{notNames, isNotName}, {memberWords, isMemberWord}, {compassWords, isCompassWord},
	{stanceWords, isStanceWord}, {backers, isBacker}, {formerWords, isFormerWord},
}

// word is what the knowledge base knows of one folded word: the word lists it is in and the
// dictionary phrases it begins.
type word struct {
	text  string
	flags wordFlag
	first *firstPhrases // the phrases that begin with it, or nil
	// lower are the phrases a word written in lower case may begin: those that need no capital,
	// and every phrase of a name particle ("al-Assad"); nil when there is none
	lower *firstPhrases
}

// wordTable finds the word of a token by the hash the tokenizer keeps in it (Token.Hash), with
// no hashing of its own: an open-addressing table of a power-of-two size, at most half full.
// It is built once at load and only read after.
type wordTable struct {
	slots []wordSlot
	mask  uint64
}

type wordSlot struct {
	hash uint64
	w    *word // nil for an empty slot
}

// newWordTable returns a table of the words.
func newWordTable(words []*word) wordTable {
	n := 16
	for n < 2*len(words) {
		n *= 2
	}
	t := wordTable{slots: make([]wordSlot, n), mask: uint64(n - 1)}
	for _, w := range words {
		h := text.HashWord(w.text)
		i := h & t.mask
		for t.slots[i].w != nil {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{h, w}
	}
	return t
}

// find returns the word of token t, or nil when the knowledge base has none.
func (t *wordTable) find(tok *text.Token) *word {
	h := tok.Hash()
	slots, mask := t.slots, t.mask
	for i := h & mask; i < uint64(len(slots)); i = (i + 1) & mask {
		s := &slots[i]
		if s.w == nil {
			return nil
		}
		if s.hash == h && s.w.text == tok.Lower {
			return s.w
		}
	}
	return nil // an empty table
}

// findWords sets d.words to the words of the sentence's tokens.
func (d *Doc) findWords(toks []text.Token) {
	if cap(d.words) < len(toks) {
		d.words = make([]*word, len(toks), len(toks)+len(toks)/2)
	}
	d.words = d.words[:len(toks)]
	for i := range toks {
		d.words[i] = d.kb.words.find(&toks[i])
	}
}

// is reports whether token i of the sentence is in a word list of the flags.
func (d *Doc) is(i int, f wordFlag) bool {
	w := d.words[i]
	return w != nil && w.flags&f != 0
}

// capitalized is t.IsCapitalized(), told without a call when the word begins with an ASCII byte.
func capitalized(t *text.Token) bool {
	if t.Text != "" && t.Text[0] < utf8.RuneSelf {
		return t.Text[0]-'A' < 26
	}
	return t.IsCapitalized()
}
