// Package when dates news text: the publication date of an article, the time expressions of a
// sentence ("on Thursday", "last month", "4 October 2017") resolved against that date, and the
// date of an event from the expressions around its trigger.
//
// Dates are ISO 8601 strings written at the precision the text gives:
//
//	"2017-10-05"  day      ("on Thursday", "yesterday", "Oct. 5", "5 October 2017")
//	"2017-W40"    week     ("last week", "two weeks ago": an ISO 8601 week)
//	"2017-10"     month    ("last month", "earlier this month", "in October")
//	"2017"        year     ("last year", "in 2015")
//
// so a date says how precise it is; Span turns any of them into the days it covers.
//
// Relative expressions are resolved against the publication date, the way news uses them:
//
//   - A weekday ("Thursday", "on Thursday") is the latest such day on or before publication: an
//     article published on a Thursday that says "on Thursday" means that day. "last Thursday" is
//     the latest one strictly before publication, "next Thursday" ("this coming Thursday") the first
//     one after.
//   - "today", "tonight", "this morning" are the publication day, "yesterday" and "last night" the
//     day before; "this week/month/year" and "earlier (later) this ..." the publication's week,
//     month or year; "last ..." the one before, "next ..." the one after; "three days ago" and the
//     like count back from publication.
//   - A day and month without a year ("October 4", "4 Oct.") take the publication's year, or the
//     year before when that would put the day more than 61 days after publication (or the year
//     after, for a date early in January reported in late December). "in October" is resolved
//     the same way, from the month's first day.
//
// Without a publication date only absolute dates ("4 October 2017", "2017-10-04", "in 2015")
// resolve; the others are still found, with an empty Date. Future references after "will" ("will
// meet on Monday") are not told apart from past ones: "on Monday" is always the latest Monday.
package when

import (
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/text"
)

// Precisions of a date, from the finest.
const (
	Day   = "day"
	Week  = "week"
	Month = "month"
	Year  = "year"
)

// futureWindow is how far after publication a date written without its year may fall: "December
// 15" in an article of 19 October is this year's, "December 25" last year's.
const futureWindow = 61 * 24 * time.Hour

// futureDays is futureWindow in days.
const futureDays = int(futureWindow / (24 * time.Hour))

const dayLayout = "2006-01-02"

// Expr is a time expression in a sentence.
type Expr struct {
	Start, End int    // byte offsets within the sentence
	Date       string // the resolved date, written at Precision; "" when it cannot be resolved
	Precision  string // Day, Week, Month or Year
	Text       string // sentence[Start:End]
}

// Published returns an article's publication date (YYYY-MM-DD) and where it came from: "published"
// when the input's published field gives it, "text" when the top of the text does (a header such
// as "date 2017-10-19" or "Published: 19 October 2017", or a dateline with a date such as
// "TEHRAN, Oct. 4, 2017 (Reuters) -" or "October 4, 2017 -"), or "" and "unknown".
//
// The published field may be a date (2017-10-19, 2017/10/19), an RFC 3339 time (its date as
// written, in its own time zone), a feed's time ("Thu, 19 Oct 2017 10:00:00 GMT") or a date in
// words ("October 19, 2017", "19 Oct 2017"). A dateline without a year ("BEIJING, November 9.
// /TASS/") gives a date only when the published field gives the year alone ("2017").
func Published(published, text string) (date string, source string) {
	published = strings.TrimSpace(published)
	if d, ok := parseDate(published); ok {
		return d, "published"
	}
	year := 0
	if m := yearOnly.FindStringSubmatch(published); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	if d := textDate(text, year); d != "" {
		return d, "text"
	}
	return "", "unknown"
}

// ReadsPublished tells whether Published reads a date, or at least a year ("2017", "2017-10"),
// from the published field published; false for "" and for a field it cannot read, whose
// document's dates then come from its text alone.
func ReadsPublished(published string) bool {
	published = strings.TrimSpace(published)
	if _, ok := parseDate(published); ok {
		return true
	}
	return yearOnly.MatchString(published)
}

// yearOnly reads the year of a published field that gives no day ("2017", "2017-10").
var yearOnly = regexp.MustCompile(`^((?:1[89]|2\d)\d\d)\b`)

// Layouts of published fields that the date patterns below do not read: times with a two-digit
// year or with the year after the time.
var layouts = []string{
	time.RFC850,                    // Thursday, 19-Oct-17 10:00:00 UTC
	time.ANSIC,                     // Thu Oct 19 10:00:00 2017
	time.UnixDate,                  // Thu Oct 19 10:00:00 UTC 2017
	time.RubyDate,                  // Thu Oct 19 10:00:00 +0000 2017
	"Mon, 2 Jan 06 15:04:05 MST",   // RFC 822 with a weekday
	"Mon, 2 Jan 06 15:04:05 -0700", // RFC 822 with a numeric zone
	"2 Jan 06 15:04 MST",           // RFC 822
	"2006/01/02",                   // slashes
	"2006/01/02 15:04:05",          // slashes with a time
	"2006.01.02",                   // dots
	"20060102",                     // compact
	"20060102T150405Z0700",         // compact with a time
}

// parseDate reads a published field: YYYY-MM-DD at its start (RFC 3339 and the like), one of the
// layouts, or a full date anywhere in it.
func parseDate(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	if len(s) >= 10 {
		// most fields are a day written YYYY-MM-DD, which time.Parse would read and Format write
		// back as it is: it is told valid by hand (isoDay accepts what time.Parse accepts)
		if _, _, _, ok := isoDay(s[:10]); ok && (len(s) == 10 || strings.ContainsRune("Tt _", rune(s[10]))) {
			return s[:10], true
		}
		if t, err := time.Parse(dayLayout, s[:10]); err == nil && (len(s) == 10 || strings.ContainsRune("Tt _", rune(s[10]))) {
			return t.Format(dayLayout), true
		}
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(dayLayout), true
		}
	}
	has := features(s)
	for i, p := range patterns[:3] { // the full dates: ISO, month day year, day month year
		if has&p.needs != p.needs {
			continue
		}
		for _, raw := range p.re.FindAllStringSubmatchIndex(s, -1) {
			if d, prec, ok := resolve(i, &match{s, indexOf(raw), &patternGroups[i]}, &pubDate{}, false); ok && prec == Day && d != "" {
				return d, true
			}
		}
	}
	return "", false
}

// How far into the text to look for its date.
const (
	topLines = 5   // non-empty lines
	topBytes = 800 // bytes
	lineCut  = 300 // bytes of one line
	placeMax = 80  // bytes of a dateline's place
)

var header = regexp.MustCompile(`^(?i:date|dated|published(?: on)?|posted(?: on)?|updated|last updated|first published(?: on)?)\s*[:\-–—]?\s*`)

// datelineEnd follows the date of a dateline: an optional time, then the end of the line, an
// agency in parentheses or slashes, or a dash.
var datelineEnd = regexp.MustCompile(`^(?:,?\s*\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?i:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}\b)?)?\s*[.,]?\s*(?:$|[(\[/|:\-–—])`)

