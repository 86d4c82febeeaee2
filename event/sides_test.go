package event

import (
	"math"
	"math/rand/v2"
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

// TestLocationMemo holds locationMemo.of to a new Location of what it is asked for: equal fields
// (the coordinates to the bit, -0 and NaN too), the same Location only for the same place, and no
// Location it returned ever changed by later calls.
func TestLocationMemo(t *testing.T) {
	type place struct {
		name, country string
		lat, lon      float64
	}
	places := []place{
		{"Damascus", "SYR", 33.5102, 36.29128},
		{"Damascus", "SYR", 33.5102, 36.29128},
		{"Aleppo", "SYR", 33.5102, 36.29128}, // another name at the same coordinates
		{"Damascus", "IRQ", 33.5102, 36.29128},
		{"Null Island", "", 0, 0},
		{"Null Island", "", math.Copysign(0, -1), 0}, // -0 is written "-0"
		{"Nowhere", "XXX", math.NaN(), math.Inf(1)},
		{"", "", 0, 0},
		{"Goa", "IND", 15.4909, 73.8278},
		{"Panjim", "IND", 15.4909, 73.8278},
	}
	var m locationMemo
	type got struct {
		p place
		l *Location
	}
	var all []got
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		p := places[r.IntN(len(places))]
		l := m.of(p.name, p.country, p.lat, p.lon)
		all = append(all, got{p, l})
	}
	same := func(l *Location, p place) bool {
		return l.Name == p.name && l.Country == p.country &&
			math.Float64bits(l.Lat) == math.Float64bits(p.lat) && math.Float64bits(l.Lon) == math.Float64bits(p.lon)
	}
	for k, g := range all {
		if !same(g.l, g.p) { // (after all the calls: a Location written over shows here)
			t.Fatalf("call %d: %+v for %+v", k, *g.l, g.p)
		}
	}
}
