package event

import (
	"strings"
	"testing"
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
