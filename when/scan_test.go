package when

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/corpus"
	"github.com/dyad-events/dyad/ingest/ingesttest"
	"github.com/dyad-events/dyad/text"
)

// scanSentences returns sentences to compare the scanners with the regular expressions on:
// generated articles, and random strings of the words and marks the patterns care about.
func scanSentences(t *testing.T) []string {
	var out []string
	g, err := corpus.New(7)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.Articles(300) {
		for _, s := range text.Sentences(a.Text) {
			out = append(out, s.Text)
		}
	}
	pieces := []string{"Monday", "mon.", "Tues", "THURSDAY", "thurs,", "the", "The", "day", "before",
		"yesterday", "after", "tomorrow", "today", "tonight", "this", "This", "morning", "last", "LAST",
		"night", "next", "coming", "past", "earlier", "later", "week", "month", "year", "years", "ago",
		"a", "an", "one", "twelve", "12", "3", "31st", "2nd", "of", "in", "In", "during", "early", "mid",
		"mid-", "late-", "midMarch", "lateMay", "May", "may", "MAY", "March", "Sept.", "Sep", "Oct.", "dec",
		"December", "2017", "1999", "2017-10-05", "2017-10-5", "20171005", "1888", "2101", ",", ", ",
		";", ":", ": ", "(", ")", "[", "]", " - ", " -- ", " – ", " — ", "—", "–", "-", ", which",
		", Which", ", WHO", ", whom", ", whoever", ", as", ",  as", ",as", ", saying", ", stressing",
		", asking", "\u00a0", "\u202f", "_", "x", "Syria", "said", "met", "é", "\u017f", "\n", "\t"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(14) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestFindAllMatchesRegexp(t *testing.T) {
	for _, s := range scanSentences(t) {
		if foldsOutsideASCII(s) {
			continue
		}
		cs := candidates(s, nil)
		for i, p := range patterns {
			want := p.re.FindAllStringSubmatchIndex(s, -1)
			var got [][]int
			for _, idx := range findAll(i, s, cs, nil) {
				got = append(got, raw(i, idx))
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pattern %d in %q: got %v, want %v", i, s, got, want)
			}
		}
	}
}

func TestClauseBreaksMatchRegexp(t *testing.T) {
	for _, s := range scanSentences(t) {
		checkClauseBreaks(t, s)
	}
	// every word that may open a clause after a comma (isSubordinator), in any case, and words
	// that are not one
	for _, w := range []string{"which", "who", "whom", "whose", "where", "while", "whereas", "but",
		"after", "before", "when", "since", "although", "though", "because", "saying", "adding", "noting",
		"stressing", "as", "Which", "WHEREAS", "Stressing", "aS", "whichever", "wh", "a", "as_", "asking",
		"butter", "stressings", "stressin", "the", "and", "said", "w", "", "as1", "when-", "whoseé"} {
		checkClauseBreaks(t, "They met, "+w+" x")
		checkClauseBreaks(t, "They met,"+w)
	}
}

// checkClauseBreaks checks that clauseBreaks finds in s the breaks clauseBreak matches.
func checkClauseBreaks(t *testing.T, s string) {
	t.Helper()
	var want []int
	for _, loc := range clauseBreak.FindAllStringIndex(s, -1) {
		want = append(want, loc[0])
	}
	if got := clauseBreaks(s, 0, len(s), nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: got %v, want %v", s, got, want)
	}
	// and those that start in [start, limit), from each place breakFree may return, as pick asks
	// for them
	for start := range len(s) + 1 {
		if breakFree(s, start) != start {
			continue
		}
		for limit := start; limit <= len(s); limit++ {
			var in []int
			for _, b := range want {
				if start <= b && b < limit {
					in = append(in, b)
				}
			}
			if got := clauseBreaks(s, start, limit, nil); !reflect.DeepEqual(got, in) {
				t.Fatalf("%q in [%d, %d): got %v, want %v", s, start, limit, got, in)
			}
		}
	}
}

// FuzzClauseBreaks compares clauseBreaks with the regular expression on arbitrary text.
func FuzzClauseBreaks(f *testing.F) {
	f.Add("a - b -- c – d —e — f, which g: h; (i) [j]  - k\t-\tl -x ,  as")
	f.Add(" - -  — ,, saying : :x")
	f.Add("x -- y, which z x —x x: y x, as")
	f.Fuzz(func(t *testing.T, s string) {
		checkClauseBreaks(t, s)
	})
}

func TestFindFirstMatchesRegexp(t *testing.T) {
	for _, s := range scanSentences(t) {
		if foldsOutsideASCII(s) {
			continue
		}
		cs := candidates(s, nil)
		for i, p := range patterns {
			want := p.re.FindStringSubmatchIndex(s)
			var got []int
			if idx, ok := findFirst(i, s, cs); ok {
				got = raw(i, idx)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pattern %d in %q: got %v, want %v", i, s, got, want)
			}
		}
	}
}

func TestScanWordsMatchesFeaturesAndCandidates(t *testing.T) {
	for _, s := range scanSentences(t) {
		if foldsOutsideASCII(s) {
			continue
		}
		f, cs, ascii := scanWords(s, nil)
		if want := !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }); ascii != want {
			t.Fatalf("%q: ASCII %v, want %v", s, ascii, want)
		}
		if want := features(s); f != want {
			t.Fatalf("%q: features %b, want %b", s, f, want)
		}
		if want := candidates(s, nil); !reflect.DeepEqual(cs, want) {
			t.Fatalf("%q: candidates %v, want %v", s, cs, want)
		}
	}
}

