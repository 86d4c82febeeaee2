package place

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest/ingesttest"
)

// The regular expressions that datelineRegion, datelineItem and datelineEnd read by hand.
var (
	regionRegexp = regexp.MustCompile(`^\s*,\s*(\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,2})`)
	itemRegexp   = regexp.MustCompile(`^[\s,.]*(\d{1,4}(?:st|nd|rd|th)?\b|\p{Lu}[\p{L}'’]*\.?|\([^()\n]{1,40}\)|/[^/\n]{1,20}/)`)
	endRegexp    = regexp.MustCompile(`^[\s,.]*(?:-+|[–—:])`)
)

// checkDatelineParts tells t where the hand-written readers of a dateline's parts differ from
// their regular expressions on s.
func checkDatelineParts(t *testing.T, s string) {
	t.Helper()
	region, end, ok := datelineRegion(s)
	if m := regionRegexp.FindStringSubmatchIndex(s); (m != nil) != ok || ok && (region != s[m[2]:m[3]] || end != m[1]) {
		t.Errorf("datelineRegion(%q) = %q, %d, %v; the expression matches %v", s, region, end, ok, m)
	}
	item, end, ok := datelineItem(s)
	if m := itemRegexp.FindStringSubmatchIndex(s); (m != nil) != ok || ok && (item != s[m[2]:m[3]] || end != m[1]) {
		t.Errorf("datelineItem(%q) = %q, %d, %v; the expression matches %v", s, item, end, ok, m)
	}
	if got, want := datelineEnd(s), endRegexp.MatchString(s); got != want {
		t.Errorf("datelineEnd(%q) = %v, want %v", s, got, want)
	}
}

// TestDatelineParts holds the readers of a dateline's parts to their regular expressions, on
// every suffix of the first lines of the shared documents (when they are there), on generated
// datelines and on random strings of the characters they read.
func TestDatelineParts(t *testing.T) {
	var texts []string
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		for i, line := range strings.SplitN(d.Text, "\n", 6) {
			if i < 5 {
				texts = append(texts, line[:min(len(line), 300)])
			}
		}
	}
	texts = append(texts, ", Oman (AP) —", ", Calif., Oct. 4 (Xinhua) --", " , New South Wales, Australia",
		", N.Y. -", ", Côte D’Ivoire", ",Iraq:", ", 12th -", ", 2019-10-04", ", 12345 -", ", 4ths",
		" (Reuters) - x", " ()", " (a\n)", " (((a)", " /TASS/", " //", " /a\nb/", ". 9. /TASS/.",
		" 4_", " 4é", " 1st_", "x", "", ",", " ,", ", ", ", É", ", \xff", "\xff", "(\xff)", " – x",
		" — x", " : x", "\v-", "\v, Oman", ", Oman\vOman", ", A B C D", ", A b C", ", A, B",
		"("+strings.Repeat("é", 40)+")", "("+strings.Repeat("é", 41)+")",
		"/"+strings.Repeat("x", 20)+"/", "/"+strings.Repeat("x", 21)+"/")
	for _, s := range texts {
		for i := range s {
			checkDatelineParts(t, s[i:])
		}
	}
	// random strings of the characters that the expressions tell apart
	alphabet := []string{" ", "\t", "\n", "\v", "\f", "\r", ",", ".", "-", "–", "—", ":", "(", ")", "/",
		"'", "’", "_", "0", "1", "9", "s", "t", "n", "d", "r", "h", "a", "A", "Z", "É", "é", "ß",
		"Σ", "σ", "\u00a0", "\xff", "\xe2", "\u2010", "x"}
	randomTexts(alphabet, 200000, 30, func(s string) { checkDatelineParts(t, s) })
}

func FuzzDatelineParts(f *testing.F) {
	for _, s := range []string{", Oman (AP) —", ", Calif., Oct. 4 (Xinhua) --", ". 9. /TASS/.", ", 12th -",
		" (" + strings.Repeat("é", 40) + ")", ", A B C D", "\v,\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDatelineParts(t, s)
	})
}

// checkMayBeDateline tells t when mayBeDateline or wordsThenLower rules out line, or line with
// no space at its start, that readDateline takes.
func checkMayBeDateline(t *testing.T, g *Gazetteer, line string) {
	t.Helper()
	line = strings.TrimSpace(line)
	p, ok := g.readDateline(line)
	if ok && !mayBeDateline(line) {
		t.Errorf("mayBeDateline(%q) = false, but its dateline is %s", line, p.Name)
	}
	if ok && g.wordsThenLower(line) {
		t.Errorf("wordsThenLower(%q) = true, but its dateline is %s", line, p.Name)
	}
}

