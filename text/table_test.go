package text

import "testing"

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
