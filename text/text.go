// Package text splits an article into sentences and tokens, keeping byte offsets into the
// article so that every later stage can point back at the words it used.
//
// Sentences follow news writing: a line without final punctuation (a heading, a caption) is a
// sentence of its own; abbreviations (Maj. Gen., Dr., Jan.), initials and dotted acronyms (U.S.)
// do not end a sentence; closing quotes and brackets stay with the sentence they close; a run of
// text over 4096 bytes with no sentence end is cut into pieces at clause marks (maxSentence).
// Tokens are Unicode words (UAX #29) with possessive endings split off ("Iran's" → "Iran", "'s").
package text

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/clipperhouse/uax29/v2/words"
)

// Sentence is a span of the document.
type Sentence struct {
	Start, End int // byte offsets into the document
	Text       string
}

// Token is a word or punctuation mark.
type Token struct {
	Start, End int    // byte offsets into the document
	Text       string // as written
	Lower      string // lower case, with typographic apostrophes and dashes folded to ASCII
	hash       uint64 // filterHash(Lower), set by AppendTokens; 0 when not known
	Shape      Shape  // the kinds of characters of Text, set by AppendTokens; 0 when not known
}

// Shape tells the kinds of characters a token is made of, so that later stages can rule a word
// in or out without reading its bytes again.
type Shape uint8

// The kinds of characters of a Shape.
const (
	ShapeLower Shape = 1 << iota // an ASCII lower-case letter
	ShapeUpper                   // an ASCII capital letter
	ShapeDigit                   // an ASCII digit
	ShapeOther                   // any other character: '_', punctuation, a mark inside a word ("U.S."), non-ASCII
)

// shapeOf returns the Shape of w.
func shapeOf(w string) Shape {
	var sh Shape
	for i := 0; i < len(w); i++ {
		sh |= byteShapes[w[i]]
	}
	return sh
}

// byteShapes gives the Shape of each byte.
var byteShapes = func() (out [256]Shape) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z':
			out[c] = ShapeLower
		case 'A' <= c && c <= 'Z':
			out[c] = ShapeUpper
		case '0' <= c && c <= '9':
			out[c] = ShapeDigit
		default:
			out[c] = ShapeOther
		}
	}
	return out
}()

// abbreviations that do not end a sentence when followed by a period (lower case, no period).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "maj": true,
	"col": true, "lt": true, "capt": true, "cpt": true, "sgt": true, "cmdr": true, "adm": true,
	"brig": true, "sen": true, "rep": true, "gov": true, "amb": true, "pres": true, "rev": true,
	"st": true, "mt": true, "jr": true, "sr": true, "no": true, "vs": true, "etc": true, "approx": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "fm": true, "dept": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "gens": true, "sheikh": true, "hon": true,
}

// Sentences splits doc into sentences.
func Sentences(doc string) []Sentence {
	return AppendSentences(make([]Sentence, 0, len(doc)/64+1), doc) // news sentences run to some 100 bytes
}