// textDate finds a publication date at the top of text: a header line or a dateline. year, when
// not 0, completes a date written without one.
func textDate(text string, year int) string {
	if len(text) > topBytes {
		text = text[:topBytes]
	}
	n := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimLeftFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if line == "" {
			continue
		}
		if n++; n > topLines {
			break
		}
		if len(line) > lineCut {
			line = line[:lineCut]
		}
		if loc := header.FindStringIndex(line); loc != nil {
			if e, ok := firstDay(line[loc[1]:], year, 0); ok && e.Start == 0 && e.Date != "" {
				return e.Date
			}
			continue
		}
		if d := dateline(line, year); d != "" {
			return d
		}
	}
	return ""
}

// firstDay returns the earliest date with a day in s that begins at or before byte limit: a full
// date, or a day and month completed with year (when year is 0, its Date is ""). A date that begins
// after limit is of no use to the callers (a header's date begins the rest of its line, a dateline's
// lies within placeMax bytes of its start), and s is read for candidates only up to it; the patterns
// are then tried there whatever features s has, which would only rule some out.
func firstDay(s string, year, limit int) (Expr, bool) {
	best, found := Expr{}, false
	// the leftmost match of each pattern: at the first candidate where it matches (see scan.go)
	var buf [32]candidate
	var cs []candidate
	has, slow := ^feature(0), foldsOutsideASCII(s)
	if slow {
		has = features(s)
	} else {
		cut := min(limit, len(s)) // the end of the word at limit: a candidate's word is read whole
		for cut < len(s) && isWordByte(s[cut]) {
			cut++
		}
		_, cs, _ = scanWords(s[:cut], buf[:0])
	}
	for i, p := range patterns[:5] { // the dates with a day
		if has&p.needs != p.needs {
			continue
		}
		var idx index
		ok := false
		if slow {
			if raw := p.re.FindStringSubmatchIndex(s); raw != nil {
				idx, ok = indexOf(raw), true
			}
		} else {
			idx, ok = findFirst(i, s, cs)
		}
		if !ok {
			continue
		}
		m := match{s, idx, &patternGroups[i]}
		start, end := m.span()
		if start > limit || found && (start > best.Start || (start == best.Start && end <= best.End)) {
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

// dateline reads "PLACE, DATE" or "DATE" at the start of line, followed by the end of the line, an
// agency or a dash.
func dateline(line string, year int) string {
	e, ok := firstDay(line, year, placeMax)
	if !ok || e.Date == "" || e.Start > placeMax || !isPlace(line[:e.Start]) || !datelineEnd.MatchString(line[e.End:]) {
		return ""
	}
	return e.Date
}

// placeStops are words that open a sentence rather than a dateline ("On October 4, ...").
var placeStops = map[string]bool{"On": true, "In": true, "By": true, "Since": true, "Until": true,
	"From": true, "Before": true, "After": true, "During": true, "Through": true, "As": true, "At": true}

// placeLinks are the words in lower case that a place's name may have ("Rio de Janeiro").
var placeLinks = map[string]bool{"de": true, "del": true, "da": true, "do": true, "di": true,
	"al": true, "el": true, "la": true, "le": true, "of": true, "on": true, "upon": true}

// isPlace tells whether s could be the place of a dateline: at most six words, the first
// capitalised and not a preposition, the others capitalised or linking words.
func isPlace(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '/' })
	if len(words) > 6 {
		return false
	}
	for i, w := range words {
		r := []rune(w)[0]
		switch {
		case i == 0 && (placeStops[w] || !unicode.IsUpper(r)):
			return false
		case unicode.IsUpper(r), placeLinks[w]:
		default:
			return false
		}
	}
	return true
}

// Find returns the time expressions of sentence in order, resolved against the publication date
// pub (YYYY-MM-DD, or "" when unknown). Expressions do not overlap; where two candidates do, the
// one that starts first, then the longer, is kept ("Thursday, October 5, 2017" is one).
func Find(sentence string, pub string) []Expr {
	var buf [32]candidate
	has, cs, slow := scan(sentence, buf[:0])
	if has == 0 {
		return nil // every pattern needs some feature (and the publication date is not read)
	}
	var exprBuf [4]Expr
	return clone(find(exprBuf[:0], sentence, has, cs, slow, ReadPub(pub)))
}

// FindTokens is Find for a sentence already split into tokens: toks are text.AppendTokens of
// s.Text at s.Start. It returns what Find(s.Text, pub) returns, reading the words from the tokens.
func FindTokens(s text.Sentence, toks []text.Token, pub string) []Expr {
	var exprBuf [4]Expr
	return clone(AppendFindTokens(exprBuf[:0], s, toks, ReadPub(pub)))
}

// Pub is a publication date as ReadPub reads it, for AppendFindTokens, DateAmong, DateAhead and
// CarryAmong: read once for a document rather than once for each of its sentences and events.
type Pub struct {
	date pubDate
	ok   bool
	day  string // the date written YYYY-MM-DD (pubDay), when ok
}

// ReadPub reads the publication date pub (YYYY-MM-DD, any form Published reads, or "").
func ReadPub(pub string) Pub {
	p, ok := readPubDate(pub)
	if !ok {
		return Pub{}
	}
	day, _ := pubDay(pub) // (ok as readPubDate's: both read pub as pubTime does)
	return Pub{p, true, day}
}

// AppendFindTokens is FindTokens appending the expressions to dst, so that a caller that keeps
// those of many sentences can keep them in one slice, and that reads the publication date once
// for a document (ReadPub).
func AppendFindTokens(dst []Expr, s text.Sentence, toks []text.Token, pub Pub) []Expr {
	if len(toks) > 0 && (toks[0].Start < s.Start || toks[len(toks)-1].End > s.Start+len(s.Text)) {
		var buf [32]candidate // not the sentence's tokens: as Find
		has, cs, slow := scan(s.Text, buf[:0])
		return find(dst, s.Text, has, cs, slow, pub)
	}
	// news sentences have one or two candidates, a handful at most (none of the 25,000 sentences
	// with a time expression of the bench corpus more than eight); more go to the heap. (The
	// buffer is cleared for each sentence: a larger one costs more than the rare allocation.)
	var buf [8]candidate
	has, cs, ascii := scanTokens(s.Text, s.Start, toks, buf[:0])
	if !ascii && foldsOutsideASCII(s.Text) {
		return find(dst, s.Text, features(s.Text), nil, true, pub)
	}
	if has == 0 {
		return dst // every pattern needs some feature
	}
	return findAt(dst, s.Text, has, cs, pub)
}

// clone returns a copy of exprs, nil when it is empty.
func clone(exprs []Expr) []Expr {
	if len(exprs) == 0 {
		return nil
	}
	return slices.Clone(exprs)
}

// find appends to dst the expressions of a sentence whose features and candidates scan has found.
// Text that folds outside ASCII (slow) is left to the regular expressions, each pattern over the
// whole sentence in turn; other text to findAt.
func find(dst []Expr, sentence string, has feature, cs []candidate, slow bool, pub Pub) []Expr {
	if has == 0 {
		return dst // every pattern needs some feature
	}
	if !slow {
		return findAt(dst, sentence, has, cs, pub)
	}
	p, havePub := pub.date, pub.ok
	n := len(dst)
	for _, i := range patternsFor[has] {
		pt := &patterns[i]
		for _, raw := range pt.re.FindAllStringSubmatchIndex(sentence, -1) {
			m := match{sentence, indexOf(raw), &patternGroups[i]}
			date, prec, ok := resolve(i, &m, &p, havePub)
			if !ok {
				continue
			}
			start, end := m.span()
			dst = append(dst, Expr{Start: start, End: end, Date: date, Precision: prec, Text: sentence[start:end]})
		}
	}
	out := dst[n:]
	slices.SortStableFunc(out, func(a, b Expr) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	kept := out[:0]
	for _, e := range out {
		if len(kept) > 0 && e.Start < kept[len(kept)-1].End {
			continue
		}
		kept = append(kept, e)
	}
	return dst[:n+len(kept)]
}

// findAt is find for text that folds within ASCII, whose candidates are cs. It finds what the
// regular expressions find, pattern by pattern, but goes through the candidates once: at each it
// tries the patterns that can begin with its word and that the sentence's features allow, in the
// order of patterns, each only from where its latest match ended (as FindAll goes on). The
// expressions are then put in find's order: by start, the longer first, then by pattern (find's
// stable sort of the patterns' expressions, appended pattern by pattern).
func findAt(dst []Expr, s string, has feature, cs []candidate, pub Pub) []Expr {
	allowed := patternSets[has]
	var from [numPatterns]int // where the next match of each pattern may start
	var patBuf [8]uint8
	pats := patBuf[:0] // the pattern of each expression appended
	n := len(dst)
	p, havePub := pub.date, pub.ok
	m := match{s: s} // each match in turn
	for ci := range cs {
		c := &cs[ci]
		for set := kindSetPatterns[c.kinds] & allowed; set != 0; set &= set - 1 {
			i := bits.TrailingZeros16(set)
			if c.pos < from[i] {
				continue
			}
			k := c.kinds & patterns[i].starts
			if k == bareKinds[i] || mayNotMatch(k) && !mayMatch(i, s, cs, ci) {
				continue
			}
			if !matchAt(i, s, c.pos, &m.idx) {
				continue
			}
			from[i] = m.idx[1]
			m.g = &patternGroups[i]
			date, prec, ok := resolve(i, &m, &p, havePub)
			if !ok {
				continue
			}
			start, end := m.span()
			dst = append(dst, Expr{Start: start, End: end, Date: date, Precision: prec, Text: s[start:end]})
			pats = append(pats, uint8(i))
		}
	}
	out := dst[n:]
	// insertion sort: a sentence has a few, mostly in order already
	for k := 1; k < len(out); k++ {
		for j := k; j > 0 && before(&out[j], pats[j], &out[j-1], pats[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
			pats[j], pats[j-1] = pats[j-1], pats[j]
		}
	}
	// those that overlap one kept before them dropped, the others moved up only when one was
	kept := 0
	for k := range out {
		if kept > 0 && out[k].Start < out[kept-1].End {
			continue
		}
		if kept != k {
			out[kept] = out[k]
		}
		kept++
	}
	return dst[:n+kept]
}

// bareKinds gives, for the month alone and the year alone, the kinds of a candidate where they
// find nothing: a month's name (and nothing else) or a number, where they can match only the month
// or the year itself, without the "in", "last" or "early" before it that makes it an expression
// (monthOnly, yearOnlyExpr). Such a match ends with the candidate's word, in which no other
// candidate begins, so that findAt passes over it without trying. It is 0 for the other patterns.
var bareKinds = [numPatterns]start{6: startMonth, 7: startDigit}

// before tells whether the expression a of pattern pa comes before b of pattern pb in find's
// order.
func before(a *Expr, pa uint8, b *Expr, pb uint8) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End > b.End
	}
	return pa < pb
}

// numPatterns is len(patterns).
const numPatterns = 12

// patternSets gives, for each set of features a sentence may have, the patterns that need no
// other (patternsFor), as bits (bit i for patterns[i]).
var patternSets = func() (out [agoWord << 1]uint16) {
	for has, ps := range patternsFor {
		for _, i := range ps {
			out[has] |= 1 << i
		}
	}
	return out
}()

// kindSetPatterns gives, for each set of kinds of words, the patterns that can begin with a word
// of one of them, as bits.
var kindSetPatterns = func() (out [startNumber << 1]uint16) { // startNumber is the last kind
	for k := range out {
		for i, p := range patterns {
			if p.starts&start(k) != 0 {
				out[k] |= 1 << i
			}
		}
	}
	return out
}()

// patternsFor lists, for each set of features a sentence may have, the patterns (by their place
// in patterns, in order) that need no other: find tries those alone.
var patternsFor = func() (out [agoWord << 1][]int) { // agoWord is the last feature
	for has := range out {
		for i, pt := range patterns {
			if feature(has)&pt.needs == pt.needs {
				out[has] = append(out[has], i)
			}
		}
	}
	return out
}()

// scan reads s once for what its patterns need: the features present and, for ASCII-folding
// text, the candidate places each pattern may match at (appended to buf). slow reports text
// whose case folding leaves ASCII, which only the regular expressions read rightly.
func scan(s string, buf []candidate) (has feature, cs []candidate, slow bool) {
	has, cs, ascii := scanWords(s, buf)
	if !ascii && foldsOutsideASCII(s) {
		return features(s), nil, true
	}
	return has, cs, false
}

// pubTime reads a publication date given as YYYY-MM-DD (or any form Published reads).
func pubTime(pub string) (time.Time, bool) {
	c := pubEntryOf(pub)
	return c.t, c.ok
}

// pubDate is a publication date as the resolving functions read it: its day, and the number of
// that day (days since 1970-01-01, daysFrom).
type pubDate struct {
	y int
	m time.Month
	d int
	n int
}

// readPubDate reads pub as pubTime does.
func readPubDate(pub string) (pubDate, bool) {
	if y, m, d, ok := isoDay(pub); ok {
		return newPubDate(y, time.Month(m), d), true
	}
	t, ok := pubTime(pub)
	if !ok {
		return pubDate{}, false
	}
	return newPubDate(t.Date()), true
}

// newPubDate returns the pubDate of the day y-m-d.
func newPubDate(y int, m time.Month, d int) pubDate {
	return pubDate{y, m, d, daysFrom(y, m, d)}
}

// daysFrom returns the number of the day y-m-d, a valid day of the Gregorian calendar (and of
// the years before it, as the time package counts them): the days from 1970-01-01 to it.
func daysFrom(y int, m time.Month, d int) int {
	// counted in cycles of 400 years (146097 days) from March 1 of year 0, so that February,
	// and its leap day, ends a year
	mm := int(m) - 3 // months since March
	if mm < 0 {
		y, mm = y-1, mm+12
	}
	cycle := y / 400
	if y%400 < 0 {
		cycle-- // rounded down
	}
	yc := y - cycle*400               // year of the cycle, 0 to 399
	yd := (153*mm+2)/5 + d - 1        // day of the year from March 1, 0 to 365
	cd := yc*365 + yc/4 - yc/100 + yd // day of the cycle
	return cycle*146097 + cd - 719468 // 719468: the number of 1970-01-01 from March 1 of year 0
}

// dayOf returns the day numbered n (daysFrom).
func dayOf(n int) (int, time.Month, int) {
	n += 719468
	cycle := n / 146097
	if n%146097 < 0 {
		cycle--
	}
	cd := n - cycle*146097                            // day of the cycle, 0 to 146096
	yc := (cd - cd/1460 + cd/36524 - cd/146096) / 365 // year of the cycle
	yd := cd - (yc*365 + yc/4 - yc/100)               // day of the year from March 1
	mm := (5*yd + 2) / 153                            // months since March
	d := yd - (153*mm+2)/5 + 1
	y := yc + cycle*400
	if mm >= 10 { // January and February: of the year after
		return y + 1, time.Month(mm - 9), d
	}
	return y, time.Month(mm + 3), d
}

// weekdayOfDay returns the day of the week of the day numbered n (daysFrom).
func weekdayOfDay(n int) time.Weekday {
	return time.Weekday(((n+4)%7 + 7) % 7) // 1970-01-01 was a Thursday
}

// formatDayOf is formatDay for the day numbered n (daysFrom). A day of the years of dayStrings is
// taken from it, without working out its date or making a string.
func formatDayOf(n int) string {
	if k := n - dayStringsFrom; k >= 0 && k < len(dayStrings)/len(dayLayout) {
		return dayStrings[k*len(dayLayout) : (k+1)*len(dayLayout)]
	}
	return formatDay(dayOf(n))
}

// dayStrings holds every day from 2000-01-01 (the day numbered dayStringsFrom) to 2039-12-31
// written YYYY-MM-DD, one after the other (146 kB): the days that relative expressions resolve to
// ("on Thursday", "yesterday") are near publication, and most articles are of these years.
var dayStringsFrom, dayStrings = func() (int, string) {
	from, to := daysFrom(2000, time.January, 1), daysFrom(2040, time.January, 1)
	b := make([]byte, 0, (to-from)*len(dayLayout))
	for y := 2000; y < 2040; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= daysIn(y, m); d++ {
				day := []byte("YYYY-MM-DD")
				putDigits(day[0:4], y)
				putDigits(day[5:7], m)
				putDigits(day[8:10], d)
				b = append(b, day...)
			}
		}
	}
	return from, string(b)
}()

