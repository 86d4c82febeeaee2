package text_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/ingest/ingesttest"
	"github.com/dyad-events/dyad/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// checkSentences checks what must hold for any document: sentences are in order, do not overlap,
// lie within the document, are not empty, have no surrounding ASCII space and slice the document
// to exactly their Text.
func checkSentences(t *testing.T, doc string, sents []text.Sentence) {
	t.Helper()
	prev := 0
	for i, s := range sents {
		if s.Start < prev || s.End <= s.Start || s.End > len(doc) {
			t.Fatalf("sentence %d [%d,%d) out of order, empty or out of bounds (previous end %d, len %d)",
				i, s.Start, s.End, prev, len(doc))
		}
		if doc[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: doc[%d:%d] = %q, Text = %q", i, s.Start, s.End, doc[s.Start:s.End], s.Text)
		}
		if strings.Trim(s.Text, " \t\r\n\f\v") != s.Text {
			t.Errorf("sentence %d %q has surrounding space", i, s.Text)
		}
		if strings.Contains(s.Text, "\n") {
			t.Errorf("sentence %d %q spans a line break", i, s.Text)
		}
		prev = s.End
	}
}

// checkTokens checks the tokens of sentence s: in order, not overlapping, inside the sentence,
// slicing the document to their Text, and with Lower equal to text.Fold(Text).
func checkTokens(t *testing.T, doc string, s text.Sentence, toks []text.Token) {
	t.Helper()
	prev := s.Start
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > s.End {
			t.Fatalf("token %d [%d,%d) out of order, empty or outside sentence [%d,%d) (previous end %d)",
				i, tok.Start, tok.End, s.Start, s.End, prev)
		}
		if doc[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d: doc[%d:%d] = %q, Text = %q", i, tok.Start, tok.End, doc[tok.Start:tok.End], tok.Text)
		}
		if r, _ := utf8.DecodeRuneInString(tok.Text); unicode.IsSpace(r) {
			t.Errorf("token %d %q is space", i, tok.Text)
		}
		if tok.Lower != text.Fold(tok.Text) {
			t.Errorf("token %d %q: Lower = %q, want Fold = %q", i, tok.Text, tok.Lower, text.Fold(tok.Text))
		}
		if want := shape(tok.Text); tok.Shape != want {
			t.Errorf("token %d %q: Shape = %b, want %b", i, tok.Text, tok.Shape, want)
		}
		prev = tok.End
	}
}

// shape is the reference for Token.Shape.
func shape(w string) text.Shape {
	var sh text.Shape
	for _, c := range []byte(w) {
		switch {
		case 'a' <= c && c <= 'z':
			sh |= text.ShapeLower
		case 'A' <= c && c <= 'Z':
			sh |= text.ShapeUpper
		case '0' <= c && c <= '9':
			sh |= text.ShapeDigit
		default:
			sh |= text.ShapeOther
		}
	}
	return sh
}