// candidates is the reference scanWords is checked against: the candidates of s, in a pass of
// its own.
func candidates(s string, out []candidate) []candidate {
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		w := strings.ToLower(s[i:j])
		var k start
		if c := s[i]; c >= '0' && c <= '9' {
			k = startDigit
		} else {
			k = startWords[w]
			if strings.HasPrefix(w, "mid") || strings.HasPrefix(w, "early") || strings.HasPrefix(w, "late") {
				k |= startPart
			}
		}
		if k != 0 {
			out = append(out, candidate{i, k})
		}
		i = j
	}
	return out
}

// TestNumPatterns holds numPatterns, the size of findAt's arrays, to patterns.
func TestNumPatterns(t *testing.T) {
	if numPatterns != len(patterns) {
		t.Fatalf("numPatterns is %d, patterns has %d", numPatterns, len(patterns))
	}
}

// raw returns a match of pattern i as FindStringSubmatchIndex returns it.
func raw(i int, idx index) []int {
	return idx[:2*patternGroups[i].n]
}

// findAll appends to out what patterns[i].re.FindAllStringSubmatchIndex(s, -1) returns, trying
// the pattern only at the candidates cs of s: pattern by pattern, as find once went through the
// candidates, and a check on matchAt and mayMatch apart from findAt's order of work.
func findAll(i int, s string, cs []candidate, out []index) []index {
	want := patterns[i].starts
	from := 0
	for ci, c := range cs {
		if c.pos < from || c.kinds&want == 0 || mayNotMatch(c.kinds&want) && !mayMatch(i, s, cs, ci) {
			continue
		}
		var idx index
		if !matchAt(i, s, c.pos, &idx) {
			continue
		}
		out = append(out, idx)
		from = idx[1]
	}
	return out
}

// checkMatchers compares matchAt with each pattern's anchored regular expression at every byte
// of s.
func checkMatchers(t *testing.T, s string) {
	t.Helper()
	if foldsOutsideASCII(s) {
		return
	}
	for i := range patterns {
		for pos := range len(s) + 1 {
			want := anchored[i].FindStringSubmatchIndex(s[pos:])
			for k := range want {
				if want[k] >= 0 {
					want[k] += pos
				}
			}
			var got []int
			idx := index{7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7} // written over whole by a match, whatever it held
			if matchAt(i, s, pos, &idx) {
				got = raw(i, idx)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pattern %d at %d of %q: got %v, want %v", i, pos, s, got, want)
			}
		}
	}
}

