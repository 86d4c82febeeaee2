package when

import (
	"regexp"
	"strings"
)

// Matching the patterns by hand. Nearly every candidate word (scan.go) is a time expression, and
// running a regular expression at each cost more than all the rest of Find. matchAt reads the
// common patterns with the small functions below instead, and leaves the ISO date to its
// regular expression. Each function writes into *idx what its pattern's anchored expression
// returns at byte pos of the sentence (FindStringSubmatchIndex of s[pos:], offset by pos), and
// returns false where that is nil;
// TestMatchersMatchRegexp and FuzzMatchers hold them to it. They read ASCII only: a sentence
// with a character that folds to an ASCII letter (foldsOutsideASCII) is left to the regular
// expressions.
//
// The expressions' optional parts never need to be given back once taken: what follows each
// (a space, a month, a digit) cannot begin with the part itself, so when the rest fails after
// it, it fails without it too. The functions take each part when it is there and go on.

// matchAt sets *idx to what anchored[i].FindStringSubmatchIndex(s[pos:]) returns, offset by pos,
// and returns false where that is nil (*idx is then of no use). The match is written in place and
// the pattern's groups read in place: an index is large, and copied at each call and return it
// cost more than the matching.
func matchAt(i int, s string, pos int, idx *index) bool {
	// a switch rather than a table of functions: called directly, the functions are seen not to
	// keep idx, which so stays on the caller's stack
	g := &patternGroups[i]
	switch i {
	case 1:
		return monthDayYearAt(s, pos, g, idx)
	case 2:
		return dayMonthYearAt(s, pos, g, idx)
	case 3:
		return monthDayAt(s, pos, g, idx)
	case 4:
		return dayMonthAt(s, pos, g, idx)
	case 5:
		return monthYearAt(s, pos, g, idx)
	case 6:
		return monthAt(s, pos, g, idx)
	case 7:
		return yearAt(s, pos, g, idx)
	case 8:
		return weekdayAt(s, pos, g, idx)
	case 9:
		return relativeDayAt(s, pos, g, idx)
	case 10:
		return relativePeriodAt(s, pos, g, idx)
	case 11:
		return agoAt(s, pos, g, idx)
	}
	// the ISO date: rare
	raw := anchored[i].FindStringSubmatchIndex(s[pos:])
	if raw == nil {
		return false
	}
	for k := range raw {
		if raw[k] >= 0 {
			raw[k] += pos
		}
	}
	*idx = indexOf(raw)
	return true
}

// groups are the numbers of a pattern's named groups, -1 for the names it has not.
type groups struct {
	n                                              int // how many groups, the whole match included
	x, pre, rel, part, mon, m, d, y, wd, unit, num int
}

var patternGroups = groupsOfPatterns()

func groupsOfPatterns() []groups {
	out := make([]groups, len(patterns))
	for i, p := range patterns {
		out[i] = groupsOf(p.re)
	}
	return out
}

func groupsOf(re *regexp.Regexp) groups {
	if 2*(re.NumSubexp()+1) > len(index{}) {
		panic("when: a pattern has more groups than an index holds: " + re.String())
	}
	return groups{n: re.NumSubexp() + 1, x: re.SubexpIndex("x"), pre: re.SubexpIndex("pre"),
		rel: re.SubexpIndex("rel"), part: re.SubexpIndex("part"), mon: re.SubexpIndex("mon"),
		m: re.SubexpIndex("m"), d: re.SubexpIndex("d"), y: re.SubexpIndex("y"),
		wd: re.SubexpIndex("wd"), unit: re.SubexpIndex("unit"), num: re.SubexpIndex("n")}
}

// index is a match of a pattern as FindStringSubmatchIndex returns it (the start and end of the
// match, then of each group, -1 for a group not matched), in an array rather than a slice so that
// matching allocates nothing; the entries after the pattern's groups are not used.
type index [12]int

// indexOf returns raw, a FindStringSubmatchIndex of a pattern, as an index.
func indexOf(raw []int) index {
	var idx index
	copy(idx[:], raw)
	return idx
}

// reset makes idx a match from start to end with its groups unset (all of them: an
// index's entries after the pattern's groups are not read, and one copy is quicker than a loop).
func (idx *index) reset(start, end int) {
	*idx = unset
	idx[0], idx[1] = start, end
}

// unset is an index with no group set.
var unset = index{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}

// set records group k (when the pattern has it) at s[start:end].
func set(idx *index, k, start, end int) {
	if k >= 0 {
		idx[2*k], idx[2*k+1] = start, end
	}
}