func sentenceTexts(sents []text.Sentence) []string {
	var out []string
	for _, s := range sents {
		out = append(out, s.Text)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// sentenceTests are news-writing cases for Sentences; they also seed FuzzSentences and FuzzTokens.
var sentenceTests = []struct {
	name string
	doc  string
	want []string
	bug  string // non-empty: a known bug, the case is skipped
}{
	{
		name: "military ranks",
		doc:  "Maj. Gen. Mohammad Baqeri met the Syrian defence minister in Damascus. They discussed the border.",
		want: []string{"Maj. Gen. Mohammad Baqeri met the Syrian defence minister in Damascus.", "They discussed the border."},
	},
	{
		name: "dotted acronym",
		doc:  "Talks between the U.S. and Iran resumed in Oman on Monday. Both sides called them useful.",
		want: []string{"Talks between the U.S. and Iran resumed in Oman on Monday.", "Both sides called them useful."},
	},
	{
		name: "title",
		doc:  "Dr. Smith told reporters the talks had failed. Mr. Jones disagreed.",
		want: []string{"Dr. Smith told reporters the talks had failed.", "Mr. Jones disagreed."},
	},
	{
		name: "month before a number",
		doc:  "The truce began on Jan. 5 and ended on Feb. 2. Fighting resumed in Sept. 2019.",
		want: []string{"The truce began on Jan. 5 and ended on Feb. 2.", "Fighting resumed in Sept. 2019."},
	},
	{
		name: "initial",
		doc:  "John F. Kennedy visited Berlin in 1963. He spoke at the wall.",
		want: []string{"John F. Kennedy visited Berlin in 1963.", "He spoke at the wall."},
	},
	{
		name: "closing quote",
		doc:  `Khamenei praised what he called the "resistance axis." The next day he met Assad.`,
		want: []string{`Khamenei praised what he called the "resistance axis."`, "The next day he met Assad."},
	},
	{
		name: "closing typographic quote",
		doc:  "The minister said: “We will respond.” The talks ended. ‘Never,’ he added.",
		want: []string{"The minister said: “We will respond.”", "The talks ended.", "‘Never,’ he added."},
	},
	{
		name: "quotation opens the next sentence",
		doc:  `The talks ended. "We will respond," the minister said.`,
		want: []string{"The talks ended.", `"We will respond," the minister said.`},
	},
	{
		name: "closing bracket",
		doc:  "Iran protested (the third time this year.) The envoy was summoned.",
		want: []string{"Iran protested (the third time this year.)", "The envoy was summoned."},
	},
	{
		name: "question and exclamation marks",
		doc:  "Will Iran retaliate? Officials would not say! The talks go on?! Nobody knows.",
		want: []string{"Will Iran retaliate?", "Officials would not say!", "The talks go on?!", "Nobody knows."},
	},
	{
		name: "quoted question before the speaker",
		doc:  `"Will Iran retaliate?" the minister asked. Nobody answered.`,
		want: []string{`"Will Iran retaliate?" the minister asked.`, "Nobody answered."},
	},
	{
		name: "heading without final punctuation",
		doc:  "Iran and Syria sign defence pact\n\nTEHRAN – Iran and Syria signed a defence pact on Sunday. It covers training.\n",
		want: []string{"Iran and Syria sign defence pact", "TEHRAN – Iran and Syria signed a defence pact on Sunday.", "It covers training."},
	},
	{
		name: "photo caption",
		doc:  "Assad receives Iranian delegation\n(Photo by SANA)\nDAMASCUS – President Bashar al-Assad received an Iranian delegation on Monday.",
		want: []string{"Assad receives Iranian delegation", "(Photo by SANA)", "DAMASCUS – President Bashar al-Assad received an Iranian delegation on Monday."},
	},
	{
		name: "dateline with dash",
		doc:  "TEHRAN – Iran said on Monday it would respond. The statement gave no details.",
		want: []string{"TEHRAN – Iran said on Monday it would respond.", "The statement gave no details."},
	},
	{
		name: "TASS dateline",
		doc:  "BEIJING, November 9. /TASS/ China said on Thursday it opposed the sanctions. The ministry gave no details.",
		want: []string{"BEIJING, November 9. /TASS/ China said on Thursday it opposed the sanctions.", "The ministry gave no details."},
	},
	{
		name: "Alwaght dateline",
		doc:  "date 2017-10-19 Alwaght- Syrian President Bashar al-Assad received Iran's chief of staff in Damascus. They discussed the war.",
		want: []string{"date 2017-10-19 Alwaght- Syrian President Bashar al-Assad received Iran's chief of staff in Damascus.", "They discussed the war."},
	},
	{
		name: "year and decimal number",
		doc:  "Exports fell 3.5 percent in 2015. Imports rose... Prices did not.",
		want: []string{"Exports fell 3.5 percent in 2015.", "Imports rose...", "Prices did not."},
	},
	{
		name: "lower case after a period",
		doc:  "The vote was held in the U.N. on Friday. e.g. some said no.",
		want: []string{"The vote was held in the U.N. on Friday. e.g. some said no."},
	},
	{
		name: "CRLF lines and tabs",
		doc:  "Headline\r\n\tFirst sentence.  Second sentence. \r\n",
		want: []string{"Headline", "First sentence.", "Second sentence."},
	},
	{
		name: "no final punctuation",
		doc:  "Iran said it would respond",
		want: []string{"Iran said it would respond"},
	},
	{
		name: "non-ASCII space after a period",
		doc:  "The talks ended.\u00a0The minister left.",
		want: []string{"The talks ended.", "The minister left."},
	},
	{name: "empty", doc: "", want: nil},
	{name: "only space", doc: " \n\t\r\n \n", want: nil},
}

// TestSentences checks the sentence texts and offsets for news-writing cases.
func TestSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("known bug: " + tt.bug)
			}
			got := text.Sentences(tt.doc)
			checkSentences(t, tt.doc, got)
			if texts := sentenceTexts(got); !equal(texts, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.doc, texts, tt.want)
			}
		})
	}
}