func TestMatchersMatchRegexp(t *testing.T) {
	for _, s := range scanSentences(t) {
		checkMatchers(t, s)
	}
	for _, s := range []string{
		"Thu. the 5th of Oct. 2017", "Thursday,\u00a0October\u202f5, 2017", "mid-October 2017",
		"midOctober", "early  Sept., 2017", "in  last  mid-May", "during early 2015", "an day ago",
		"12 DAYS AGO", "1 daysago", "a weeks  ago", "123 days ago", "this coming Monday night",
		"THIS PAST sunday Evening", "this  coming Monday", "the day before yesterday's", "todays",
		"earlier this year", "later  this month", "coming weeks", "5 Octobers", "5 OCT", "5 OCt 2017",
		"Oct5", "Oct.5", "October 5th2017", "October 05, 2017", "5th of of October", "Monday, the 5",
		"Mondays", "Mon, May 4", "lateMay", "late- May", "mid 2015", "mid-20155", "in 2015_", "x\x80y",
	} {
		checkMatchers(t, s)
	}
}

func FuzzMatchers(f *testing.F) {
	for _, s := range []string{"Thursday, October 5, 2017", "in mid-May", "three days ago",
		"this coming Monday night", "the day after tomorrow", "earlier this month", "5th of Oct. 2017"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMatchers(t, s)
	})
}

// TestKindOf looks up every word of scanKinds, as written, in capitals and capitalised, alone
// and before more text, and words that differ from them by a letter.
func TestKindOf(t *testing.T) {
	for w, want := range scanKinds {
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			for _, rest := range []string{form, form + " and so on", form + "x"} {
				if got, ok := kindOf(form, rest); !ok || got != want {
					t.Errorf("kindOf(%q, %q) = %v, %v; want %v", form, rest, got, ok, want)
				}
			}
		}
		for _, other := range []string{w + "s", w[:len(w)-1], "x" + w, w[:len(w)-1] + "q"} {
			if _, in := scanKinds[strings.ToLower(other)]; in || other == "" {
				continue
			}
			if got, ok := kindOf(other, other+" more"); ok {
				t.Errorf("kindOf(%q) = %v, want none", other, got)
			}
		}
	}
}

// TestScanTokensMatchesScanWords holds scanTokens, which reads a sentence from its tokens, to
// scanWords, and FindTokens to Find.
func TestScanTokensMatchesScanWords(t *testing.T) {
	for _, s := range scanSentences(t) {
		checkFindTokens(t, s, "2017-10-19")
	}
	// the lazy words, which scanTokens adds only where they can matter (addLazy)
	for _, s := range []string{
		"They met the day before yesterday.", "THE DAY AFTER TOMORROW they meet", "the day  before yesterday",
		"bathe day before yesterday", "(the day before yesterday)", "the day before today", "the day after",
		"it was in May, during mid-May and in\u00a0October", "in\u202f2015 and IN  2016", "within May",
		"in the May", "in in May", "in last May", "in early 2015", "in 2015-10-05", "during, May",
		"in’in May", "x’the day before yesterday", "in\nMay", "in May two days ago", "an hour, a week ago",
		"Eleven weeks ago, in March", "in one week", "the day before yesterday, three years ago",
		// words that begin with early, mid or late, which skipWords passes over unless they can
		// begin a pattern (partMonthWords)
		"midOctober 2015", "in lateMay and earlySept. 2015", "LATEOCTOBER", "midOct, 2015", "midoctober",
		"Lately, in May", "midnight on October 5", "the Middle East in mid-March", "mid March", "late 2015",
		"in Midway 2015", "during EarlyJune", "in lateJuneau", "earlyDec 2015", "MidMay", "lated May",
		// a month or a year alone, where findAt does not try the month alone or the year alone
		// (bareKinds)
		"May 2015 in May, MAY and in 2015 2016", "the 2015 budget in 2016", "Sept. 2015 and in Sept.",
		"March 2015 and March, last March", "2015-10-05 in 2015", "1999 2000 early 2001", "in\u00a02015 May",
	} {
		checkFindTokens(t, s, "2017-10-19")
	}
	// and the sentences of the shared seeds and evaluation sets, when they are there
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		for _, s := range text.Sentences(d.Text) {
			checkFindTokens(t, s.Text, "2017-10-19")
		}
	}
}