// wordEnd returns the end of the run of word bytes (`\w`) that starts at i.
func wordEnd(s string, i int) int {
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i
}

// spaces returns the end of the spaces (`sp`: `\s`, no-break and narrow no-break spaces) from
// i, i when there are none.
func spaces(s string, i int) int {
	for i < len(s) {
		switch {
		case isSpace(s[i]):
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
		case strings.HasPrefix(s[i:], "\u202f"):
			i += len("\u202f")
		default:
			return i
		}
	}
	return i
}

// boundary is `\b` at byte i of s (i > 0).
func boundary(s string, i int) bool {
	return isWordByte(s[i-1]) != (i < len(s) && isWordByte(s[i]))
}

// hasFold tells whether s has lit (ASCII letters and spaces, in lower case, beginning with a letter)
// at byte i, in any case.
func hasFold(s string, i int, lit string) bool {
	// the first letter first, by the bit that makes an ASCII letter lower-case (no other byte
	// becomes one with it): the lists of words that the matchers try each word in turn mostly
	// differ there
	if len(s)-i < len(lit) || s[i]|0x20 != lit[0] {
		return false
	}
	for k := range len(lit) {
		c := s[i+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[k] {
			return false
		}
	}
	return true
}

// oneOfFold returns the first of lits that s has at byte i, in any case, or "".
func oneOfFold(s string, i int, lits []string) string {
	for _, l := range lits {
		if hasFold(s, i, l) {
			return l
		}
	}
	return ""
}

// isWordFold tells whether w is one of ws (in lower case), in any case.
func isWordFold(w string, ws []string) bool {
	for _, x := range ws {
		if len(x) == len(w) && hasFold(w, 0, x) {
			return true
		}
	}
	return false
}

// The words of the patterns, in the order of their alternations.
var (
	fullMonths    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	abbrMonths    = []string{"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"}
	dayParts      = []string{"morning", "afternoon", "evening", "night"}
	partWords     = []string{"early", "mid", "late"}
	preWords      = []string{"in", "during"}
	monthRelWords = []string{"last", "this", "next"}
	weekdayRels   = []string{"this coming", "this past", "last", "next", "this", "coming", "past"}
	relativeDays  = []string{"the day before yesterday", "the day after tomorrow", "yesterday", "today",
		"tonight", "tomorrow", "last night", "this morning", "this afternoon", "this evening"}
	periodRels  = []string{"last", "next", "this", "coming", "earlier this", "later this"}
	periodUnits = []string{"week", "month", "year"}
	agoNumbers  = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	agoUnits    = []string{"day", "week", "month", "year"}
)

// monthKind tells whether w is a month as the patterns write it, with a capital or in capitals:
// whole ("October", "OCTOBER") or abbreviated ("Oct", "OCT").
func monthKind(w string) (full, abbr bool) {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return false, false
	}
	for _, m := range monthsByFirst[w[0]-'A'] {
		if sameMonth(w, m.name) {
			return m.full, !m.full
		}
	}
	return false, false
}

// monthName is a month's name as the patterns write it, whole or abbreviated.
type monthName struct {
	name string
	full bool
}

// monthsByFirst holds fullMonths and abbrMonths by their first letter (A to Z), for monthKind: no
// name is in both.
var monthsByFirst = func() (out [26][]monthName) {
	for _, m := range fullMonths {
		out[m[0]-'A'] = append(out[m[0]-'A'], monthName{m, true})
	}
	for _, m := range abbrMonths {
		out[m[0]-'A'] = append(out[m[0]-'A'], monthName{m, false})
	}
	return out
}()

// sameMonth tells whether w is the month m as written or in capitals.
func sameMonth(w, m string) bool {
	if len(w) != len(m) || w[0] != m[0] {
		return false
	}
	if w == m {
		return true
	}
	for k := 1; k < len(w); k++ {
		if w[k] != m[k]-'a'+'A' {
			return false
		}
	}
	return true
}

// monthWordAt reads `mon` at byte i: the month's end, with a full stop after an abbreviation
// when dot allows it (monEnd does not), or -1.
func monthWordAt(s string, i int, dot bool) int {
	e := wordEnd(s, i)
	full, abbr := monthKind(s[i:e])
	switch {
	case full:
		return e
	case abbr:
		if dot && e < len(s) && s[e] == '.' {
			e++
		}
		return e
	}
	return -1
}