// formatWeekOf is format at precision Week for the day numbered n (daysFrom): its ISO 8601 week,
// the one of its Thursday (weeks begin on Mondays), numbered from the week of that year's first
// Thursday. A week of the years of weekStrings is taken from it, without working out its year and
// number or making a string ("last week", "two weeks ago").
func formatWeekOf(n int) string {
	monday := n - (int(weekdayOfDay(n))+6)%7
	if k := (monday - weekStringsFrom) / 7; monday >= weekStringsFrom && k < len(weekStrings)/len("YYYY-Www") {
		return weekStrings[k*len("YYYY-Www") : (k+1)*len("YYYY-Www")]
	}
	return formatWeek(n)
}

// weekStrings holds every ISO 8601 week of the years 2000 to 2039 written YYYY-Www, one after the
// other (17 kB), from the week whose Monday is the day numbered weekStringsFrom (2000-01-03).
var weekStringsFrom, weekStrings = func() (int, string) {
	from := daysFrom(2000, time.January, 3) // the Monday of 2000-W01
	var b []byte
	for monday := from; ; monday += 7 {
		w := formatWeek(monday)
		if w[:4] == "2040" {
			break
		}
		b = append(b, w...)
	}
	return from, string(b)
}()

// formatWeek is formatWeekOf worked out.
func formatWeek(n int) string {
	if y, _, _ := dayOf(n); y < 1 || y > 9999 {
		return ""
	}
	thursday := n - (int(weekdayOfDay(n))+6)%7 + 3
	y, _, _ := dayOf(thursday)
	if y < 1 || y > 9999 {
		return ""
	}
	w := (thursday-daysFrom(y, time.January, 1))/7 + 1
	var b [8]byte // YYYY-Www
	putDigits(b[0:4], y)
	b[4], b[5] = '-', 'W'
	putDigits(b[6:8], w)
	return string(b[:])
}

