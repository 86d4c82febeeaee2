package text

import (
	"math/rand/v2"
	"testing"
)

// TestWordMapAgainstMap holds WordMap's look-ups (Places and Find, tokens with and without
// their hash) to a plain map, for random tables of 0 to 200 words of 0 to 21 bytes, some not
// ASCII, and tokens in and out of them.
func TestWordMapAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	alpha := []string{"a", "b", "é", "ü", "-", "'", "\x00", "z", "ß"}
	gen := func() string {
		n := r.IntN(22)
		s := ""
		for len(s) < n {
			s += alpha[r.IntN(len(alpha))]
		}
		return s
	}
	for round := 0; round < 300; round++ {
		seen := map[string]int{}
		var words []string
		var vals []int
		nw := r.IntN(200)
		if round%50 == 0 {
			nw = 0
		}
		for len(words) < nw {
			w := gen()
			if _, ok := seen[w]; ok {
				continue
			}
			seen[w] = len(words) + 1
			words = append(words, w)
			vals = append(vals, len(words))
		}
		m := NewWordMap(words, vals, -1)
		var toks []Token
		for k := 0; k < 400; k++ {
			var w string
			if k%2 == 0 && len(words) > 0 {
				w = words[r.IntN(len(words))]
			} else {
				w = gen()
			}
			tk := Token{Lower: w}
			if k%3 != 0 {
				tk.hash = filterHash(w)
			}
			toks = append(toks, tk)
		}
		ps := make([]uint32, len(toks))
		m.Places(ps, toks)
		for i := range toks {
			want, ok := seen[toks[i].Lower]
			if !ok {
				want = -1
			}
			if got := m.Cells()[ps[i]].Val; got != want {
				t.Fatalf("Places %q: %d, want %d", toks[i].Lower, got, want)
			}
			got, found := m.Find(&toks[i])
			if got != want || found != ok {
				t.Fatalf("Find %q: %d %v, want %d %v", toks[i].Lower, got, found, want, ok)
			}
		}
	}
}

// TestWordMapZero holds the zero WordMap, like the zero table it replaced in the lexicon,
// to holding no word rather than panicking.
func TestWordMapZero(t *testing.T) {
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("the zero WordMap panics: %v", p)
		}
	}()
	var m WordMap[int]
	tok := Token{Lower: "x"}
	if v, ok := m.Find(&tok); v != 0 || ok {
		t.Errorf("the zero WordMap finds %d, %v", v, ok)
	}
}

// TestWordMapLongCollisions holds WordMap to telling apart words of more than 16 bytes that
// share their first and last eight bytes and length or only the ends (one hash, or near).
func TestWordMapLongCollisions(t *testing.T) {
	var words []string
	var vals []int
	for _, mid := range []string{"X", "Y", "ZZ", "", "é"} {
		words = append(words, "abcdefgh"+mid+"stuvwxyz")
		vals = append(vals, len(words))
	}
	m := NewWordMap(words, vals, -1)
	probe := append(append([]string{}, words...), "abcdefghQstuvwxyz", "abcdefghQQstuvwxyz", "abcdefghstuvwxy", "abcdefghstuvwxyzz")
	for _, w := range probe {
		want := -1
		for i, v := range words {
			if v == w {
				want = i + 1
			}
		}
		toks := []Token{{Lower: w, hash: filterHash(w)}, {Lower: w}}
		ps := make([]uint32, 2)
		m.Places(ps, toks)
		for i := range toks {
			if got := m.Cells()[ps[i]].Val; got != want {
				t.Errorf("%q (hash kept %v): %d, want %d", w, i == 0, got, want)
			}
		}
	}
}
