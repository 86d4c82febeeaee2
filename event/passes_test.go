package event

import (
	"reflect"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/text"
)

// eachSentence reads each article of lexiconDocs as Coder.code does (read) and calls fn with the
// context of each of its sentences that has triggers, set up as sentence sets it up before it
// reads their context and topics.
func eachSentence(t *testing.T, fn func(sc *sentenceCtx, trs []*trigger)) {
	t.Helper()
	c := testCoder(t)
	for _, d := range lexiconDocs(t) {
		st := readDoc(c, d)
		for idx := range st.sents {
			r := st.read1[idx]
			toks := st.allToks[r.first:r.end:r.end]
			trs := st.allTrs[r.trs:r.trsEnd:r.trsEnd]
			if len(toks) == 0 || len(trs) == 0 {
				continue
			}
			lex := st.allLex[r.first:r.end:r.end]
			rd := &st.reading
			rd.set(toks, lex, st.allBlocked[r.first:r.end:r.end])
			sc := &sentenceCtx{st: st, toks: toks, lex: lex, blocked: st.allBlocked[r.first:r.end:r.end], rd: rd, mentions: r.mentions, trs: trs}
			sc.noCondition = r.words&ifWord == 0 // (as readActs sets it)
			fn(sc, trs)
		}
	}
}

// topicsBefore is topics as it was before it skipped the words outside a topic that open none:
// the fast path is held to it.
func (sc *sentenceCtx) topicsBefore(trs []*trigger) []bool {
	in := make([]bool, len(sc.toks))
	on := false
	thanks := map[int]bool{}
	for _, tr := range trs {
		if tr.m.p.rule.Type != "SUPPORT" {
			continue
		}
		for k := tr.m.last; k < len(sc.toks) && k < tr.m.last+12; k++ {
			if w := sc.toks[k].Lower; (w == "on" || w == "for" || w == "over") && sc.mentionAt(k) == nil {
				thanks[k] = true
				break
			}
		}
	}
	for i := 0; i < len(sc.toks); i++ {
		e := sc.lex[i]
		if thanks[i] {
			on = true
		}
		if e.is(topicEndWord) && sc.endsTopic(i, trs) {
			on = false
		}
		if !on && e.topic != nil {
			if end := topicAt(sc.rd, i); end > i {
				on = true
				i = end - 1
				continue
			}
		}
		in[i] = on
	}
	return in
}

// TestTopicsAsBefore checks that topics marks the tokens of every sentence with triggers of real
// and generated articles as it did before its fast path (topicsBefore), and that some sentences
// have topics and thanks.
func TestTopicsAsBefore(t *testing.T) {
	n, marked := 0, 0
	eachSentence(t, func(sc *sentenceCtx, trs []*trigger) {
		want := sc.topicsBefore(trs)
		got := make([]bool, len(sc.toks))
		sc.topics(trs, got, len(sc.toks))
		if !slices.Equal(got, want) {
			t.Fatalf("%q: topics %v, want %v", sc.st.doc.Text[sc.toks[0].Start:sc.toks[len(sc.toks)-1].End], got, want)
		}
		// stopped early, as readActs stops it, it marks the tokens before its limit the same
		for _, tr := range trs {
			tr.typ = typeOf(tr.m.p.rule.Type)
		}
		limit := topicsRead(trs, len(sc.toks))
		part := make([]bool, len(sc.toks))
		sc.topics(trs, part, limit)
		if !slices.Equal(part[:limit], want[:limit]) || slices.Contains(part[limit:], true) {
			t.Fatalf("%q: topics to %d %v, want %v", sc.st.doc.Text[sc.toks[0].Start:sc.toks[len(sc.toks)-1].End], limit, part, want[:limit])
		}
		n++
		if slices.Contains(got, true) {
			marked++
		}
	})
	if marked == 0 {
		t.Fatalf("no topic in %d sentences", n)
	}
	t.Logf("%d sentences, %d with a topic", n, marked)
}