// pubEntryOf reads pub as pubTime does. A date already written YYYY-MM-DD, as articles carry
// it, is read by hand: no parsing, no allocation and no state shared between workers.
func pubEntryOf(pub string) pubEntry {
	if y, m, d, ok := isoDay(pub); ok {
		return pubEntry{t: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), ok: true, day: pub}
	}
	t, ok := readPubTime(pub)
	c := pubEntry{t: t, ok: ok}
	if ok {
		c.day = t.Format(dayLayout)
	}
	return c
}

// pubDay is pubEntryOf(pub).day and .ok, without making the time of a date already written
// YYYY-MM-DD.
func pubDay(pub string) (string, bool) {
	if _, _, _, ok := isoDay(pub); ok {
		return pub, true
	}
	c := pubEntryOf(pub)
	return c.day, c.ok
}

// isoDay reads a valid calendar day written YYYY-MM-DD.
func isoDay(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	// the digits, each less than 10 (a byte below '0' wraps round above it)
	d0, d1, d2, d3, d5, d6, d8, d9 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0', s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	if d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d5 > 9 || d6 > 9 || d8 > 9 || d9 > 9 {
		return 0, 0, 0, false
	}
	y = int(d0)*1000 + int(d1)*100 + int(d2)*10 + int(d3)
	m, d = int(d5)*10+int(d6), int(d8)*10+int(d9)
	if m < 1 || m > 12 || d < 1 {
		return 0, 0, 0, false
	}
	if d > daysIn(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// monthDays is the length of each month of a common year.
var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// daysIn returns the number of days of month m (1 to 12) of year y in the Gregorian calendar, as
// time.Date counts them.
func daysIn(y, m int) int {
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 29
	}
	return monthDays[m-1]
}

// pubEntry is a publication date read by pubTime.
type pubEntry struct {
	t   time.Time
	ok  bool
	day string // t as YYYY-MM-DD
}

func readPubTime(pub string) (time.Time, bool) {
	d, ok := parseDate(strings.TrimSpace(pub))
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(dayLayout, d)
	return t, err == nil
}

// EventDate returns the date of an event whose trigger starts at byte triggerStart of sentence,
// published on pub (YYYY-MM-DD or ""): the date of the nearest time expression after the trigger
// in the same clause, else of the nearest one before it (in the same clause first), with source
// "text"; else pub with source "published"; else "" and "unknown". An expression after the trigger
// in another clause ("..., which it has backed since 2011") is not the event's.
func EventDate(sentence string, triggerStart int, pub string) (date, source string) {
	return DateAmong(Find(sentence, pub), sentence, triggerStart, ReadPub(pub))
}

