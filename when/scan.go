package when

import (
	"encoding/binary"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

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
	return wordBytes[c] != 0 // one look-up rather than four range tests
}

// wordKinds is what a word in lower case is to features and to candidates.
type wordKinds struct {
	f feature
	k start
}

// scanKinds merges featureWords and startWords, for scanWords.
var scanKinds = buildScanKinds()

func buildScanKinds() map[string]wordKinds {
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
	return m
}

// firstBytes tells, for each byte that may begin a word, the lengths of the words of scanKinds
// that begin with it in either case (bit n for n letters), and bit 0 for the first letters of
// early, mid and late: a test of a few instructions that rules out most words before
// kindTable and hasPart are asked.
var firstBytes = func() (out [256]uint16) {
	for w := range scanKinds {
		out[w[0]] |= 1 << len(w)
	}
	for _, c := range []byte("eml") {
		out[c] |= 1
	}
	for c := 'a'; c <= 'z'; c++ {
		out[c-'a'+'A'] = out[c]
	}
	return out
}()

// pairLengths tells, for the first two letters of a word (pairOf), the lengths of the words of
// scanKinds that begin with them: a second test, finer than firstBytes, before kindTable.
var pairLengths = func() (out [26 * 26]uint16) {
	for w := range scanKinds {
		if len(w) > 1 {
			out[pairOf(w)] |= 1 << len(w)
		}
	}
	return out
}()

// pairOf numbers the first two letters of w, ASCII letters in any case.
func pairOf(w string) int { return int((w[0]|0x20)-'a')*26 + int((w[1]|0x20)-'a') }

// kindSlot is a word of scanKinds in kindTable: its first eight letters packed into a number
// (packWord), its ninth, its length and its kinds; n is 0 in an empty slot.
type kindSlot struct {
	key   uint64
	ninth byte
	n     uint8
	kinds wordKinds
}

// kindTable holds the words of scanKinds by their packed letters, each at the slot its key
// hashes to or the first free one after (there are about three slots a word), so that a word
// is looked up without making a string of it.
var kindTable = func() (out [256]kindSlot) {
	for w, k := range scanKinds {
		key, ninth := packWord(w, w)
		h := kindHash(key)
		for out[h].n != 0 {
			h = (h + 1) % len(out)
		}
		out[h] = kindSlot{key: key, ninth: ninth, n: uint8(len(w)), kinds: k}
	}
	return out
}()

// packWord returns the first eight bytes of w, a word of ASCII letters, lower-cased, as a
// little-endian number, and its ninth byte lower-cased (0 when it has none). rest is w and
// what follows it in the sentence, read eight bytes at a time when there are eight.
func packWord(w, rest string) (key uint64, ninth byte) {
	const lower = 0x2020202020202020 // the bit that makes an ASCII letter lower-case
	if len(rest) >= 8 {
		key = binary.LittleEndian.Uint64([]byte(rest[:8])) | lower
		if len(w) < 8 {
			key &= 1<<(8*len(w)) - 1
		}
	} else {
		for k := 0; k < len(w) && k < 8; k++ {
			key |= uint64(w[k]|0x20) << (8 * k)
		}
	}
	if len(w) > 8 {
		ninth = w[8] | 0x20
	}
	return key, ninth
}

func kindHash(key uint64) int { return int(key * 0x9E3779B97F4A7C15 >> 56) }

// kindOf returns the kinds of w, a word of ASCII letters in any case at the start of rest, and
// false when it is not a word of scanKinds.
func kindOf(w, rest string) (wordKinds, bool) {
	key, ninth := packWord(w, rest)
	for h := kindHash(key); ; h = (h + 1) % len(kindTable) {
		e := &kindTable[h]
		if e.n == 0 {
			return wordKinds{}, false
		}
		if e.key == key && int(e.n) == len(w) && e.ninth == ninth {
			return e.kinds, true
		}
	}
}

// The kinds of the word characters of `\b` (ASCII letters, digits and '_'), in wordBytes.
const (
	lowerByte uint8 = 1 << iota
	upperByte
	digitByte
	underByte
)

// wordBytes gives the kind of each byte that is a word character, 0 for the others.
var wordBytes = func() (out [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		out[c] = lowerByte
		out[c-'a'+'A'] = upperByte
	}
	for c := '0'; c <= '9'; c++ {
		out[c] = digitByte
	}
	out['_'] = underByte
	return out
}()

