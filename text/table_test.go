package text

import (
	"iter"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestWordMapOf holds a WordMapOf's Find (tokens with and without their hash) and All to the
// map it was made of, and an empty one to holding no word.
func TestWordMapOf(t *testing.T) {
	words := map[string]int{"talks": 1, "met": 2, "al-assad": 3, "'s": 4, "": 5}
	for i := range 100 { // enough words to fill several probe runs
		words[string(rune('a'+i%26))+string(rune('a'+i/26))] = 10 + i
	}
	tab := WordMapOf(words)
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
	all := maps.Collect(tab.All())
	if !maps.Equal(all, words) {
		t.Errorf("All gives %d words, not the %d of the map", len(all), len(words))
	}
	empty := WordMapOf(map[string]bool{})
	if _, ok := empty.Find(&toks[0]); ok {
		t.Error("an empty table found a word")
	}
	for w := range empty.All() {
		t.Errorf("an empty table gives %q", w)
	}
}

// TestFilterHashShortWordsDistinct holds filterHash to what WordMap counts on: words
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

// TestWordMapPlaces holds Places (a first pass with no call, then place for the words it leaves)
// and Find of a WordMap to the words themselves,
// token by token: short and long words, words of shortWord, 2*shortWord and more bytes, non-ASCII
// words, two long words with one hash (alike in length and in their first and last eight bytes,
// which the first pass leaves), words of 2*shortWord bytes with one hash (which the cell's bytes
// tell apart), a long word with the hash of a short one, words the table does not hold (some alike
// at both ends with one it does, some with the hash of one it does, some whose probes pass over
// full cells), and tokens with no hash kept, which the first pass starts from cell 0 (the cell of
// words whose hash is 0: the empty word, and zeroHashWord).
func TestWordMapPlaces(t *testing.T) {
	const full = "abcdefghijklmnop" // 2*shortWord bytes
	words := []string{"the", "of", "said", "a", "'s", "-", "spokesman", "ministers", "international",
		"counterterrorism", "representatives", "negotiations-about-x", "negotiatable-about-x",
		"negotiations-abcut-x", "abcdefgh", "abcdefgz", "", zeroHashWord(t), "café", "’s", "naïveté",
		"sécurité-x", full, hashWord(t, filterHash(full), "zyxwvuts"),
		hashWord(t, filterHash("said"), "samehash"), "abcdefghijklmnopq", "abcdefghijklmno"}
	for i := range 300 { // enough words to fill long runs of slots
		words = append(words, string(rune('a'+i%26))+string(rune('a'+i/26%26))+strings.Repeat("x", i%19))
	}
	if filterHash("negotiations-about-x") != filterHash("negotiatable-about-x") {
		t.Fatal("the test needs two words with one hash")
	}
	text := strings.Join(words, " ") + " The OF Said spokesmen internationally negotiations-about-y " +
		"negotiations-aboutbx abcdefgy abcdefg abcdefghi zzzzzzzzzzzzzzzzzzzzzzzzz q 12 , . CAFÉ cafe " +
		"abcdefghijklmnoq abcdefghijklmnopqr bbcdefghijklmnop abcdefghxjklmnopq"
	toks := AppendTokens(nil, text, 0)
	absent := []string{hashWord(t, filterHash(full), "qqqqqqqq"),
		hashWord(t, filterHash("the"), "samehash"), hashWord(t, filterHash(""), "emptyxxx"),
		hashWord(t, 0, "zerohasi")}
	for _, w := range append(strings.Fields(text), absent...) { // (as one token each, with their hash)
		toks = append(toks, Token{Lower: strings.ToLower(w), hash: filterHash(strings.ToLower(w))})
	}
	toks = append(toks, Token{Lower: "said"}, Token{Lower: "spokesman"}, Token{Lower: "nothing"},
		Token{Lower: "negotiatable-about-x"}, Token{Lower: ""}, Token{Lower: zeroHashWord(t)},
		Token{Lower: "abcdefgh"}, Token{Lower: "abcdefgi"}, Token{Lower: "a"}, Token{Lower: full},
		Token{Lower: absent[0]}, Token{Lower: absent[3]})
	want := map[string]int{}
	for i, w := range words {
		want[w] = i + 1
	}
	found := checkWordMap(t, slices.All(words), toks, want)
	if found < len(words) || found == len(toks) {
		t.Errorf("%d of %d tokens found", found, len(toks))
	}
	// the words in the other order (the empty word after zeroHashWord, whose cell it passes), and
	// without the words whose hash is 0 (a token with no hash kept then stops at an empty cell)
	checkWordMap(t, slices.Backward(words), toks, want)
	var some []string
	for _, w := range words {
		if filterHash(w) != 0 {
			some = append(some, w)
		}
	}
	checkWordMap(t, slices.All(some), toks, nil)
}

// checkWordMap checks a WordMap of the words of ws, put in in that order, on toks; it returns
// how many tokens it found. The value of a word is its number in want (its
// index in ws + 1 if want is nil).
func checkWordMap(t *testing.T, ws iter.Seq2[int, string], toks []Token, want map[string]int) int {
	t.Helper()
	var words []string
	var vals []int
	own := want == nil
	if own {
		want = map[string]int{}
	}
	for i, w := range ws {
		if own {
			want[w] = i + 1
		}
		words, vals = append(words, w), append(vals, want[w])
	}
	m := NewWordMap(words, vals, -1)
	ps := make([]uint32, len(toks))
	m.Places(ps, toks)
	found := 0
	for i := range toks {
		tok := &toks[i]
		w, ok := want[tok.Lower]
		if !ok {
			w = -1
		}
		v, fok := m.Find(tok)
		got := m.Cells()[ps[i]].Val
		if got != w || v != w || fok != ok {
			t.Errorf("token %d %q: Places %d, Find %d %v; want %d", i, tok.Lower, got, v, fok, w)
		}
		if ok {
			found++
		}
	}
	return found
}

// FuzzWordMap holds a WordMap to a Go map on arbitrary text: the table holds every other
// token's word and a few of their variants, and is looked up for every token, with and without
// its hash.
func FuzzWordMap(f *testing.F) {
	for _, s := range []string{"The minister said", "café CAFÉ cafe’s naïveté-x", "\x00\xff é",
		"abcdefghijklmnop abcdefghijklmnoq abcdefghXjklmnop abcdefghijklmnopq abcdefghXjklmnopq",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		toks := AppendTokens(nil, doc, 0)
		want := map[string]int{}
		var words []string
		for i, tok := range toks {
			for _, w := range []string{tok.Lower, tok.Lower + "x", "x" + tok.Lower} {
				if _, ok := want[w]; !ok && (i%2 == 0 || w != tok.Lower) {
					words = append(words, w)
					want[w] = len(words)
				}
			}
		}
		for _, tok := range toks[:len(toks):len(toks)] {
			toks = append(toks, Token{Lower: tok.Lower}, Token{Lower: tok.Lower + "x"})
		}
		checkWordMap(t, slices.All(words), toks, want)
	})
}

// hashWord returns a word of 2*shortWord bytes, first and then eight bytes solved from it, whose
// filterHash is h: longHash undone (mixHash and the products by odd numbers are bijections).
func hashWord(t *testing.T, h uint64, first string) string {
	const k1, k2, k3 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
	inv := uint64(k2) // the inverse of k2 modulo 2^64, by Newton's iteration
	for range 6 {
		inv *= 2 - k2*inv
	}
	invMix := uint64(0xBF58476D1CE4E5B9)
	c := invMix
	for range 6 {
		invMix *= 2 - c*invMix
	}
	// mixHash undone: h ^= h>>32, times the inverse, then h ^= h>>29 undone
	pre := h ^ h>>32
	pre *= invMix
	pre ^= pre>>29 ^ pre>>58
	f, n := load64(first), uint64(16)
	last := (pre ^ f*k1 ^ n*k3) * inv
	b := make([]byte, 16)
	for i := range 8 {
		b[i], b[8+i] = byte(f>>(8*i)), byte(last>>(8*i))
	}
	w := string(b)
	if filterHash(w) != h {
		t.Fatalf("hashWord: filterHash(%q) = %#x, not %#x", w, filterHash(w), h)
	}
	return w
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