// TestLongRuns checks that a run of text longer than MaxSentence with no sentence end is cut
// into pieces: after the last semicolon, else the last comma, else at the last space of each
// piece's second half, and at MaxSentence bytes (a character's start) when there is no space.
func TestLongRuns(t *testing.T) {
	max := text.MaxSentence
	tests := []struct {
		name   string
		doc    string
		sep    string // the pieces joined by it give the run back
		suffix string // how every piece but the last ends
		lens   []int  // the lengths of the pieces, when they are known
	}{
		{name: "words", doc: strings.Repeat("the envoy met the delegates ", 600), sep: " "},
		{name: "semicolons", doc: strings.Repeat("Peru met Chile; Bolivia met Ecuador and Brazil ", 400), sep: " ", suffix: ";"},
		{name: "commas", doc: strings.Repeat("Peru, Chile and Bolivia met in Lima and Quito ", 400), sep: " ", suffix: ","},
		{name: "semicolon before commas", doc: strings.Repeat("a, b and c ", 250) + "d; " + strings.Repeat("e, f and g ", 300), sep: " ", suffix: ";"},
		{name: "no space", doc: strings.Repeat("x", 10000), lens: []int{max, max, 10000 - 2*max}},
		{name: "no space, three-byte characters", doc: strings.Repeat("€", 4000), lens: []int{max - 1, max - 1, 12000 - 2*(max-1)}},
		{name: "no space, bytes that are not UTF-8", doc: "a" + strings.Repeat("\x80", 5000), lens: []int{max, 5001 - max}},
		{name: "a word, then bytes that are not UTF-8", doc: "Iran " + strings.Repeat("\x80", 5000), lens: []int{max, 5005 - max}},
		{name: "sentence after the run", doc: strings.Repeat("Chile met Peru and ", 500) + "Chile met Peru. Both were pleased.", sep: " "},
		{name: "sentences under the cap", doc: strings.Repeat("Chile met Peru. ", 1000), sep: " ", suffix: "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := text.Sentences(tt.doc)
			checkSentences(t, tt.doc, got)
			if len(got) < 2 {
				t.Fatalf("%d sentences, want the run cut", len(got))
			}
			texts := sentenceTexts(got)
			if j := strings.Join(texts, tt.sep); j != strings.TrimSpace(tt.doc) {
				t.Errorf("the pieces joined by %q are not the run:\n%.300q", tt.sep, j)
			}
			for i, p := range texts {
				if len(p) > max {
					t.Errorf("piece %d runs to %d bytes, over %d", i, len(p), max)
				}
				if i < len(texts)-1 && !strings.HasSuffix(p, tt.suffix) {
					t.Errorf("piece %d ends %q, want %q", i, p[len(p)-min(len(p), 20):], tt.suffix)
				}
				if i < len(tt.lens) && len(p) != tt.lens[i] {
					t.Errorf("piece %d runs to %d bytes, want %d", i, len(p), tt.lens[i])
				}
			}
			if tt.lens != nil && len(texts) != len(tt.lens) {
				t.Errorf("%d pieces, want %d", len(texts), len(tt.lens))
			}
		})
	}
}

// TestAppendSentences checks that AppendSentences appends what Sentences returns, after
// sentences of another document left in the slice.
func TestAppendSentences(t *testing.T) {
	var buf []text.Sentence
	for _, tt := range sentenceTests {
		want := text.Sentences(tt.doc)
		prev := slices.Clone(buf)
		buf = text.AppendSentences(buf, tt.doc)
		if !slices.Equal(buf[:len(prev)], prev) || !slices.Equal(buf[len(prev):], want) {
			t.Fatalf("AppendSentences(%d sentences, %q) = %v, want them and %v", len(prev), tt.doc, buf, want)
		}
		if buf = text.AppendSentences(buf[:0], tt.doc); !slices.Equal(buf, want) {
			t.Fatalf("AppendSentences(reused, %q) = %v, want %v", tt.doc, buf, want)
		}
	}
}

