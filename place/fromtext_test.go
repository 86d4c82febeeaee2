package place

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/corpus"
	"github.com/dyad-events/dyad/ingest/ingesttest"
	"github.com/dyad-events/dyad/text"
)

// checkFromText checks that fromText, where it can make the tokens of s from those of
// text.AppendTokens, makes those appendTokens reads, and reports whether it could; and that
// firstCue allows for every cue appendTokens finds that afterCue finds a place after, and starts
// fromText where it makes the words appendTokens makes from there.
func checkFromText(t *testing.T, s string) bool {
	t.Helper()
	const base = 11
	toks := text.AppendTokens(nil, s, base)
	want := Prepare(s)
	from, may := firstCue(text.Sentence{Text: s, Start: base}, toks)
	if len(want.cues) > 0 && !may {
		g := gazetteer(t)
		for _, c := range want.cues {
			if p, at, ok := g.afterCue(s, want.toks, c+1, nil); ok {
				t.Fatalf("%q: firstCue false, but %v at %d after the cue %d of %v", s, p, at, c, want.toks)
			}
		}
	}
	if may && from > 0 {
		startedAtCue++
		// the words from the first cue firstCue tells, as appendTokens reads them from there
		got, cues, ok := fromText(nil, nil, s, base, toks, from)
		idx := slices.IndexFunc(want.toks, func(tok token) bool { return tok.start == toks[from].Start-base })
		if idx < 0 {
			t.Fatalf("%q: firstCue starts at %q, where no word of appendTokens starts: %v", s, toks[from].Text, want.toks)
		}
		var wantCues []int
		for _, c := range want.cues {
			if c >= idx {
				wantCues = append(wantCues, c-idx)
			}
		}
		if ok && !reflect.DeepEqual(got, want.toks[idx:]) {
			t.Fatalf("%q: from %d:\nfromText     %v\nappendTokens %v", s, from, got, want.toks[idx:])
		}
		if ok && !reflect.DeepEqual(cues, wantCues) && (len(cues) > 0 || len(wantCues) > 0) {
			t.Fatalf("%q: from %d: cues %v, want %v", s, from, cues, wantCues)
		}
		g := gazetteer(t)
		for _, c := range want.cues[:len(want.cues)-len(wantCues)] {
			if p, at, ok := g.afterCue(s, want.toks, c+1, nil); ok {
				t.Fatalf("%q: firstCue starts after the cue %d of %v, but %v at %d after it", s, c, want.toks, p, at)
			}
		}
	}
	for _, tok := range want.toks {
		if tok.plain != (tok.word && isPlain(tok.text)) {
			t.Fatalf("%q: token %q plain %v", s, tok.text, tok.plain)
		}
	}
	got, cues, ok := fromText(nil, nil, s, base, toks, 0)
	if !ok {
		return false
	}
	if !reflect.DeepEqual(got, want.toks) && (len(got) > 0 || len(want.toks) > 0) {
		t.Fatalf("%q:\nfromText     %v\nappendTokens %v", s, got, want.toks)
	}
	if !reflect.DeepEqual(cues, want.cues) && (len(cues) > 0 || len(want.cues) > 0) {
		t.Fatalf("%q: cues %v, want %v", s, cues, want.cues)
	}
	return true
}

// startedAtCue counts the sentences checkFromText has seen firstCue start after their first word.
var startedAtCue int