// AppendSentences appends the sentences of doc to out: Sentences for a caller that reuses out
// from one document to the next.
func AppendSentences(out []Sentence, doc string) []Sentence {
	// the next full stop, exclamation and question marks, searched for in the whole document
	// rather than line by line: a line without one (a heading) costs no search, and '!' and
	// '?', which few lines have, are searched for a few times a document
	m := finalMarks{dot: -1, bang: -1, question: -1}
	lineStart := 0
	for lineStart < len(doc) {
		lineEnd := strings.IndexByte(doc[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(doc)
		} else {
			lineEnd += lineStart
		}
		if lineEnd > lineStart { // (a blank line has no sentence)
			out = splitLine(doc, lineStart, lineEnd, out, &m)
		}
		lineStart = lineEnd + 1
	}
	return out
}

// finalMarks holds where the next full stop, exclamation and question marks of a document are
// (the document's length when there is none), each searched for again once passed.
type finalMarks struct {
	dot, bang, question int
}

// next returns the first final mark of doc at or after i, or end if there is none before end.
func (m *finalMarks) next(doc string, i, end int) int {
	if m.dot < i {
		m.dot = indexFrom(doc, '.', i, len(doc))
	}
	if m.bang < i {
		m.bang = indexFrom(doc, '!', i, len(doc))
	}
	if m.question < i {
		m.question = indexFrom(doc, '?', i, len(doc))
	}
	return min(m.dot, m.bang, m.question, end)
}

// splitLine appends the sentences of doc[start:end], a line without newlines, whose final marks
// m finds.
//
// Each character it looks at (the one after a final mark, the spaces that follow, the first of
// the next sentence) is told from its byte when it is ASCII, and decoded only when it is not.
func splitLine(doc string, start, end int, out []Sentence, m *finalMarks) []Sentence {
	s := start
	// the final punctuation is ASCII, and no byte of another character is ASCII, so the bytes
	// are searched without decoding
	for i := start; i < end; {
		if i = m.next(doc, i, end); i == end {
			break
		}
		r := doc[i]
		j := i + 1
		// runs of final punctuation and closing quotes or brackets stay with the sentence
		for j < end {
			if c := doc[j]; c < utf8.RuneSelf {
				if !finalOrCloser[c] {
					break
				}
				j++
				continue
			}
			r2, n2 := utf8.DecodeRuneInString(doc[j:])
			if !isCloser(r2) {
				break
			}
			j += n2
		}
		if j < end {
			if c := doc[j]; c < utf8.RuneSelf && !asciiSpace[c] || c >= utf8.RuneSelf && !isSpaceRune(doc[j:]) {
				i = j
				continue
			}
		}
		k := j + 1 // after the space at j: one ASCII space most often, else skipSpaces
		if k < end && (doc[j] != ' ' || doc[k] >= utf8.RuneSelf || asciiSpace[doc[k]]) {
			k = skipSpaces(doc, j, end)
		}
		if k >= end {
			i = j
			continue
		}
		// (startsSentence, told from the byte by asciiOpens when it is ASCII)
		if c := doc[k]; r == '.' && j == i+1 &&
			(c < utf8.RuneSelf && !asciiOpens[c] || c >= utf8.RuneSelf && !startsSentence(doc[k:end])) {
			i = j
			continue
		}
		if j > i+1 && startsLower(doc[k:end]) {
			// `"Will Iran retaliate?" the minister asked`: the quote goes on the sentence
			i = j
			continue
		}
		if r == '.' && j == i+1 && isAbbreviation(doc[s:i]) {
			i = j
			continue
		}
		out = appendSentence(out, doc, s, j)
		s, i = k, k
	}
	return appendSentence(out, doc, s, end)
}

// appendSentence appends the sentence doc[s:e], its spaces at either end trimmed, unless it is
// all spaces.
//
// It is small enough for the compiler to write it out where it is called, the trimming left to
// appendTrimmed.
func appendSentence(out []Sentence, doc string, s, e int) []Sentence {
	if s < e && e-s <= maxSentence && plainEdge[doc[s]] && plainEdge[doc[e-1]] {
		// no space at either end (most sentences: splitLine starts them after the spaces, and
		// ends them at their final mark)
		return append(out, Sentence{Start: s, End: e, Text: doc[s:e]})
	}
	return appendTrimmed(out, doc, s, e)
}

// plainEdge tells the bytes that are a character of their own and not a space: the ASCII ones
// but spaces.
var plainEdge = func() (out [256]bool) {
	for c := range utf8.RuneSelf {
		out[c] = !asciiSpace[c]
	}
	return out
}()

// appendTrimmed is appendSentence for a sentence that may have spaces at its ends or run
// longer than maxSentence.
func appendTrimmed(out []Sentence, doc string, s, e int) []Sentence {
	s = skipSpaces(doc, s, e)
	e = trimEnd(doc, s, e)
	for e-s > maxSentence {
		c := cutPoint(doc, s)
		p := trimEnd(doc, s, c)
		out = append(out, Sentence{Start: s, End: p, Text: doc[s:p]})
		s = skipSpaces(doc, c, e)
	}
	if s < e {
		out = append(out, Sentence{Start: s, End: e, Text: doc[s:e]})
	}
	return out
}

// maxSentence is the longest a sentence runs, in bytes. A longer run of text with no sentence
// end (a list, a table, a page written without full stops) is not a sentence a reader takes in
// as one: it is cut into pieces, as cutPoint cuts it. The longest sentence of the shared sets
// and the bench corpus runs to 403 bytes (68 words), the longest of their mutated documents (a
// page in lower case) to 1711 bytes. The cap keeps coding linear in a document's length: some
// rules compare each actor of a sentence with the others.
const maxSentence = 4096

// cutPoint returns where to end the piece of a run of text longer than maxSentence that starts
// at s, a character other than a space: after the last clause mark (";" then ",") followed by a
// space in the piece's second half, else at the last space there, else at maxSentence bytes (at
// the start of the character there).
func cutPoint(doc string, s int) int {
	lo, hi := s+maxSentence/2, s+maxSentence+1 // (a mark at hi-2, its space at hi-1)
	w := doc[lo:hi]
	if k := strings.LastIndex(w, "; "); k >= 0 {
		return lo + k + 1
	}
	if k := strings.LastIndex(w, ", "); k >= 0 {
		return lo + k + 1
	}
	if k := strings.LastIndexByte(w, ' '); k >= 0 {
		return lo + k
	}
	// back to the start of the character there, if one starts in the last utf8.UTFMax bytes
	// (not in bytes that are not UTF-8: a run of continuation bytes is cut where it stands)
	c := s + maxSentence
	for k := c; k > c-utf8.UTFMax; k-- {
		if utf8.RuneStart(doc[k]) {
			return k
		}
	}
	return c
}

// trimEnd returns e moved back over the spaces that end doc[s:e].
func trimEnd(doc string, s, e int) int {
	for e > s {
		if c := doc[e-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(doc[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return e
}

// skipSpaces returns the index of the first character of doc[k:end] that is not a space, or end.
func skipSpaces(doc string, k, end int) int {
	for k < end {
		if c := doc[k]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			k++
			continue
		}
		n := spaceAt(doc[k:end])
		if n == 0 {
			break
		}
		k += n
	}
	return k
}

// finalOrCloser tells the ASCII final punctuation and closing quotes and brackets (isCloser).
var finalOrCloser = func() (out [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		out[c] = c == '.' || c == '!' || c == '?' || isCloser(rune(c))
	}
	return out
}()

// indexFrom returns the index of the first c in doc[from:end], or end.
func indexFrom(doc string, c byte, from, end int) int {
	if k := strings.IndexByte(doc[from:end], c); k >= 0 {
		return from + k
	}
	return end
}

// asciiOpens tells the ASCII characters that startsSentence tells.
var asciiOpens = func() (out [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		out[c] = startsSentence(string(rune(c)))
	}
	return out
}()

// startsSentence reports whether rest could open a sentence: a capital letter, digit or opening quote.
func startsSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	// (an opening quote first: the Unicode tables are searched for a character outside Latin-1)
	return isOpener(r) || unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsLower(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r)
}

// isAbbreviation looks at the word just before a period.
func isAbbreviation(before string) bool {
	if n := len(before); n >= 8 {
		if ok, known := lastWordAbbreviation(load64(before[n-8:])); known {
			return ok
		}
	}
	// the word: ASCII letters and periods back to another ASCII character, or the whole test
	// character by character when it meets one outside ASCII
	k := len(before)
	dotted := false
	for ; k > 0; k-- {
		c := before[k-1]
		if c >= utf8.RuneSelf {
			return isAbbreviationRunes(before)
		}
		if c == '.' {
			dotted = true
		} else if (c|0x20)-'a' >= 26 { // not a letter (c|0x20 is a letter's lower case)
			break
		}
	}
	w := before[k:]
	switch {
	case w == "":
		return false
	case dotted: // U.S. and other dotted acronyms
		return true
	case len(w) == 1: // an initial: John F. Kennedy
		return 'A' <= w[0] && w[0] <= 'Z'
	case len(w) <= 8:
		// the word in lower case packed into 64 bits, without building a string
		var x uint64
		for i := 0; i < len(w); i++ {
			x |= uint64(w[i]|0x20) << (8 * i)
		}
		return isPackedAbbreviation(x)
	}
	return false // (no abbreviation is longer: TestIsAbbreviation)
}

// lastWordAbbreviation is isAbbreviation for text whose last eight bytes are x (as load64
// reads them), told from x alone when they are ASCII and hold the start of the word (a byte
// other than a letter or '.' before it): known is false otherwise. Most words before a period
// are so told with no loop over their bytes.
func lastWordAbbreviation(x uint64) (ok, known bool) {
	const high = 0x80 * ones
	if x&high != 0 {
		return false, false // a byte outside ASCII: the sums below could carry across bytes
	}
	// the top bit of each byte that is a letter, or '.' (exact for bytes below 0x80: no sum or
	// difference below leaves its byte)
	l := x | 0x20*ones // a letter's lower case
	letters := (l + (0x80-'a')*ones) & ((0x80+'z')*ones - l) & high
	t := x ^ '.'*ones // 0 where '.'
	dots := ^((t&^high + 0x7f*ones) | t) & high
	others := ^(letters | dots) & high
	if others == 0 {
		return false, false // the word may begin before these eight bytes
	}
	// the word: the k bytes after the last other byte
	after := 8 * (8 - bits.LeadingZeros64(others)/8) // the bits up to and with that byte
	k := 8 - after/8
	switch {
	case k == 0:
		return false, true
	case dots>>after != 0: // U.S. and other dotted acronyms
		return true, true
	case k == 1: // an initial: John F. Kennedy
		c := byte(x >> 56)
		return 'A' <= c && c <= 'Z', true
	}
	// the word in lower case packed as isAbbreviation packs it
	w := (x | 0x20*ones) >> after
	return isPackedAbbreviation(w), true
}

// abbreviationSlots hold the abbreviations, each packed into 64 bits as isAbbreviation packs
// the word before a period, in a table of twice as many slots or more (a power of two): each at
// the slot its hash chooses, or the first free one after it. A look-up is a few instructions,
// where a map's takes some fifty.
var abbreviationSlots = func() []uint64 {
	n := 1
	for n < 2*len(abbreviations) {
		n *= 2
	}
	out := make([]uint64, n)
	for w := range abbreviations {
		var x uint64
		for i := 0; i < len(w) && i < 8; i++ {
			x |= uint64(w[i]) << (8 * i)
		}
		h := abbreviationSlot(x, n)
		for out[h] != 0 {
			h = (h + 1) & (n - 1)
		}
		out[h] = x
	}
	return out
}()

// abbreviationSlot returns the slot of a table of n slots, a power of two, that the packed word
// x hashes to.
func abbreviationSlot(x uint64, n int) int {
	return int((x * 0x9E3779B97F4A7C15) >> 32 & uint64(n-1))
}

// isPackedAbbreviation tells whether x, a word packed as isAbbreviation packs it (not 0), is
// among the abbreviationSlots.
func isPackedAbbreviation(x uint64) bool {
	slots := abbreviationSlots
	for h := abbreviationSlot(x, len(slots)); ; h = (h + 1) & (len(slots) - 1) {
		switch slots[h] {
		case x:
			return true
		case 0:
			return false
		}
	}
}

// isAbbreviationRunes is isAbbreviation for a word that may have characters outside ASCII.
func isAbbreviationRunes(before string) bool {
	w := before
	if i := strings.LastIndexFunc(before, func(r rune) bool { return !(unicode.IsLetter(r) || r == '.') }); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		w = before[i+n:]
	}
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S. and other dotted acronyms
		return true
	}
	if utf8.RuneCountInString(w) == 1 { // an initial: John F. Kennedy
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '»', '\u201d', '\u2019':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '«', '\u201c', '\u2018':
		return true
	}
	return false
}

func isSpaceRune(s string) bool { return spaceAt(s) > 0 }

// spaceAt returns the length of the space character (unicode.IsSpace) that s starts with, or 0.
func spaceAt(s string) int {
	if s == "" {
		return 0
	}
	if c := s[0]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// asciiSpace tells the ASCII characters that unicode.IsSpace tells.
var asciiSpace = func() (out [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		out[c] = unicode.IsSpace(rune(c))
	}
	return out
}()

// Tokens returns the words and punctuation of doc[s.Start:s.End], with document offsets.
func Tokens(doc string, s Sentence) []Token {
	return AppendTokens(nil, doc[s.Start:s.End], s.Start)
}

// AppendTokens appends the tokens of text, whose first byte is at offset base in the document.
//
// The lower-case forms that differ from the text are written into a few buffers that they
// share, so a sentence costs a few allocations rather than one per capitalised word.
func AppendTokens(toks []Token, text string, base int) []Token {
	toks, _ = AppendTokensFolded(toks, nil, text, base)
	return toks
}

// AppendTokensFolded is AppendTokens writing the lower-case forms that differ from the text
// after the bytes of folded, and returning folded extended by them, so that a caller who splits
// a document sentence by sentence can give the whole document one buffer rather than one a
// sentence. When folded is full a new buffer is started (and returned); the bytes of folded
// already there are never written. The tokens' Lower strings share the returned buffer's bytes:
// the caller must not write to them, nor hand the buffer to a call for another document while
// the tokens are in use.
func AppendTokensFolded(toks []Token, folded []byte, text string, base int) ([]Token, []byte) {
	toks = slices.Grow(toks, len(text)/5+1)
	z := tokenizer{toks: toks, text: text, base: base, folded: folded}
	if !z.simpleWords(0, len(text)) {
		// a character simpleWords does not know: start again with the full rules (the forms
		// simpleWords wrote stay where they are, unused)
		z.toks = toks
		z.uax29Words()
	}
	return z.toks, z.folded
}

// AppendDocTokens appends the tokens of each of the sentences sents of doc (as AppendSentences
// splits it, or any spans of doc) to toks, one sentence after the other, the same tokens as
// AppendTokensFolded(toks, folded, s.Text, s.Start) appends for each sentence s, and appends to
// ends, for each sentence, len(toks) after its tokens. The lower-case forms are written after
// the bytes of folded as AppendTokensFolded writes them. A caller should reserve room in toks
// for the whole document (about len(doc)/5 tokens): the fast loop stops when toks is full.
//
// Why it is faster than a call of AppendTokensFolded for each sentence: one call for the
// document, and the sentences are read from doc rather than from their text alone. The fast
// loop (fastWords) reads eight or sixteen bytes at a time and leaves the last eight bytes of its
// text to the slower full loop; here its text goes on seven bytes past the sentence's end, so
// that it takes the sentence's last words too, and stops at the sentence's end without a test of
// its own. The words are the same because a sentence of AppendSentences ends at the end of doc
// or before a space, which ends every word (the rules read no further than the character after
// a word, and the one after that only when it may join them); a span that does not is tokenized
// from its text alone. TestDocTokens and FuzzDocTokens hold it to AppendTokensFolded.
func AppendDocTokens(toks []Token, folded []byte, ends []int, doc string, sents []Sentence) ([]Token, []byte, []int) {
	z := tokenizer{toks: toks, folded: folded}
	for _, s := range sents {
		start := len(z.toks)
		z.text, z.base = doc, 0 // (what the rules read: up to seven bytes past the sentence)
		if s.End < len(doc) {
			if c := doc[s.End]; c < utf8.RuneSelf && !asciiSpace[c] || c >= utf8.RuneSelf && spaceAt(doc[s.End:]) == 0 {
				// a span that does not end before a space: from its text alone
				z.toks, z.folded = AppendTokensFolded(z.toks, z.folded, s.Text, s.Start)
				ends = append(ends, len(z.toks))
				continue
			}
			z.text = doc[:min(len(doc), s.End+7)]
		}
		if !z.simpleWords(s.Start, s.End) {
			// a character simpleWords does not know: the full rules, on the sentence's text
			// alone as AppendTokensFolded applies them
			z.toks = z.toks[:start]
			z.text, z.base = s.Text, s.Start
			z.uax29Words()
		}
		ends = append(ends, len(z.toks))
	}
	return z.toks, z.folded, ends
}

// tokenizer collects the tokens of one call of AppendTokensFolded.
type tokenizer struct {
	toks   []Token
	text   string // the text being split
	base   int    // the document offset of text
	folded []byte // the end of the buffer the lower-case forms are written to
}

// uax29Words adds the words of z.text as uax29 splits them, spaces left out.
func (z *tokenizer) uax29Words() {
	it := words.FromString(z.text)
	for it.Next() {
		v := it.Value()
		r, _ := utf8.DecodeRuneInString(v)
		if unicode.IsSpace(r) {
			continue
		}
		z.add(it.Start(), it.Start()+len(v))
	}
}

// add appends the word text[i:j], a possessive ending split off ("Iran's", "parliament’s",
// "Muslims'").
func (z *tokenizer) add(i, j int) {
	v := z.text[i:j]
	start := z.base + i
	k := possessive(v)
	w := v
	if k > 0 {
		w = v[:k]
	}
	t := Token{Start: start, End: start + len(w), Text: w, Lower: w, Shape: shapeOf(w)}
	if needsFold(w) {
		// a rune folds to at most utf8.UTFMax bytes
		t.Lower = z.fold(w, i, utf8.UTFMax*len(w))
	}
	t.hash = filterHash(t.Lower) // once, for the filters a token meets
	z.toks = append(z.toks, t)
	if k > 0 {
		z.toks = append(z.toks, Token{Start: start + k, End: start + len(v), Text: v[k:], Lower: "'s", hash: possessiveHash, Shape: shapeOf(v[k:])})
	}
}

var possessiveHash = filterHash("'s")

// fold returns Fold(w) for the word w at byte i of the text, written into z.folded, where it
// takes at most n bytes. The bytes of a form are not written again, so its string shares them;
// when the buffer is full a new one is started, and the forms already made keep the old one.
func (z *tokenizer) fold(w string, i, n int) string {
	if cap(z.folded)-len(z.folded) < n {
		// a guess: capitalised words are a fraction of a sentence
		z.folded = make([]byte, 0, (len(z.text)-i)/4+n+8)
	}
	from := len(z.folded)
	z.folded = appendFold(z.folded, w)
	f := z.folded[from:]
	return unsafe.String(unsafe.SliceData(f), len(f))
}

func possessive(v string) int {
	if len(v) < 3 || v[len(v)-1] != 's' && v[len(v)-1] != 'S' {
		return 0
	}
	for _, suf := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
		if len(v) > len(suf) && strings.HasSuffix(v, suf) {
			return len(v) - len(suf)
		}
	}
	return 0
}

// Fold lower-cases s and folds typographic apostrophes, quotes and dashes to ASCII, so that
// dictionary entries and text compare equal however they were typed.
func Fold(s string) string {
	if !needsFold(s) {
		return s
	}
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// needsFold tells whether Fold changes s (or may: any byte outside ASCII).
func needsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' {
			return true
		}
	}
	return false
}

