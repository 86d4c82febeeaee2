package text_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/corpus"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/ingest/ingesttest"
	"github.com/dyad-events/dyad/text"
)

// sameWords checks that simpleWords, when it can split s, splits it as uax29 does, and reports
// whether it could.
func sameWords(t *testing.T, s string) bool {
	t.Helper()
	simple, ok, full := text.SplitBoth(s, 7)
	if ok && !reflect.DeepEqual(simple, full) {
		t.Fatalf("%q:\nsimpleWords %q\n      uax29 %q", s, tokenTexts(simple), tokenTexts(full))
	}
	for _, tok := range full {
		if want := shape(tok.Text); tok.Shape != want {
			t.Fatalf("%q: token %q: Shape = %b, want %b", s, tok.Text, tok.Shape, want)
		}
	}
	return ok
}

func tokenTexts(toks []text.Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text+"|"+t.Lower)
	}
	return out
}

// realTexts returns the texts of the shared seeds and evaluation sets (when they are there), of
// the examples, and of generated articles.
func realTexts(t *testing.T) []string {
	var out []string
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		out = append(out, d.Title, d.Text)
	}
	examples, _ := filepath.Glob("../examples/*.jsonl")
	err := ingest.Read(examples, nil, func(d ingest.Document) error {
		out = append(out, d.Title, d.Text)
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("reading the examples: %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	g, err := corpus.New(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.Articles(3000) {
		out = append(out, a.Title, a.Text)
	}
	return out
}

// TestSimpleWordsMatchUAX29 compares simpleWords with uax29 on every sentence (and whole
// document) of the shared sets, the examples and generated articles, and on every string of up
// to four characters from an alphabet of the characters whose rules differ.
func TestSimpleWordsMatchUAX29(t *testing.T) {
	texts := realTexts(t)
	n, simple := 0, 0
	for _, doc := range texts {
		for _, s := range append(text.Sentences(doc), text.Sentence{Text: doc}) {
			n++
			if sameWords(t, s.Text) {
				simple++
			}
		}
	}
	t.Logf("%d texts: simpleWords split %d of %d sentences", len(texts), simple, n)
	if simple < n*9/10 {
		t.Errorf("simpleWords split only %d of %d sentences", simple, n)
	}

	alphabet := []string{"a", "Z", "s", "1", "0", "_", ".", "'", ":", ",", ";", " ", "\t", "\r", "\n",
		"\v", "\x1f", "-", "\"", "`", "\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\u00a0", "\u00e9",
		"\u00c9", "\u00a9", "\u00d7", "\u0301", "\u200d", "\u2024", "\u05d0"}
	var b strings.Builder
	var walk func(depth int)
	walk = func(depth int) {
		sameWords(t, b.String())
		if depth == 4 {
			return
		}
		k := b.Len()
		for _, c := range alphabet {
			b.WriteString(c)
			walk(depth + 1)
			s := b.String()[:k]
			b.Reset()
			b.WriteString(s)
		}
	}
	walk(0)

	// a word of every length that fastWords takes (one to fifteen bytes) and longer, a mark that
	// may join it to the next word, and a letter outside ASCII after the mark: "government.Élysée"
	// is one word, as "government.Elysee" is; with text after it, so that fastWords, which stops
	// eight bytes before the end, reads the word
	for n := 1; n <= 17; n++ {
		for _, mark := range []string{".", "'", ":", ",", ";", "’"} {
			for _, next := range []string{"Élysée", "été", "E", "1", "©", "א"} {
				for _, word := range []string{strings.Repeat("g", n), strings.Repeat("G", n), strings.Repeat("7", n)} {
					sameWords(t, "and "+word+mark+next+" in the rest of the sentence")
				}
			}
		}
	}
}

// FuzzSimpleWords compares simpleWords with uax29 on arbitrary text.
func FuzzSimpleWords(f *testing.F) {
	for _, tt := range sentenceTests {
		f.Add(tt.doc)
	}
	f.Add("U.S.A. 1,000.5 a.b:c'd Iran's Iran’s a_1 1._2 3.b.c a..b x1.2 “quoted” — –\u00a0é")
	f.Fuzz(func(t *testing.T, s string) {
		sameWords(t, s)
	})
}

// TestSentencesMatchByBytes compares Sentences with the byte-by-byte splitter it replaced on
// the shared sets, the examples and generated articles.
func TestSentencesMatchByBytes(t *testing.T) {
	for _, doc := range realTexts(t) {
		if got, want := text.Sentences(doc), text.SentencesByBytes(doc); !reflect.DeepEqual(got, want) {
			t.Fatalf("%.200q:\n got %v\nwant %v", doc, got, want)
		}
	}
}

// TestSentencesLines compares Sentences with the byte-by-byte splitter on documents of many
// short lines, blank ones and ones of one character, with final marks in some lines and not in
// others: AppendSentences searches for the marks in the whole document, not line by line, and
// passes over blank lines.
func TestSentencesLines(t *testing.T) {
	lines := []string{"", "A", ".", "!", "?", " ", "Hi! There.", "Why? No.", "U.S. Army. Mr. X said", "\u00a0", "a!b?c.d", "Yes?\u201d"}
	for _, a := range lines {
		for _, b := range lines {
			for _, c := range lines {
				doc := a + "\n" + b + "\n\n" + c
				if got, want := text.Sentences(doc), text.SentencesByBytes(doc); !reflect.DeepEqual(got, want) {
					t.Fatalf("%q:\n got %v\nwant %v", doc, got, want)
				}
			}
		}
	}
}

// FuzzSentencesByBytes compares Sentences with the byte-by-byte splitter on arbitrary text.
func FuzzSentencesByBytes(f *testing.F) {
	for _, tt := range sentenceTests {
		f.Add(tt.doc)
	}
	f.Add("a.\u00a0B. \xff. C?\u2003\"D\" .\n. Mr. X! Y? \"Z?\" he said. U.S. Army. e.g. 3.5 ... !?")
	f.Add("Shei\u212ah. Ali met Ö. Kaya and Sheikh. Hamad; SHEIKH. X\u00a0. Y\u2003. Z\u0085. W")
	f.Fuzz(func(t *testing.T, doc string) {
		if got, want := text.Sentences(doc), text.SentencesByBytes(doc); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", doc, got, want)
		}
	})
}

