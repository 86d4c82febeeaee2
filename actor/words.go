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
	isReferWord                         // referWords
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
	{referWords, isReferWord},
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

// findWords sets d.words to the words of the sentence's tokens.
func (d *Doc) findWords(toks []text.Token) {
	if cap(d.words) < len(toks) {
		d.words = make([]*word, len(toks), len(toks)+len(toks)/2)
	}
	d.words = d.words[:len(toks)]
	for i := range toks {
		d.words[i], _ = d.kb.words.Find(&toks[i])
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