func checkFindTokens(t *testing.T, s, pub string) {
	t.Helper()
	const base = 5
	toks := text.AppendTokens(nil, s, base)
	if !foldsOutsideASCII(s) {
		f, cs, ascii := scanWords(s, nil)
		tf, tcs, tascii := scanTokens(s, base, toks, nil)
		if f != tf || !reflect.DeepEqual(usable(s, cs, f), usable(s, tcs, tf)) || ascii != tascii {
			t.Fatalf("%q: scanTokens %b %v %v, scanWords %b %v %v", s, tf, tcs, tascii, f, cs, ascii)
		}
	}
	sent := text.Sentence{Start: base, End: base + len(s), Text: s}
	got, want := FindTokens(sent, toks, pub), Find(s, pub)
	// Find's candidates, tried by findAt, find what the regular expressions find pattern by pattern
	if regexps := clone(find(nil, s, features(s), nil, true, ReadPub(pub))); !reflect.DeepEqual(want, regexps) {
		t.Fatalf("%q: Find %v, the regular expressions %v", s, want, regexps)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: FindTokens %v, Find %v", s, got, want)
	}
	// appended after another sentence's expressions, which it leaves as they were
	prev := []Expr{{Start: 1, End: 2, Date: "2017", Precision: "Year", Text: "x"}}
	if app := AppendFindTokens(slices.Clip(prev), sent, toks, ReadPub(pub)); !reflect.DeepEqual(app[1:], want) && len(app[1:])+len(want) > 0 || app[0] != prev[0] {
		t.Fatalf("%q: AppendFindTokens %v, Find %v", s, app, want)
	}
	if quiet(sent, toks) && (want != nil || features(s) != 0) {
		t.Fatalf("%q is quiet, but Find finds %v and features %b", s, want, features(s))
	}
}

// usable returns the candidates of cs, those of sentence s, that can begin a pattern that the
// features f allow, but the lazy words and the words of letters alone that begin with early, mid or
// late and are not partMonthWords: scanTokens leaves out those that can begin none (addLazy,
// skipWords; FindTokens's expressions, compared with Find's, hold it to the rest).
func usable(s string, cs []candidate, f feature) []candidate {
	var out []candidate
	for _, c := range cs {
		w := s[c.pos:wordEnd(s, c.pos)]
		if c.kinds == startPart && !strings.ContainsFunc(w, func(r rune) bool { return !isLetter(byte(r)) || r >= utf8.RuneSelf }) &&
			!slices.Contains(partMonthWords(), strings.ToLower(w)) {
			continue
		}
		if kindSetPatterns[c.kinds]&patternSets[f] != 0 && c.kinds&^lazyKinds != 0 {
			out = append(out, c)
		}
	}
	return out
}

// TestLazyWords holds lazyWord to the words it is meant for.
func TestLazyWords(t *testing.T) {
	var got []string
	for w, wk := range scanKinds {
		if lazyWord(wk) {
			got = append(got, w)
		}
	}
	slices.Sort(got)
	want := []string{"a", "an", "during", "eight", "eleven", "five", "four", "in", "nine", "one", "seven",
		"six", "ten", "the", "three", "twelve", "two"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("lazy words %v, want %v", got, want)
	}
}

// timeWords is TimeWords as a set, for quiet.
var timeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range TimeWords() {
		m[w] = true
	}
	return m
}()

// quiet tells whether every token of s is Quiet, and its end QuietEnd, as a caller that looks up
// the tokens' words in TimeWords sees it.
func quiet(s text.Sentence, toks []text.Token) bool {
	at := s.Start
	for i := range toks {
		if timeWords[toks[i].Lower] || !Quiet(s, at, &toks[i]) {
			return false
		}
		at = toks[i].End
	}
	return QuietEnd(s, at)
}