// TestIsAbbreviation holds isAbbreviation, which packs an ASCII word of up to eight letters into
// 64 bits to look it up, to isAbbreviationRunes, which reads the word character by character
// and looks it up in the map of abbreviations, on every abbreviation written in several ways
// and words that are not.
func TestIsAbbreviation(t *testing.T) {
	words := []string{"", "x", "X", "U.S", "e.g", "a.", "Iran", "minister", "abcdefgh", "abcdefghi",
		"ABCDEFGHIJKLMNOPQR", "mr2", "Mr\u00e9", "\u00c9", "m-r", "m_r"}
	for w := range text.Abbreviations() {
		if len(w) > 8 || strings.ToLower(w) != w {
			t.Errorf("abbreviation %q: isAbbreviation packs only lower-case words of up to 8 bytes", w)
		}
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"x", w[1:], "x"+w)
	}
	for _, w := range words {
		for _, before := range []string{w, "the " + w, "(" + w, "\u00e9 " + w, "a." + w, "1" + w,
			"In the town of " + w, "Washington" + w, "\u00e9" + w, "\u00e9\u00e9\u00e9\u00e9" + w, "U.S.A.B.C" + w,
			"xxxxxxxx." + w, "12345678 " + w, "\u201c" + w, "\xff\xff\xff\xff\xff\xff\xff\xff" + w} {
			if got, want := text.IsAbbreviation(before), text.IsAbbreviationRunes(before); got != want {
				t.Errorf("isAbbreviation(%q) = %v, isAbbreviationRunes %v", before, got, want)
			}
		}
	}
}