// scanWords returns features(s) and, appended to out, the words of s that can begin a pattern
// (its candidates), reading s once, and whether s is all ASCII. A run of word bytes that is
// all letters is one word to both; other runs (with digits or '_') are left to features' own
// reading.
func scanWords(s string, out []candidate) (feature, []candidate, bool) {
	return scanRange(s, 0, len(s), 0, out)
}

// scanRange is scanWords for s[from:to], with the features found so far, f: it returns them
// with those of s[from:to], out with its candidates, and whether s[from:to] is all ASCII.
func scanRange(s string, from, to int, f feature, out []candidate) (feature, []candidate, bool) {
	var high byte // the bytes between words, or-ed: its top bit tells a byte outside ASCII
	for i := from; i < to; {
		if wordBytes[s[i]] == 0 {
			high |= s[i]
			i++
			continue
		}
		j := i
		var kinds uint8 // the kinds of the word's bytes, or-ed
		for ; j < to; j++ {
			b := wordBytes[s[j]]
			if b == 0 {
				break
			}
			kinds |= b
		}
		f, out = scanWord(s, i, j, kinds&^(lowerByte|upperByte) != 0, f, out)
		i = j
		if i < to && s[i] == ' ' {
			i++ // the space after a word, without going round again
		}
	}
	return f, out, high < utf8.RuneSelf
}

// scanWord adds to f and out what scanWords finds in the word s[i:j], a run of word bytes;
// other tells a word with digits or '_' rather than letters alone.
func scanWord(s string, i, j int, other bool, f feature, out []candidate) (feature, []candidate) {
	w := s[i:j]
	var k start
	if other {
		// with digits or '_'
		f |= features(w)
		if first := wordBytes[w[0]]; first == digitByte {
			k = startDigit
		} else if first != underByte && hasPart(w) {
			k = startPart
		}
	} else if first := firstBytes[w[0]]; first&(1<<len(w)|1) != 0 {
		if first&(1<<len(w)) != 0 && (len(w) == 1 || pairLengths[pairOf(w)]&(1<<len(w)) != 0) {
			if wk, ok := kindOf(w, s[i:]); ok {
				k, f = wk.k, f|wk.f
			}
		}
		if first&1 != 0 && hasPart(w) {
			k |= startPart
		}
	}
	if k != 0 {
		out = append(out, candidate{i, k})
	}
	return f, out
}

// scanTokens is scanWords for a sentence s already split into toks (by text.AppendTokens, base
// being the document offset of s), reading from the tokens alone what it can.
//
// In news text the tokens of a sentence are apart by spaces alone, and spaces are nothing to
// scanWords: scanTokens then reads the tokens alone, and the most of them, words of letters that
// neither are a word of scanKinds nor begin with early, mid or late and marks of one ASCII byte,
// in the tight loop of skipWords. That the sentence is such is told at the end, by counting: the
// bytes outside the tokens are as many as its spaces outside them. Any other sentence is read
// again by scanTokensGaps, which reads what lies between the tokens.
//
// The candidates it returns are those of scanWords but the lazy words ("the", "a", "in"...) that
// can begin no pattern the sentence's features allow or that no candidate follows as their
// patterns need (addLazy): findAt finds the same expressions with them.
func scanTokens(s string, base int, toks []text.Token, out []candidate) (feature, []candidate, bool) {
	n := len(out)
	sc := tokenScan{s: s, base: base, ascii: true}
	at := base    // the end of the previous token, in the document
	gaps := 0     // the bytes before and between the tokens
	spacesIn := 0 // the spaces in the tokens
	for k := 0; ; k++ {
		var skipped int
		k, at, skipped = skipWords(toks, k, at)
		gaps += skipped
		if k == len(toks) {
			break
		}
		t := &toks[k]
		if t.Start < at {
			return scanTokensGaps(s, base, toks, out[:n]) // (not tokens as AppendTokens makes them)
		}
		gaps += t.Start - at
		at = t.End
		switch sh := t.Shape; {
		case sh-1 < text.ShapeLower|text.ShapeUpper:
			// letters alone: a Shape of ShapeLower, ShapeUpper or both, the only ones below 4 but 0
			out = sc.fastWord(t, out)
		case sh&text.ShapeOther == 0 && sh != 0:
			// letters and digits
			sc.f, out = scanWord(s, t.Start-base, t.End-base, true, sc.f, out)
		default:
			spacesIn += strings.Count(t.Text, " ")
			out = sc.between(t.Start, t.End, out)
		}
	}
	if strings.Count(s, " ")-spacesIn != gaps+base+len(s)-at { // (and the bytes after the last)
		return scanTokensGaps(s, base, toks, out[:n])
	}
	if allowed := patternSets[sc.f]; allowed&lazyPatterns != 0 {
		out = addLazy(s, out, n, toks, base, allowed)
	}
	return sc.f, out, sc.ascii
}

