package event

import (
	"math"
	"testing"

	"github.com/dyad-events/dyad/actor"
)

// oldConfidence is confidence as it was written before it counted in hundredths: floats, with
// how the parts were found as words, rounded to two places at the end.
func oldConfidence(tr *trigger, src, tgt *actor.Mention, srcHow, tgtHow string) float64 {
	c := 0.6
	switch {
	case src == nil:
		c -= 0.2
	case srcHow == "attribution":
		c -= 0.1
	case srcHow == "guessed":
		c -= 0.25
	case src.Person != nil || src.IsState():
		c += 0.1
	}
	switch {
	case tgt == nil:
		c -= 0.1
	case tgtHow == "meeting":
	case tgtHow == "guessed":
		c -= 0.15
	case tgtHow == "object" && (tgt.Person != nil || tgt.IsState()):
		c += 0.1
	}
	if len(tr.m.p.words) > 1 {
		c += 0.05
	}
	return math.Round(max(0.05, min(0.95, c))*100) / 100
}

// TestConfidence holds confidence to oldConfidence for every way of finding a source and a
// target, with and without a person, and for phrases of one and of several words.
func TestConfidence(t *testing.T) {
	hows := map[how]string{howNone: "", howSubject: "subject", howObject: "object",
		howAttribution: "attribution", howGuessed: "guessed", howMeeting: "meeting", howPartner: "partner"}
	mentions := []*actor.Mention{nil, {Text: "Iran"}, {Text: "Rouhani", Person: &actor.Person{}}}
	for _, words := range [][]string{{"met"}, {"met", "with"}, {"said", "*", "was", "behind"}} {
		tr := &trigger{m: match{p: &pattern{words: words}}}
		for _, src := range mentions {
			for _, tgt := range mentions {
				for sh, sw := range hows {
					for th, tw := range hows {
						got, want := confidence(tr, src, tgt, sh, th), oldConfidence(tr, src, tgt, sw, tw)
						if got != want {
							t.Errorf("confidence(%v, %v, %v, %q, %q) = %v, want %v", words, src, tgt, sw, tw, got, want)
						}
					}
				}
			}
		}
	}
}