// DateAmong is EventDate for a sentence whose expressions Find has already returned, so that a
// sentence with several events is searched once, and with the publication date read once for a
// document (ReadPub).
func DateAmong(exprs []Expr, sentence string, triggerStart int, pub Pub) (date, source string) {
	if len(exprs) == 0 {
		return dateAt(nil, -1, pub) // a sentence without expressions: no clause breaks to read
	}
	return dateAt(exprs, pick(exprs, sentence, triggerStart), pub)
}

// dateAt is the date of exprs[best], else of publication.
func dateAt(exprs []Expr, best int, pub Pub) (date, source string) {
	if best >= 0 && exprs[best].Date != "" {
		return exprs[best].Date, "text"
	}
	if pub.ok {
		return pub.day, "published"
	}
	return "", "unknown"
}

// DateAhead is DateAmong for an act still to come ("will meet on Monday"): a bare weekday is the
// first such day after publication, not the last before it.
func DateAhead(exprs []Expr, sentence string, triggerStart int, pub Pub) (date, source string) {
	best := pick(exprs, sentence, triggerStart)
	date, source = dateAt(exprs, best, pub)
	if best < 0 || source != "text" || !bareWeekday(exprs[best].Text) {
		return date, source
	}
	if !pub.ok || date > pub.day {
		return date, source
	}
	if e := exprs[best]; e.End <= triggerStart && triggerStart <= len(sentence) && strings.Contains(sentence[e.End:triggerStart], " that ") {
		return date, source // "said on Tuesday that it would…": the day of the saying, past
	}
	y, m, d, ok := isoDay(date) // as time.Parse reads it
	if !ok {
		return date, source
	}
	return formatDayOf(daysFrom(y, time.Month(m), d) + 7), source
}

// weekdayNames are the days of the week in lower case.
var weekdayNames = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// bareWeekday reports a day of the week with no "last" or "next": "Monday", "on Monday night".
// Its first word, lower-cased as strings.ToLower does, is one of weekdayNames; one of ASCII
// bytes is read by hand.
func bareWeekday(text string) bool {
	i := 0
	for i < len(text) && asciiSpace(text[i]) {
		i++
	}
	j := i
	for j < len(text) && text[j] < utf8.RuneSelf && !asciiSpace(text[j]) {
		j++
	}
	if j < len(text) && text[j] >= utf8.RuneSelf {
		return bareWeekdayOf(text) // a word or a space outside ASCII
	}
	for _, w := range weekdayNames {
		if j-i == len(w) && hasFold(text, i, w) {
			return true
		}
	}
	return false
}

// asciiSpace tells the ASCII bytes that unicode.IsSpace reports.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// bareWeekdayOf is bareWeekday for any text.
func bareWeekdayOf(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) > 0 && slices.Contains(weekdayNames, f[0])
}

// pick returns the index of the time expression that dates the act at triggerStart, or -1.
func pick(exprs []Expr, sentence string, triggerStart int) int {
	triggerStart = max(0, min(triggerStart, len(sentence)))
	best, bestRank, bestDist := -1, 0, 0
	// Clause breaks are read only where they can change the choice: after the trigger, up to the
	// nearest expression that starts after it (a break before that one bars it and every one
	// further on, and without one it is chosen over them). Before the trigger the nearest
	// expression is chosen whether a break lies between them or not: a break between an
	// expression and the trigger lies between any one further before and the trigger too.
	limit := triggerStart
	for _, e := range exprs {
		if e.End > triggerStart && e.Start > triggerStart && (limit == triggerStart || e.Start < limit) {
			limit = e.Start
		}
	}
	var breaks []int
	if limit > triggerStart {
		var buf [16]int
		breaks = clauseBreaks(sentence, breakFree(sentence, triggerStart), limit, buf[:0])
	}
	for i, e := range exprs {
		var rank, dist int
		if e.End > triggerStart { // after the trigger (or around it)
			if crosses(breaks, triggerStart, e.Start) {
				continue
			}
			rank, dist = 0, max(0, e.Start-triggerStart)
		} else {
			rank, dist = 1, triggerStart-e.End
		}
		if best < 0 || rank < bestRank || (rank == bestRank && dist < bestDist) {
			best, bestRank, bestDist = i, rank, dist
		}
	}
	return best
}

// Carry returns the date a document's narrative is at after sentence, given the date it was at
// before (narrative, "" at the start of a document) and the publication date pub: the last
// day-precise date of the sentence's time expressions that is not after pub, else narrative.
//
// News tells of one occasion over several sentences and dates it once ("Boroujerdi met Muallem on
// Wednesday. The two sides also expressed support for ..."): an event whose own sentence gives no
// date (EventDate's source is "published") takes the narrative date of its sentence, when there
// is one, with source "text".
func Carry(narrative, sentence, pub string) string {
	return CarryAmong(narrative, Find(sentence, pub), ReadPub(pub))
}

// CarryAmong is Carry for a sentence whose expressions Find has already returned, with the
// publication date read once for a document (ReadPub).
func CarryAmong(narrative string, exprs []Expr, pub Pub) string {
	if len(exprs) == 0 {
		return narrative // most sentences: small enough to be inlined, it makes no call for them
	}
	return carryDays(narrative, exprs, pub)
}

// carryDays is CarryAmong for a sentence with expressions.
func carryDays(narrative string, exprs []Expr, pub Pub) string {
	for _, e := range exprs {
		if e.Precision != Day || e.Date == "" {
			continue
		}
		// a valid day (as time.Parse reads it) not after publication: YYYY-MM-DD strings compare
		// as the days they write
		if _, _, _, valid := isoDay(e.Date); valid && (!pub.ok || e.Date <= pub.day) {
			narrative = e.Date
		}
	}
	return narrative
}

// clauseBreak bounds a clause: a semicolon, a colon before a space, brackets, a dash between
// spaces, or a comma before a word that opens a subordinate clause.
var clauseBreak = regexp.MustCompile(`;|:\s|[()\[\]]|\s[-–—]+\s|—|,\s+(?i:which|who|whom|whose|where|while|whereas|but|after|before|when|since|although|though|because|saying|adding|noting|stressing|as)\b`)

// crosses tells whether a clause break starts in [from, to).
func crosses(breaks []int, from, to int) bool {
	for _, b := range breaks {
		if b >= from && b < to {
			return true
		}
	}
	return false
}

// Span returns the first and last days of a date written as Published, Find and EventDate write
// them (YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY), and whether it is one.
func Span(date string) (first, last time.Time, ok bool) {
	switch {
	case len(date) == 10:
		t, err := time.Parse(dayLayout, date)
		return t, t, err == nil
	case len(date) == 8 && date[4] == '-' && date[5] == 'W':
		y, err1 := strconv.Atoi(date[:4])
		w, err2 := strconv.Atoi(date[6:])
		if err1 != nil || err2 != nil || !digits(date[:4]) || !digits(date[6:]) {
			return time.Time{}, time.Time{}, false
		}
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if iy, iw := monday.ISOWeek(); iy != y || iw != w {
			return time.Time{}, time.Time{}, false
		}
		return monday, monday.AddDate(0, 0, 6), true
	case len(date) == 7:
		t, err := time.Parse("2006-01", date)
		return t, t.AddDate(0, 1, -1), err == nil
	case len(date) == 4:
		t, err := time.Parse("2006", date)
		return t, t.AddDate(1, 0, -1), err == nil
	}
	return time.Time{}, time.Time{}, false
}