// The lazy words are the words of scanKinds that are nothing but the first word of a pattern that
// needs more words after them: "the" (of "the day before yesterday"), "a", "an" and the numbers
// one to twelve (of "three days ago"), "in" and "during" (of "in May"). They are half the words of
// a sentence that may begin an expression, yet they matter only in a sentence that has the
// feature their patterns need, and for "the", "in" and "during" only right before another
// candidate: scanTokens passes over them, and adds those that can matter (addLazy).
const lazyKinds = startDayWord | startNumber | startPre

// lazyPatterns are the patterns that a lazy word can begin, as bits, and agoPatterns,
// prePatterns and dayWordPatterns those that a number, "in" or "during", and "the" can begin.
var (
	lazyPatterns    = kindSetPatterns[lazyKinds]
	agoPatterns     = kindSetPatterns[startNumber]
	prePatterns     = kindSetPatterns[startPre]
	dayWordPatterns = kindSetPatterns[startDayWord]
)

// preFollows are the kinds of a word that "in" or "during" can open a pattern before (mayMatch).
var preFollows = (patterns[6].starts | patterns[7].starts) &^ startPre

// lazyWord tells whether a word of scanKinds whose kinds are wk is a lazy word: no feature and no
// kind but those of lazyKinds (so not "yesterday", which has both).
func lazyWord(wk wordKinds) bool {
	return wk.f == 0 && wk.k != 0 && wk.k&^lazyKinds == 0
}

// addLazy adds to out[n:], the candidates scanTokens found in the other words of the sentence s,
// those of its lazy words that can begin a pattern the sentence's features allow (allowed), in the
// order of their places: those before another candidate as mayMatch reads them ("in" before a
// month, a year or what opens one, "the day before" and "the day after" before a day), or in a
// sentence that has "ago" (rare) every lazy word of toks's words of letters. (scanTokens reads a
// token of any other Shape whole, lazy words and all.)
func addLazy(s string, out []candidate, n int, toks []text.Token, base int, allowed uint16) []candidate {
	var buf [8]candidate // (more go to the heap: see AppendFindTokens)
	lazy := buf[:0]
	if allowed&agoPatterns != 0 {
		for k := range toks {
			t := &toks[k]
			if t.Shape-1 >= text.ShapeLower|text.ShapeUpper {
				continue
			}
			h := t.Hash()
			if m := wordBits(h); lazyBits[h>>60]&m != m {
				continue
			}
			if wk, ok := scanTable.Find(t); ok && lazyWord(wk) {
				lazy = append(lazy, candidate{t.Start - base, wk.k})
			}
		}
	} else {
		for k := n; k < len(out); k++ {
			c := &out[k]
			q, kind := -1, start(0)
			if c.kinds&preFollows != 0 && allowed&prePatterns != 0 {
				q, kind = preBefore(s, c.pos), startPre
			}
			if c.kinds&startDayWord != 0 && allowed&dayWordPatterns != 0 && q < 0 {
				q, kind = theBefore(s, c.pos), startDayWord
			}
			// (a candidate already when scanWord found it in a token of another Shape: as no
			// other candidate lies between it and c, it is the one before c)
			if q >= 0 && (k == n || out[k-1].pos != q) {
				lazy = append(lazy, candidate{q, kind})
			}
		}
	}
	// merged from the back, into out grown by as many
	i, j := len(out)-1, len(lazy)-1
	out = append(out, lazy...)
	for w := len(out) - 1; j >= 0; w-- {
		if i >= n && out[i].pos > lazy[j].pos {
			out[w] = out[i]
			i--
		} else {
			out[w] = lazy[j]
			j--
		}
	}
	return out
}

