package event

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/corpus"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/ingest/ingesttest"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/when"
)

// lexiconDocs returns the articles of the shared seeds and evaluation sets (when they are there)
// and generated articles (corpus), to be read by both look-ups.
func lexiconDocs(t *testing.T) []ingest.Document {
	docs := ingesttest.SharedDocs(t, "../../shared")
	if len(docs) == 0 {
		t.Log("no shared seeds or evaluation sets (../../shared): reading generated articles only")
	}
	g, err := corpus.New(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.Articles(500) {
		docs = append(docs, ingest.Document{ID: a.ID, Title: a.Title, Published: a.Published, Text: a.Text})
	}
	// conditions, which the generated articles lack (written for this test)
	docs = append(docs, ingest.Document{ID: "conditions", Published: "2020-03-01",
		Text: "Iran will attack Iraq if the talks fail, the foreign minister said on Monday. " +
			"Syria will not sign the deal unless Turkey withdraws its troops - but Russia urged both to talk."})
	return docs
}

// TestLexiconFindsBoth checks that the one look-up of the lexicon gives every token of real and
// generated articles (lexiconDocs) the same entry in the pattern tables as Patterns.lookUp and the same Word as the
// knowledge base holds for it (its words, by their string), and that it holds every word of both.
func TestLexiconFindsBoth(t *testing.T) {
	c := testCoder(t)
	if !c.words.of(c) {
		t.Fatal("NewCoder made no lexicon of its knowledge base and patterns")
	}
	kbWords := map[string]actor.Word{}
	for w, v := range c.KB.Words() {
		kbWords[w] = v
	}
	entry := func(w string) *wordEntry { // (noEntry for a word of no pattern table)
		if e := c.Patterns.words[w]; e != nil {
			return e
		}
		return noEntry
	}
	for w, v := range kbWords {
		if l, ok := lexFind(c.words, w); !ok || l.actor != v || l.entry != entry(w) {
			t.Fatalf("the lexicon's %q is %+v, %v; want the knowledge base's %+v and the patterns' %p", w, l, ok, v, c.Patterns.words[w])
		}
	}
	for w, e := range c.Patterns.words {
		if l, ok := lexFind(c.words, w); !ok || l.entry != e || l.actor != kbWords[w] {
			t.Fatalf("the lexicon's %q is %+v, %v; want the patterns' %p", w, l, ok, e)
		}
	}
	n := 0
	for _, d := range lexiconDocs(t) {
		toks, lex, words := lookUpDoc(c, d.Text)
		want := c.Patterns.lookUp(nil, toks)
		for i := range toks {
			if lex[i] != want[i] {
				t.Fatalf("%s: token %d %q: the lexicon's pattern entry is %p, Patterns.lookUp's %p", d.ID, i, toks[i].Lower, lex[i], want[i])
			}
			if words[i] != kbWords[toks[i].Lower] {
				t.Fatalf("%s: token %d %q: the lexicon's Word is %+v, the knowledge base's %+v", d.ID, i, toks[i].Lower, words[i], kbWords[toks[i].Lower])
			}
		}
		n += len(toks)
	}
	t.Logf("%d tokens looked up alike", n)
}

// TestMentionsOfLexicon checks that the mentions of the sentences of real and generated articles, given the
// words the lexicon found (MentionsOf, as a Coder reads them), are those Mentions finds with
// its own look-up; and that a Coder made by NewCoder explains each article as one that looks
// up each table on its own.
func TestMentionsOfLexicon(t *testing.T) {
	c := testCoder(t)
	docs := lexiconDocs(t)
	for _, d := range docs {
		own, given := c.KB.NewDoc(d.Published), c.KB.NewDoc(d.Published)
		for _, s := range text.Sentences(d.Text) {
			toks := text.AppendTokens(nil, s.Text, s.Start)
			if len(toks) == 0 {
				continue
			}
			_, words, _, _ := c.words.lookUpSentence(nil, nil, nil, s, toks)
			want := own.Mentions(toks)
			got := given.MentionsOf(toks, words)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(given.Subject(), own.Subject()) {
				t.Fatalf("%s: %q: MentionsOf found %s, Mentions %s", d.ID, s.Text, mentionTexts(got), mentionTexts(want))
			}
		}
	}
	separate := *c
	separate.words = nil // (as a Coder put together without NewCoder)
	for _, d := range docs {
		evs, trace := c.Explain(d)
		wantEvs, wantTrace := separate.Explain(d)
		if trace != wantTrace || !reflect.DeepEqual(evs, wantEvs) {
			t.Fatalf("%s: coded with the lexicon:\n%s\nwith separate look-ups:\n%s", d.ID, trace, wantTrace)
		}
	}
}

// lexFind returns what lx holds for the word w and whether it holds it.
func lexFind(lx *lexicon, w string) (lexWord, bool) {
	return lx.words.Find(&text.Token{Lower: w})
}

// lookUpDoc returns the tokens of a document's text and, from lookUpSentence sentence by
// sentence, their entries in the pattern tables and their Words in the knowledge base.
func lookUpDoc(c *Coder, doc string) ([]text.Token, []*wordEntry, []actor.Word) {
	var toks []text.Token
	var lex []*wordEntry
	var words []actor.Word
	for _, s := range text.Sentences(doc) {
		n := len(toks)
		toks = text.AppendTokens(toks, s.Text, s.Start)
		lex, words, _, _ = c.words.lookUpSentence(lex, words, nil, s, toks[n:])
	}
	return toks, lex, words
}

func mentionTexts(ms []*actor.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

// TestLookUpNeverNil checks that both look-ups give each token its word's entry in the pattern
// tables, or noEntry (never nil) for a word of none, and that noEntry holds nothing: the passes
// over a sentence read a token's entry without testing it for nil.
func TestLookUpNeverNil(t *testing.T) {
	c := testCoder(t)
	if *noEntry != (wordEntry{}) {
		t.Fatalf("noEntry holds %+v", *noEntry)
	}
	for _, d := range lexiconDocs(t)[:50] {
		toks, lex, _ := lookUpDoc(c, d.Text)
		own := c.Patterns.lookUp(nil, toks)
		for i, tok := range toks {
			want := c.Patterns.words[tok.Lower]
			if want == nil {
				want = noEntry
			}
			if lex[i] != want || own[i] != want {
				t.Fatalf("%s: token %d %q: entries %p and %p, want %p", d.ID, i, tok.Lower, lex[i], own[i], want)
			}
		}
	}
}

// TestLookUpSentenceQuiet checks that when.FindTokens finds nothing in a sentence of real and
// generated articles that lookUpSentence tells is quiet (docState.read does not ask it): some must be, or the test proves nothing.
func TestLookUpSentenceQuiet(t *testing.T) {
	c := testCoder(t)
	quiet, all := 0, 0
	for _, d := range lexiconDocs(t) {
		for _, s := range text.Sentences(d.Text) {
			toks := text.AppendTokens(nil, s.Text, s.Start)
			_, _, q, _ := c.words.lookUpSentence(nil, nil, nil, s, toks)
			if q {
				if got := when.FindTokens(s, toks, d.Published); got != nil {
					t.Fatalf("%s: %q is quiet, but FindTokens finds %v", d.ID, s.Text, got)
				}
				quiet++
			}
			all++
		}
	}
	if quiet == 0 || quiet == all {
		t.Fatalf("%d of %d sentences quiet", quiet, all)
	}
	t.Logf("%d of %d sentences quiet", quiet, all)
}

// TestCommonFirst checks that commonFirst puts the common words the lexicon holds first, in the
// order of commonWords, and every word once.
func TestCommonFirst(t *testing.T) {
	words := map[string]lexWord{"zebra": {}, "said": {}, "alpha": {}, "the": {}, "of": {}}
	got := commonFirst([]string{"alpha", "of", "said", "the", "zebra"}, words)
	want := []string{"the", "of", "said", "alpha", "zebra"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("commonFirst = %q, want %q", got, want)
	}
	seen := map[string]bool{}
	for _, w := range commonWords {
		if seen[w] {
			t.Errorf("commonWords holds %q twice", w)
		}
		seen[w] = true
	}
}

// TestLexiconCellSize checks that a cell of the lexicon's table is one cache line (64 bytes), so
// that a look-up touches one line (see text.WordMap): a field more in lexWord would spill over.
func TestLexiconCellSize(t *testing.T) {
	if n := reflect.TypeFor[text.WordCell[lexWord]]().Size(); n != 64 {
		t.Errorf("a cell of the lexicon is %d bytes, not 64", n)
	}
}

// TestLookUpDocAsSentences holds lookUpDoc, which looks up a whole document at once and finds the
// tokens that begin a context cue by a bit mask for each sentence, to lookUpSentence sentence by
// sentence and to counter.add: the same entries and Words, the same flags and quietness for each
// sentence, and the same cues counted, in real and generated articles and in long sentences made
// of cue words (of more than 64 tokens, past the mask, and with cue phrases across the parts of
// lookUpSentence).
func TestLookUpDocAsSentences(t *testing.T) {
	c := testCoder(t)
	// cue words and phrases, in a set order, each with a word that is no cue after it
	var cueText []string
	for w, e := range c.Patterns.words {
		if e.cues != nil {
			cueText = append(cueText, w)
			for _, p := range e.cues.phrases {
				cueText = append(cueText, strings.Join(p.words, " "))
			}
		}
	}
	slices.Sort(cueText)
	if len(cueText) < 20 {
		t.Fatalf("%d cue words and phrases", len(cueText))
	}
	docs := lexiconDocs(t)
	fillers := []string{"people", "2", ",", "their"}
	for n := 1; n < 200; n += 37 { // sentences of n cues, each after a filler
		var b strings.Builder
		for i := range n {
			b.WriteString(fillers[i%len(fillers)] + " " + cueText[(i*7+n)%len(cueText)] + " ")
		}
		b.WriteString("today. ")
		docs = append(docs, ingest.Document{ID: "cues", Text: b.String() + b.String()})
	}
	long := 0
	for _, d := range docs {
		sc := new(scratch)
		sents := text.Sentences(d.Text)
		var lex []*wordEntry
		var words []actor.Word
		var quiet []bool
		var flags []lexFlag
		want := c.Contexts.counter()
		for _, s := range sents {
			start := len(sc.allToks)
			sc.allToks = text.AppendTokens(sc.allToks, s.Text, s.Start)
			sc.read1 = append(sc.read1, sentenceRead{start: start, first: start, end: len(sc.allToks)})
			var q bool
			var f lexFlag
			lex, words, q, f = c.words.lookUpSentence(lex, words, want, s, sc.allToks[start:])
			quiet, flags = append(quiet, q), append(flags, f)
			if len(sc.allToks)-start > 64 {
				long++
			}
		}
		byWord := c.Contexts.counter()
		for _, r := range sc.read1 {
			byWord.add(sc.allToks[r.start:r.end], nil)
		}
		got := c.Contexts.counter()
		gotQuiet, loud := c.words.lookUpDoc(sc, got, sents, nil)
		if !slices.Equal(gotQuiet, quiet) || loud != len(quiet)-countTrue(quiet) {
			t.Fatalf("%s: lookUpDoc tells quiet %v (%d loud), lookUpSentence %v", d.ID, gotQuiet, loud, quiet)
		}
		if !slices.Equal(sc.allLex, lex) || !slices.Equal(sc.allWords, words) {
			t.Fatalf("%s: lookUpDoc's entries or Words are not lookUpSentence's", d.ID)
		}
		for k, r := range sc.read1 {
			if r.words != flags[k] {
				t.Fatalf("%s: sentence %d: lookUpDoc's flags %b, lookUpSentence's %b", d.ID, k, r.words, flags[k])
			}
		}
		if !slices.Equal(got.hits, want.hits) || !slices.Equal(got.hits, byWord.hits) {
			t.Fatalf("%s: lookUpDoc counted %v, lookUpSentence %v, counter.add %v", d.ID, got.hits, want.hits, byWord.hits)
		}
	}
	if long == 0 {
		t.Fatal("no sentence of more than 64 tokens")
	}
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// lookUpPart is how many tokens lookUpSentence looks up in one part: most sentences are shorter
// (news averages some 20 tokens a sentence), and their word numbers fit in a small array on the
// stack, which Go clears for each sentence (32 measured fewer instructions than 16 or 64).
const lookUpPart = 32

// lookUpSentence appends to lex the pattern tables' entry of each of toks, the tokens of the
// sentence s (as Patterns.lookUp: noEntry for a word of none), and to words its Word in the
// knowledge base (as actor.Doc.Mentions would find it). It also counts in k, unless nil, the
// context cues of the tokens (as k.add, whose Contexts must be those of the lexicon's patterns),
// and reports whether s is quiet: it holds no digit and no word of when.TimeWords (when.Quiet),
// so that when.FindTokens finds nothing in it. It returns too the flags of all its words together
// (so that a pass that needs a kind of word can pass over a sentence that has none).
//
// The coder looks up a whole document at once (lookUpDoc); this, the look-up of one sentence, is
// the reference the tests hold lookUpDoc to.
func (lx *lexicon) lookUpSentence(lex []*wordEntry, words []actor.Word, k *counter, s text.Sentence, toks []text.Token) ([]*wordEntry, []actor.Word, bool, lexFlag) {
	n, m := len(lex), len(words)
	lex = slices.Grow(lex, len(toks))[:n+len(toks)]
	words = slices.Grow(words, len(toks))[:m+len(toks)]
	// the tokens' parts, as long as toks
	lexOut, wordsOut := lex[n:][:len(toks)], words[m:][:len(toks)]
	var nums [lookUpPart]uint32
	var seen lexFlag // the flags of every word found
	for start := 0; start < len(toks); start += lookUpPart {
		part := toks[start:min(start+lookUpPart, len(toks))]
		ns := nums[:len(part)]
		lx.words.Places(ns, part)
		flags, cues := lx.fill(lexOut[start:][:len(ns)], wordsOut[start:][:len(ns)], ns)
		if cues != 0 && k != nil {
			countCues(k, toks, start, lexOut[start:][:len(ns)], cues)
		}
		seen |= flags
	}
	return lex, words, seen&timeWord == 0 && quietTokens(s, toks), seen
}