// TestLower8 holds lower8, which lower-cases eight bytes at once, to a byte-by-byte lower-casing
// of ASCII capitals: every byte value at every place among bytes of each kind.
func TestLower8(t *testing.T) {
	for _, base := range []uint64{0x4142434445464748, 0x6162636465666768, 0x5a5b40417a7b60ff, 0} {
		for at := range 8 {
			for c := range 256 {
				x := base&^(0xff<<(8*at)) | uint64(c)<<(8*at)
				var want uint64
				for k := range 8 {
					b := byte(x >> (8 * k))
					if 'A' <= b && b <= 'Z' {
						b += 'a' - 'A'
					}
					want |= uint64(b) << (8 * k)
				}
				if got := text.Lower8(x); got != want {
					t.Fatalf("lower8(%#x) = %#x, want %#x", x, got, want)
				}
			}
		}
	}
}

// TestLetterBits holds letterBits, which tells the letters among eight bytes at once, to a
// byte-by-byte test, up to the first byte outside ASCII: every byte value at every place among
// bytes of each kind.
func TestLetterBits(t *testing.T) {
	for _, base := range []uint64{0x4142434445464748, 0x6162636465666768, 0x5a5b40417a7b60ff, 0x5f3039302f3a5f80,
		0x3161324233633464, 0xe2e1fbfa80b0b9ff, 0} {
		for at := range 8 {
			for c := range 256 {
				x := base&^(0xff<<(8*at)) | uint64(c)<<(8*at)
				var want, told uint64 // told: the bytes up to the first outside ASCII
				for k := range 8 {
					b := byte(x >> (8 * k))
					if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' {
						want |= 0x80 << (8 * k)
					}
					told |= 0xff << (8 * k)
					if b >= 0x80 {
						break
					}
				}
				if got := text.LetterBits(x); got&told != want&told {
					t.Fatalf("letterBits(%#x) = %#x, want %#x", x, got, want)
				}
			}
		}
	}
}

// TestSimpleWordsLengths compares simpleWords with uax29 on words of every length up to 20
// bytes, of each kind of character, before each kind of ending, with room after them and
// without: the fast paths for words of fewer than 8 and of 8 to 15 bytes read the text eight
// bytes at a time.
func TestSimpleWordsLengths(t *testing.T) {
	const letters = "AbCdEfGhIjKlMnOpQrStUvWxYz"
	words := func(n int) []string {
		// and capitals only in the first eight bytes, or only after them (fastWords reads
		// them eight at a time)
		return []string{strings.Repeat("a", n), "A" + strings.Repeat("b", n-1), strings.Repeat("Z", n),
			letters[:n], strings.Repeat("7", n), strings.Repeat("a_1", n)[:n], "12345678901234567890"[:n],
			("9" + strings.Repeat("a", n))[:n], ("_" + strings.Repeat("1", n))[:n],
			strings.Repeat("Q", min(n, 8)) + strings.Repeat("q", max(n-8, 0)),
			strings.Repeat("q", min(n, 8)) + strings.Repeat("Q", max(n-8, 0))}
	}
	for n := 1; n <= 20; n++ {
		for _, w := range words(n) {
			for _, end := range []string{"", " ", " x", ",", ", y", ".a", ".7", "'s", "\u2019s", ":b", "-c", "\u00e9", "\u2014",
				",000", ";8", "'5", ":30", "th", "_", "_2", ". ", ".\u00e9", "\u0301", "\u00a0", "%", "\t"} {
				for _, pad := range []string{"", " and twenty more bytes."} {
					if s := "x " + w + end + pad; !sameWords(t, s) && !strings.Contains(s, "\u00e9") && !strings.Contains(s, "\u0301") {
						t.Errorf("simpleWords could not split %q", s)
					}
				}
			}
		}
	}
}