// preBefore returns where the word before byte p of s begins when it is "in" or "during" in any
// case and spaces (sp) alone lie between them, as mayMatch reads them; -1 when it is not.
func preBefore(s string, p int) int {
	// most candidates follow a word and one space: "in" ends with n and "during" with g, and the
	// word's last byte rules most others out without reading further back
	if p >= 2 && s[p-1] == ' ' && isWordByte(s[p-2]) && s[p-2]|0x20 != 'n' && s[p-2]|0x20 != 'g' {
		return -1
	}
	e := p
spaces:
	for e > 0 {
		switch {
		case isSpace(s[e-1]):
			e--
		case strings.HasSuffix(s[:e], "\u00a0"):
			e -= len("\u00a0")
		case strings.HasSuffix(s[:e], "\u202f"):
			e -= len("\u202f")
		default:
			break spaces
		}
	}
	if e == p {
		return -1
	}
	q := e
	for q > 0 && isWordByte(s[q-1]) {
		q--
	}
	if w := s[q:e]; len(w) == len("in") && hasFold(w, 0, "in") || len(w) == len("during") && hasFold(w, 0, "during") {
		return q
	}
	return -1
}

// theBefore returns where "the day before " or "the day after " begins when it lies right before
// byte p of s, in any case, as a word ("the" not the end of a longer one); -1 when it does not. Only
// there can "the" begin an expression (relativeDayAt).
func theBefore(s string, p int) int {
	for _, pre := range [...]string{"the day before ", "the day after "} {
		if q := p - len(pre); q >= 0 && hasFold(s, q, pre) && (q == 0 || !isWordByte(s[q-1])) {
			return q
		}
	}
	return -1
}

// skipWords passes over the tokens of toks from k on in which scanTokens finds nothing, as it can
// tell from the tokens alone: words of letters that do not pass fastBits (lazy words do not, nor
// words that begin with early, mid or late but for those that can begin a pattern: see
// partMonthWords), and marks of one ASCII byte other than a space. It
// returns the first other token (len(toks) when there is none), the end of the token before it,
// at being that of the token before toks[k], and the bytes before each token passed over (from
// the end of the one before it). A token that starts before the end of the one before it is left
// to scanTokens. Most tokens are passed over here, in a loop that calls nothing (but Token.Hash
// for a token without its hash) and keeps what it reads in registers.
func skipWords(toks []text.Token, k, at int) (next, end, gaps int) {
	for ; k < len(toks); k++ {
		t := &toks[k]
		gap := t.Start - at
		if gap < 0 {
			break
		}
		if sh := t.Shape; sh-1 < text.ShapeLower|text.ShapeUpper {
			h := t.Hash()
			if w := fastBits[h>>58]; w>>(h&63)&1 != 0 && w>>(h>>6&63)&1 != 0 {
				break
			}
		} else if sh != text.ShapeOther || len(t.Text) != 1 || !markBytes[t.Text[0]] {
			break
		}
		at = t.End
		gaps += gap
	}
	return k, at, gaps
}

// markBytes are the ASCII bytes that are not word bytes, but the space: a token of one of them is
// nothing to scanWords, and has no space for scanTokens to count.
var markBytes = func() (out [256]bool) {
	out = quietBytes
	out[' '] = false
	return out
}()

// scanTokensGaps is scanWords for a sentence s already split into toks (by text.AppendTokens, base
// being the document offset of s), without reading its bytes again where it need not: a token of
// ASCII letters and digits alone is one run of word bytes, told by its Shape; any other token, and
// what lies between tokens other than a single space (the tokenizer leaves out a word that follows
// a space it joins, "\u202fan"), is read as scanWords reads it. A run of word bytes never spans two
// tokens, as the tokenizer never splits one.
//
// It is the general reader behind scanTokens, for a sentence whose tokens are not all apart by
// spaces alone.
func scanTokensGaps(s string, base int, toks []text.Token, out []candidate) (feature, []candidate, bool) {
	sc := tokenScan{s: s, base: base, ascii: true}
	at := base // the end of the previous token, in the document
	for k := range toks {
		t := &toks[k]
		if t.Start != at && (t.Start > at+1 || s[at-base] != ' ') {
			out = sc.between(at, t.Start, out)
		}
		at = t.End
		switch sh := t.Shape; {
		case sh-1 < text.ShapeLower|text.ShapeUpper:
			// letters alone: a Shape of ShapeLower, ShapeUpper or both, the only ones below 4 but 0
			h := t.Hash()
			m := wordBits(h)
			if may := scanBits[h>>60]&m == m; may || partFirst[t.Text[0]] {
				out = sc.word(t, may, out)
			}
		case sh == text.ShapeOther && len(t.Text) == 1 && quietBytes[t.Text[0]]:
			// a mark of one ASCII byte ("," "."), in which scanWords finds nothing
		default:
			out = sc.token(t, out)
		}
	}
	if at-base < len(s) {
		out = sc.between(at, base+len(s), out)
	}
	return sc.f, out, sc.ascii
}