// TestQuietSentences checks that some sentences of generated articles are quiet, so that
// checkFindTokens's test of Quiet is not idle, and that a digit, a time word or a gap of another
// byte than one space is never quiet.
func TestQuietSentences(t *testing.T) {
	for _, c := range []struct {
		s     string
		quiet bool
	}{
		{"The minister met the president, saying a deal was near.", true},
		{"The minister met the president on Monday.", false},
		{"The minister met the MONDAY president.", false},
		{"The minister met 2 presidents.", false},
		{"The minister met the president in mid-May.", false},
		{"The minister met the president's aide.", false},
		{"The minister met the president.  Today", false},
		{"The minister met the\u202fpresident", false},
		{"The minister met the president. 5", false},
	} {
		toks := text.AppendTokens(nil, c.s, 3)
		if got := quiet(text.Sentence{Start: 3, End: 3 + len(c.s), Text: c.s}, toks); got != c.quiet {
			t.Errorf("%q: quiet %v, want %v", c.s, got, c.quiet)
		}
	}
	n, all := 0, 0
	g, err := corpus.New(3)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.Articles(100) {
		for _, s := range text.Sentences(a.Text) {
			if quiet(s, text.AppendTokens(nil, s.Text, s.Start)) {
				n++
			}
			all++
		}
	}
	if n == 0 || n == all {
		t.Fatalf("%d of %d sentences quiet", n, all)
	}
}

// FuzzFindTokens compares FindTokens with Find on arbitrary text.
func FuzzFindTokens(f *testing.F) {
	f.Add("Assad met Boroujerdi in Damascus on Thursday, noting that", "2017-10-05")
	f.Add("on 4 Oct.\u00a02017, U.S. mid-May_2 Iran's 1,000 \u017fept. 5 é Monday", "2017-10-19")
	f.Add("twelve December last \u202fan, astomorrow, asking Sept. ", "2017-10-19")
	f.Fuzz(func(t *testing.T, s, pub string) {
		checkFindTokens(t, s, pub)
	})
}