// docTokenDocs are odd documents for TestDocTokens: characters outside ASCII at the
// ends of sentences, other spaces between them, marks that may join words at the ends, long
// words, a last sentence at the very end of the text.
var docTokenDocs = []string{
	"",
	"   \n\n \t",
	"Iran's minister met the U.S. envoy. Talks went on.\nA heading\nThe end",
	"It said “no.” Then it left.\u00a0Next one.\u2028Another one. Yes",
	"Ends with an apostrophe’ Here.\u3000Ideographic space. Done!",
	"A word then a mark \u0301after a space. Café crème. Ça va? Größe. Ελλάδα. 東京. Last",
	"Numbers 1,000.5 and 3.14. Then 2.5, 7;8. And x1.2 a_1 1._2.",
	"In 2024, 15 of 300 people (40%) met. On 12.5.2020 at 10:30 the 3rd 1999's 42_x 7\u00e9 8\u0301 x. " +
		"1234567 12345678 123456789 0 9. 2020.\n7\t8\u00a09 5.\u00c9 6,a 1'2 3'. 44",
	"Supercalifragilisticexpialidocious. Internationalization. Abcdefghijklmno. Abcdefghijklmnop.",
	"Short. A. B. C. Dr. Who? OK!! \"Quoted.\" (Bracketed.) [Box.] 'Single.' End.",
	"Iran’s. Iran's. Muslims'. Parliament’S. Its.\r\nWindows line.\r\nAnd\ttabs.\tHere.",
	"a.b:c'd. government.Élysée. x.é. é.x. 1.é. Done.",
	"Copyright © 2020. The ©. x©y. End.",
	"Trailing spaces.   \n   Leading spaces. \u00a0 \u00a0Mixed spaces.\u00a0",
	"No final mark at the end of the text",
	"One. Two.",
	"x",
	"Emoji 😀 here. Arabic كلمة here. Done.",
	"Soft\u00adhyphen. Zero\u200bwidth. Joiner\u200dhere. End.",
	strings.Repeat("Long sentence with many words ", 40) + ". And then " + strings.Repeat("x", 300) + ".",
}

// sameDocTokens checks that AppendDocTokens gives every sentence of doc the tokens
// AppendTokensFolded gives its text (offsets, text, lower-case form, hash, shape), and does the
// same for spans of doc that do not end before a space.
func sameDocTokens(t *testing.T, doc string) {
	t.Helper()
	spans := text.Sentences(doc)
	// spans that end anywhere: a word may run on past them in doc
	for i := 0; i+3 <= len(doc) && i < 40; i += 3 {
		if e := i + 3 + i%5; e <= len(doc) {
			spans = append(spans, text.Sentence{Start: i, End: e, Text: doc[i:e]})
		}
	}
	got, _, ends := text.AppendDocTokens(nil, nil, nil, doc, spans)
	if len(ends) != len(spans) {
		t.Fatalf("%.200q: %d ends for %d sentences", doc, len(ends), len(spans))
	}
	start := 0
	for i, s := range spans {
		want, _ := text.AppendTokensFolded(nil, nil, s.Text, s.Start)
		if toks := got[start:ends[i]]; !reflect.DeepEqual(toks, want) && !(len(want) == 0 && len(toks) == 0) {
			t.Fatalf("%.200q, sentence %q:\n got %q\nwant %q", doc, s.Text, tokenTexts(toks), tokenTexts(want))
		}
		start = ends[i]
	}
}

// TestDocTokens holds AppendDocTokens to AppendTokensFolded on odd documents and on
// the shared sets, the examples and generated articles.
func TestDocTokens(t *testing.T) {
	for _, doc := range docTokenDocs {
		sameDocTokens(t, doc)
	}
	for _, doc := range realTexts(t) {
		sameDocTokens(t, doc)
	}
}

// FuzzDocTokens holds AppendDocTokens to AppendTokensFolded on arbitrary text.
func FuzzDocTokens(f *testing.F) {
	for _, doc := range docTokenDocs {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		sameDocTokens(t, doc)
	})
}
