package corpus_test

import (
	"sync"
	"testing"

	"github.com/dyad-events/dyad/corpus"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/when"
)

// The benchmarks of the stages of `dyad code`, each on the same generated articles, reported in
// bytes of article text: go test -run '^$' -bench . ./corpus

// fixture is what the benchmarks share: generated documents, their sentences and tokens, and a
// coder.
type fixture struct {
	docs  []ingest.Document
	sents [][]text.Sentence
	toks  [][][]text.Token
	size  int64
	coder *event.Coder
}

var loadFixture = sync.OnceValues(func() (*fixture, error) {
	g, err := corpus.New(1)
	if err != nil {
		return nil, err
	}
	coder, err := event.NewCoder("", "")
	if err != nil {
		return nil, err
	}
	f := &fixture{coder: coder}
	for _, a := range g.Articles(500) {
		d := ingest.Document{ID: a.ID, Text: a.Text, Title: a.Title, Published: a.Published}
		f.docs = append(f.docs, d)
		f.size += int64(len(d.Text))
		ss := text.Sentences(d.Text)
		f.sents = append(f.sents, ss)
		var ts [][]text.Token
		for _, s := range ss {
			ts = append(ts, text.Tokens(d.Text, s))
		}
		f.toks = append(f.toks, ts)
	}
	return f, nil
})

func setup(b *testing.B) *fixture {
	f, err := loadFixture()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(f.size)
	b.ReportAllocs()
	b.ResetTimer()
	return f
}

func BenchmarkSentences(b *testing.B) {
	f := setup(b)
	for b.Loop() {
		for _, d := range f.docs {
			text.Sentences(d.Text)
		}
	}
}

func BenchmarkTokens(b *testing.B) {
	f := setup(b)
	var toks []text.Token
	for b.Loop() {
		for i, d := range f.docs {
			for _, s := range f.sents[i] {
				toks = text.AppendTokens(toks[:0], d.Text[s.Start:s.End], s.Start)
			}
		}
	}
}

func BenchmarkActorMentions(b *testing.B) {
	f := setup(b)
	kb := f.coder.KB
	for b.Loop() {
		for i, d := range f.docs {
			ad := kb.NewDoc(d.Published)
			for _, ts := range f.toks[i] {
				ad.Mentions(ts)
			}
		}
	}
}

func BenchmarkActorRecords(b *testing.B) {
	f := setup(b)
	kb := f.coder.KB
	for b.Loop() {
		for _, d := range f.docs {
			kb.Records(d.ID, d.Text, d.Published)
		}
	}
}

func BenchmarkTimeExpressions(b *testing.B) {
	f := setup(b)
	for b.Loop() {
		for i, d := range f.docs {
			for _, s := range f.sents[i] {
				when.Find(s.Text, d.Published)
			}
		}
	}
}

func BenchmarkPlaces(b *testing.B) {
	f := setup(b)
	g := f.coder.Places
	for b.Loop() {
		for i := range f.docs {
			for _, s := range f.sents[i] {
				g.Find(s.Text)
			}
		}
	}
}

func BenchmarkEventCoding(b *testing.B) {
	f := setup(b)
	for b.Loop() {
		for _, d := range f.docs {
			f.coder.Code(d)
		}
	}
}