// TestFoldsOutsideASCII holds foldsOutsideASCII to strings.Contains.
func TestFoldsOutsideASCII(t *testing.T) {
	for _, s := range append(scanSentences(t), "\u017f", "\u212a", "x\u017f", "\u017fx", "\xbf\u017f", "\x84\u212a",
		"\u2122 \u212a", "\u0144\u00bf", "\u212a\u017f", "\xc5", "\xbf", "\xe2\x84", "\x84\xaa", "") {
		want := strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")
		if got := foldsOutsideASCII(s); got != want {
			t.Errorf("foldsOutsideASCII(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFindTokensAllocs holds FindTokens, and DateAmong's reading of clause breaks, to no
// allocation for a sentence without a time expression and one per expression found (its Date,
// unless dayStrings holds it) plus the slice: a buffer that escaped to the heap would cost every
// sentence.
func TestFindTokensAllocs(t *testing.T) {
	pub := ReadPub("2017-10-19")
	for _, c := range []struct {
		s    string
		want float64
	}{
		{"The minister, who met the president in the capital, said a deal was near.", 0},
		{"The minister met the president in Tehran on Thursday, saying a deal was near.", 1},
	} {
		s := text.Sentence{Start: 3, End: 3 + len(c.s), Text: c.s}
		toks := text.AppendTokens(nil, c.s, 3)
		if got := testing.AllocsPerRun(100, func() { FindTokens(s, toks, "2017-10-19") }); got != c.want {
			t.Errorf("FindTokens(%q): %v allocations, want %v", c.s, got, c.want)
		}
		exprs := FindTokens(s, toks, "2017-10-19")
		if got := testing.AllocsPerRun(100, func() { DateAmong(exprs, c.s, 20, pub) }); got != 0 {
			t.Errorf("DateAmong(%q): %v allocations, want 0", c.s, got)
		}
	}
}

// TestIsWordByte holds isWordByte, a look-up in wordBytes, to the range tests it replaced, on
// every byte.
func TestIsWordByte(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		want := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
		if got := isWordByte(b); got != want {
			t.Errorf("isWordByte(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestPickMatchesAllBreaks holds pick, which reads clause breaks only where they can change its
// choice, to the choice made knowing every break of the sentence (clauseBreak's matches): for the
// expressions Find returns and for random sets of spans, at every trigger.
func TestPickMatchesAllBreaks(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	sentences := append(scanSentences(t)[:3000],
		"On Monday, the minister said; on Tuesday (in Paris) he met the king, who left on Friday.",
		"Yesterday - after talks - they met last week, but on Monday: nothing, since 2015.")
	for _, s := range sentences {
		sets := [][]Expr{Find(s, "2017-10-19")}
		for range 3 {
			var es []Expr
			for range r.IntN(4) {
				a, b := r.IntN(len(s)+1), r.IntN(len(s)+1)
				es = append(es, Expr{Start: min(a, b), End: max(a, b)})
			}
			sets = append(sets, es)
		}
		breaks := clauseBreakStarts(s)
		for _, es := range sets {
			for trigger := -1; trigger <= len(s)+1; trigger++ {
				if got, want := pick(es, s, trigger), pickAllBreaks(es, s, breaks, trigger); got != want {
					t.Fatalf("pick(%v, %q, %d) = %d, want %d", es, s, trigger, got, want)
				}
			}
		}
	}
}

// pickAllBreaks is pick knowing every clause break of sentence, breaks.
func pickAllBreaks(exprs []Expr, sentence string, breaks []int, triggerStart int) int {
	triggerStart = max(0, min(triggerStart, len(sentence)))
	best, bestRank, bestDist := -1, 0, 0
	for i, e := range exprs {
		var rank, dist int
		if e.End > triggerStart {
			if crosses(breaks, triggerStart, e.Start) {
				continue
			}
			rank, dist = 0, max(0, e.Start-triggerStart)
		} else {
			rank, dist = 1, triggerStart-e.End
			if crosses(breaks, e.End, triggerStart) {
				rank = 2
			}
		}
		if best < 0 || rank < bestRank || (rank == bestRank && dist < bestDist) {
			best, bestRank, bestDist = i, rank, dist
		}
	}
	return best
}

// TestBareWeekday holds bareWeekday, which reads an ASCII word by hand, to bareWeekdayOf.
func TestBareWeekday(t *testing.T) {
	for _, s := range []string{"Monday", "monday", "MONDAY", "on Monday", " Monday night", "\tSunday",
		"Mondays", "Monda", "last Monday", "Friday,", "\u00a0Monday", "Monday\u00a0night", "\u017funday",
		"Sunday\u2009", "\u2009Sunday", "Wednesday\u0085", "\u0085Wednesday", "", " ", "Saturday\n",
		"Thursday's", "THURSDAY morning", "Tuesday\vx", "\u212aonday"} {
		if got, want := bareWeekday(s), bareWeekdayOf(s); got != want {
			t.Errorf("bareWeekday(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range scanSentences(t)[:5000] {
		if got, want := bareWeekday(s), bareWeekdayOf(s); got != want {
			t.Fatalf("bareWeekday(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzPick compares pick with the choice knowing every clause break, pickAllBreaks, on arbitrary
// text and spans.
func FuzzPick(f *testing.F) {
	f.Add("On Monday, the minister said; on Tuesday (in Paris) he met the king, who left on Friday.", 40, 3, 9, 60, 75)
	f.Add("Yesterday - after talks - they met last week, but on Monday: nothing, since 2015.", 20, 0, 9, 35, 44)
	f.Fuzz(func(t *testing.T, s string, trigger, a, b, c, d int) {
		var es []Expr
		for _, span := range [][2]int{{a, b}, {c, d}} {
			if 0 <= span[0] && span[0] <= span[1] && span[1] <= len(s) {
				es = append(es, Expr{Start: span[0], End: span[1]})
			}
		}
		if got, want := pick(es, s, trigger), pickAllBreaks(es, s, clauseBreakStarts(s), trigger); got != want {
			t.Fatalf("pick(%v, %q, %d) = %d, want %d", es, s, trigger, got, want)
		}
	})
}

// clauseBreakStarts returns where the matches of clauseBreak in s start.
func clauseBreakStarts(s string) []int {
	var out []int
	for _, loc := range clauseBreak.FindAllStringIndex(s, -1) {
		out = append(out, loc[0])
	}
	return out
}

// TestNextMayBreak holds nextMayBreak, which passes over eight bytes at a time, to a loop over
// every byte, on strings of random bytes from those near the bounds of maybeBreak's ranges, the
// breaks themselves and bytes outside ASCII, at every offset.
func TestNextMayBreak(t *testing.T) {
	bytes := []byte("'()*+,-./09:;<=>@AZ[\\]^_`az{|}~ \t\x7f\x80\xa7\xa8\xbb\xbc\xe2\xff")
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			if r.IntN(4) == 0 {
				b[k] = bytes[r.IntN(len(bytes))]
			} else {
				b[k] = 'a' + byte(r.IntN(26))
			}
		}
		s := string(b)
		for i := range len(s) + 1 {
			want := len(s)
			for k := i; k < len(s); k++ {
				if mayBreak[s[k]] {
					want = k
					break
				}
			}
			if got := nextMayBreak(s, i); got != want {
				t.Fatalf("nextMayBreak(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestFirstDayMatchesRegexp holds firstDay, which reads a line for candidates only up to limit, to
// the patterns' regular expressions over the whole line (firstDayByRegexp), the dates beginning
// after limit left out, for the limits its callers give (0 for a header, placeMax for a dateline)
// and others.
func TestFirstDayMatchesRegexp(t *testing.T) {
	lines := append(scanSentences(t), "TEHRAN, Oct. 4, 2017 (Reuters) -", "October 4, 2017 -",
		"KHARTOUM, May 3 -", "BEIJING, November 9. /TASS/", "Thursday, 5th of October 2017: talks",
		"A long first line of an article that tells of 4 October 2017 and 5 Oct. far beyond the place, "+
			"at more than eighty bytes from its start", strings.Repeat("x ", 39)+"Oct. 4, 2017")
	for _, s := range lines {
		for _, limit := range []int{0, 1, 7, placeMax, len(s)} {
			want, wantOK := firstDayByRegexp(s, 2017)
			if wantOK && want.Start > limit {
				want, wantOK = Expr{}, false
			}
			if got, ok := firstDay(s, 2017, limit); ok != wantOK || got != want {
				t.Fatalf("firstDay(%q, %d) = %v, %v; want %v, %v", s, limit, got, ok, want, wantOK)
			}
		}
	}
}

// firstDayByRegexp is firstDay over the whole of s, by the patterns' regular expressions.
func firstDayByRegexp(s string, year int) (Expr, bool) {
	best, found := Expr{}, false
	for i, p := range patterns[:5] {
		raw := p.re.FindStringSubmatchIndex(s)
		if raw == nil {
			continue
		}
		m := match{s, indexOf(raw), &patternGroups[i]}
		start, end := m.span()
		if found && (start > best.Start || (start == best.Start && end <= best.End)) {
			continue
		}
		d, _, ok := resolve(i, &m, &pubDate{}, false)
		if !ok {
			continue
		}
		if d == "" && year != 0 {
			d = dayInYear(&m, year)
		}
		best, found = Expr{Start: start, End: end, Date: d, Precision: Day, Text: s[start:end]}, true
	}
	return best, found
}

// TestPreBefore holds preBefore, which rules out most candidates by the byte before the space
// before them, to the reading of the spaces and the word before them that it stands for
// (preBeforeSlow), at every place of sentences with and without "in" and "during".
func TestPreBefore(t *testing.T) {
	for _, s := range []string{"in May", "IN May", "iN  May", "din May", "during May", "xduring May",
		"in\u00a0May", "in\u202fMay", "in \u00a0 May", "on May", "1n May", "_n May", "In 2015", "ın May",
		"in", " in ", "n May", "Nn May", "DURING mid-May", "duringMay", "in\tMay", "in\nMay", "man in  in May",
		"\u00a0in May", "é in May", "réin May", "iń May", "in’ May", "N 5", "n\u00a0\u00a0May"} {
		for p := 0; p <= len(s); p++ {
			if got, want := preBefore(s, p), preBeforeSlow(s, p); got != want {
				t.Errorf("preBefore(%q, %d) = %d, want %d", s, p, got, want)
			}
		}
	}
}

// preBeforeSlow is preBefore without its first test.
func preBeforeSlow(s string, p int) int {
	e := p
	for e > 0 {
		if isSpace(s[e-1]) {
			e--
		} else if strings.HasSuffix(s[:e], "\u00a0") {
			e -= len("\u00a0")
		} else if strings.HasSuffix(s[:e], "\u202f") {
			e -= len("\u202f")
		} else {
			break
		}
	}
	if e == p {
		return -1
	}
	q := e
	for q > 0 && isWordByte(s[q-1]) {
		q--
	}
	if w := strings.ToLower(s[q:e]); w == "in" || w == "during" {
		return q
	}
	return -1
}

// TestWordKey holds wordKey's eight bytes at once to reading the word byte by byte (wordEnd and
// the bytes or-ed with 0x20), at every length and place, with every byte value after the word.
func TestWordKey(t *testing.T) {
	slow := func(s string, i int) (uint64, int) {
		end := wordEnd(s, i)
		if end-i > 8 {
			return 0, end
		}
		var key uint64
		for k := range end - i {
			key |= uint64(s[i+k]|0x20) << (8 * k)
		}
		return key, end
	}
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"", "a", "An", "_", "ago", "LAST", "this", "Coming", "earlier", "weeks", "abcdefgh",
		"abcdefghi", "x1_", "2017", "Zz9_aA"}
	for _, w := range words {
		for c := range 256 {
			for pad := range 10 {
				s := "." + w + string([]byte{byte(c)}) + strings.Repeat("k", pad)
				if gk, ge := wordKey(s, 1); true {
					wk, we := slow(s, 1)
					if gk != wk || ge != we {
						t.Fatalf("wordKey(%q, 1) = %x, %d; want %x, %d", s, gk, ge, wk, we)
					}
				}
			}
		}
	}
	for range 200000 {
		b := make([]byte, r.IntN(14))
		for k := range b {
			b[k] = "aZ_09@[`{/:\x80\xff "[r.IntN(14)]
			if r.IntN(4) == 0 {
				b[k] = byte(r.IntN(256))
			}
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			gk, ge := wordKey(s, i)
			wk, we := slow(s, i)
			if gk != wk || ge != we {
				t.Fatalf("wordKey(%q, %d) = %x, %d; want %x, %d", s, i, gk, ge, wk, we)
			}
		}
	}
	if k, _ := wordKey("Last week", 0); k != keyLast {
		t.Fatalf("wordKey(Last) = %x, want keyOf(last) %x", k, keyLast)
	}
}

// TestIsWordKey holds isWordKey to isWordFold on the words of weekdayNames and dayParts in several
// cases, and near misses (a letter more or less, another letter, digits, empty).
func TestIsWordKey(t *testing.T) {
	var words []string
	for _, w := range append(slices.Clone(weekdayNames), dayParts...) {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w[:len(w)-1], w+"s",
			"x"+w, w[:1]+"x"+w[2:], w[:len(w)-1]+"1", "_"+w[1:])
	}
	words = append(words, "", "a", "mon", "wed", "tues", "wednesdays", "afternoons", "12345678", "123456789")
	for _, w := range words {
		s := " " + w + " ."
		key, e := wordKey(s, 1)
		for _, c := range []struct {
			ws   []string
			keys []uint64
		}{{weekdayNames, weekdayKeys}, {dayParts, dayPartKeys}} {
			if got, want := isWordKey(s, 1, e, key, c.ws, c.keys), isWordFold(s[1:e], c.ws); got != want {
				t.Errorf("isWordKey(%q) in %v = %v, want %v", w, c.ws, got, want)
			}
		}
	}
}

// TestHashSlots checks that no two words of hashSlots share a hash (slotOf finds the first), and that
// fastWord's look-up finds what scanTable finds, lazy words left out, for every word of scanKinds in
// several cases and for words of the same letters but one.
func TestHashSlots(t *testing.T) {
	seen := map[uint64]string{}
	for _, e := range hashSlots {
		if e.w == "" {
			continue
		}
		if w, ok := seen[e.h]; ok {
			t.Fatalf("%q and %q share a hash", w, e.w)
		}
		seen[e.h] = e.w
	}
	for w := range scanKinds {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + "s", w[1:], "x" + w[1:], w + w} {
			toks := text.AppendTokens(nil, v, 0)
			if len(toks) != 1 {
				continue
			}
			tok := &toks[0]
			want, _ := scanTable.Find(tok)
			if lazyWord(want) {
				want = wordKinds{}
			}
			var got wordKinds
			if e := slotOf(tok.Hash()); e != nil && e.w == tok.Lower {
				got = e.kinds
			}
			if got != want {
				t.Fatalf("%q: hashSlots has %v, scanTable %v", v, got, want)
			}
		}
	}
}