// TestTokens checks token texts, lower-case forms and offsets, including possessive endings.
func TestTokens(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		want  []string // token texts
		lower []string // token Lower, if checked
		bug   string
	}{
		{
			name:  "possessive",
			doc:   "Iran's foreign minister",
			want:  []string{"Iran", "'s", "foreign", "minister"},
			lower: []string{"iran", "'s", "foreign", "minister"},
		},
		{
			name:  "possessive with typographic apostrophe",
			doc:   "the parliament’s speaker",
			want:  []string{"the", "parliament", "’s", "speaker"},
			lower: []string{"the", "parliament", "'s", "speaker"},
		},
		{
			name:  "upper-case possessive",
			doc:   "IRAN'S NAVY",
			want:  []string{"IRAN", "'S", "NAVY"},
			lower: []string{"iran", "'s", "navy"},
		},
		{
			name:  "upper-case possessive with typographic apostrophe",
			doc:   "IRAN’S NAVY",
			want:  []string{"IRAN", "’S", "NAVY"},
			lower: []string{"iran", "'s", "navy"},
		},
		{
			name:  "plural possessive",
			doc:   "the Muslims' rights",
			want:  []string{"the", "Muslims", "'", "rights"},
			lower: []string{"the", "muslims", "'", "rights"},
		},
		{
			name: "not a possessive",
			doc:  "'s Iran’s's it's",
			want: []string{"'", "s", "Iran’s", "'s", "it", "'s"},
		},
		{
			name:  "quotes and dashes",
			doc:   "“Death to America” – the crowd — «chanted»",
			want:  []string{"“", "Death", "to", "America", "”", "–", "the", "crowd", "—", "«", "chanted", "»"},
			lower: []string{`"`, "death", "to", "america", `"`, "-", "the", "crowd", "-", `"`, "chanted", `"`},
		},
		{
			name:  "acronyms and numbers",
			doc:   "U.S.-Iran talks on $5.5 billion, 2017-10-19",
			want:  []string{"U.S", ".", "-", "Iran", "talks", "on", "$", "5.5", "billion", ",", "2017", "-", "10", "-", "19"},
			lower: []string{"u.s", ".", "-", "iran", "talks", "on", "$", "5.5", "billion", ",", "2017", "-", "10", "-", "19"},
		},
		{
			name:  "non-ASCII letters",
			doc:   "ÉGYPTE et l’Iran",
			want:  []string{"ÉGYPTE", "et", "l’Iran"},
			lower: []string{"égypte", "et", "l'iran"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("known bug: " + tt.bug)
			}
			// put the text after a prefix so that offsets are document offsets, not sentence offsets
			const prefix = "Headline\n\nFirst. "
			doc := prefix + tt.doc
			s := text.Sentence{Start: len(prefix), End: len(doc), Text: tt.doc}
			toks := text.Tokens(doc, s)
			checkTokens(t, doc, s, toks)
			var texts, lowers []string
			for _, tok := range toks {
				texts = append(texts, tok.Text)
				lowers = append(lowers, tok.Lower)
			}
			if !equal(texts, tt.want) {
				t.Errorf("Tokens(%q)\n got %q\nwant %q", tt.doc, texts, tt.want)
			}
			if tt.lower != nil && !equal(lowers, tt.lower) {
				t.Errorf("Tokens(%q) Lower\n got %q\nwant %q", tt.doc, lowers, tt.lower)
			}
		})
	}
}