func digits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// format writes t at precision prec; "" when its year has not four digits.
func format(t time.Time, prec string) string {
	y, m, d := t.Date()
	switch prec {
	case Day:
		return formatDay(y, m, d)
	case Week:
		return formatWeekOf(daysFrom(y, m, d))
	case Month:
		return formatMonth(y, m)
	}
	return formatYear(y)
}

// formatDay is format at precision Day for the day d of month m (1 to 12) of year y, a valid day,
// without making its time. A day of the years of dayStrings is taken from it.
func formatDay(y int, m time.Month, d int) string {
	if y >= 2000 && y < 2040 {
		return formatDayOf(daysFrom(y, m, d))
	}
	if y < 1 || y > 9999 {
		return ""
	}
	var b [10]byte // YYYY-MM-DD
	putDigits(b[0:4], y)
	b[4], b[7] = '-', '-'
	putDigits(b[5:7], int(m))
	putDigits(b[8:10], d)
	return string(b[:])
}

// formatMonth is format at precision Month for month m (1 to 12) of year y. A month of the years
// of dayStrings is taken from monthStrings.
func formatMonth(y int, m time.Month) string {
	if k := (y-2000)*12 + int(m) - 1; y >= 2000 && m >= time.January && m <= time.December && k < len(monthStrings)/len("YYYY-MM") {
		return monthStrings[k*len("YYYY-MM") : (k+1)*len("YYYY-MM")]
	}
	if y < 1 || y > 9999 {
		return ""
	}
	var b [7]byte // YYYY-MM
	putDigits(b[0:4], y)
	b[4] = '-'
	putDigits(b[5:7], int(m))
	return string(b[:])
}

// formatYear is format at precision Year for year y. A year of dayStrings is taken from
// monthStrings, where it begins each of its months.
func formatYear(y int) string {
	if k := (y - 2000) * 12; y >= 2000 && k < len(monthStrings)/len("YYYY-MM") {
		return monthStrings[k*len("YYYY-MM") : k*len("YYYY-MM")+len("YYYY")]
	}
	if y < 1 || y > 9999 {
		return ""
	}
	var b [4]byte
	putDigits(b[:], y)
	return string(b[:])
}

// monthStrings holds every month of the years of dayStrings written YYYY-MM, one after the other
// (3 kB): "last month", "in October", "last year" then make no string.
var monthStrings = func() string {
	b := make([]byte, 0, 40*12*len("YYYY-MM"))
	for y := 2000; y < 2040; y++ {
		for m := 1; m <= 12; m++ {
			month := []byte("YYYY-MM")
			putDigits(month[0:4], y)
			putDigits(month[5:7], m)
			b = append(b, month...)
		}
	}
	return string(b)
}()

// monthOn returns month m of year y, m being any number, carried over into the year as time.Date
// carries it (month 13 is January of the year after, month 0 December of the year before).
func monthOn(y int, m time.Month) (int, time.Month) {
	k := int(m) - 1 // months from January of y
	if k < 0 {
		n := (-k-1)/12 + 1
		y, k = y-n, k+12*n
	}
	return y + k/12, time.Month(k%12 + 1)
}

// dayAfter tells whether the day y-m-d comes after the day ly-lm-ld.
func dayAfter(y int, m time.Month, d int, ly int, lm time.Month, ld int) bool {
	if y != ly {
		return y > ly
	}
	if m != lm {
		return m > lm
	}
	return d > ld
}

// putDigits writes n, which has at most len(b) digits, into b with leading zeros. len(b) is even
// (2 or 4, as dates have them): the digits are written two at a time, from pairs.
func putDigits(b []byte, n int) {
	for k := len(b); k > 0; k -= 2 {
		p := 2 * (n % 100)
		b[k-2], b[k-1] = digitPairs[p], digitPairs[p+1]
		n /= 100
	}
}

// digitPairs are "00" to "99" one after the other.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// match is one match of a pattern's regular expression.
type match struct {
	s   string
	idx index   // as FindStringSubmatchIndex returns it
	g   *groups // the pattern's groups
}

// get returns the text of group k (a field of m.g), or "" when the pattern has no such group or
// it did not match.
func (m *match) get(k int) string {
	if k < 0 || m.idx[2*k] < 0 {
		return ""
	}
	return m.s[m.idx[2*k]:m.idx[2*k+1]]
}

// span returns the offsets of the expression: the group "x", or the whole match.
func (m *match) span() (start, end int) {
	if k := m.g.x; k >= 0 && m.idx[2*k] >= 0 {
		return m.idx[2*k], m.idx[2*k+1]
	}
	return m.idx[0], m.idx[1]
}

// A pattern is a kind of time expression; resolve gives the date of a match of it.
type pattern struct {
	needs  feature // what a sentence must have for the pattern to match in it
	re     *regexp.Regexp
	starts start // the words a match can begin with
}

// resolve returns the date of m, a match of patterns[i] (or "" when it needs a publication date,
// given as pub when havePub), its precision, and false when the match is not a time expression
// after all (February 30, a bare "May"). A switch rather than a function in each pattern: called
// directly, the functions are seen not to keep m, which so stays on the caller's stack and is not
// copied (a match is 120 bytes) at each call.
func resolve(i int, m *match, pub *pubDate, havePub bool) (date, prec string, ok bool) {
	switch i {
	case 0, 1, 2:
		return fullDate(m)
	case 3, 4:
		return dayMonth(m, pub, havePub)
	case 5:
		return monthYear(m)
	case 6:
		return monthOnly(m, pub, havePub)
	case 7:
		return yearOnlyExpr(m)
	case 8:
		return weekdayExpr(m, pub, havePub)
	case 9:
		return relativeDay(m, pub, havePub)
	case 10:
		return relativePeriod(m, pub, havePub)
	}
	return ago(m, pub, havePub)
}

// A feature is a kind of word a pattern needs. Checking them first spares running the regular
// expressions that cannot match, most of them in most sentences.
type feature uint8

const (
	digit feature = 1 << iota
	monthWord
	weekdayWord
	dayWord    // yesterday, today, tomorrow, tonight, night, morning...
	periodWord // week, month, year
	agoWord
)

var featureWords = buildFeatureWords()

// featureFilter rules most words out before featureWords is looked up.
var featureFilter = keysFilter(featureWords)

func keysFilter[V any](m map[string]V) *text.Filter {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return text.NewFilter(keys...)
}