// hasKind tells whether s[i:e], a run of word bytes, is a word of scanKinds (in any case) of kind
// k: for startWeekday a day of the week whole or abbreviated as the patterns' weekday writes it,
// for startWeekdayName a day written whole (startWords). A word with a digit or '_' is none, as no
// word of scanKinds has one.
func hasKind(s string, i, e int, k start) bool {
	if e == i {
		return false
	}
	wk, ok := kindOf(s[i:e], s[i:])
	return ok && wk.k&k != 0
}

// relFirst tells the bytes that begin a word of weekdayRels, in either case.
var relFirst = func() (out [256]bool) {
	for _, rel := range weekdayRels {
		out[rel[0]] = true
		out[rel[0]-'a'+'A'] = true
	}
	return out
}()

// afterWeekday reads the day of the week that may open a date ("Thursday, ", "Thu. the ") at
// byte i, and returns where the date itself begins (i when there is no day of the week).
func afterWeekday(s string, i int) int {
	if i == len(s) || !weekdayFirst[s[i]] {
		return i // most dates: a month or a day, whose first letter rules out a weekday
	}
	e := wordEnd(s, i)
	if !hasKind(s, i, e, startWeekday) {
		return i
	}
	if e < len(s) && s[e] == '.' {
		e++
	}
	if e < len(s) && s[e] == ',' {
		e++
	}
	k := spaces(s, e)
	if k == e {
		return i
	}
	if strings.HasPrefix(s[k:], "the") {
		if j := spaces(s, k+len("the")); j > k+len("the") {
			return j
		}
	}
	return k
}

// weekdayFirst tells the bytes that begin a day of the week (a word of startWeekday), in either
// case.
var weekdayFirst = func() (out [256]bool) {
	for w, k := range startWords {
		if k&startWeekday != 0 {
			out[w[0]], out[w[0]-'a'+'A'] = true, true
		}
	}
	return out
}()

// dayAt reads `day` at byte i (one or two digits, then st, nd, rd or th) and returns the end of
// the digits and of the day, or -1.
func dayAt(s string, i int) (digitsEnd, end int) {
	e := i
	for e < len(s) && e < i+2 && s[e] >= '0' && s[e] <= '9' {
		e++
	}
	if e == i {
		return -1, -1
	}
	if e+2 <= len(s) {
		switch s[e : e+2] {
		case "st", "nd", "rd", "th":
			return e, e + 2
		}
	}
	return e, e
}

// fourDigits tells whether s has four digits at byte i followed by the end of a word.
func fourDigits(s string, i int) bool {
	if i+4 > len(s) {
		return false
	}
	for k := i; k < i+4; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return i+4 == len(s) || !isWordByte(s[i+4])
}

// yearAfter reads `,?` `sp+` and four digits ending a word at byte i: where the year begins, or -1.
func yearAfter(s string, i int) int {
	if i < len(s) && s[i] == ',' {
		i++
	}
	k := spaces(s, i)
	if k == i || !fourDigits(s, k) {
		return -1
	}
	return k
}

// ofAfter skips "of" and the spaces after it at byte i, when they are there.
func ofAfter(s string, i int) int {
	if strings.HasPrefix(s[i:], "of") {
		if k := spaces(s, i+len("of")); k > i+len("of") {
			return k
		}
	}
	return i
}

// partAfter reads "early", "mid", "late" and what may follow them ("mid-", "early ") at byte
// i: the end, or i when there is none.
func partAfter(s string, i int) int {
	w := oneOfFold(s, i, partWords)
	if w == "" {
		return i
	}
	e := i + len(w)
	if e < len(s) && (s[e] == '-' || s[e] == ' ') {
		e++
	}
	return spaces(s, e)
}

// monthDayYearAt: "October 5, 2017", "Thursday, Oct. 5th 2017".
func monthDayYearAt(s string, pos int, g *groups, idx *index) bool {
	i := afterWeekday(s, pos)
	me := monthWordAt(s, i, true)
	if me < 0 {
		return false
	}
	ds := spaces(s, me)
	de, e := dayAt(s, ds)
	if de < 0 {
		return false
	}
	y := yearAfter(s, e)
	if y < 0 {
		return false
	}
	idx.reset(pos, y+4)
	set(idx, g.x, pos, y+4)
	set(idx, g.mon, i, me)
	set(idx, g.d, ds, de)
	set(idx, g.y, y, y+4)
	return true
}

