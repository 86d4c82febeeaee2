package when

import (
	"regexp"
	"strings"

	"github.com/dyad-events/dyad/text"
)

// Finding time expressions quickly. Every pattern begins at the start of a word, and only a few
// words can begin each (a month, a weekday, "last", a number...). Rather than letting the
// regular expression try every byte of the sentence, Find lists the words that can begin some
// pattern and tries each pattern, anchored, at those words alone. A match of a regular
// expression depends only on where it starts and the text around it, so trying the candidates
// in order and going on after each match finds what FindAllStringSubmatchIndex finds. At each
// candidate the pattern is read by hand where it can be (matchAt, match.go).

// start is a set of kinds of words that can begin a time expression.
type start uint16

const (
	startDigit       start = 1 << iota // a word that begins with a digit
	startWeekday                       // a day of the week, whole or abbreviated
	startWeekdayName                   // a day of the week written whole
	startMonth                         // a month, whole or abbreviated
	startPart                          // early, mid, late (and words that begin with them)
	startPre                           // in, during
	startRel                           // last, this, next
	startComing                        // coming, past
	startEarlier                       // earlier, later
	startDayWord                       // the, yesterday, today, tonight, tomorrow
	startNumber                        // a, an, one to twelve
)

// startWords gives the kinds of each word, in lower case, that can begin an expression.
var startWords = buildStartWords()

// startFilter rules most words out before startWords is looked up.
var startFilter = keysFilter(startWords)

func buildStartWords() map[string]start {
	sw := map[string]start{}
	add := func(k start, ws ...string) {
		for _, w := range ws {
			sw[w] |= k
		}
	}
	add(startWeekday|startWeekdayName, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
	add(startWeekday, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
	add(startMonth, "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec")
	add(startPre, "in", "during")
	add(startRel, "last", "this", "next")
	add(startComing, "coming", "past")
	add(startEarlier, "earlier", "later")
	add(startDayWord, "the", "yesterday", "today", "tonight", "tomorrow")
	add(startNumber, "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve")
	return sw
}

// anchored holds each pattern's expression anchored at the start of the text, in the order of
// patterns.
var anchored = anchor(patterns)

func anchor(ps []pattern) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(ps))
	for i, p := range ps {
		out[i] = regexp.MustCompile(`^(?:` + p.re.String() + `)`)
	}
	return out
}

// candidate is a word where some pattern may begin.
type candidate struct {
	pos   int
	kinds start
}

// isWordByte tells whether c is a word character for `\b`: ASCII letters, digits and '_'.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// wordKinds is what a word in lower case is to features and to candidates.
type wordKinds struct {
	f feature
	k start
}

// scanKinds merges featureWords and startWords, for scanWords.
var scanKinds, scanFilter = buildScanKinds()

func buildScanKinds() (map[string]wordKinds, *text.Filter) {
	m := map[string]wordKinds{}
	for w, f := range featureWords {
		k := m[w]
		k.f = f
		m[w] = k
	}
	for w, st := range startWords {
		k := m[w]
		k.k = st
		m[w] = k
	}
	return m, keysFilter(m)
}

// maxKindWord is the longest word of featureWords and startWords.
var maxKindWord = func() int {
	n := 0
	for w := range scanKinds {
		n = max(n, len(w))
	}
	return n
}()

// kindLengths tells, for each first letter, the lengths of the words of scanKinds that begin
// with it (bit n for n letters): a test of a few instructions that rules out most words
// before scanFilter and scanKinds are asked.
var kindLengths = func() (out [26]uint16) {
	for w := range scanKinds {
		out[w[0]-'a'] |= 1 << len(w)
	}
	return out
}()

// wordBytes are the word characters of `\b`: ASCII letters, digits and '_'.
var wordBytes = func() (out [256]bool) {
	for c := range 256 {
		out[c] = isWordByte(byte(c))
	}
	return out
}()