// tokenScan is what scanTokens has found so far in its sentence s, whose first byte is at base in
// the document, but the candidates, which its methods append to the slice they are given and
// return (kept in it, the slice would make the caller's buffer escape to the heap).
type tokenScan struct {
	s     string
	base  int
	f     feature
	ascii bool
}

// between appends to out what lies between two tokens, from document offset i to j, as scanWords
// reads it.
func (sc *tokenScan) between(i, j int, out []candidate) []candidate {
	var ok bool
	sc.f, out, ok = scanRange(sc.s, i-sc.base, j-sc.base, sc.f, out)
	sc.ascii = sc.ascii && ok
	return out
}

// word appends to out what scanWord finds in t, a word of letters alone: its word in lower case
// is t.Lower. mayBe tells whether scanBits lets it be a word of scanKinds: when not, only early,
// mid and late are looked for.
func (sc *tokenScan) word(t *text.Token, mayBe bool, out []candidate) []candidate {
	// "the", "a" and "in" are half the words that pass scanBits: they are known without a
	// probe of scanTable
	var wk wordKinds
	switch {
	case !mayBe:
	case t.Lower == "the":
		wk = theKinds
	case t.Lower == "a":
		wk = aKinds
	case t.Lower == "in":
		wk = inKinds
	default:
		wk, _ = scanTable.Find(t)
	}
	return sc.add(t, wk, out)
}

// add appends to out the candidate of word t, whose kinds are wk (and startPart for a word that
// begins with early, mid or late: "mid-March"), if it has any, and notes its features.
func (sc *tokenScan) add(t *text.Token, wk wordKinds, out []candidate) []candidate {
	sc.f |= wk.f
	kinds := wk.k
	if partFirst[t.Text[0]] && hasPart(t.Text) {
		kinds |= startPart
	}
	if kinds != 0 {
		out = append(out, candidate{t.Start - sc.base, kinds})
	}
	return out
}

// fastWord is word for scanTokens, which leaves the lazy words to addLazy: it appends nothing for
// them. t is a word that skipWords stopped at, whose hash passes fastBits: its kinds are taken from
// hashSlots, which holds no lazy word, by its hash and then its word.
func (sc *tokenScan) fastWord(t *text.Token, out []candidate) []candidate {
	var wk wordKinds
	if e := slotOf(t.Hash()); e != nil && e.w == t.Lower {
		wk = e.kinds
	}
	return sc.add(t, wk, out)
}

// hashSlot is a word of scanKinds (but a lazy word) in hashSlots: its hash (Token.Hash), the word
// and its kinds. w is "" in an empty slot.
type hashSlot struct {
	h     uint64
	w     string
	kinds wordKinds
}

// hashSlots holds the words of scanKinds but the lazy words, each at the slot the top byte of its
// hash numbers or the first free one after (the table is less than half full): a word is found by
// its hash in a probe or two, without the general look-up of scanTable. No two of its words have
// the same hash (TestHashSlots).
var hashSlots = func() (out [256]hashSlot) {
	for _, w := range slices.Sorted(maps.Keys(scanKinds)) {
		wk := scanKinds[w]
		if lazyWord(wk) {
			continue
		}
		h := text.HashWord(w)
		j := h >> 56
		for out[j].w != "" {
			j = (j + 1) % uint64(len(out))
		}
		out[j] = hashSlot{h: h, w: w, kinds: wk}
	}
	return out
}()