// dayMonthYearAt: "5 October 2017", "Thursday 5th of Oct. 2017".
func dayMonthYearAt(s string, pos int, g *groups, idx *index) bool {
	ds := afterWeekday(s, pos)
	de, e := dayAt(s, ds)
	if de < 0 {
		return false
	}
	ms := spaces(s, e)
	if ms == e {
		return false
	}
	ms = ofAfter(s, ms)
	me := monthWordAt(s, ms, true)
	if me < 0 {
		return false
	}
	y := yearAfter(s, me)
	if y < 0 {
		return false
	}
	idx.reset(pos, y+4)
	set(idx, g.x, pos, y+4)
	set(idx, g.d, ds, de)
	set(idx, g.mon, ms, me)
	set(idx, g.y, y, y+4)
	return true
}

// monthDayAt: "October 5", "Thu. Oct. 5th".
func monthDayAt(s string, pos int, g *groups, idx *index) bool {
	i := afterWeekday(s, pos)
	me := monthWordAt(s, i, true)
	if me < 0 {
		return false
	}
	ds := spaces(s, me)
	de, e := dayAt(s, ds)
	if de < 0 || !boundary(s, e) {
		return false
	}
	idx.reset(pos, e)
	set(idx, g.x, pos, e)
	set(idx, g.mon, i, me)
	set(idx, g.d, ds, de)
	return true
}

// dayMonthAt: "5 October", "5th of Oct".
func dayMonthAt(s string, pos int, g *groups, idx *index) bool {
	ds := afterWeekday(s, pos)
	de, e := dayAt(s, ds)
	if de < 0 {
		return false
	}
	ms := spaces(s, e)
	if ms == e {
		return false
	}
	ms = ofAfter(s, ms)
	me := monthWordAt(s, ms, false)
	if me < 0 {
		return false
	}
	idx.reset(pos, me)
	set(idx, g.x, pos, me)
	set(idx, g.d, ds, de)
	set(idx, g.mon, ms, me)
	return true
}

// monthYearAt: "October 2017", "early Oct. of 2017".
func monthYearAt(s string, pos int, g *groups, idx *index) bool {
	ms := partAfter(s, pos)
	me := monthWordAt(s, ms, true)
	if me < 0 {
		return false
	}
	e := me
	if e < len(s) && s[e] == ',' {
		e++
	}
	k := spaces(s, e)
	if k == e {
		return false
	}
	k = ofAfter(s, k)
	if !fourDigits(s, k) {
		return false
	}
	idx.reset(pos, k+4)
	set(idx, g.x, pos, k+4)
	set(idx, g.mon, ms, me)
	set(idx, g.y, k, k+4)
	return true
}

// preAfter reads "in" or "during" and the spaces after them at byte i: the start and end of the
// word and the end of the spaces, or -1.
func preAfter(s string, i int) (start, end, next int) {
	w := oneOfFold(s, i, preWords)
	if w == "" {
		return -1, -1, i
	}
	k := spaces(s, i+len(w))
	if k == i+len(w) {
		return -1, -1, i
	}
	return i, i + len(w), k
}

// monthAt: "in October", "last October", "early October", "during mid-Oct".
func monthAt(s string, pos int, g *groups, idx *index) bool {
	preS, preE, x := preAfter(s, pos)
	i := x
	relS, relE := -1, -1
	if w := oneOfFold(s, i, monthRelWords); w != "" {
		if k := spaces(s, i+len(w)); k > i+len(w) {
			relS, relE, i = i, i+len(w), k
		}
	}
	partS, partE := -1, -1
	if k := partAfter(s, i); k > i {
		partS, partE, i = i, k, k
	}
	me := monthWordAt(s, i, false)
	if me < 0 {
		return false
	}
	idx.reset(pos, me)
	set(idx, g.pre, preS, preE)
	set(idx, g.x, x, me)
	set(idx, g.rel, relS, relE)
	set(idx, g.part, partS, partE)
	set(idx, g.mon, i, me)
	return true
}

// yearAt: "in 2015", "early 2015", "during mid-2015".
func yearAt(s string, pos int, g *groups, idx *index) bool {
	preS, preE, x := preAfter(s, pos)
	i := x
	partS, partE := -1, -1
	if k := partAfter(s, i); k > i {
		partS, partE, i = i, k, k
	}
	if i+2 > len(s) || !(s[i] == '1' && (s[i+1] == '8' || s[i+1] == '9') || s[i] == '2' && s[i+1] == '0') || !fourDigits(s, i) {
		return false
	}
	idx.reset(pos, i+4)
	set(idx, g.pre, preS, preE)
	set(idx, g.x, x, i+4)
	set(idx, g.part, partS, partE)
	set(idx, g.y, i, i+4)
	return true
}

