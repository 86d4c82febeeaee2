package event

import (
	"maps"
	"math/bits"
	"slices"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/when"
)

// lexicon is one table of the words of a Coder's knowledge base and of its pattern tables, so
// that the coding of a document looks each token up once for both (docState.read) rather than
// once in each table: a word that is in neither costs a probe or two of one table, and one
// that is in both is read from one place.
type lexicon struct {
	kb *actor.KB // the knowledge base and the patterns it was made of, so that a Coder whose
	ps *Patterns // KB or Patterns were replaced after NewCoder does not use it
	// what they hold for each word (unknownWord for a word of neither), kept in the table's slots
	// so that a look-up touches one cache line (most rare words are in no cache: see WordMap)
	words *text.WordMap[lexWord]
}

// lexWord is what the knowledge base and the pattern tables hold for one word.
type lexWord struct {
	actor actor.Word // the zero Word for a word the knowledge base does not know
	entry *wordEntry // its entry in the pattern tables (Patterns.lookUp): noEntry for a word of none
	flags lexFlag
}

// lexFlag is a set of the kinds of a lexWord.
type lexFlag uint8

const (
	timeWord  lexFlag = 1 << iota // one of when.TimeWords
	cueWord                       // the first word of a context cue: its entry's cues are not nil
	topicWord                     // the first word of a topic phrase: its entry's topic is not nil
	ifWord                        // a word that opens a condition: its entry's class has conditionWord
)

// unknownWord is the lexWord of a word the lexicon does not hold.
var unknownWord = lexWord{entry: noEntry}

// newLexicon returns the lexicon of kb and ps, whose entries must be final (after addCues).
func newLexicon(kb *actor.KB, ps *Patterns) *lexicon {
	timeWords := when.TimeWords()
	n := len(ps.words) + len(timeWords)
	for range kb.Words() {
		n++
	}
	words := make(map[string]lexWord, n) // (no growth on the way)
	for w, v := range kb.Words() {
		words[w] = lexWord{actor: v, entry: noEntry}
	}
	for w, e := range ps.words {
		l := words[w]
		l.entry = e
		if e.cues != nil {
			l.flags |= cueWord
		}
		if e.topic != nil {
			l.flags |= topicWord
		}
		if e.class&conditionWord != 0 {
			l.flags |= ifWord
		}
		words[w] = l
	}
	for _, w := range timeWords {
		l, ok := words[w]
		if !ok {
			l.entry = noEntry
		}
		l.flags |= timeWord
		words[w] = l
	}
	// the words in a set order, so that each one's place in the index is the same from run to run
	ws := commonFirst(slices.Sorted(maps.Keys(words)), words)
	vals := make([]lexWord, 0, len(ws))
	for _, w := range ws {
		vals = append(vals, words[w])
	}
	return &lexicon{kb: kb, ps: ps, words: text.NewWordMap(ws, vals, unknownWord)}
}

// commonFirst returns ws, the words of the lexicon, with those of commonWords it holds first, in
// that order, and the others after them in the order of ws. Put into the table in this order,
// the common words find their own slot at the first probe (most tokens are such words).
func commonFirst(ws []string, words map[string]lexWord) []string {
	out := make([]string, 0, len(ws))
	common := make(map[string]bool, len(commonWords))
	for _, w := range commonWords {
		if _, ok := words[w]; ok && !common[w] {
			common[w] = true
			out = append(out, w)
		}
	}
	for _, w := range ws {
		if !common[w] {
			out = append(out, w)
		}
	}
	return out
}

// commonWords are tokens (text.Token.Lower) frequent in any English news text, roughly most
// frequent first: punctuation, function words, reporting verbs, days and months. The list is
// general English, written by hand, not counted from any set of articles; only the speed of the
// look-up depends on it (see commonFirst).
var commonWords = []string{
	"the", ".", ",", "of", "to", "and", "a", "in", "\"", "'s", "that", "for", "on", "is", "was",
	"said", "with", "he", "it", "as", "at", "by", "from", "his", "an", "be", "have", "has", "are",
	"but", "not", "who", "they", "this", "had", "will", "were", "which", "would", "been", "their",
	"after", "its", "also", "we", "she", "her", "there", "about", "more", "than", "one", "two",
	"new", "over", "into", "last", "year", "first", "or", "could", "all", "can", "out", "up",
	"when", "what", "no", "i", "you", "our", "if", "some", "other", "against", "between", "during",
	"under", "while", "before", "since", "so", "may", "should", "must", "did", "do", "does",
	"these", "those", "them", "him", "people", "government", "president", "minister", "country",
	"state", "officials", "official", "says", "told", "added", "according", "week", "month", "day",
	"days", "years", "three", "four", "five", "today", "yesterday", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "june", "july", "august", "september", "october", "november", "december", "-", "(",
	")", ":", ";", "'", "’", "“", "”", "?", "%", "$", "—", "–",
}