// slotOf returns the slot of hashSlots whose word has the hash h, or nil when there is none (a
// word of another with the same hash is told apart by comparing it with the slot's).
func slotOf(h uint64) *hashSlot {
	for j := h >> 56; ; j = (j + 1) % uint64(len(hashSlots)) {
		e := &hashSlots[j]
		if e.w == "" {
			return nil
		}
		if e.h == h {
			return e
		}
	}
}

// token appends to out what scanWords finds in t, a token of any other Shape.
func (sc *tokenScan) token(t *text.Token, out []candidate) []candidate {
	if sh := t.Shape; sh == 0 || sh&text.ShapeOther != 0 {
		return sc.between(t.Start, t.End, out)
	}
	// letters and digits
	sc.f, out = scanWord(sc.s, t.Start-sc.base, t.End-sc.base, true, sc.f, out)
	return out
}

// scanTable holds the words of scanKinds for tokenScan, and theKinds, aKinds and inKinds the
// kinds of its most frequent words.
var (
	scanTable                 = text.WordMapOf(scanKinds)
	theKinds, aKinds, inKinds = scanKinds["the"], scanKinds["a"], scanKinds["in"]
)

// scanBits is a Bloom filter of the words of scanKinds by their hashes (text.HashWord, which is
// Token.Hash of a token of the word): two bits of one of its 64-bit words for each, so that most
// other words are ruled out with a few instructions, from their tokens alone.
var scanBits = func() (out [16]uint64) {
	for w := range scanKinds {
		h := text.HashWord(w)
		out[h>>60] |= wordBits(h)
	}
	return out
}()

// fastBits is scanBits for the words of scanKinds but the lazy words and for partMonthWords, four
// times larger (indexed by h>>58) as it holds twice as many words, and lazyBits is scanBits for
// the lazy words alone.
var fastBits, lazyBits = func() (fast [64]uint64, lazy [16]uint64) {
	for w, wk := range scanKinds {
		h := text.HashWord(w)
		if lazyWord(wk) {
			lazy[h>>60] |= wordBits(h)
		} else {
			fast[h>>58] |= wordBits(h)
		}
	}
	for _, w := range partMonthWords() {
		h := text.HashWord(w)
		fast[h>>58] |= wordBits(h)
	}
	return fast, lazy
}()

// partMonthWords returns, in lower case, the words of letters alone that begin with early, mid or
// late (hasPart) and can begin a pattern: early, mid and late themselves ("mid March", "late
// 2015"), and each followed by a month's name ("midOctober"). A pattern that begins with one
// (monthYearAt, monthAt, yearAt) reads the part and then, right after it or after a '-' or a space,
// a month written as the patterns write it or a year: a word of letters that has more letters after
// its part is one only when they are a month. Words such as "lately" or "midnight" so need not
// stop skipWords: they could only be candidates where no pattern matches.
func partMonthWords() []string {
	var out []string
	for _, p := range partWords {
		out = append(out, p)
		for _, m := range fullMonths {
			out = append(out, p+strings.ToLower(m))
		}
		for _, m := range abbrMonths {
			out = append(out, p+strings.ToLower(m))
		}
	}
	return out
}

// wordBits are the two bits of scanBits[h>>60] (or fastBits, lazyBits) for the hash h.
func wordBits(h uint64) uint64 { return 1<<(h&63) | 1<<(h>>6&63) }

// quietBytes are the ASCII bytes that are not word bytes: a token of one of them is nothing to
// scanWords.
var quietBytes = func() (out [256]bool) {
	for c := range utf8.RuneSelf {
		out[c] = wordBytes[c] == 0
	}
	return out
}()

// partFirst tells the bytes that begin early, mid and late in either case, for hasPart.
var partFirst = func() (out [256]bool) {
	for _, c := range []byte("emlEML") {
		out[c] = true
	}
	return out
}()

// hasPart tells whether w, a run of word characters, begins with early, mid or late in any case.
func hasPart(w string) bool {
	if len(w) < 3 {
		return false
	}
	switch w[0] | 0x20 {
	case 'm':
		return w[1]|0x20 == 'i' && w[2]|0x20 == 'd'
	case 'e':
		return len(w) >= 5 && w[1]|0x20 == 'a' && w[2]|0x20 == 'r' && w[3]|0x20 == 'l' && w[4]|0x20 == 'y'
	case 'l':
		return len(w) >= 4 && w[1]|0x20 == 'a' && w[2]|0x20 == 't' && w[3]|0x20 == 'e'
	}
	return false
}