// TestFromText compares fromText with appendTokens on the sentences of the shared seeds and
// evaluation sets (when they are there), of generated articles, and on random strings of the
// characters whose rules differ.
func TestFromText(t *testing.T) {
	var docs []string
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		docs = append(docs, d.Text)
	}
	g, err := corpus.New(3)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.Articles(1000) {
		docs = append(docs, a.Text)
	}
	n, made := 0, 0
	for _, doc := range docs {
		for _, s := range text.Sentences(doc) {
			n++
			if checkFromText(t, s.Text) {
				made++
			}
		}
	}
	t.Logf("fromText made the tokens of %d of %d sentences, %d from a cue after their first word", made, n, startedAtCue)
	if made < n*3/4 {
		t.Errorf("fromText made the tokens of only %d of %d sentences", made, n)
	}

	for _, s := range []string{"x_came to Rome", "went_in Rome", "a:in Rome", "came\u3000to Rome", "\u00e9in Rome",
		"came\u00e9 to Rome", "Iran's visit to Rome", "TRIP TO ROME", "came, to Rome", "to Rome"} {
		checkFromText(t, s)
	}
	pieces := []string{"in", "In", "IN", "to", "TO", "visit", "Visits", "visited", "at", "toured", " ", " ",
		"a", "Z", "s", "S", "1", "_", ".", "'", "`", ":", ",", ";", "-", " ", "  ", "\t",
		"\u2019", "\u2018", "\u00b4", "\u02bc", "\u201c", "\u2014", "\u00a0", "\u202f", "\u00e9", "\u0301",
		"'s", "\u2019s", "'S", "Iran", "U.S.", "1,000", "x", "came", "Went", "trip", "\u3000", "\u200d", "\u2028"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkFromText(t, b.String())
	}
}

// FuzzFromText compares fromText with appendTokens on arbitrary text.
func FuzzFromText(f *testing.F) {
	f.Add("He flew to Damascus and arrived in Tehran, visited Ankara. A trip to x-ray, to go-to")
	f.Add("came\u3000to Rome, went_in x, trip:at y, \u00e9in, to\u200din")
	f.Add("In Syria's Nur-Sultan, D.C. (’s) “x” IRAN'S al-Assad’s 1,000 don’t a.1 x-\u00e9")
	f.Fuzz(func(t *testing.T, s string) {
		checkFromText(t, s)
	})
}

// TestAppendFirstTokens checks that appendFirstTokens stops at the n-th word of what
// appendTokens reads.
func TestAppendFirstTokens(t *testing.T) {
	for _, s := range []string{"", "TEHRAN, Oct. 4 (Reuters) - Iran's foreign minister", "a's b's c", ", , , a b",
		"Rio de Janeiro's mayor said", "x"} {
		all := appendTokens(nil, s)
		for n := 0; n < 8; n++ {
			want, words := all, 0
			for k, tok := range all {
				if tok.word {
					if words++; words == n {
						want = all[:k+1]
						break
					}
				}
			}
			if n == 0 {
				want = nil
			}
			if got := appendFirstTokens(nil, s, n); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Errorf("appendFirstTokens(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestMayBeCueHash checks that mayBeCueHash, the first test of firstCue and fromText for a cue,
// rules out no cue word and no "to", among the words themselves and every token of real and
// generated articles, and that it rules out most other tokens (or it would save nothing).
func TestMayBeCueHash(t *testing.T) {
	for _, w := range []string{"in", "at", "near", "outside", "inside", "around", "visited", "visiting",
		"toured", "touring", "to"} {
		if !mayBeCueHash(text.HashWord(w)) {
			t.Errorf("mayBeCueHash rules out %q", w)
		}
	}
	docs := []string{"Talks in Geneva, a visit to Paris; he visited Rome and toured Gaza."}
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		docs = append(docs, d.Text)
	}
	g, err := corpus.New(5)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.Articles(300) {
		docs = append(docs, a.Text)
	}
	all, passed := 0, 0
	for _, doc := range docs {
		for _, tok := range text.AppendTokens(nil, doc, 0) {
			cue := isCueWord(tok.Lower) || tok.Lower == "to"
			may := mayBeCueHash(tok.Hash())
			if cue && !may {
				t.Fatalf("mayBeCueHash rules out the cue %q", tok.Lower)
			}
			all++
			if may && !cue {
				passed++
			}
		}
	}
	if passed*10 > all {
		t.Errorf("mayBeCueHash lets %d of %d tokens that are no cue through", passed, all)
	}
	t.Logf("%d of %d tokens that are no cue let through", passed, all)
}
