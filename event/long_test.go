package event

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
)

// longPhrases are made-up clauses that, repeated, make a run of text with no sentence end: one
// with speech and few actors, one with an act between states in every clause, one with places,
// commas, numbers and a relative clause.
var longPhrases = []struct{ name, phrase string }{
	{"speech", "The chairman said that the envoy had met him and the delegates in the capital on Friday while "},
	{"acts", "Peru criticised Chile and Bolivia condemned Ecuador while Brazil accused Uruguay and "},
	{"mixed", "officials in Lima said on Tuesday that 40 Chilean soldiers, who had crossed the border near Tacna, were detained by the police and that Bolivia would send a delegation to Santiago as "},
}

// longRun returns phrase repeated to n bytes, cut at a space.
func longRun(phrase string, n int) string {
	s := strings.Repeat(phrase, n/len(phrase)+1)[:n]
	return strings.TrimSpace(s[:strings.LastIndexByte(s, ' ')])
}

// BenchmarkLongSentence codes one run of text with no sentence end of 1, 10 and 100 kB: the
// speed (MB/s) should not fall as the run grows.
func BenchmarkLongSentence(b *testing.B) {
	c, err := NewCoder("", "")
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range longPhrases {
		for _, n := range []int{1000, 10000, 100000} {
			doc := ingest.Document{ID: "long", Text: longRun(p.phrase, n)}
			b.Run(fmt.Sprintf("%s/%dk", p.name, n/1000), func(b *testing.B) {
				b.SetBytes(int64(len(doc.Text)))
				for b.Loop() {
					c.Code(doc)
				}
			})
		}
	}
}

// TestLongRun codes a run of 40 kB of clauses with no sentence end: text.Sentences cuts it into
// pieces of at most 4 kB, each coded as a sentence with the acts of a sentence of 1 kB of the same
// clauses (one of each pair of states: merging keeps one act of an occasion a sentence). Coded as
// one sentence it gave the acts of one, after a time that grew with the cube of its length.
func TestLongRun(t *testing.T) {
	c := testCoder(t)
	acts := longPhrases[1].phrase
	want := map[string]bool{}
	for _, e := range c.Code(ingest.Document{ID: "short", Text: longRun(acts, 1000)}) {
		want[brief(e)] = true
	}
	if len(want) == 0 {
		t.Fatal("no act coded in a sentence of 1 kB")
	}
	evs := c.Code(ingest.Document{ID: "long", Text: longRun(acts, 40000)})
	sentences := map[int]bool{}
	got := map[string]int{}
	for _, e := range evs {
		sentences[e.Sentence] = true
		got[brief(e)]++
	}
	if len(sentences) < 10 {
		t.Fatalf("the events of a run of 40 kB come from %d sentences, want 10 or more", len(sentences))
	}
	for b, n := range got {
		if !want[b] || n != len(sentences) {
			t.Errorf("%s coded %d times, want %d (once a sentence)", b, n, len(sentences))
		}
	}
	if len(got) != len(want) {
		t.Errorf("acts %v, want %v", got, want)
	}
}
