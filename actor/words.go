package actor

import (
	"iter"

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
	isBracket                           // brackets
	isGapWord                           // gapWords
	isEthnicWord                        // ethnicWords
	isNational                          // nationalWords
	isCurrency                          // currencyWords
	isAnd                               // "and"
	isPossessive                        // "'s"
	isPhraseOpener                      // phraseOpeners
	isOrgHead                           // orgHeads
	opensLower                          // the word has phrases that may begin in lower case (wordLists)
	isComma                             // ","
	isGroupPlace                        // groupPlaces
	capBySecond                         // its phrases for a capitalised token are in KB.pairs (placeLists)
	lowerBySecond                       // its phrases for a token in lower case are in KB.pairs
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
	{referWords, isReferWord}, {brackets, isBracket},
	{gapWords, isGapWord}, {ethnicWords, isEthnicWord}, {nationalWords, isNational},
	{currencyWords, isCurrency}, {map[string]bool{"and": true}, isAnd}, {map[string]bool{"'s": true}, isPossessive},
	{phraseOpeners, isPhraseOpener}, {orgHeads, isOrgHead}, {map[string]bool{",": true}, isComma},
	{groupPlaces, isGroupPlace},
}

// groupPlaces are the holdings and their plurals ("camps"): the places of a group placedIn
// steps over.
var groupPlaces = func() map[string]bool {
	l := map[string]bool{}
	for w, in := range holdings {
		if in {
			l[w], l[w+"s"] = true, true
		}
	}
	return l
}()

// phraseOpeners are the words that open an actor phrase before its first atom (Doc.open): the
// openers, and the modifiers but the hyphen.
var phraseOpeners = func() map[string]bool {
	l := map[string]bool{}
	for _, m := range []map[string]bool{openers, modifiers} {
		for w, in := range m {
			if in && w != "-" {
				l[w] = true
			}
		}
	}
	return l
}()

// nationalWords and currencyWords are the words notThisActor asks of after a phrase: "national"
// ("a US national") and those of money after a state's initials ("US$50", "US dollars").
var (
	nationalWords = map[string]bool{"national": true}
	currencyWords = map[string]bool{"$": true, "dollars": true}
)

// brackets is the opening bracket, for the atoms of a sentence ("Hizbollah (Party of God)").
var brackets = map[string]bool{"(": true}

// Word is what the knowledge base knows of one folded word: the word lists it is in and where
// the dictionary phrases it begins are. The zero Word is a word it does not know. A caller that
// looks up a document's words in a table of its own, beside words of its own, has them from
// KB.Words and gives them back to Doc.MentionsOf.
//
// It is small (the table of words keeps it by value) so that a token's flags are read with the
// table's slot of the word, without reaching further; and it holds no pointer, so that the
// tables that keep it have none for the collector to follow.
type Word struct {
	id    uint32 // its number, from 1 (0: a word the knowledge base does not know)
	flags wordFlag
	// where the candidates of its phrases stand in KB.cands: nCap of them for a capitalised token,
	// then nLower for one in lower case; for a word with so many that they are narrowed by the
	// next word (capBySecond, lowerBySecond: KB.pairs), those of one word (placeLists)
	at           uint32
	nCap, nLower uint16
}

// Words returns every word the knowledge base knows (folded, as a token's Lower) with its Word.
func (kb *KB) Words() iter.Seq2[string, Word] {
	return kb.words.All()
}

// findWords looks up the words of the sentence's tokens in the knowledge base and sets them
// (setWords).
func (d *Doc) findWords(toks []text.Token) {
	if cap(d.ownWords) < len(toks) {
		d.ownWords = make([]Word, len(toks)+len(toks)/2)
	}
	words := d.ownWords[:len(toks)]
	for i := range toks {
		words[i], _ = d.kb.words.Find(&toks[i]) // (a word the knowledge base does not know: the zero Word)
	}
	d.setWords(words)
}

// setWords sets d.words to the words of the sentence's tokens and d.inSentence to the union of
// their flags. (A token's flags are read where its word is, d.words[i].flags: no copy of them.)
func (d *Doc) setWords(words []Word) {
	// four tokens a step, so that the loop's own counting and branching are a quarter as many
	// (every token of the sentence is read here)
	var all, more wordFlag
	w := words
	for len(w) >= 4 {
		all |= w[0].flags | w[1].flags
		more |= w[2].flags | w[3].flags
		w = w[4:]
	}
	for i := range w {
		all |= w[i].flags
	}
	d.words = words
	d.inSentence = all | more
}

// anywhere reports whether a word of the sentence is in a word list of the flags: when it is
// not, no token need be asked.
func (d *Doc) anywhere(f wordFlag) bool {
	return d.inSentence&f != 0
}

// is reports whether token i of the sentence is in a word list of the flags.
func (d *Doc) is(i int, f wordFlag) bool {
	return d.words[i].flags&f != 0
}
