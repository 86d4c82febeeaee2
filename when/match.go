package when

import (
	"math/bits"
	"regexp"
	"slices"
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

// wordKey returns the end of the run of word bytes (`\w`) that starts at i and, when it has one
// to eight bytes, those bytes with the bit 0x20 set, packed as a little-endian number (0 for a
// longer run or none). It equals keyOf(w), w a word of lower-case ASCII letters, exactly when the
// run is w in any case: no byte with 0x20 set is 0, so that the key tells the run's length, and
// only a letter and its capital become that letter with it. The matchers of words read a word
// once and compare its key with those of the words they want, rather than trying each word in turn
// letter by letter.
func wordKey(s string, i int) (key uint64, end int) {
	var x uint64
	switch {
	case i+8 <= len(s):
		x = load64(s, i)
	case len(s) >= 8:
		// near the end (a time expression often ends a sentence): the last eight bytes, shifted
		// so that those from i come first and zeros, which are no word bytes, after them
		x = load64(s, len(s)-8) >> (8 * (i + 8 - len(s)))
	}
	if len(s) >= 8 {
		// the eight bytes from i read at once: the word's length is where the first that is not
		// a word byte is (wordRun), and the bytes past it are masked off
		n := bits.TrailingZeros64(^wordRun(x)&0x8080808080808080) / 8
		if n < 8 {
			return (x | 0x2020202020202020) & (1<<(8*n) - 1), i + n
		}
		if end = wordEnd(s, i+8); end > i+8 {
			return 0, end // a longer word
		}
		return x | 0x2020202020202020, end
	}
	end = wordEnd(s, i)
	if end-i > 8 {
		return 0, end
	}
	for k := range end - i {
		key |= uint64(s[i+k]|0x20) << (8 * k)
	}
	return key, end
}

// wordRun returns x, eight bytes of text, with the top bit of each byte that is a word byte (`\w`:
// an ASCII letter, digit or '_') set and of the others clear, up to the first byte that is not
// one: past it the bits may be wrong. Adding 0x80-c to a byte below 0x80 sets its top bit when it
// is c or more, and carries into the next byte only from a byte of 0x80 or more, which is no word
// byte and comes before any byte it puts wrong.
func wordRun(x uint64) uint64 {
	const ones = 0x0101010101010101
	l := x | 0x2020202020202020 // letters lower-cased (and other bytes changed, but none into a letter)
	letter := (l + (0x80-'a')*ones) &^ (l + (0x80-'z'-1)*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones)
	y := x ^ '_'*ones                           // 0 where x is '_'
	under := ^((y&(0x7f*ones) + 0x7f*ones) | y) // the top bit set where y is 0 (no carries)
	return (letter | digit | under) &^ x
}

// keyOf returns wordKey's key of w, a word of one to eight lower-case ASCII letters.
func keyOf(w string) uint64 {
	var key uint64
	for k := range len(w) {
		key |= uint64(w[k]) << (8 * k)
	}
	return key
}

// The keys of the words that relativePeriodAt, weekdayAt and agoAt read.
var (
	keyLast, keyNext, keyThis, keyComing  = keyOf("last"), keyOf("next"), keyOf("this"), keyOf("coming")
	keyPast, keyEarlier, keyLater, keyAgo = keyOf("past"), keyOf("earlier"), keyOf("later"), keyOf("ago")
	keyA, keyAn                           = keyOf("a"), keyOf("an")
)

// unitKeys are the keys of the units of agoAt in the order of agoUnits, each alone and with a
// plural s; periodKeys those of relativePeriodAt's units (periodUnits), alone.
var unitKeys, periodKeys = func() (units [][2]uint64, periods [3]uint64) {
	for _, u := range agoUnits {
		units = append(units, [2]uint64{keyOf(u), keyOf(u + "s")})
	}
	for k, u := range periodUnits {
		periods[k] = keyOf(u)
	}
	return units, periods
}()

// weekdayKeys and dayPartKeys are the keys of the words of weekdayNames and dayParts of up to eight
// letters (isWordKey).
var weekdayKeys, dayPartKeys = shortKeys(weekdayNames), shortKeys(dayParts)

// shortKeys returns the keys of the words of ws of up to eight letters.
func shortKeys(ws []string) []uint64 {
	var out []uint64
	for _, w := range ws {
		if len(w) <= 8 {
			out = append(out, keyOf(w))
		}
	}
	return out
}

// isWordKey tells whether the word s[i:e], whose key is key (wordKey), is one of ws (words of
// lower-case letters, whose keys of up to eight letters are keys) in any case: as isWordFold, by
// its key when it has eight letters or fewer.
func isWordKey(s string, i, e int, key uint64, ws []string, keys []uint64) bool {
	if e-i > 8 {
		return isWordFold(s[i:e], ws)
	}
	return key != 0 && slices.Contains(keys, key)
}

// numberKeys are the keys of agoNumbers.
var numberKeys = func() (out []uint64) {
	for _, w := range agoNumbers {
		out = append(out, keyOf(w))
	}
	return out
}()

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
	// the words of weekdayRels are whole words before spaces: the word at pos is read once. "this
	// coming" and "this past" (one space between) are tried before "this", as the expression
	// tries its alternatives in order
	key, e := wordKey(s, pos)
	switch key {
	case keyThis:
		if e < len(s) && s[e] == ' ' {
			if k2, e2 := wordKey(s, e+1); (k2 == keyComing || k2 == keyPast) && relWeekday(s, pos, e2, g, idx) {
				return true
			}
		}
		fallthrough
	case keyLast, keyNext, keyComing, keyPast:
		if relWeekday(s, pos, e, g, idx) {
			return true
		}
	}
	return weekdayFrom(s, pos, pos, g, idx)
}