// of reports whether lx holds the words of c's knowledge base and patterns.
func (lx *lexicon) of(c *Coder) bool {
	return lx != nil && lx.kb == c.KB && lx.ps == c.Patterns
}

// lookUpDoc looks up the words of every sentence of a document (docState.read) at once: it sets
// sc.allLex and sc.allWords to the entries and Words of sc.allToks, the tokens of sents one after
// the other (sc.read1[k] holds the place of sents[k]'s), sets each sentence's flags (read1[k].words),
// counts the context cues in k unless nil, and appends to quiet whether each sentence is quiet.
// It returns quiet and how many sentences are not.
//
// One call finds every token of the document (WordMap.Places, into sc.wordNums), then fill
// sets what the numbers stand for sentence by sentence: a look-up of each sentence on its own (as
// the tests' lookUpSentence, which holds this to it) cost more in calls, slicing and parts than
// the look-up of its tokens (a sentence is some 16 tokens).
func (lx *lexicon) lookUpDoc(sc *scratch, k *counter, sents []text.Sentence, quiet []bool) ([]bool, int) {
	toks := sc.allToks
	nums := slices.Grow(sc.wordNums[:0], len(toks))[:len(toks)]
	lex := slices.Grow(sc.allLex[:0], len(toks))[:len(toks)]
	words := slices.Grow(sc.allWords[:0], len(toks))[:len(toks)]
	sc.wordNums, sc.allLex, sc.allWords = nums, lex, words
	lx.words.Places(nums, toks)
	loud := 0
	for idx, s := range sents {
		r := &sc.read1[idx]
		st, sl := toks[r.start:r.end], lex[r.start:r.end]
		var cues uint64
		r.words, cues = lx.fill(sl, words[r.start:r.end], nums[r.start:r.end])
		if cues != 0 && k != nil {
			countCues(k, st, 0, sl, cues)
		}
		q := r.words&timeWord == 0 && quietTokens(s, st)
		quiet = append(quiet, q)
		if !q {
			loud++
		}
	}
	return quiet, loud
}

// fill sets lex[i] and words[i] to the pattern tables' entry and the knowledge base's Word of the
// word at place ps[i] of lx.words (WordMap.Places), and returns the flags of all those words
// together and the tokens whose words begin a context cue (cueWord), one in some fifteen: bit
// i&63 for ps[i], so that their cues are counted with no look at the entry of every token
// (countCues).
//
// It is a function of its own, never written into lookUpDoc, so that its loop, which calls
// nothing, keeps what it needs in registers: a loop in a function that makes calls elsewhere has
// the compiler save and reload values around them, at a cost of several instructions a token.
//
//go:noinline
func (lx *lexicon) fill(lex []*wordEntry, words []actor.Word, ps []uint32) (seen lexFlag, cues uint64) {
	cells := lx.words.Cells()
	lex, words = lex[:len(ps)], words[:len(ps)]
	for i, p := range ps {
		l := &cells[p].Val
		lex[i] = l.entry
		words[i] = l.actor
		seen |= l.flags
		if l.flags&cueWord != 0 {
			cues |= 1 << (i & 63)
		}
	}
	return seen, cues
}

// countCues counts in k the context cues of the tokens toks[start:start+len(lex)] (lex their
// entries) that fill found (cues: bit i for the token start+i, when there are at most 64; more
// are told by their entries); toks are the sentence's tokens.
func countCues(k *counter, toks []text.Token, start int, lex []*wordEntry, cues uint64) {
	if len(lex) > 64 {
		for i, e := range lex {
			if e.cues != nil {
				k.count(toks, start+i, e.cues, 1)
			}
		}
		return
	}
	for ; cues != 0; cues &= cues - 1 {
		i := bits.TrailingZeros64(cues)
		k.count(toks, start+i, lex[i].cues, 1)
	}
}

// quietTokens reports whether toks, the tokens of s, and the text after them are all quiet
// (when.Quiet, when.QuietEnd).
//
// It is a function of its own, never written into lookUpDoc, so that its loop keeps what it
// needs in registers (see fill).
//
//go:noinline
func quietTokens(s text.Sentence, toks []text.Token) bool {
	at := s.Start // the end of the token before
	for i := range toks {
		if !when.Quiet(s, at, &toks[i]) {
			return false
		}
		at = toks[i].End
	}
	return when.QuietEnd(s, at)
}
