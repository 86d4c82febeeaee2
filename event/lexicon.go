package event

import (
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
	kb    *actor.KB // the knowledge base and the patterns it was made of, so that a Coder whose
	ps    *Patterns // KB or Patterns were replaced after NewCoder does not use it
	table *text.WordTable[lexWord]
}

// lexWord is what the knowledge base and the pattern tables hold for one word.
type lexWord struct {
	actor actor.Word // the zero Word for a word the knowledge base does not know
	entry *wordEntry // its entry in the pattern tables (Patterns.lookUp), or nil
	time  bool       // one of when.TimeWords
	cue   bool       // the first word of a context cue: its entry's cues are not nil
}

// newLexicon returns the lexicon of kb and ps, whose entries must be final (after addCues).
func newLexicon(kb *actor.KB, ps *Patterns) *lexicon {
	timeWords := when.TimeWords()
	n := len(ps.words) + len(timeWords)
	for range kb.Words() {
		n++
	}
	words := make(map[string]lexWord, n) // (no growth on the way)
	for w, v := range kb.Words() {
		words[w] = lexWord{actor: v}
	}
	for w, e := range ps.words {
		l := words[w]
		l.entry = e
		l.cue = e.cues != nil
		words[w] = l
	}
	for _, w := range timeWords {
		l := words[w]
		l.time = true
		words[w] = l
	}
	return &lexicon{kb: kb, ps: ps, table: text.NewWordTable(words)}
}

// of reports whether lx holds the words of c's knowledge base and patterns.
func (lx *lexicon) of(c *Coder) bool {
	return lx != nil && lx.kb == c.KB && lx.ps == c.Patterns
}

// lookUpSentence appends to lex the pattern tables' entry of each of toks, the tokens of the
// sentence s (as Patterns.lookUp: noEntry for a word of none), and to words its Word in the
// knowledge base (as actor.Doc.Mentions would find it). It also counts in k, unless nil, the
// context cues of the tokens (as k.add, whose Contexts must be those of the lexicon's patterns),
// and reports whether s is quiet: it holds no digit and no word of when.TimeWords (when.Quiet),
// so that when.FindTokens finds nothing in it.
func (lx *lexicon) lookUpSentence(lex []*wordEntry, words []actor.Word, k *counter, s text.Sentence, toks []text.Token) ([]*wordEntry, []actor.Word, bool) {
	n, m := len(lex), len(words)
	lex = slices.Grow(lex, len(toks))[:n+len(toks)]
	words = slices.Grow(words, len(toks))[:m+len(toks)]
	// the tokens' parts, as long as toks (so that the compiler checks no index in the loop)
	lexOut, wordsOut := lex[n:][:len(toks)], words[m:][:len(toks)]
	none := noEntry            // (a local: the compiler then picks it below without a branch)
	quiet, at := true, s.Start // at: the end of the token before
	for i := range toks {
		t := &toks[i]
		l, _ := lx.table.Find(t)
		e := l.entry
		if e == nil {
			e = none
		}
		lexOut[i] = e
		wordsOut[i] = l.actor
		if l.cue && k != nil {
			k.count(toks, i, e.cues, 1)
		}
		quiet = quiet && !l.time && when.Quiet(s, at, t)
		at = t.End
	}
	return lex, words, quiet && when.QuietEnd(s, at)
}