// foldsOutsideASCII tells whether s has a character that case-insensitive matching equates with
// an ASCII letter (the long s, the Kelvin sign): in such a sentence a word may begin a pattern
// without being spelled as the candidates are.
func foldsOutsideASCII(s string) bool {
	// each is looked for by its second byte: their first bytes begin common characters of news
	// (the first of the Kelvin sign's begins curly quotes and dashes), their second ones rare ones
	return containsBy(s, "\u017f", 1) || containsBy(s, "\u212a", 1)
}

// containsBy is strings.Contains(s, c), c being a character of several bytes, looking for its
// byte k.
func containsBy(s, c string, k int) bool {
	for i := k; i < len(s); i++ {
		j := strings.IndexByte(s[i:], c[k])
		if j < 0 {
			return false
		}
		if i += j; strings.HasPrefix(s[i-k:], c) {
			return true
		}
	}
	return false
}

// findFirst returns what patterns[i].re.FindStringSubmatchIndex(s) returns (false for nil),
// trying the pattern only at the candidates cs of s.
func findFirst(i int, s string, cs []candidate) (index, bool) {
	want := patterns[i].starts
	for ci, c := range cs {
		if c.kinds&want == 0 || mayNotMatch(c.kinds&want) && !mayMatch(i, s, cs, ci) {
			continue
		}
		var idx index
		if matchAt(i, s, c.pos, &idx) {
			return idx, true
		}
	}
	return index{}, false
}

