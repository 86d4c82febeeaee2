package text

import (
	"strings"
	"testing"
)

func TestWordTable(t *testing.T) {
	words := map[string]int{"talks": 1, "met": 2, "al-assad": 3, "'s": 4, "": 5}
	for i := range 100 { // enough words to fill several probe runs
		words[string(rune('a'+i%26))+string(rune('a'+i/26))] = 10 + i
	}
	tab := NewWordTable(words)
	toks := AppendTokens(nil, "Talks MET al-Assad's zz  ab", 0)
	for _, tc := range []struct {
		tok  Token
		want int
		ok   bool
	}{
		{toks[0], 1, true},               // "talks", hash kept by AppendTokens
		{toks[1], 2, true},               // "met"
		{Token{Lower: "met"}, 2, true},   // no hash kept: Hash computes it
		{Token{Lower: "meet"}, 0, false}, // absent
		{Token{Lower: "ab"}, 10 + 1*26, true},
		{Token{Lower: "zz"}, 0, false}, // 'z'+'z' is past the 100 words
	} {
		got, ok := tab.Find(&tc.tok)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Find(%q) = %d, %v; want %d, %v", tc.tok.Lower, got, ok, tc.want, tc.ok)
		}
	}
	for _, tok := range toks {
		if tok.Lower == "al-assad" || tok.Lower == "'s" {
			if _, ok := tab.Find(&tok); !ok {
				t.Errorf("Find(%q): not found", tok.Lower)
			}
		}
	}
	if _, ok := NewWordTable(map[string]bool{}).Find(&toks[0]); ok {
		t.Error("an empty table found a word")
	}
}

// TestFilterHashShortWordsDistinct holds filterHash to what WordTable.Find counts on: words
// shorter than shortWord never share a hash. Every word of one or two bytes, every word of three
// over an alphabet, and words of four to seven bytes that differ in one byte or in length.
func TestFilterHashShortWordsDistinct(t *testing.T) {
	seen := map[uint64]string{}
	add := func(w string) {
		h := filterHash(w)
		if v, ok := seen[h]; ok && v != w {
			t.Fatalf("filterHash(%q) = filterHash(%q)", w, v)
		}
		seen[h] = w
	}
	for a := range 256 {
		add(string([]byte{byte(a)}))
		for b := range 256 {
			add(string([]byte{byte(a), byte(b)}))
		}
	}
	alphabet := "aezAZ09'.-_\x00\xff\xe2\x80\x99"
	for _, a := range []byte(alphabet) {
		for _, b := range []byte(alphabet) {
			for _, c := range []byte(alphabet) {
				add(string([]byte{a, b, c}))
			}
		}
	}
	for n := 4; n < shortWord; n++ {
		base := []byte("abcdefg"[:n])
		for at := range n {
			for c := range 256 {
				w := append([]byte(nil), base...)
				w[at] = byte(c)
				add(string(w))
				if n+1 < shortWord {
					add(string(w) + "\x00") // and one byte longer
				}
			}
		}
	}
}

// TestWordIndexNumbers holds Numbers (a first pass with no call, then Number for the words it
// leaves) to Number and to the words themselves, token by token: short and long words, words of
// more than 2*shortWord bytes, two long words with one hash (alike in length and in their first and
// last eight bytes), words the index does not hold (some alike at both ends with one it does, some
// whose probes pass over full slots), and tokens with no hash kept, which the first pass of Numbers
// starts from slot 0 (the slot of words whose hash is 0: the empty word, and zeroHashWord).
func TestWordIndexNumbers(t *testing.T) {
	words := []string{"the", "of", "said", "a", "'s", "-", "spokesman", "ministers", "international",
		"counterterrorism", "representatives", "negotiations-about-x", "negotiatable-about-x",
		"negotiations-abcut-x", "abcdefgh", "abcdefgz", "", zeroHashWord(t)}
	for i := range 300 { // enough words to fill long runs of slots
		words = append(words, string(rune('a'+i%26))+string(rune('a'+i/26%26))+strings.Repeat("x", i%19))
	}
	x := NewWordIndex(words)
	if filterHash("negotiations-about-x") != filterHash("negotiatable-about-x") {
		t.Fatal("the test needs two words with one hash")
	}
	text := strings.Join(words, " ") + " The OF Said spokesmen internationally negotiations-about-y " +
		"negotiations-aboutbx abcdefgy abcdefg abcdefghi zzzzzzzzzzzzzzzzzzzzzzzzz q 12 , ."
	toks := AppendTokens(nil, text, 0)
	for _, w := range strings.Fields(text) { // (as one token each, with the hash AppendTokens keeps)
		toks = append(toks, Token{Lower: strings.ToLower(w), hash: filterHash(strings.ToLower(w))})
	}
	toks = append(toks, Token{Lower: "said"}, Token{Lower: "spokesman"}, Token{Lower: "nothing"},
		Token{Lower: "negotiatable-about-x"}, Token{Lower: ""}, Token{Lower: zeroHashWord(t)},
		Token{Lower: "abcdefgh"}, Token{Lower: "abcdefgi"}, Token{Lower: "a"})
	want := map[string]uint32{}
	for i, w := range words {
		want[w] = uint32(i + 1)
	}
	ns := make([]uint32, len(toks))
	x.Numbers(ns, toks)
	found := 0
	for i := range toks {
		tok := &toks[i]
		if ns[i] != want[tok.Lower] || x.Number(tok) != want[tok.Lower] {
			t.Errorf("token %d %q: Numbers %d, Number %d; want %d", i, tok.Lower, ns[i], x.Number(tok), want[tok.Lower])
		}
		if ns[i] != 0 {
			found++
		}
	}
	if found < len(words) || found == len(toks) {
		t.Errorf("%d of %d tokens found", found, len(toks))
	}
}

// zeroHashWord returns a word of 16 bytes whose filterHash is 0, the hash of a token with none
// kept: its last eight bytes are solved from its first (mixHash of 0 is 0, see longHash).
func zeroHashWord(t *testing.T) string {
	const k1, k2, k3 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
	inv := uint64(k2) // the inverse of k2 modulo 2^64, by Newton's iteration
	for range 6 {
		inv *= 2 - k2*inv
	}
	first := load64("zerohash")
	n := uint64(16)
	last := (first*k1 ^ n*k3) * inv
	b := make([]byte, 16)
	for i := range 8 {
		b[i], b[8+i] = byte(first>>(8*i)), byte(last>>(8*i))
	}
	w := string(b)
	if filterHash(w) != 0 {
		t.Fatalf("filterHash(%q) = %#x, not 0", w, filterHash(w))
	}
	return w
}