// scanWords returns features(s) and, appended to out, the words of s that can begin a pattern
// (its candidates), reading s once. A run of word bytes
// that is all letters is one word to both; other runs (with digits or '_') are left to
// features' own reading.
func scanWords(s string, out []candidate) (feature, []candidate) {
	var f feature
	var buf [12]byte // the word in lower case, when it fits
	for i := 0; i < len(s); {
		if !wordBytes[s[i]] {
			i++
			continue
		}
		j := i
		letters := true
		for j < len(s) && wordBytes[s[j]] {
			c := s[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c < 'a' || c > 'z' {
				letters = false
			}
			if j-i < len(buf) {
				buf[j-i] = c
			}
			j++
		}
		if !letters {
			f |= features(s[i:j])
		}
		var k start
		if c := s[i]; c >= '0' && c <= '9' {
			k = startDigit
		} else if n := j - i; n <= len(buf) {
			w := buf[:n]
			if c := w[0]; n <= maxKindWord && 'a' <= c && c <= 'z' && kindLengths[c-'a']&(1<<n) != 0 && scanFilter.Has(string(w)) {
				wk := scanKinds[string(w)]
				k = wk.k
				if letters && n <= 9 {
					f |= wk.f
				}
			}
			if hasPart(w) {
				k |= startPart
			}
		} else if hasPart([]byte(strings.ToLower(s[i : i+5]))) {
			k = startPart
		}
		if k != 0 {
			out = append(out, candidate{i, k})
		}
		i = j
	}
	return f, out
}

// hasPart tells whether a word in lower case begins with early, mid or late.
func hasPart(w []byte) bool {
	if len(w) < 3 || w[0] != 'm' && w[0] != 'e' && w[0] != 'l' {
		return false
	}
	s := string(w)
	return strings.HasPrefix(s, "mid") || strings.HasPrefix(s, "early") || strings.HasPrefix(s, "late")
}

// foldsOutsideASCII tells whether s has a character that case-insensitive matching equates with
// an ASCII letter (the long s, the Kelvin sign): in such a sentence a word may begin a pattern
// without being spelled as the candidates are.
func foldsOutsideASCII(s string) bool {
	return strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")
}

// findAll returns what patterns[i].re.FindAllStringSubmatchIndex(s, -1) returns, trying the
// pattern only at the candidates cs of s.
func findAll(i int, s string, cs []candidate) [][]int {
	var out [][]int
	want := patterns[i].starts
	from := 0
	for ci, c := range cs {
		if c.pos < from || c.kinds&want == 0 || !mayMatch(i, s, cs, ci) {
			continue
		}
		idx := matchAt(i, s, c.pos)
		if idx == nil {
			continue
		}
		out = append(out, idx)
		from = idx[1]
	}
	return out
}

// findFirst returns what patterns[i].re.FindStringSubmatchIndex(s) returns, trying the pattern
// only at the candidates cs of s.
func findFirst(i int, s string, cs []candidate) []int {
	want := patterns[i].starts
	for ci, c := range cs {
		if c.kinds&want == 0 || !mayMatch(i, s, cs, ci) {
			continue
		}
		if idx := matchAt(i, s, c.pos); idx != nil {
			return idx
		}
	}
	return nil
}

// mayMatch rules out, cheaply, some candidates where patterns[i] cannot match (it may still not
// match where it returns true): "in" not followed by what can open the expression, "the" not
// followed by "day", numbers of the wrong length.
func mayMatch(i int, s string, cs []candidate, ci int) bool {
	c := cs[ci]
	want := patterns[i].starts
	if c.kinds&want == startPre {
		// "in", "during": only as the preposition of the expression that follows, after spaces
		k := c.pos
		for k < len(s) && isWordByte(s[k]) {
			k++
		}
		k0 := k
		for k < len(s) {
			switch {
			case isSpace(s[k]):
				k++
				continue
			case strings.HasPrefix(s[k:], "\u00a0"):
				k += len("\u00a0")
				continue
			case strings.HasPrefix(s[k:], "\u202f"):
				k += len("\u202f")
				continue
			}
			break
		}
		return k > k0 && ci+1 < len(cs) && cs[ci+1].pos == k && cs[ci+1].kinds&want&^startPre != 0
	}
	if c.kinds&want == startDayWord && i == dayWordPattern {
		// "the" opens only "the day before yesterday" and "the day after tomorrow"
		if w := s[c.pos:min(len(s), c.pos+3)]; strings.EqualFold(w, "the") {
			return len(s) >= c.pos+8 && strings.EqualFold(s[c.pos:c.pos+8], "the day ")
		}
		return true
	}
	if c.kinds&want == startDigit {
		n := 0
		for k := c.pos; k < len(s) && s[k] >= '0' && s[k] <= '9'; k++ {
			n++
		}
		switch i {
		case isoPattern:
			return n == 4 && c.pos+4 < len(s) && s[c.pos+4] == '-'
		case dayYearPattern, dayPattern:
			return n <= 2
		case yearPattern:
			return n == 4 && (s[c.pos] == '1' && (s[c.pos+1] == '8' || s[c.pos+1] == '9') || s[c.pos] == '2' && s[c.pos+1] == '0')
		}
	}
	return true
}

// The patterns mayMatch knows by their place in patterns.
const (
	isoPattern     = 0
	dayYearPattern = 2
	dayPattern     = 4
	yearPattern    = 7
	dayWordPattern = 9
)

// clauseBreaks returns where the clause breaks of sentence start: the starts of the matches of
// clauseBreak, found by hand. A sentence with a character that folds to an ASCII letter is left to
// the regular expression.
func clauseBreaks(s string) []int {
	var out []int
	if foldsOutsideASCII(s) {
		for _, loc := range clauseBreak.FindAllStringIndex(s, -1) {
			out = append(out, loc[0])
		}
		return out
	}
	for i := 0; i < len(s); {
		if !mayBreak[s[i]] {
			i++
			continue
		}
		if end := clauseBreakAt(s, i); end > i {
			out = append(out, i)
			i = end
			continue
		}
		i++
	}
	return out
}

// mayBreak are the bytes that clauseBreakAt may find a break at: the punctuation of clauseBreak,
// its spaces and the first byte of its dashes.
var mayBreak = func() (out [256]bool) {
	for _, c := range []byte(";:()[], \t\n\f\r") {
		out[c] = true
	}
	out["—"[0]] = true
	return out
}()

// isSpace is `\s` of the regexp package.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// clauseBreakAt returns the end of the clause break that starts at byte i of s, or i when none
// does.
func clauseBreakAt(s string, i int) int {
	switch c := s[i]; {
	case c == ';', c == '(', c == ')', c == '[', c == ']':
		return i + 1
	case c == ':':
		if i+1 < len(s) && isSpace(s[i+1]) {
			return i + 2
		}
	case strings.HasPrefix(s[i:], "—"):
		return i + len("—")
	case isSpace(c):
		j := i + 1
		for j < len(s) {
			if s[j] == '-' {
				j++
			} else if strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—") {
				j += len("—")
			} else {
				break
			}
		}
		if j > i+1 && j < len(s) && isSpace(s[j]) {
			return j + 1
		}
	case c == ',':
		j := i + 1
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j == i+1 {
			return i
		}
		k := j
		for k < len(s) && isWordByte(s[k]) {
			k++
		}
		if k-j <= len("stressing") && subordinators[strings.ToLower(s[j:k])] {
			return k
		}
	}
	return i
}

// subordinators are the words after a comma that open a clause in clauseBreak.
var subordinators = map[string]bool{"which": true, "who": true, "whom": true, "whose": true,
	"where": true, "while": true, "whereas": true, "but": true, "after": true, "before": true,
	"when": true, "since": true, "although": true, "though": true, "because": true,
	"saying": true, "adding": true, "noting": true, "stressing": true, "as": true}

// lowerInto copies the ASCII word w, lower-cased, into buf (which it fits) and returns it, so
// that looking it up allocates nothing.
func lowerInto(buf *[12]byte, w string) []byte {
	n := copy(buf[:], w)
	for x := range n {
		if c := buf[x]; c >= 'A' && c <= 'Z' {
			buf[x] = c + 'a' - 'A'
		}
	}
	return buf[:n]
}