// mayNotMatch tells the kinds of a candidate, those a pattern wants, for which mayMatch may rule
// the candidate out: it returns true for all others.
func mayNotMatch(k start) bool {
	return k == startPre || k == startDayWord || k == startDigit
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

// clauseBreaks appends to out where the clause breaks of sentence s that start in [start, limit)
// start: the starts of the matches of clauseBreak, found by hand. start is 0 or a place where no
// break is under way (breakFree): breaks are found from the left, each after the one before, and
// none spans such a place, so reading from it finds those after it. It reads s only up to limit
// and a break that starts there. A sentence with a character that folds to an ASCII letter from
// start on is left to the regular expression.
func clauseBreaks(s string, start, limit int, out []int) []int {
	// every break begins with a byte of mayBreak or a space before one (a dash): without one up
	// to limit, none starts before it, and the sentence need not be read for folding characters
	head := s[:max(start, min(len(s), limit+1))]
	first := nextMayBreak(head, start)
	if first == len(head) {
		return out
	}
	if foldsOutsideASCII(s[start:]) { // no break before start spans it: what comes before it is not read
		for _, loc := range clauseBreak.FindAllStringIndex(s, -1) {
			if start <= loc[0] && loc[0] < limit {
				out = append(out, loc[0])
			}
		}
		return out
	}
	from := start // the end of the latest break: a break starts at or after it
	// a break starts at i or, before a dash, at i-1: i goes up to limit (head)
	for i := first; i < len(head); i++ {
		if i = nextMayBreak(head, i); i == len(head) {
			break
		}
		// a space breaks only before a dash (whose first byte is '-' or that of '–' and '—'): it
		// is tried at the dash, which spaces are much rarer than
		at := i
		if i > from && isSpace(s[i-1]) && (s[i] == '-' || s[i] == "—"[0]) {
			at = i - 1
		}
		end := clauseBreakAt(s, at)
		if end == at && at < i {
			at = i
			end = clauseBreakAt(s, at)
		}
		if end > at {
			if at < limit {
				out = append(out, at)
			}
			from = end
			i = end - 1
		}
	}
	return out
}

// breakFree returns the last place at or before i in s where no clause break can be under way: a
// space after a word byte (a break that takes in a word ends with it, and none ends with a space
// after a word byte or with a word byte before a space), or 0.
func breakFree(s string, i int) int {
	for i = min(i, len(s)-1); i > 0; i-- {
		if s[i] == ' ' && isWordByte(s[i-1]) {
			return i
		}
	}
	return 0
}

// nextMayBreak returns the first byte of s from i on that is mayBreak, or len(s): the loop that
// most bytes of a sentence cost. It passes over eight bytes at a time that maybeBreak rules out.
func nextMayBreak(s string, i int) int {
	for i < len(s) {
		if i+8 <= len(s) && !maybeBreak(load64(s, i)) {
			i += 8
			continue
		}
		for end := min(i+8, len(s)); i < end; i++ {
			if mayBreak[s[i]] {
				return i
			}
		}
	}
	return len(s)
}

// load64 returns the eight bytes of s from i as a little-endian number (one load).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// maybeBreak tells whether the eight bytes of x may hold a byte of mayBreak: false only when none
// does. It tests, for all eight at once, the ranges that hold those bytes, '(' to ';' and '[' to
// ']', and the top bit (the first byte of a dash, any byte outside ASCII). Adding 0x80-c to a byte
// below 0x80 sets its top bit when it is c or more, and carries into the next byte only from a
// byte of 0x80 or more, which makes the answer true anyway.
func maybeBreak(x uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	fromParen := x + (0x80-'(')*ones
	pastSemicolon := x + (0x80-';'-1)*ones
	fromBracket := x + (0x80-'[')*ones
	pastBracket := x + (0x80-']'-1)*ones
	return (fromParen&^pastSemicolon|fromBracket&^pastBracket|x)&tops != 0
}

// mayBreak are the bytes that clauseBreakAt may find a break at, or a break may start before (a
// space before a dash): the punctuation of clauseBreak and the first bytes of its dashes.
var mayBreak = func() (out [256]bool) {
	for _, c := range []byte(";:()[],-") {
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
		if k-j <= len("stressing") {
			var buf [len("stressing")]byte // the word in lower case, without allocating
			w := buf[:copy(buf[:], s[j:k])]
			for x, c := range w {
				if 'A' <= c && c <= 'Z' {
					w[x] = c + 'a' - 'A'
				}
			}
			if isSubordinator(string(w)) {
				return k
			}
		}
	}
	return i
}

// isSubordinator tells the words after a comma that open a clause in clauseBreak, w in lower
// case: a switch rather than a map, as most commas are followed by other words, which it rules
// out by their length and first bytes without hashing them.
func isSubordinator(w string) bool {
	switch w {
	case "which", "who", "whom", "whose", "where", "while", "whereas", "but", "after", "before",
		"when", "since", "although", "though", "because", "saying", "adding", "noting", "stressing", "as":
		return true
	}
	return false
}

// TimeWords returns the words, in lower case, one of which every time expression without a digit
// needs: FindTokens finds nothing in a sentence that has neither (see Quiet).
func TimeWords() []string {
	ws := make([]string, 0, len(featureWords))
	for w := range featureWords {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	return ws
}

// Quiet reports that the token t of the sentence s, and the text between it and at (the end of
// the token before it, or s.Start for the first), hold no digit and no word of TimeWords, given
// that t's word (t.Lower) is not one of TimeWords: FindTokens finds nothing in a sentence whose
// tokens (text.AppendTokens of s.Text at s.Start) are all quiet, when QuietEnd tells that the text
// after the last one is too. A caller that looks up every token's word anyway (as the event
// package does) can so pass over the sentence without reading its tokens again. Quiet reads the
// token's Shape and offsets alone, and may report false for a token that holds neither (a token of
// letters and marks, or after a gap other than one space), never true for one that holds either.
func Quiet(s text.Sentence, at int, t *text.Token) bool {
	gap := t.Start - at
	return quietShapes>>(t.Shape&15)&1 != 0 && (gap == 0 || gap == 1 && s.Text[at-s.Start] == ' ')
}

// quietShapes has bit n set for each Shape n of a token that holds no digit and no word but its
// own: letters alone, or marks alone (ShapeOther).
const quietShapes = 1<<text.ShapeLower | 1<<text.ShapeUpper | 1<<(text.ShapeLower|text.ShapeUpper) | 1<<text.ShapeOther

// QuietEnd reports that the text of s after at, the end of its last token, holds no digit and no
// word of TimeWords (see Quiet).
func QuietEnd(s text.Sentence, at int) bool {
	// most sentences end with their last token: that is told without a call, QuietEnd being inlined
	rest := s.Text[at-s.Start:]
	return rest == "" || features(rest) == 0
}
