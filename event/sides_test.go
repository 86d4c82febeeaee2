package event

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/text"
)

// TestLowerTail holds lowerTail to what bothSides did before it: the end of the lower-cased
// phrase, built with strings.ToLower and concatenation.
func TestLowerTail(t *testing.T) {
	for _, c := range []struct {
		joined       bool
		before, text string
	}{
		{false, "", "the two sides"},
		{true, "the", "two sides"},
		{true, "both", "Sides"},
		{true, "both", "GOVERNMENTS"},
		{true, "and", "the Two Delegations"},
		{true, "", "two"},
		{false, "", "Two"},
		{true, "x", ""},
		{true, "the", "Iranian officials"},
		{true, "où", "deux pays"},
		{true, "the", "TWO SİDES"},      // İ lower-cases to i in Go
		{true, "the", "two \u212Aings"}, // the Kelvin sign lower-cases to k
		{true, "the", "Çanakkale two"},
		{true, "a-very-long-word-before", "two"},
		{false, "", "the representatives of both governments"},
	} {
		want := strings.ToLower(c.text)
		if c.joined {
			want = c.before + " " + want
		}
		var buf [bothSidesTail]byte
		got, ok := lowerTail(&buf, c.joined, c.before, c.text)
		if !ok {
			if isASCII(c.text[max(0, len(c.text)-bothSidesTail):]) {
				t.Errorf("lowerTail(%v, %q, %q): not ok for ASCII", c.joined, c.before, c.text)
			}
			continue
		}
		if w := want[max(0, len(want)-bothSidesTail):]; string(got) != w {
			t.Errorf("lowerTail(%v, %q, %q) = %q, want %q", c.joined, c.before, c.text, got, w)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestTwoOrBothBefore holds bothSides' quick test to the phrases it stands for: every phrase that
// ends in one of bothSidesPhrases passes it.
func TestTwoOrBothBefore(t *testing.T) {
	for _, w := range bothSidesPhrases {
		for _, before := range []string{"", "the ", "x", "and the ", "both of the "} {
			if p := before + w; !twoOrBothBefore([]byte(p)) {
				t.Errorf("twoOrBothBefore(%q) = false", p)
			}
		}
	}
	for _, p := range []string{"officials", "the officials", "the three sides", "protesters", "twos"} {
		if twoOrBothBefore([]byte(p)) {
			t.Errorf("twoOrBothBefore(%q) = true", p)
		}
	}
}

// TestConditionAfter holds conditionAfter's look-up of the sentence's last "if" and "unless" to a
// scan of the tokens after i.
func TestConditionAfter(t *testing.T) {
	for _, s := range []string{
		"Iran will close the strait if attacked, unless talks resume , if not today",
		"If Iran attacks, Israel will respond",
		"no condition here",
		"unless",
	} {
		toks := text.AppendTokens(nil, s, 0)
		for _, word := range []string{"if", "unless", "when"} {
			sc := &sentenceCtx{toks: toks}
			for i := len(toks) + 1; i >= 0; i-- { // (later tokens first: the look-up is made once)
				want := false
				for k := i; k < len(toks); k++ {
					want = want || toks[k].Lower == word
				}
				if got := sc.conditionAfter(i, word); got != want {
					t.Errorf("%q: conditionAfter(%d, %q) = %v, want %v", s, i, word, got, want)
				}
			}
		}
	}
}