// TestFold checks case folding and the folding of typographic punctuation.
func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
		bug      string
	}{
		{"", "", ""},
		{"iran", "iran", ""},
		{"IRAN", "iran", ""},
		{"Iran’s", "iran's", ""},
		{"‘quoted’", "'quoted'", ""},
		{"“quoted”", `"quoted"`, ""},
		{"«quoted»", `"quoted"`, ""},
		{"a–b—c‐d‑e−f", "a-b-c-d-e-f", ""},
		{"Don´t", "don't", ""},
		{"Don`t", "don't", ""},
		{"ÉGYPTE", "égypte", ""},
		{"ΑΘΗΝΑ", "αθηνα", ""},
		{"don`t", "don't", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("known bug: " + tt.bug)
			}
			if got := text.Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestIsCapitalized checks the first-letter test on tokens.
func TestIsCapitalized(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Iran", true}, {"iran", false}, {"Égypte", true}, {"'s", false}, {"2017", false}, {"", false},
	}
	for _, tt := range tests {
		tok := text.Token{Text: tt.text}
		if got := tok.IsCapitalized(); got != tt.want {
			t.Errorf("Token{Text: %q}.IsCapitalized() = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestStartsUpper checks that no character of General Punctuation (U+2000 to U+206F), which
// IsCapitalized rules out without looking it up, is a capital.
func TestStartsUpper(t *testing.T) {
	for r := rune(0x2000); r <= 0x206f; r++ {
		tok := text.Token{Text: string(r) + "A"}
		if got, want := tok.IsCapitalized(), unicode.IsUpper(r); got != want {
			t.Errorf("Token{Text: %q}.IsCapitalized() = %v, want %v", tok.Text, got, want)
		}
	}
}

// TestGolden segments the example articles and compares the sentences with
// testdata/<name>.golden, one sentence a line as "start end text"; for JSON Lines files a line
// "# id" opens each record. Run with -update to rewrite the golden files.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range paths {
		ext := filepath.Ext(path)
		if ext != ".txt" && ext != ".jsonl" {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(path), ext)
		t.Run(name, func(t *testing.T) {
			var docs []ingest.Document
			if ext == ".txt" {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				docs = []ingest.Document{{Text: string(data)}}
			} else {
				f, err := os.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				err = ingest.ReadJSONL(f, path, func(d ingest.Document) error {
					docs = append(docs, d)
					return nil
				}, func(e *ingest.RecordError) { t.Errorf("reading example: %v", e) })
				if err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			for _, d := range docs {
				if ext == ".jsonl" {
					fmt.Fprintf(&buf, "# %s\n", d.ID)
				}
				sents := text.Sentences(d.Text)
				checkSentences(t, d.Text, sents)
				for _, s := range sents {
					fmt.Fprintf(&buf, "%d %d %s\n", s.Start, s.End, s.Text)
				}
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("sentences of %s differ from %s (run go test -update if the change is right)\n got:\n%s\nwant:\n%s",
					path, golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no example articles found in ../examples")
	}
}

// FuzzSentences checks the offset invariants of Sentences on arbitrary text.
func FuzzSentences(f *testing.F) {
	for _, tt := range sentenceTests {
		f.Add(tt.doc)
	}
	f.Add("a.\u00a0B. \xff. C?\u2003\"D\" .\n.")
	f.Fuzz(func(t *testing.T, doc string) {
		checkSentences(t, doc, text.Sentences(doc))
	})
}

// FuzzTokens checks the offset invariants of Tokens on the sentences of arbitrary text.
func FuzzTokens(f *testing.F) {
	for _, tt := range sentenceTests {
		f.Add(tt.doc)
	}
	f.Add("Iran's IRAN'S parliament’s 's '’s \xff's a\u0301's")
	f.Fuzz(func(t *testing.T, doc string) {
		for _, s := range text.Sentences(doc) {
			checkTokens(t, doc, s, text.Tokens(doc, s))
		}
		// the whole document as one span, newlines included
		whole := text.Sentence{Start: 0, End: len(doc), Text: doc}
		checkTokens(t, doc, whole, text.Tokens(doc, whole))
	})
}

func TestFilter(t *testing.T) {
	words := []string{"", "a", "an", "the", "iran", "minister", "foreign minister", "ayatollah", "x"}
	f := text.NewFilter(words...)
	for _, w := range words {
		if !f.Has(w) {
			t.Errorf("Has(%q) = false after Add", w)
		}
	}
	var nilF *text.Filter
	if !nilF.Has("anything") {
		t.Error("a nil filter must have every word")
	}
	miss := 0
	for _, w := range []string{"said", "government", "talks", "on", "of", "in", "to", "reuters", "moscow", "2017"} {
		if !f.Has(w) {
			miss++
		}
	}
	if miss < 8 {
		t.Errorf("only %d of 10 words outside the set were ruled out", miss)
	}
}

// TestAppendTokensFolded splits each shared document sentence by sentence with one buffer for
// the document, as the event coder does: the tokens are those of AppendTokens, and the
// lower-case forms of earlier sentences are not changed by the calls that follow.
func TestAppendTokensFolded(t *testing.T) {
	docs := ingesttest.SharedDocs(t, "../../shared")
	if len(docs) == 0 {
		t.Skip("no shared documents")
	}
	for _, d := range docs {
		var toks []text.Token
		var lowers []string                      // copies of the forms as they were made
		folded := make([]byte, 0, len(d.Text)/8) // small, so that some documents fill it
		for _, s := range text.AppendSentences(nil, d.Text) {
			from := len(toks)
			toks, folded = text.AppendTokensFolded(toks, folded, s.Text, s.Start)
			want := text.AppendTokens(nil, s.Text, s.Start)
			if got := toks[from:]; !slices.Equal(got, want) {
				t.Fatalf("%s: sentence %q: tokens\n%v\nwant\n%v", d.ID, s.Text, got, want)
			}
			for _, tok := range toks[from:] {
				lowers = append(lowers, strings.Clone(tok.Lower))
			}
		}
		for i, tok := range toks {
			if tok.Lower != lowers[i] {
				t.Fatalf("%s: token %d's lower-case form changed from %q to %q", d.ID, i, lowers[i], tok.Lower)
			}
		}
	}
}