// appendFold appends the folded form of s to b.
func appendFold(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			b = append(b, c)
		}
		return b
	}
	for _, r := range s {
		switch r {
		case '\u2019', '\u2018', '`', '\u00b4':
			r = '\''
		case '\u201c', '\u201d', '\u00ab', '\u00bb':
			r = '"'
		case '\u2013', '\u2014', '\u2010', '\u2011', '\u2212':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t *Token) IsCapitalized() bool {
	return t.Text != "" && (t.Text[0]-'A' < 26 || t.Text[0] >= utf8.RuneSelf && startsUpper(t.Text))
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if '\u2000' <= r && r <= '\u206f' {
		// the typographic quotes, dashes and spaces of news (General Punctuation), none a
		// capital (TestStartsUpper), told without searching the Unicode tables
		return false
	}
	return unicode.IsUpper(r)
}

// Dateline returns how many tokens open the article as a dateline ("TEHRAN –", "BEIJING,
// November 9. /TASS/", "date 2017-10-19 Alwaght-") rather than as its first sentence.
func Dateline(toks []Token) int {
	i := 0
	if len(toks) > 1 && toks[0].Lower == "date" {
		// date 2017-10-19 Outlet-
		for i < len(toks) && i < 12 {
			if toks[i].Lower == "-" && i > 1 {
				return i + 1
			}
			i++
		}
		return 0
	}
	// capitals up to a dash or an agency in brackets or slashes
	for i < len(toks) && i < 10 {
		t := toks[i]
		if t.Lower == "-" || t.Lower == "/" || t.Lower == "(" {
			if i == 0 {
				return 0
			}
			j := i + 1
			if t.Lower != "-" {
				for j < len(toks) && j < i+5 && toks[j].Lower != "/" && toks[j].Lower != ")" {
					j++
				}
				j++
				if j < len(toks) && toks[j].Lower == "-" {
					j++
				}
			}
			return min(j, len(toks))
		}
		if t.Text != strings.ToUpper(t.Text) && !(i > 0 && (IsNumber(t) || isMonth(t.Lower))) {
			return 0
		}
		i++
	}
	return 0
}

// IsNumber reports whether t is written as a number: digits, with commas and full stops after the
// first (1,200 or 3.5).
func IsNumber(t Token) bool {
	for i, r := range t.Text {
		if (r < '0' || r > '9') && !(i > 0 && (r == ',' || r == '.')) {
			return false
		}
	}
	return t.Text != ""
}

func isMonth(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// Filter tells quickly that a word is not in a set: a Bloom filter (two bits of one 64-bit word
// for each word, about eight bits a word in all), small enough to stay in the processor's cache,
// to test before looking a token up in a large map. A nil Filter may have every word.
type Filter struct {
	bits  []uint64
	shift uint // the hash's top bits choose the word
}

// NewFilter returns a filter of the words.
func NewFilter(words ...string) *Filter {
	n := 1 // 64-bit words: at least eight bits a word, a power of two
	for n*64 < 8*len(words) {
		n *= 2
	}
	f := &Filter{bits: make([]uint64, n), shift: 64}
	for n > 1 {
		n /= 2
		f.shift--
	}
	for _, w := range words {
		h := filterHash(w)
		f.bits[f.index(h)] |= filterMask(h)
	}
	return f
}

// index returns the 64-bit word of the hash h: its top bits (none for a filter of one word, as
// a shift by 64 leaves 0).
func (f *Filter) index(h uint64) uint64 { return h >> f.shift }

func filterMask(h uint64) uint64 { return 1<<(h&63) | 1<<((h>>6)&63) }

// Has reports whether w may be in the set: false means it is not.
func (f *Filter) Has(w string) bool {
	if f == nil {
		return true
	}
	h := filterHash(w)
	m := filterMask(h)
	return f.bits[f.index(h)]&m == m
}

// HasToken is Has(t.Lower), with the hash AppendTokens kept in t; for a token that AppendTokens
// did not make (it has no hash), it says the word may be in the set. It is small enough for the
// compiler to write it out where it is called: several stages ask it of most tokens.
func (f *Filter) HasToken(t *Token) bool {
	if f == nil || t.hash == 0 {
		return true
	}
	m := filterMask(t.hash)
	return f.bits[t.hash>>f.shift]&m == m
}

// Hash returns the hash of t.Lower that filters use (the one AppendTokens kept in t), for a
// table of words keyed the same way (see HashWord).
func (t *Token) Hash() uint64 {
	if t.hash == 0 {
		return filterHash(t.Lower)
	}
	return t.hash
}

// HashWord returns the Hash of a token whose Lower is w.
func HashWord(w string) uint64 { return filterHash(w) }

// filterHash hashes s: a word of fewer than shortWord bytes whole, with its length, and a
// longer one by its first and last eight bytes and its length (a few instructions for a word, at
// the cost of more false positives among long words alike at both ends). Two words of fewer than
// shortWord bytes never have the same hash (the bytes and the length are packed into 64 bits,
// and what follows is a bijection), which WordMap counts on.
func filterHash(s string) uint64 {
	n := len(s)
	var h uint64
	switch {
	case n >= shortWord:
		return longHash(load64(s), load64(s[n-8:]), n)
	case n >= 4:
		// the first and last four bytes overlap, and the bytes they both have are or-ed with themselves
		return packedHash(uint64(load32(s))|uint64(load32(s[n-4:]))<<(8*(n-4)), n)
	case n > 0:
		// s[0], s[n>>1], s[n-1] are every byte of s, in place, when n < 4
		return packedHash(uint64(s[0])|uint64(s[n>>1])<<(8*(n>>1))|uint64(s[n-1])<<(8*(n-1)), n)
	}
	return mixHash(h)
}

// packedHash is filterHash of a word of n bytes, 0 < n < shortWord, packed into x as load64
// reads them (the bytes past the word 0).
func packedHash(x uint64, n int) uint64 {
	return mixHash((x | uint64(n)<<56) * 0x9E3779B97F4A7C15)
}

// longHash is filterHash of a word of n >= shortWord bytes whose first and last eight bytes are
// first and last (as load64 reads them).
func longHash(first, last uint64, n int) uint64 {
	return mixHash(first*0x9E3779B97F4A7C15 ^ last*0xC2B2AE3D27D4EB4F ^ uint64(n)*0x165667B19E3779F9)
}

// mixHash is the last step of filterHash.
func mixHash(h uint64) uint64 {
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>32
}

// shortWord is the length from which filterHash no longer tells words apart for sure.
const shortWord = 8

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