func buildFeatureWords() map[string]feature {
	fw := map[string]feature{"yesterday": dayWord, "today": dayWord, "tonight": dayWord,
		"tomorrow": dayWord, "night": dayWord, "morning": dayWord, "afternoon": dayWord, "evening": dayWord,
		"week": periodWord, "weeks": periodWord, "month": periodWord, "months": periodWord,
		"year": periodWord, "years": periodWord, "ago": agoWord, "sept": monthWord}
	for m := time.January; m <= time.December; m++ {
		fw[strings.ToLower(m.String())] = monthWord
		fw[strings.ToLower(m.String()[:3])] = monthWord
	}
	for w := time.Sunday; w <= time.Saturday; w++ {
		fw[strings.ToLower(w.String())] = weekdayWord
	}
	return fw
}

// features returns the kinds of words s has.
func features(s string) feature {
	var f feature
	start := -1
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		switch {
		case c >= '0' && c <= '9':
			f |= digit
			start = -1
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 && i-start <= 9 {
				var buf [9]byte // the word in lower case, without allocating
				w := buf[:copy(buf[:], s[start:i])]
				for k, c := range w {
					if c >= 'A' && c <= 'Z' {
						w[k] = c + 'a' - 'A'
					}
				}
				if featureFilter.Has(string(w)) {
					f |= featureWords[string(w)]
				}
			}
			start = -1
		}
	}
	return f
}

// words returns an alternation of words as written and in capitals: month names are capitalised
// in English, which tells "May 4" from "may".
func words(ws ...string) string {
	var alts []string
	for _, w := range ws {
		alts = append(alts, w, strings.ToUpper(w))
	}
	return strings.Join(alts, "|")
}

// sp is a space, including the no-break and narrow no-break spaces that news sites put in dates.
const sp = `[\s\x{a0}\x{202f}]`