// TestCountersAlike checks that counting a document's context cues from the tokens' entries
// (counter.add with lex) finds what the look-up of each token in the cues finds (lex nil), and
// that every number (text.IsNumber) of the articles startsNumber (maxGap's quick test).
func TestCountersAlike(t *testing.T) {
	c := testCoder(t)
	hits, numbers := 0, 0
	for _, d := range lexiconDocs(t) {
		byEntry, byWord := c.Contexts.counter(), c.Contexts.counter()
		for _, s := range text.Sentences(d.Text) {
			toks := text.AppendTokens(nil, s.Text, s.Start)
			byEntry.add(toks, c.Patterns.lookUp(nil, toks))
			byWord.add(toks, nil)
			for i := range toks {
				if text.IsNumber(toks[i]) {
					numbers++
					if !startsNumber(&toks[i]) {
						t.Fatalf("%q is a number that startsNumber does not see", toks[i].Text)
					}
				}
			}
		}
		if !slices.Equal(byEntry.hits, byWord.hits) {
			t.Fatalf("%s: counted %v from the entries, %v from the words", d.ID, byEntry.hits, byWord.hits)
		}
		for _, n := range byEntry.hits {
			hits += n
		}
	}
	if hits == 0 || numbers == 0 {
		t.Fatalf("%d cue hits, %d numbers", hits, numbers)
	}
}

// TestReadCountsCues checks that the context cues read counts with the look-up of each sentence
// (lexicon.lookUpSentence), a dateline's taken back, are those counter.add counts word by word in
// each sentence after its dateline; and that some datelines held cues, or the test proves less.
func TestReadCountsCues(t *testing.T) {
	c := testCoder(t)
	hits, taken := 0, 0
	// datelines with cues in them (those of the shared and generated articles have none)
	docs := []ingest.Document{
		{ID: "dateline-word", Published: "2016-05-02", Text: "MILITARY BASE – Troops of the army left the base on Monday."},
		{ID: "dateline-phrase", Published: "2016-05-02", Text: "BORDER CROSSING, May 3 (Reuters) - Refugees crossed the border crossing. Troops watched."},
	}
	for _, d := range append(docs, lexiconDocs(t)...) {
		st := readDoc(c, d)
		want, dateline := c.Contexts.counter(), c.Contexts.counter()
		for _, r := range st.read1 {
			want.add(st.allToks[r.first:r.end], nil)
			dateline.add(st.allToks[r.start:r.first], nil)
		}
		if !slices.Equal(st.contexts.hits, want.hits) {
			t.Fatalf("%s: read counted %v, want %v", d.ID, st.contexts.hits, want.hits)
		}
		for k, n := range want.hits {
			hits += n
			taken += dateline.hits[k]
		}
		st.actors.Release()
	}
	if hits == 0 || taken == 0 {
		t.Fatalf("%d cue hits, %d in datelines", hits, taken)
	}
	t.Logf("%d cue hits, %d in datelines taken back", hits, taken)
}

// maxGapBefore is maxGap as it was before its quick tests (startsNumber, hyphenAt written out),
// with no memory: the fast path is held to it.
func (rd *reading) maxGapBefore(i int) int {
	toks, lex, blocked := rd.toks, rd.lex, rd.blocked
	hyphen := func(i int) bool {
		return toks[i].Lower == "-" && i > 0 && i+1 < len(toks) && isWord(toks[i-1]) && isWord(toks[i+1])
	}
	n, words := 0, 0
	for i+n < len(toks) && words < 3 {
		switch {
		case blocked[i+n]:
			for i+n < len(toks) && blocked[i+n] {
				n++
			}
		case i+n+2 < len(toks) && hyphen(i+n+1):
			n += 3
		case lex[i+n].is(articleWord):
			n++
			continue
		case text.IsNumber(toks[i+n]) || (toks[i+n].Lower == "more" || toks[i+n].Lower == "fewer") && i+n+1 < len(toks) && toks[i+n+1].Lower == "than":
			if !text.IsNumber(toks[i+n]) {
				n++
			}
			n++
			continue
		case i+n+1 < len(toks) && toks[i+n+1].Lower == "of" && lex[i+n].is(quantityWord):
			n += 2
			continue
		default:
			n++
		}
		words++
	}
	return n
}

// TestMaxGapAsBefore checks maxGap from every token of every sentence with triggers of real and
// generated articles against maxGapBefore.
func TestMaxGapAsBefore(t *testing.T) {
	eachSentence(t, func(sc *sentenceCtx, trs []*trigger) {
		rd := sc.rd
		for i := range len(rd.toks) + 1 {
			if got, want := rd.maxGap(i), rd.maxGapBefore(i); got != want {
				t.Fatalf("%q: maxGap(%d) = %d, want %d", sc.st.doc.Text[sc.toks[0].Start:sc.toks[len(sc.toks)-1].End], i, got, want)
			}
		}
	})
}