// TestMayBeDateline checks that mayBeDateline rules out no line whose dateline readDateline
// reads: the first lines of the shared documents (when they are there), generated datelines and
// random strings of the characters that tell them apart.
func TestMayBeDateline(t *testing.T) {
	g := gazetteer(t)
	var lines []string
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		for i, line := range strings.SplitN(d.Text, "\n", 6) {
			if i < 5 {
				lines = append(lines, line[:min(len(line), 300)])
			}
		}
	}
	places := []string{"TEHRAN", "Tehran", "NEW DELHI", "New Delhi", "Washington", "WASHINGTON, D.C.",
		"São Paulo", "SÃO PAULO", "Muscat", "Kyiv", "İstanbul", "Rio de Janeiro", "KANSAS CITY"}
	tails := []string{"", " –", " —", " -", ":", " (Reuters) -", ", Oman (AP) —", ", Nov. 9 /TASS/",
		", Oct 4, IRNA --", ", Oman", ", Calif.", ", KS", " Oman", "\tx", " ,", ", Oct. 4", ". 9."}
	for _, p := range places {
		for _, tail := range tails {
			lines = append(lines, p+tail, p+tail+" The minister said ...")
		}
	}
	taken := 0
	for _, line := range lines {
		if _, ok := g.readDateline(strings.TrimSpace(line)); ok {
			taken++
		}
		checkMayBeDateline(t, g, line)
	}
	if taken < len(places) {
		t.Errorf("only %d of %d lines have a dateline", taken, len(lines))
	}
	pieces := []string{"Tehran", "TEHRAN", "Oman", "OMAN", "Ab", "a", "A", "É", "é", " ", ",", ".",
		"-", "–", "—", ":", "(", ")", "/", "AP", "4", "Oct", "\xe2", "\xff", "\u00a0"}
	randomTexts(pieces, 100000, 8, func(s string) { checkMayBeDateline(t, g, s) })
	// words in lower case after names, joined to them or not, for wordsThenLower
	pieces = []string{"Tehran", "TEHRAN", "Oman", "Sana'a", "Nur", "Sultan", "Rio", "de", "Janeiro",
		"Washington", "D.C", "New", "York", "Kansas", "City", "a", "A", "said", "x", "s", "'s", "’s",
		"é", "É", " ", "  ", ",", ".", "-", "'", "`", "’", "–", ":", "(", "/", "4", "\t", "\v", "\xff"}
	randomTexts(pieces, 200000, 12, func(s string) { checkMayBeDateline(t, g, s) })
}

// TestWordsThenLower checks wordsThenLower on lines of each kind, with the gazetteer's maxWords.
func TestWordsThenLower(t *testing.T) {
	g := gazetteer(t)
	lower := strings.Repeat("word ", g.maxWords)
	for _, c := range []struct {
		line string
		want bool
	}{
		{"A spokesman for the ministry said that the talks were held in the city", true},
		{"A spokesman for the ministry said on Monday that the talks", false}, // a capital after "on"
		{lower + "x", true},
		{strings.Repeat("word ", g.maxWords-1) + "word", false}, // the last word ends the line
		{strings.Repeat("word ", g.maxWords-1) + "word: x", false},
		{"Tehran said " + lower + "x", true},
		{"Tehran said", false},
		{"Tehran, said " + lower + "x", true},
		{"Tehran,. said " + lower + "x", true},
		{"Tehran - said " + lower + "x", false},
		{"Tehran said " + lower + "X", true}, // after the words read
		{"Tehran Said " + lower + "x", false},
		{"Tehran\vsaid " + lower + "x", false}, // \v is not a regexp space
		{"Tehran's said " + lower + "x", true},
		{"Tehran’s said " + lower + "x", false}, // outside ASCII
		{"Tehran-é said " + lower + "x", false},
		{"Tehran-x said " + lower + "x", true},
		{"Tehran-" + lower + "x", true},
		{"São Paulo said " + lower + "x", false},
		{"Москва – " + lower + "x", false}, // a word outside ASCII first
		{"Sao paulo é " + lower + "x", false},
		{"Sao paulo " + lower + "é", true}, // after the words read
		{"Sao Paulo", false},
		{"", false},
	} {
		if got := g.wordsThenLower(c.line); got != c.want {
			t.Errorf("wordsThenLower(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func FuzzMayBeDateline(f *testing.F) {
	g := gazetteer(f)
	for _, s := range []string{"TEHRAN", "Tehran –", "MUSCAT, Oman", "Tehran, Oct 4, IRNA --",
		"Damascus is old.", "KABUL —The Taliban"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		checkMayBeDateline(t, g, line)
	})
}

// randomTexts calls fn with n strings of fewer than maxPieces pieces each, chosen at random (seeded).
func randomTexts(pieces []string, n, maxPieces int, fn func(string)) {
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for range n {
		b.Reset()
		for k := rng.Intn(maxPieces); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		fn(b.String())
	}
}