var (
	monthFull = words("January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December")
	monthAbbr = words("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
	// mon is a month name, abbreviated with or without a full stop; monEnd ends an expression and
	// leaves a full stop out.
	mon    = `(?P<mon>(?:` + monthFull + `)\b|(?:` + monthAbbr + `)\b\.?)`
	monEnd = `(?P<mon>(?:` + monthFull + `|` + monthAbbr + `)\b)`
	// weekday is an optional day of the week before a date ("Thursday, October 5, 2017").
	weekday = `(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?` + sp + `+(?:the` + sp + `+)?)?`
	day     = `(?P<d>\d{1,2})(?:st|nd|rd|th)?`
	part    = `(?:(?i:early|mid|late)[- ]?` + sp + `*)?`
)

// patterns, in this order: the full dates (ISO, month day year, day month year), the days without
// a year (month day, day month), then the others.
var patterns = []pattern{
	{digit, regexp.MustCompile(`\b(?P<x>(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d))(?:[^\d]|$)`), startDigit},
	{digit | monthWord, regexp.MustCompile(`\b(?P<x>` + weekday + mon + sp + `*` + day + `,?` + sp + `+(?P<y>\d{4}))\b`), startWeekday | startMonth},
	{digit | monthWord, regexp.MustCompile(`\b(?P<x>` + weekday + day + sp + `+(?:of` + sp + `+)?` + mon + `,?` + sp + `+(?P<y>\d{4}))\b`), startWeekday | startDigit},
	{digit | monthWord, regexp.MustCompile(`\b(?P<x>` + weekday + mon + sp + `*` + day + `)\b`), startWeekday | startMonth},
	{digit | monthWord, regexp.MustCompile(`\b(?P<x>` + weekday + day + sp + `+(?:of` + sp + `+)?` + monEnd + `)`), startWeekday | startDigit},
	{digit | monthWord, regexp.MustCompile(`\b(?P<x>` + part + mon + `,?` + sp + `+(?:of` + sp + `+)?(?P<y>\d{4}))\b`), startPart | startMonth},
	{monthWord, regexp.MustCompile(`\b(?:(?P<pre>(?i:in|during))` + sp + `+)?(?P<x>(?:(?P<rel>(?i:last|this|next))` + sp + `+)?(?P<part>(?i:early|mid|late)[- ]?` + sp + `*)?` + monEnd + `)`), startPre | startRel | startPart | startMonth},
	{digit, regexp.MustCompile(`\b(?:(?P<pre>(?i:in|during))` + sp + `+)?(?P<x>(?P<part>(?i:early|mid|late)[- ]?` + sp + `*)?(?P<y>(?:1[89]|20)\d\d))\b`), startPre | startPart | startDigit},
	{weekdayWord, regexp.MustCompile(`(?i)\b(?P<x>(?:(?P<rel>this coming|this past|last|next|this|coming|past)` + sp + `+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:` + sp + `+(?:morning|afternoon|evening|night))?)\b`), startRel | startComing | startWeekdayName},
	{dayWord, regexp.MustCompile(`(?i)\b(?P<x>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b`), startDayWord | startRel},
	{periodWord, regexp.MustCompile(`(?i)\b(?P<x>(?P<rel>last|next|this|coming|(?:earlier|later) this)` + sp + `+(?P<unit>week|month|year))\b`), startRel | startComing | startEarlier},
	{agoWord, regexp.MustCompile(`(?i)\b(?P<x>(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})` + sp + `+(?P<unit>day|week|month|year)s?` + sp + `+ago)\b`), startNumber | startDigit},
}

// monthOf returns the month a name or abbreviation stands for: by its first three letters, read
// by hand when they are ASCII letters (as the patterns' month names are).
func monthOf(name string) time.Month {
	if len(name) >= 3 && isLetter(name[0]) && isLetter(name[1]) && isLetter(name[2]) {
		return monthByAbbr[string([]byte{name[0] | 0x20, name[1] | 0x20, name[2] | 0x20})]
	}
	for m := time.January; m <= time.December; m++ {
		if len(name) >= 3 && strings.EqualFold(name[:3], m.String()[:3]) {
			return m
		}
	}
	return 0
}

// monthByAbbr gives the month of each first three letters of a month's name, in lower case.
var monthByAbbr = func() map[string]time.Month {
	out := map[string]time.Month{}
	for m := time.January; m <= time.December; m++ {
		out[strings.ToLower(m.String()[:3])] = m
	}
	return out
}()

// isLetter tells an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// date returns the day y-m-d, and false when there is no such day (its time is then of no use).
// The day is told valid by hand, before making its time: most days tried are not.
func date(y int, m time.Month, d int) (time.Time, bool) {
	if !validDay(y, m, d) {
		return time.Time{}, false
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}

// validDay tells whether there is a day y-m-d, as date does.
func validDay(y int, m time.Month, d int) bool {
	return m >= time.January && m <= time.December && d >= 1 && d <= daysIn(y, int(m))
}

// monthNumber returns the month of a match: its group "m" (a number) or "mon" (a name).
func monthNumber(m *match) time.Month {
	if s := m.get(m.g.m); s != "" {
		n, _ := strconv.Atoi(s)
		return time.Month(n)
	}
	return monthOf(strings.TrimSuffix(m.get(m.g.mon), "."))
}

// lower is strings.ToLower(w) for a group w of a match, which the resolvers compare in lower case:
// a group of ASCII bytes with no capital (most: "last", "week") is returned as it is without a
// call.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// fullDate: "2017-10-04", "October 4, 2017", "4 October 2017".
func fullDate(m *match) (string, string, bool) {
	y, _ := strconv.Atoi(m.get(m.g.y))
	d, _ := strconv.Atoi(m.get(m.g.d))
	mo := monthNumber(m)
	if !validDay(y, mo, d) || y < 1 {
		return "", Day, false
	}
	return formatDay(y, mo, d), Day, true
}

// dayMonth: "October 4", "4 Oct." in the year that puts them at most futureWindow after pub.
func dayMonth(m *match, pub *pubDate, havePub bool) (string, string, bool) {
	d, _ := strconv.Atoi(m.get(m.g.d))
	mo := monthNumber(m)
	if !validDay(2000, mo, d) { // 2000 is a leap year: February 29 is a day
		return "", Day, false
	}
	if !havePub {
		return "", Day, true
	}
	ly, lm, ld := dayOf(pub.n + futureDays)
	for y := pub.y + 1; y >= pub.y-4; y-- {
		if validDay(y, mo, d) && !dayAfter(y, mo, d, ly, lm, ld) {
			return formatDay(y, mo, d), Day, true
		}
	}
	return "", Day, true
}

// dayInYear returns the day and month of m in year y, or "".
func dayInYear(m *match, y int) string {
	d, _ := strconv.Atoi(m.get(m.g.d))
	if t, ok := date(y, monthNumber(m), d); ok {
		return format(t, Day)
	}
	return ""
}

// monthYear: "October 2017", "early October 2017".
func monthYear(m *match) (string, string, bool) {
	y, _ := strconv.Atoi(m.get(m.g.y))
	if y < 1 {
		return "", Month, false
	}
	return formatMonth(monthOn(y, monthNumber(m))), Month, true
}

// monthOnly: "in October", "last October", "early October"; a bare month name is not one ("May").
func monthOnly(m *match, pub *pubDate, havePub bool) (string, string, bool) {
	rel := lower(m.get(m.g.rel))
	if m.get(m.g.pre) == "" && rel == "" && m.get(m.g.part) == "" {
		return "", Month, false
	}
	if !havePub {
		return "", Month, true
	}
	mo := monthNumber(m)
	y := pub.y
	switch rel {
	case "last":
		if mo >= pub.m {
			y--
		}
	case "next":
		if mo <= pub.m {
			y++
		}
	case "this":
	default:
		ly, lm, ld := dayOf(pub.n + futureDays)
		for y = pub.y + 1; ; y-- {
			if fy, fm := monthOn(y, mo); !dayAfter(fy, fm, 1, ly, lm, ld) {
				break
			}
		}
	}
	return formatMonth(monthOn(y, mo)), Month, true
}

// yearOnlyExpr: "in 2015", "early 2015"; a bare number is not one.
func yearOnlyExpr(m *match) (string, string, bool) {
	if m.get(m.g.pre) == "" && m.get(m.g.part) == "" {
		return "", Year, false
	}
	return m.get(m.g.y), Year, true
}

// weekdayExpr: "Thursday", "on Thursday night", "last Thursday", "next Thursday".
func weekdayExpr(m *match, pub *pubDate, havePub bool) (string, string, bool) {
	if !havePub {
		return "", Day, true
	}
	wd := weekdayOf(m.get(m.g.wd))
	back := (int(weekdayOfDay(pub.n)) - int(wd) + 7) % 7 // days back to the latest such day
	switch lower(m.get(m.g.rel)) {
	case "last", "past", "this past":
		if back == 0 {
			back = 7
		}
	case "next", "coming", "this coming":
		back -= 7 // forward to the first one after
	}
	return formatDayOf(pub.n - back), Day, true
}

// weekdayOf returns the day of the week that name, a day's name in any case, stands for. The
// first two letters tell them apart; a name that does not begin with two ASCII letters (the long
// s of "ſunday" folds to s) is compared whole.
func weekdayOf(name string) time.Weekday {
	if len(name) >= 2 && name[0] < utf8.RuneSelf && name[1] < utf8.RuneSelf {
		switch string([]byte{name[0] | 0x20, name[1] | 0x20}) {
		case "su":
			return time.Sunday
		case "mo":
			return time.Monday
		case "tu":
			return time.Tuesday
		case "we":
			return time.Wednesday
		case "th":
			return time.Thursday
		case "fr":
			return time.Friday
		case "sa":
			return time.Saturday
		}
	}
	var wd time.Weekday
	for w := time.Sunday; w <= time.Saturday; w++ {
		if strings.EqualFold(name, w.String()) {
			wd = w
		}
	}
	return wd
}

// relativeDay: "today", "yesterday", "tomorrow" and the like.
func relativeDay(m *match, pub *pubDate, havePub bool) (string, string, bool) {
	if !havePub {
		return "", Day, true
	}
	offset := 0
	switch lower(m.get(m.g.x)) {
	case "yesterday", "last night":
		offset = -1
	case "the day before yesterday":
		offset = -2
	case "tomorrow":
		offset = 1
	case "the day after tomorrow":
		offset = 2
	}
	return formatDayOf(pub.n + offset), Day, true
}

// unitPrecision returns the precision of "day", "week", "month" and "year", "" for another word.
func unitPrecision(unit string) string {
	switch unit {
	case "day":
		return Day
	case "week":
		return Week
	case "month":
		return Month
	case "year":
		return Year
	}
	return ""
}

// shift returns pub moved n units (day, week, month or year), at that unit's precision.
func shift(pub *pubDate, unit string, n int) (string, string) {
	prec := unitPrecision(unit)
	switch unit {
	case "day":
		return formatDayOf(pub.n + n), prec
	case "week":
		return formatWeekOf(pub.n + 7*n), prec
	case "month":
		// the month n months on, carried over into the year as AddDate carries it
		return formatMonth(monthOn(pub.y, pub.m+time.Month(n))), prec
	}
	// the year n years on (AddDate would move February 29 to March 1, in the same year)
	return formatYear(pub.y + n), prec
}

// relativePeriod: "last week", "this month", "earlier this month", "next year".
func relativePeriod(m *match, pub *pubDate, havePub bool) (string, string, bool) {
	unit := lower(m.get(m.g.unit))
	if !havePub {
		return "", unitPrecision(unit), true
	}
	n := 0
	switch lower(m.get(m.g.rel)) {
	case "last":
		n = -1
	case "next", "coming":
		n = 1
	}
	d, prec := shift(pub, unit, n)
	return d, prec, true
}

var numbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// ago: "three days ago", "a week ago", "two years ago".
func ago(m *match, pub *pubDate, havePub bool) (string, string, bool) {
	unit := lower(m.get(m.g.unit))
	if !havePub {
		return "", unitPrecision(unit), true
	}
	n, ok := numbers[lower(m.get(m.g.num))]
	if !ok {
		n, _ = strconv.Atoi(m.get(m.g.num))
	}
	d, prec := shift(pub, unit, -n)
	return d, prec, true
}