// TestBlockedIsMentionOrComma checks, on every sentence with triggers of real and generated
// articles, that a token read blocks (triggers) is part of an actor mention (mentionAt) or a
// comma, and that every token of a mention is blocked: context's loops and finiteVerbSoon, which
// stop at a comma or an actor, and clauseInitial, which stops at an actor (having stopped at a
// comma before), stop at a blocked token rather than asking mentionAt.
func TestBlockedIsMentionOrComma(t *testing.T) {
	commas := 0
	eachSentence(t, func(sc *sentenceCtx, trs []*trigger) {
		for i, tok := range sc.toks {
			in, blocked := sc.mentionAt(i) != nil, sc.blocked[i]
			if in != blocked && !(blocked && tok.Lower == ",") {
				t.Fatalf("%q: token %d %q: in a mention %v, blocked %v", sc.st.doc.Text[sc.toks[0].Start:sc.toks[len(sc.toks)-1].End], i, tok.Text, in, blocked)
			}
			if blocked && !in {
				commas++
			}
		}
	})
	t.Logf("%d blocked commas outside mentions", commas)
}

// readDoc returns the state of document d after read, as Coder.code has it before coding the
// document's first sentence (without readActs).
func readDoc(c *Coder, d ingest.Document) *docState {
	date, _ := PublicationDate(d)
	st := &docState{c: c, doc: d, date: date, actors: c.KB.NewDoc(date), scratch: new(scratch)}
	st.actors.Text = d.Text
	st.contexts = c.Contexts.counter()
	st.sents = text.AppendSentences(st.sents[:0], d.Text)
	st.read(st.sents)
	return st
}

// TestReadClearsStale checks that the blocks a scratch reuses keep nothing of the document before
// beyond the one being read: Coder.code leaves the tokens, what read found in each sentence and
// the sentences to be overwritten by the next document, which clears what it leaves over of them.
func TestReadClearsStale(t *testing.T) {
	c := testCoder(t)
	docs := lexiconDocs(t)
	slices.SortFunc(docs, func(a, b ingest.Document) int { return len(b.Text) - len(a.Text) })
	buf := new(scratch)
	for _, d := range []ingest.Document{docs[0], docs[len(docs)/2], docs[len(docs)-1]} { // ever shorter
		date, _ := PublicationDate(d)
		st := &docState{c: c, doc: d, date: date, actors: c.KB.NewDoc(date), scratch: buf}
		st.actors.Text = d.Text
		st.contexts = c.Contexts.counter()
		stale := len(st.sents)
		st.sents = text.AppendSentences(st.sents[:0], d.Text)
		clearStale(st.sents, stale)
		st.read(st.sents)
		for i, tok := range st.allToks[len(st.allToks):cap(st.allToks)] {
			if tok != (text.Token{}) {
				t.Fatalf("%s: token %d after the document's is %q, left of the one before", d.ID, len(st.allToks)+i, tok.Text)
			}
		}
		for i, r := range st.read1[len(st.read1):cap(st.read1)] {
			if r.end != 0 || r.mentions != nil {
				t.Fatalf("%s: sentence %d after the document's is left of the one before", d.ID, len(st.read1)+i)
			}
		}
		for i, s := range st.sents[len(st.sents):cap(st.sents)] {
			if s != (text.Sentence{}) {
				t.Fatalf("%s: sentence %d after the document's is %q, left of the one before", d.ID, len(st.sents)+i, s.Text)
			}
		}
		st.actors.Release()
	}
}

// TestConditionAfterAsBefore holds conditionAfter, which reads the words' classes and compares
// the text only at a word of conditions, to the scan of the tokens' text it made before, for
// the words it is asked of, after every token of every sentence with triggers, and that the
// sentences with no such word (sentenceCtx.noCondition, which eachSentence sets as readActs does)
// are passed over without a look: some must be, or the test proves nothing.
func TestConditionAfterAsBefore(t *testing.T) {
	before := func(sc *sentenceCtx, i int, word string) bool {
		for k := i; k < len(sc.toks); k++ {
			if sc.toks[k].Lower == word {
				return true
			}
		}
		return false
	}
	seen := map[string]int{}
	eachSentence(t, func(sc *sentenceCtx, trs []*trigger) {
		if sc.noCondition {
			seen["passed over"]++
		}
		for _, word := range []string{"if", "unless"} {
			for i := 0; i <= len(sc.toks); i++ {
				got, want := sc.conditionAfter(i, word), before(sc, i, word)
				if got != want {
					t.Fatalf("%q after token %d of %q: conditionAfter %v, want %v", word, i, sc.toks[0].Text, got, want)
				}
				if got {
					seen[word]++
				}
			}
		}
	})
	if seen["if"] == 0 || seen["unless"] == 0 || seen["passed over"] == 0 {
		t.Fatalf("conditions found: %v", seen)
	}
}