// weekdayAt: "Thursday", "Thursday night", "last Thursday", "this coming Monday".
func weekdayAt(s string, pos int, g *groups, idx *index) bool {
	if pos == len(s) || !relFirst[s[pos]] {
		return weekdayFrom(s, pos, pos, g, idx) // most candidates: the day's name
	}
	for _, rel := range weekdayRels {
		if !hasFold(s, pos, rel) {
			continue
		}
		k := spaces(s, pos+len(rel))
		if k == pos+len(rel) {
			continue
		}
		if weekdayFrom(s, pos, k, g, idx) {
			set(idx, g.rel, pos, pos+len(rel))
			return true
		}
	}
	return weekdayFrom(s, pos, pos, g, idx)
}

// weekdayFrom reads the day of the week at byte i and a part of the day after it, for a match
// from pos.
func weekdayFrom(s string, pos, i int, g *groups, idx *index) bool {
	e := wordEnd(s, i)
	if !hasKind(s, i, e, startWeekdayName) {
		return false
	}
	end := e
	if k := spaces(s, e); k > e {
		if pe := wordEnd(s, k); isWordFold(s[k:pe], dayParts) {
			end = pe
		}
	}
	idx.reset(pos, end)
	set(idx, g.x, pos, end)
	set(idx, g.wd, i, e)
	return true
}

// relativeDayAt: "yesterday", "today", "this morning", "the day after tomorrow".
func relativeDayAt(s string, pos int, g *groups, idx *index) bool {
	for _, w := range relativeDays {
		if hasFold(s, pos, w) && boundary(s, pos+len(w)) {
			idx.reset(pos, pos+len(w))
			set(idx, g.x, pos, pos+len(w))
			return true
		}
	}
	return false
}

// relativePeriodAt: "last week", "this month", "earlier this year".
func relativePeriodAt(s string, pos int, g *groups, idx *index) bool {
	for _, rel := range periodRels {
		if !hasFold(s, pos, rel) {
			continue
		}
		k := spaces(s, pos+len(rel))
		if k == pos+len(rel) {
			continue
		}
		e := wordEnd(s, k)
		if !isWordFold(s[k:e], periodUnits) {
			continue
		}
		idx.reset(pos, e)
		set(idx, g.x, pos, e)
		set(idx, g.rel, pos, pos+len(rel))
		set(idx, g.unit, k, e)
		return true
	}
	return false
}

// agoAt: "three days ago", "a week ago", "12 years ago".
func agoAt(s string, pos int, g *groups, idx *index) bool {
	var buf [4]int
	ends := buf[:0] // the ends the number may have, in the order the expression tries them
	switch {
	case hasFold(s, pos, "an"):
		ends = append(ends, pos+2, pos+1)
	case hasFold(s, pos, "a"):
		ends = append(ends, pos+1)
	}
	if w := oneOfFold(s, pos, agoNumbers); w != "" {
		ends = append(ends, pos+len(w))
	}
	if pos < len(s) && s[pos] >= '0' && s[pos] <= '9' {
		if pos+1 < len(s) && s[pos+1] >= '0' && s[pos+1] <= '9' {
			ends = append(ends, pos+2)
		}
		ends = append(ends, pos+1)
	}
	for _, ne := range ends {
		if agoFrom(s, pos, ne, g, idx) {
			return true
		}
	}
	return false
}

// agoFrom reads the unit and "ago" after a number that ends at byte ne, for a match from pos.
func agoFrom(s string, pos, ne int, g *groups, idx *index) bool {
	us := spaces(s, ne)
	if us == ne {
		return false
	}
	unit := oneOfFold(s, us, agoUnits)
	if unit == "" {
		return false
	}
	ue := us + len(unit)
	for _, e := range []int{ue + 1, ue} { // with a plural s, then without
		if e > ue && (e > len(s) || s[ue] != 's' && s[ue] != 'S') {
			continue
		}
		k := spaces(s, e)
		if k == e || !hasFold(s, k, "ago") || !boundary(s, k+len("ago")) {
			continue
		}
		idx.reset(pos, k+len("ago"))
		set(idx, g.x, pos, k+len("ago"))
		set(idx, g.num, pos, ne)
		set(idx, g.unit, us, ue)
		return true
	}
	return false
}