// relWeekday reads the spaces after the "last", "next" (or the like) that ends at byte e, and the
// day of the week after them, for a match from pos.
func relWeekday(s string, pos, e int, g *groups, idx *index) bool {
	k := spaces(s, e)
	if k == e || !weekdayFrom(s, pos, k, g, idx) {
		return false
	}
	set(idx, g.rel, pos, e)
	return true
}

// weekdayFrom reads the day of the week at byte i and a part of the day after it, for a match
// from pos.
func weekdayFrom(s string, pos, i int, g *groups, idx *index) bool {
	// the day and the part are whole words, read once each and compared by their keys
	key, e := wordKey(s, i)
	if !isWordKey(s, i, e, key, weekdayNames, weekdayKeys) {
		return false
	}
	end := e
	if k := spaces(s, e); k > e {
		if pk, pe := wordKey(s, k); isWordKey(s, k, pe, pk, dayParts, dayPartKeys) {
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
	// each of the expression's rel (last, next, this, coming, earlier this, later this) is a whole
	// word before spaces (or two with one space between): the word at pos is read once and compared
	// by its key
	key, relEnd := wordKey(s, pos)
	switch key {
	case keyLast, keyNext, keyThis, keyComing:
	case keyEarlier, keyLater:
		if relEnd == len(s) || s[relEnd] != ' ' {
			return false
		}
		if key, relEnd = wordKey(s, relEnd+1); key != keyThis {
			return false
		}
	default:
		return false
	}
	k := spaces(s, relEnd)
	if k == relEnd {
		return false
	}
	unit, e := wordKey(s, k)
	if unit != periodKeys[0] && unit != periodKeys[1] && unit != periodKeys[2] {
		return false
	}
	idx.reset(pos, e)
	set(idx, g.x, pos, e)
	set(idx, g.rel, pos, relEnd)
	set(idx, g.unit, k, e)
	return true
}

// agoAt: "three days ago", "a week ago", "12 years ago".
func agoAt(s string, pos int, g *groups, idx *index) bool {
	// the number is a whole word before spaces: "a", "an", one of agoNumbers or one or two digits
	// (the shorter ends the expression tries, "a" of "an" and one digit of two, are followed by a
	// word byte, never by a space)
	key, ne := wordKey(s, pos)
	switch {
	case key == keyA || key == keyAn:
	case ne-pos <= 2 && ne > pos && isDigit(s[pos]) && isDigit(s[ne-1]):
	default:
		if !slices.Contains(numberKeys, key) {
			return false
		}
	}
	return agoFrom(s, pos, ne, g, idx)
}

// isDigit tells an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// agoFrom reads the unit and "ago" after a number that ends at byte ne, for a match from pos.
func agoFrom(s string, pos, ne int, g *groups, idx *index) bool {
	us := spaces(s, ne)
	if us == ne {
		return false
	}
	// the unit, with or without a plural s, is a whole word before spaces
	key, e := wordKey(s, us)
	ue := unitEnd(key, e)
	if ue < 0 {
		return false
	}
	k := spaces(s, e)
	if k == e {
		return false
	}
	ago, end := wordKey(s, k)
	if ago != keyAgo {
		return false
	}
	idx.reset(pos, end)
	set(idx, g.x, pos, end)
	set(idx, g.num, pos, ne)
	set(idx, g.unit, us, ue)
	return true
}

// unitEnd returns where the unit of agoAt ends (its plural s left out) in a word whose key is key
// and that ends at byte e, or -1 when the word is no unit.
func unitEnd(key uint64, e int) int {
	for _, u := range unitKeys {
		if key == u[0] {
			return e
		}
		if key == u[1] {
			return e - 1
		}
	}
	return -1
}