// TestMarkClass checks what the fast paths that read a token's text only at a word of a class
// rely on: every comma and hyphen is of class markWord, every "if" and "unless" of class
// conditionWord, every "and" and "but" of class clauseOpenerWord (newPredicate), at every token of real and generated articles; and a comma opens a clause
// (context's second loop tells a comma by that class).
func TestMarkClass(t *testing.T) {
	need := map[string]wordClass{",": markWord, "-": markWord, "if": conditionWord, "unless": conditionWord,
		"and": clauseOpenerWord, "but": clauseOpenerWord}
	seen := map[string]int{}
	eachReading(t, func(rd *reading) {
		for i, tok := range rd.toks {
			if c, ok := need[tok.Lower]; ok {
				if rd.lex[i].class&c == 0 {
					t.Fatalf("%q at token %d is not of its class", tok.Lower, i)
				}
				seen[tok.Lower]++
			}
		}
	})
	for w := range need {
		if seen[w] == 0 {
			t.Errorf("no %q in the articles", w)
		}
	}
	if !clauseOpeners[","] {
		t.Error("a comma is no clause opener")
	}
}

// TestTriggerHoldsNoArticle guards Coder.code's leaving the document's triggers uncleared in the
// scratch block the next document reuses: a trigger must hold nothing of the article (no text,
// no mention), only numbers, the patterns' and rules' tables, the names of types and other
// triggers. A field added to trigger fails this test until it is checked and listed here.
func TestTriggerHoldsNoArticle(t *testing.T) {
	want := map[string]string{
		"m": "event.match", "start": "int", "end": "int", "negated": "bool",
		"intended": "string", // (a rule's type or "AID", "COOPERATE": never the article's text)
		"threat":   "bool", "framed": "bool", "content": "*event.trigger", "as": "*event.Rule",
		"future": "bool", "typ": "event.actType",
	}
	tt := reflect.TypeOf(trigger{})
	if tt.NumField() != len(want) {
		t.Fatalf("trigger has %d fields, %d checked", tt.NumField(), len(want))
	}
	for i := range tt.NumField() {
		f := tt.Field(i)
		if want[f.Name] != f.Type.String() {
			t.Errorf("trigger.%s is %s, checked as %q", f.Name, f.Type, want[f.Name])
		}
	}
	mt := reflect.TypeOf(match{})
	for i := range mt.NumField() {
		if f := mt.Field(i); f.Type.String() != "int" && f.Type.String() != "*event.pattern" {
			t.Errorf("match.%s is %s: check that it holds nothing of the article", f.Name, f.Type)
		}
	}
}

// TestReadActsTopics checks that readActs, which passes over a sentence with no word that opens a
// topic phrase and no act of support (sentenceRead.words), marks the topics of every
// sentence with triggers of real and generated articles as topicsBefore does up to topicsRead,
// and that some sentences are passed over and some have topics, or the test proves nothing.
func TestReadActsTopics(t *testing.T) {
	c := testCoder(t)
	skipped, marked := 0, 0
	for _, d := range lexiconDocs(t) {
		st := readDoc(c, d)
		st.readActs()
		for idx := range st.sents {
			r := st.read1[idx]
			toks := st.allToks[r.first:r.end:r.end]
			trs := st.allTrs[r.trs:r.trsEnd:r.trsEnd]
			if len(toks) == 0 || len(trs) == 0 {
				continue
			}
			if r.words&topicWord == 0 && !hasType(trs, supportType) {
				skipped++
			}
			lex := st.allLex[r.first:r.end:r.end]
			rd := &st.reading
			rd.set(toks, lex, st.allBlocked[r.first:r.end:r.end])
			sc := &sentenceCtx{st: st, toks: toks, lex: lex, blocked: st.allBlocked[r.first:r.end:r.end], rd: rd, mentions: r.mentions, trs: trs}
			want := sc.topicsBefore(trs)[:topicsRead(trs, len(toks))]
			got := st.topicBuf[r.first:][:len(want)]
			if !slices.Equal(got, want) {
				t.Fatalf("%s sentence %d: topics %v, want %v", d.ID, idx, got, want)
			}
			if slices.Contains(want, true) {
				marked++
			}
		}
	}
	if skipped == 0 || marked == 0 {
		t.Fatalf("%d sentences passed over, %d with a topic", skipped, marked)
	}
	t.Logf("%d sentences passed over, %d with a topic", skipped, marked)
}
