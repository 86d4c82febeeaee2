package place

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/text"
)

// Find returns the place where the event told by sentence happened, with the byte offset of its
// mention in sentence: the first place named after a word that locates ("in", "at", "near",
// "outside", "inside", "around", "visit to", "arrived in", "visited"). See FindNear.
func (g *Gazetteer) Find(sentence string, countries ...string) (Place, int, bool) {
	return g.FindNear(sentence, -1, countries...)
}

// FindNear returns the place where the event whose trigger starts at byte trigger of sentence
// happened (trigger < 0: no trigger), and the byte offset of its mention in sentence.
//
// A place is a name of the gazetteer, capitalised, after a word that locates: "in", "at", "near",
// "outside", "inside", "around", "to" after a word of travel ("visit to Moscow", "flew to
// Ankara"), or "visited"/"visiting"/"toured" ("visited Damascus"). Between the two may stand
// words that describe the place: "in the northern city of Aleppo", "in the Syrian capital,
// Damascus", "in Syria's Aleppo". "in the Syrian capital" and "in the capital of Syria" with no
// name are the capital of that country. A country alone ("in Syria") is not a place here. Of
// several places, the first after the trigger is taken, else the last before it; without a
// trigger, the first.
//
// countries are the countries the sentence is about (the event's actors'), most relevant first:
// where several places share a name, one of theirs is preferred unless it is dwarfed by a place
// elsewhere (see LookupIn for a strict preference).
func (g *Gazetteer) FindNear(sentence string, trigger int, countries ...string) (Place, int, bool) {
	return g.FindNearIn(Prepare(sentence), trigger, countries...)
}

// Prepared is a sentence split into words once, with the words that locate, for FindNearIn on
// each of its events. A sentence with no such word (SetTokens: most) keeps no words: FindNearIn
// needs none then.
type Prepared struct {
	sentence string
	toks     []token
	cues     []int // the tokens that are cues (isCue)
	// the place after each cue for the countries of the latest FindNearIn (the events of a
	// sentence often share their actors)
	after    []cuePlace
	afterFor []string
	afterG   *Gazetteer // nil when after is not set
}

// cuePlace is what afterCueAt found after one cue: the place's index in the gazetteer.
type cuePlace struct {
	i  int32
	at int
	ok bool
}

// Prepare splits sentence into words for FindNearIn.
func Prepare(sentence string) *Prepared {
	p := &Prepared{}
	p.Set(sentence)
	return p
}

// Set prepares p for sentence instead, reusing its memory.
func (p *Prepared) Set(sentence string) {
	p.sentence, p.toks = sentence, appendTokens(p.toks[:0], sentence)
	p.afterG = nil
	p.cues = p.cues[:0]
	for i := range p.toks {
		if isCue(p.toks, i) {
			p.cues = append(p.cues, i)
		}
	}
}

// SetTokens is Set for the sentence s already split into toks by text.AppendTokens (of s.Text at
// s.Start): the words are put together from the tokens rather than read again, where they can be.
func (p *Prepared) SetTokens(s text.Sentence, toks []text.Token) {
	from, ok := firstCue(s, toks)
	if !ok {
		// no cue, or none a place may follow, so no place to find: most sentences (the words
		// are not needed)
		p.sentence, p.toks, p.cues = s.Text, p.toks[:0], p.cues[:0]
		p.afterG = nil
		return
	}
	// the words from the first cue a place may follow: those before are not needed either
	words, cues, ok := fromText(p.toks[:0], p.cues[:0], s.Text, s.Start, toks, from)
	if !ok {
		p.Set(s.Text)
		return
	}
	p.sentence, p.toks, p.cues = s.Text, words, cues
	p.afterG = nil
}

// firstCue tells whether some word of the sentence s, split into toks by text.AppendTokens, may
// be a cue (isCue), as Set or fromText would split it, that afterCueAt may find a place after; and
// the token fromText may start at, that cue's (or the travel word's before a "to"), or 0 where it
// cannot tell. It reads the text tokens only: a token of plain ASCII letters and digits is a word
// of its own here too, or part of a longer one, so it is a cue only if it is a cue word, or "to"
// after a travel word (or after a token it cannot tell); punctuation standing alone and
// possessive endings are none; any other token, or anything but ASCII spaces between tokens, may
// be one. A cue followed by words in lower case that end afterCueAt's reading (see liveCue) has no
// place after it.
//
// The token it returns has ASCII spaces before it, after which appendTokens starts a word
// whatever came before, and fromText too: so fromText makes the words appendTokens makes from
// there on, and the same cues. (The cues before it have no place after them.)
func firstCue(s text.Sentence, toks []text.Token) (int, bool) {
	if len(toks) > 0 && (toks[0].Start < s.Start || toks[len(toks)-1].End > s.Start+len(s.Text)) {
		return 0, true // not the sentence's tokens
	}
	at := s.Start // the end of the previous token
	for k := range toks {
		t := &toks[k]
		// one byte between two tokens is a space the tokenizer dropped; more may be a word it
		// dropped, which Set reads (and a token before the previous one is not the tokenizer's)
		if uint(t.Start-at) > 1 && (t.Start < at || !asciiSpaces(s.Text[at-s.Start:t.Start-s.Start])) {
			return 0, true
		}
		at = t.End
		if t.Shape-1 < text.ShapeOther-1 {
			// ASCII letters and digits only (a Shape of the other three kinds, not 0): most words,
			// ruled out by their hash
			if !mayBeCueHash(t.Hash()) {
				continue
			}
			w := t.Lower
			from := k
			if !isCueWord(w) {
				if w != "to" || k == 0 || !mayTravel(&toks[k-1]) {
					continue
				}
				from = k - 1 // the travel word, which makes "to" a cue
			}
			if !liveCue(toks, k) {
				continue
			}
			if from > 0 {
				if gap := s.Text[toks[from-1].End-s.Start : toks[from].Start-s.Start]; gap == "" || !asciiSpaces(gap) {
					return 0, true // joined to the token before, perhaps
				}
			}
			return from, true
		}
		if len(t.Text) > 1 && !isPossessiveToken(t.Text) && tokenKind(t) != tokenPunct {
			return 0, true // a word with other characters, or a character outside ASCII
		}
	}
	return 0, !asciiSpaces(s.Text[at-s.Start:])
}

// mayBeCueHash tells whether a token whose hash (text.Token.Hash) is h may be a cue word or "to"
// (true for every such token, and for a few others) by two bits of h, which the tokenizer keeps
// beside the token's offsets: most words are ruled out with no read of their letters, which lie
// elsewhere in memory (a test of their first letter and length read them once).
func mayBeCueHash(h uint64) bool {
	return cueHashes.low&(1<<(h&63)) != 0 && cueHashes.high&(1<<(h>>58)) != 0
}

// cueHashes has a bit for the lowest six bits of the hash (text.HashWord) of each cue word and
// "to" in low, and one for its highest six in high.
var cueHashes = func() (out struct{ low, high uint64 }) {
	for _, w := range []string{"in", "at", "near", "outside", "inside", "around", "visited", "visiting",
		"toured", "touring", "to"} {
		h := text.HashWord(w)
		out.low |= 1 << (h & 63)
		out.high |= 1 << (h >> 58)
	}
	return out
}()

// liveCue tells whether afterCueAt may find a place after toks[k], a cue, as Set or fromText would
// split the sentence (when firstCue finds nothing else in it): false when the words after it
// are fillers and then a word in lower case, or a comma after none of the fillers that open an
// apposition, or nothing, each word a token of ASCII lower-case letters and digits that no
// token touches (no hyphen, full stop, apostrophe or possessive ending joins it to another),
// which is a word of its own there too and ends afterCueAt's reading as here.
func liveCue(toks []text.Token, k int) bool {
	prev := "" // as in afterCueAt
	for n, m := 0, k+1; n < 10; n, m = n+1, m+1 {
		if m == len(toks) {
			return false
		}
		t := &toks[m]
		switch {
		case t.Shape != 0 && t.Shape&(text.ShapeUpper|text.ShapeOther) == 0 &&
			toks[m-1].End != t.Start && (m+1 == len(toks) || toks[m+1].Start != t.End):
			// a word of lower-case letters and digits: a filler, or the end (not a name)
			if !fillers[t.Lower] {
				return false
			}
			prev = appositive([]byte(t.Lower))
		case t.Text == ",":
			if prev != "capital" && prev != "city" && prev != "town" {
				return false
			}
		default:
			return true // a word that may be a name, or one it cannot tell
		}
	}
	return false
}

// mayTravel tells whether t, the text token before a "to", may be a travel word here. (A token
// of other characters has already made firstCue true; punctuation and "'s" are none.)
func mayTravel(t *text.Token) bool {
	return t.Shape != 0 && t.Shape&text.ShapeOther == 0 && travel[t.Lower]
}

// fromText appends to out the tokens of sentence s (see tokenize) made from toks, its tokens by
// text.AppendTokens with base the document offset of s, from toks[from] on (a token that starts a
// word, see firstCue), and to cues those that are cues (isCue); it reports false, having perhaps appended some, where it cannot tell them for sure. The two
// split alike but for a few things, which it puts right: a hyphen, full stop, apostrophe or
// backquote between two words joins them here ("Nur-Sultan", "x.1"), a possessive ending is split
// off a word so joined ("al-Assad's") but not off a word in capitals ("IRAN'S"). It gives up on a
// token with a character outside ASCII (but for punctuation standing alone and apostrophes inside
// a word), with '_', ':', ',' or ';' inside a word ("1,000"), and on text between tokens other
// than ASCII spaces (the tokenizer leaves out a word after some spaces).
func fromText(out []token, cues []int, s string, base int, toks []text.Token, from int) ([]token, []int, bool) {
	at := 0 // the end of the previous token
	if from > 0 {
		at = toks[from-1].End - base
	}
	// each text token makes at most one token here (a possessive split off a word joined from
	// several), so out has room for all: the tokens are written in place, with no append
	out = slices.Grow(out, len(toks)-from)
	prevOne := -1 // the text token of the previous token, when it is a word of one text token
	for k := from; k < len(toks); k++ {
		t := &toks[k]
		i, j := t.Start-base, t.End-base
		if i < at || j > len(s) || j-i != len(t.Text) {
			return out, cues, false // not the tokens of s
		}
		if i > at && !(i == at+1 && s[at] == ' ') && !asciiSpaces(s[at:i]) {
			return out, cues, false
		}
		if t.Shape-1 < text.ShapeOther-1 && (k+1 == len(toks) || toks[k+1].Start != t.End) {
			// a word of ASCII letters and digits (a Shape of those kinds only, not 0) that no token
			// touches (most): a word of its own here too, which knows its lower case
			n := len(out)
			out = out[:n+1]
			o := &out[n]
			o.start, o.end, o.text, o.word, o.plain = i, j, t.Text, true, true
			if mayBeCueHash(t.Hash()) && isCueAt(toks, k, out, prevOne) {
				cues = append(cues, n)
			}
			at, prevOne = j, k
			continue
		}
		kind := tokenWord
		if t.Shape == 0 || t.Shape&text.ShapeOther != 0 {
			kind = tokenKind(t)
		}
		switch kind {
		case tokenPunct:
			out = append(out, token{start: i, end: j, text: t.Text})
			at, prevOne = j, -1
			continue
		case tokenOther:
			return out, cues, false
		}
		// a word, and those joined to it
		first := k
		for k+1 < len(toks) && toks[k+1].Start-base == j {
			next := &toks[k+1]
			if isPossessiveToken(next.Text) {
				j = next.End - base
				k++
				continue
			}
			if k+2 < len(toks) && isJoiner(next.Text) && toks[k+2].Start == next.End {
				switch tokenKind(&toks[k+2]) {
				case tokenWord:
					j = toks[k+2].End - base
					k += 2
					continue
				case tokenOther:
					return out, cues, false
				}
			}
			break
		}
		at = j
		if k == first {
			// one text token, which knows its lower case
			out = append(out, token{start: i, end: j, text: t.Text, word: true, plain: t.Shape&text.ShapeOther == 0})
			if mayBeCueHash(t.Hash()) && isCueAt(toks, k, out, prevOne) {
				cues = append(cues, len(out)-1)
			}
			prevOne = k
			continue
		}
		w := s[i:j]
		if n := possessive(w); n > 0 {
			out = append(out, token{start: i, end: i + n, text: w[:n], word: true, plain: isPlain(w[:n])},
				token{start: i + n, end: j, text: "'s", word: true})
			if isCue(out, len(out)-2) {
				cues = append(cues, len(out)-2)
			}
		} else {
			out = append(out, token{start: i, end: j, text: w, word: true})
			if isCue(out, len(out)-1) {
				cues = append(cues, len(out)-1)
			}
		}
		prevOne = -1
	}
	return out, cues, asciiSpaces(s[at:])
}

// isCueAt tells whether the last token of out, made by fromText from toks[k] alone, is a cue
// (isCue), prevOne being the text token the token before it was made from alone, or -1: by the
// text tokens' lower case, which they know, rather than by folding the words again.
func isCueAt(toks []text.Token, k int, out []token, prevOne int) bool {
	w := toks[k].Lower
	if isCueWord(w) {
		return true
	}
	if w != "to" || len(out) < 2 {
		return false
	}
	if prevOne >= 0 {
		return travel[toks[prevOne].Lower]
	}
	return isCue(out, len(out)-1)
}

// The kinds of text tokens to fromText.
const (
	tokenWord  = iota // ASCII letters and digits, perhaps joined by full stops and apostrophes
	tokenPunct        // a character that is not a word rune, alone
	tokenOther        // anything else
)

// tokenKind tells what t, a token of text.AppendTokens, is to fromText.
func tokenKind(t *text.Token) int {
	sh := t.Shape
	switch {
	case sh == 0:
		return tokenOther // not made by AppendTokens
	case sh&text.ShapeOther == 0:
		return tokenWord
	case len(t.Text) == 1:
		return tokenPunct // ASCII punctuation, '_' (not a word rune here)
	case sh == text.ShapeOther:
		// a character outside ASCII alone: punctuation ("“", "—") or a word
		r, n := utf8.DecodeRuneInString(t.Text)
		if n == len(t.Text) && !isWordRune(r) && !unicode.IsSpace(r) {
			return tokenPunct
		}
		return tokenOther
	}
	// a word with something else: only full stops and apostrophes between ASCII letters and
	// digits, which join here as there ("U.S", "1.5", "rock'n'roll", "don’t")
	w := t.Text
	if !asciiWord[w[0]] || !asciiWord[w[len(w)-1]] {
		return tokenOther
	}
	for i := 1; i < len(w)-1; i++ {
		switch c := w[i]; {
		case asciiWord[c]:
		case c == '.' || c == '\'':
			if !asciiWord[w[i+1]] {
				return tokenOther
			}
		case strings.HasPrefix(w[i:], "\u2019") || strings.HasPrefix(w[i:], "\u2018"):
			i += len("\u2019")
			if i >= len(w) || !asciiWord[w[i]] {
				return tokenOther
			}
		default:
			return tokenOther
		}
	}
	return tokenWord
}

// isPossessiveToken tells a possessive ending text.AppendTokens split off a word.
func isPossessiveToken(w string) bool {
	switch w {
	case "'s", "'S", "\u2019s", "\u2019S":
		return true
	}
	return false
}

// isJoiner tells the characters that join two words into one here when between them (see
// appendTokens): a hyphen, a full stop, an apostrophe of any kind.
func isJoiner(w string) bool {
	if len(w) == 1 {
		return w == "-" || w == "." || w == "'" || w == "`"
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && isApostrophe(r) && !isWordRune(r)
}

// asciiSpaces tells whether s is only ASCII white space.
func asciiSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r':
		default:
			return false
		}
	}
	return true
}

// Sentence returns the sentence p was prepared from.
func (p *Prepared) Sentence() string { return p.sentence }

// MayLocate tells whether p has a word that locates (a cue), after which FindNearIn may find a
// place: when false (most sentences), FindNearIn finds none, whatever the trigger and countries.
func (p *Prepared) MayLocate() bool { return len(p.cues) > 0 }

// FindNearIn is FindNear on a prepared sentence.
func (g *Gazetteer) FindNearIn(ps *Prepared, trigger int, countries ...string) (Place, int, bool) {
	if len(ps.cues) == 0 {
		// no word that locates, so no place (most sentences): nothing to read, nor to keep for
		// the sentence's other events
		return Place{}, -1, false
	}
	if ps.afterG != g || !slices.Equal(ps.afterFor, countries) {
		ps.after = ps.after[:0]
		for _, i := range ps.cues {
			p, at, ok := g.afterCueAt(ps.sentence, ps.toks, i+1, countries)
			ps.after = append(ps.after, cuePlace{p, at, ok})
		}
		ps.afterFor, ps.afterG = append(ps.afterFor[:0], countries...), g
	}
	var best int32
	bestAt, found := -1, false
	for _, c := range ps.after {
		p, at, ok := c.i, c.at, c.ok
		if !ok {
			continue
		}
		switch {
		case !found:
		case trigger < 0:
			continue // the first
		case bestAt >= trigger:
			continue // the first after the trigger is found
		}
		best, bestAt, found = p, at, true
	}
	if !found {
		return Place{}, -1, false
	}
	return g.places[best].Place, bestAt, true
}

// token is a word ("Damascus", "Nur-Sultan", "D.C", "'s") or a punctuation mark of a sentence.
type token struct {
	start, end int
	text       string
	word       bool
	plain      bool // a word of ASCII letters and digits only, which folds to its lower case
}

// tokenize splits s into words and punctuation marks. A word is a run of letters and digits,
// with the apostrophes, hyphens and full stops inside it; a possessive "'s" is a word of its own.
func tokenize(s string) []token {
	return appendTokens(make([]token, 0, len(s)/5+1), s)
}

// appendTokens appends the tokens of s to toks (see tokenize).
func appendTokens(toks []token, s string) []token {
	return appendFirstTokens(toks, s, -1)
}

// appendFirstTokens is appendTokens up to the words-th word, the tokens after it left out (words
// < 0: all of them).
func appendFirstTokens(toks []token, s string, words int) []token {
	for i := 0; i < len(s) && words != 0; {
		n := 1 // the length of the word's first rune
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			// ASCII space or punctuation, the common case, without decoding
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				i++
				continue
			}
			toks = append(toks, token{start: i, end: i + 1, text: s[i : i+1]})
			i++
			continue
		} else if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if !isWordRune(r) {
				toks = append(toks, token{start: i, end: i + n, text: s[i : i+n]})
				i += n
				continue
			}
		}
		j := i + n
		plain := j // the end of the word's first run of ASCII letters and digits
		for j < len(s) {
			c := s[j]
			if asciiWord[c] {
				j++
				if plain == j-1 {
					plain = j
				}
				continue
			}
			if c < utf8.RuneSelf {
				// an ASCII character that is not a letter or digit: what follows says whether a
				// hyphen, full stop or apostrophe is inside the word (as below, without decoding)
				if c == '-' || c == '.' || c == '\'' || c == '`' {
					if next, _ := utf8.DecodeRuneInString(s[j+1:]); j+1 < len(s) && isWordRune(next) {
						j++
						continue
					}
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if r == '-' || r == '.' || isApostrophe(r) {
				if next, _ := utf8.DecodeRuneInString(s[j+n:]); j+n < len(s) && isWordRune(next) {
					j += n
					continue
				}
			}
			break
		}
		if n > 1 {
			plain = i // a first rune outside ASCII
		}
		w := s[i:j]
		if k := possessive(w); k > 0 {
			toks = append(toks, token{start: i, end: i + k, text: w[:k], word: true, plain: plain >= i+k})
			if words--; words == 0 {
				break
			}
			toks = append(toks, token{start: i + k, end: j, text: "'s", word: true})
		} else {
			toks = append(toks, token{start: i, end: j, text: w, word: true, plain: plain == j})
		}
		words--
		i = j
	}
	return toks
}

// appendFold appends fold(t.text) to b.
func (t *token) appendFold(b []byte) []byte {
	if t.plain {
		return appendLowerPlain(b, t.text)
	}
	return appendFold(b, t.text)
}

// appendLowerPlain appends w, ASCII letters and digits only, in lower case (its fold) to b.
func appendLowerPlain(b []byte, w string) []byte {
	n := len(b)
	b = slices.Grow(b, len(w))[:n+len(w)]
	for i := 0; i < len(w); i++ {
		b[n+i] = w[i] | 0x20 // a capital to lower case; lower case and digits have the bit
	}
	return b
}

// isPlain tells whether w is ASCII letters and digits only.
func isPlain(w string) bool {
	for i := 0; i < len(w); i++ {
		if !asciiWord[w[i]] {
			return false
		}
	}
	return true
}

// asciiWord marks the ASCII letters and digits: the ASCII word runes.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// possessive returns where a possessive ending starts in w ("Syria's": 5), or 0.
func possessive(w string) int {
	if w == "" || w[len(w)-1] != 's' {
		return 0
	}
	for _, suf := range []string{"'s", "\u2019s"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// isCueWord tells the words after which a place is where something happened (a switch: it is
// asked of most words of a sentence).
func isCueWord(w string) bool {
	switch string(w) {
	case "in", "at", "near", "outside", "inside", "around", "visited", "visiting", "toured", "touring":
		return true
	}
	return false
}

// travel are the words after which "to" leads to where someone went.
var travel = map[string]bool{"visit": true, "visits": true, "trip": true, "trips": true,
	"travel": true, "travels": true, "travelled": true, "traveled": true, "travelling": true,
	"traveling": true, "flew": true, "flown": true, "fly": true, "flies": true, "flying": true,
	"came": true, "come": true, "comes": true, "coming": true, "went": true, "gone": true,
	"go": true, "goes": true, "going": true, "headed": true, "heading": true, "heads": true,
	"journey": true, "tour": true, "returned": true, "returns": true, "returning": true,
	"arrived": true, "arrives": true, "arriving": true, "voyage": true, "mission": true}

func isCue(toks []token, i int) bool {
	if n := len(toks[i].text); n < 2 || n > len("visiting") {
		// no cue, nor "to": and only ASCII letters lower-case to theirs
		return false
	}
	if c := toks[i].text[0]; c < utf8.RuneSelf {
		// every cue, and "to", starts with one of these letters (a capital or not)
		switch c | 0x20 {
		case 'i', 'a', 'n', 'o', 'v', 't':
		default:
			return false
		}
	}
	var buf [16]byte
	w, ok := lowerASCII(buf[:0], toks[i].text)
	if !ok {
		w = []byte(strings.ToLower(toks[i].text))
	}
	if isCueWord(string(w)) {
		return true
	}
	if string(w) != "to" || i == 0 {
		return false
	}
	prev, ok := lowerASCII(buf[:0], toks[i-1].text)
	if !ok {
		return travel[strings.ToLower(toks[i-1].text)]
	}
	return travel[string(prev)]
}

// lowerASCII appends s in lower case to b when s is ASCII and fits in b's capacity (what
// strings.ToLower returns, without allocating); ok is false otherwise.
func lowerASCII(b []byte, s string) ([]byte, bool) {
	if len(s) > cap(b) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// wordLengths has, for each first byte of the words of a set, a bit for each of their lengths:
// one look-up rules out most other words before a probe of the set's map, which costs a hash of
// the word and a compare. A word that is empty or 64 bytes long or more is never ruled out.
type wordLengths [256]uint64

// add puts w's first byte and length in t.
func (t *wordLengths) add(w string) {
	if len(w) > 0 && len(w) < 64 {
		t[w[0]] |= 1 << len(w)
	}
}

// may tells whether w may be a word of t's set: false rules it out.
func (t *wordLengths) may(w []byte) bool {
	return len(w) == 0 || len(w) >= 64 || t[w[0]]&(1<<len(w)) != 0
}

// lengthsOf returns the wordLengths of the keys of set.
func lengthsOf[V any](set map[string]V) *wordLengths {
	t := new(wordLengths)
	for w := range set {
		t.add(w)
	}
	return t
}

// fillers are the words that may stand between a cue and the place's name: "in the northern
// city of Aleppo", "at the port of Tartus".
var fillers = map[string]bool{"the": true, "a": true, "an": true, "city": true, "town": true,
	"village": true, "capital": true, "port": true, "province": true, "state": true,
	"governorate": true, "district": true, "region": true, "area": true, "outskirts": true,
	"suburb": true, "suburbs": true, "centre": true, "center": true, "heart": true,
	"streets": true, "of": true, "'s": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "north": true, "south": true, "east": true, "west": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"coastal": true, "border": true, "nearby": true, "neighbouring": true, "neighboring": true,
	"besieged": true, "holy": true, "ancient": true, "old": true, "historic": true,
	"countryside": true, "downtown": true, "resort": true, "seaside": true, "industrial": true,
	"rebel held": true, "government held": true, "opposition held": true}

// fillerLengths rules out most words that are no filler.
var fillerLengths = lengthsOf(fillers)

// afterCueAt reads the place named from toks[j] on, after a cue: the place's index in g.places
// (all FindNearIn keeps of it until it has chosen one: a Place is several words to copy) and the
// offset of its mention.
func (g *Gazetteer) afterCueAt(s string, toks []token, j int, countries []string) (int32, int, bool) {
	of := ""   // the country of the words read ("Syrian", "Syria's")
	ofAt := -1 // where they start
	capital := false
	prev := "" // the filler before, as far as the apposition cares: capital, city, town or other
	var buf [32]byte
	var keyBuf [64]byte
	var endBuf [16]int
	for n := 0; j < len(toks) && n < 10; n++ {
		t := toks[j]
		w := t.appendFold(buf[:0])
		switch {
		case fillerLengths.may(w) && fillers[string(w)]:
			capital = capital || string(w) == "capital"
			j++
			prev = appositive(w)
			continue
		case t.text == "," && (prev == "capital" || prev == "city" || prev == "town"):
			j++ // an apposition: "the Syrian capital, Damascus"
			continue
		case !t.word || !isName(t.text):
		default:
			prefer := countries
			if of != "" {
				prefer = append([]string{of}, countries...)
			}
			keys := g.keysAt(keyBuf[:0], endBuf[:0], s, toks, j)
			p, end, ok, country, cend, isCountry := g.namesAt(&keys, prefer)
			if ok {
				// a country's name is the country, not a city of that name, unless the country is
				// a city (Singapore, Monaco)
				if !isCountry || cend < end || cityState(g.places[p].Place, country, s[t.start:toks[end].end]) {
					return p, t.start, true
				}
			}
			if isCountry {
				if capital {
					p, ok := g.capitals.find(country)
					return p, t.start, ok
				}
				if cend+1 < len(toks) && toks[cend+1].text == "'s" {
					of, ofAt, j = country, t.start, cend+1 // "Syria's Aleppo"
					continue
				}
				return 0, 0, false
			}
			if c, ok := g.demonym(w); ok {
				of, ofAt, j = c, t.start, j+1 // "the Syrian capital"
				prev = appositive(w)
				continue
			}
		}
		break
	}
	if capital && of != "" {
		p, ok := g.capitals.find(of)
		return p, ofAt, ok
	}
	return 0, 0, false
}

// demonym returns the country of w, a folded demonym ("syrian").
func (g *Gazetteer) demonym(w []byte) (string, bool) {
	if !g.demonymLengths.may(w) {
		return "", false
	}
	c, ok := g.demonyms[string(w)]
	return c, ok
}

// appositive returns w when it is a word after which a comma opens an apposition in afterCueAt
// ("the Syrian capital, Damascus"), else "-".
func appositive(w []byte) string {
	switch string(w) {
	case "capital":
		return "capital"
	case "city":
		return "city"
	case "town":
		return "town"
	}
	return "-"
}

// isName tells whether a word may start a place's name: capitalised, and not an acronym in
// capitals ("SANA" is a news agency, "Sana" Yemen's capital).
func isName(w string) bool {
	if w != "" && 'A' <= w[0] && w[0] <= 'Z' {
		// an ASCII capital first (most names): one rune, or more, not all in capitals
		return len(w) == 1 || !isUpper(w)
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if utf8.RuneCountInString(w) > 1 && isUpper(w) {
		return false
	}
	return true
}

// isUpper tells whether w == strings.ToUpper(w), without building the upper case: whether w is
// valid UTF-8 with no rune that unicode.ToUpper changes.
func isUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return upperRunes(w[i:])
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// upperRunes is isUpper past ASCII, rune by rune.
func upperRunes(w string) bool {
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && n == 1 {
			return false // invalid UTF-8, which strings.ToUpper replaces
		}
		if unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}

// nameKeys are the keys of the names that may start at toks[j] and end at its k-th token after
// it (at most maxWords words, with commas and full stops between them but no other punctuation,
// up to the first key longer than the gazetteer's keys with its first word),
// folded once: the key of the name ending at toks[j+k] is folded[:ends[k]], since folding reads
// left to right (-1 for a token that is not a word).
type nameKeys struct {
	j      int
	folded []byte
	ends   []int
	first  int // the length of the first word of folded (see firstWord)
	bound  int // the gazetteer's keyBound of that word
}

// mayBeKey tells whether the key of the name ending at the k-th token may be a key of the
// gazetteer's byName or countries: a word, and not longer than the keys that start with its
// first word (a key shorter than the first word of folded has a first word of its own, not
// looked up: it may be one).
func (keys *nameKeys) mayBeKey(k int) bool {
	e := keys.ends[k]
	return e >= 0 && (e < keys.first || e <= keys.bound || keys.bound == 255)
}

// keysAt folds the names that may start at toks[j], into the memory of folded and ends.
func (g *Gazetteer) keysAt(folded []byte, ends []int, s string, toks []token, j int) nameKeys {
	if keys, ok := g.plainKeysAt(folded, ends, s, toks, j); ok {
		return keys
	}
	return g.foldKeysAt(folded, ends, s, toks, j)
}

// foldKeysAt is keysAt the long way, for any words: token by token, each folded on from the
// last.
func (g *Gazetteer) foldKeysAt(folded []byte, ends []int, s string, toks []token, j int) nameKeys {
	b, space := folded[:0], false
	ends = ends[:0]
	at := toks[j].start
	first, bound := -1, 0 // the first word's length and keyBound, once b has a space or comma
	from := 0             // where in b that space or comma may be
	reach := 1            // len(ends) up to the last word
	// at most maxWords words, with commas and full stops between them but no other punctuation
	for k, words := j, 0; k < len(toks) && words < g.maxWords; k++ {
		t := &toks[k]
		if !t.word {
			if t.text != "," && t.text != "." {
				if k == j {
					ends = append(ends, -1)
				}
				break
			}
			ends = append(ends, -1)
			continue
		}
		words++
		if t.plain {
			// what comes before it (spaces, a comma…), then its letters by themselves
			b, space = foldOn(b, 0, space, s[at:t.start])
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			b, space = appendLowerPlain(b, t.text), false
		} else {
			b, space = foldOn(b, 0, space, s[at:t.end])
		}
		at = t.end
		ends = append(ends, len(b))
		reach = len(ends)
		if first < 0 {
			if p := from + len(firstWord(b[from:])); p < len(b) {
				first, bound = p, g.keyBound(b[:p])
			}
			from = len(b)
		}
		if first >= 0 && len(b) > bound && bound != 255 {
			break // the longer keys are no names either (see mayBeKey): most names are short
		}
	}
	if first < 0 {
		first, bound = len(b), g.keyBound(b)
	}
	return nameKeys{j: j, folded: b, ends: ends[:reach], first: first, bound: bound}
}

// plainKeysAt is keysAt for the common name of words of ASCII letters and digits (with commas
// and full stops between them, as keysAt reads them): the first word then is the first token's
// lower case, with no scan of the folded text for it, and each word is put in lower case with no
// call to fold it, nor the text between them when it is one space. False where it cannot tell (a
// word of other characters, words with nothing but full stops between them), for keysAt to read
// the words the long way.
func (g *Gazetteer) plainKeysAt(folded []byte, ends []int, s string, toks []token, j int) (nameKeys, bool) {
	t := &toks[j]
	if !t.plain {
		return nameKeys{}, false
	}
	b := appendLowerPlain(folded[:0], t.text)
	n := len(b) // the length of the first word
	ends = append(ends[:0], n)
	reach := 1  // len(ends) up to the last word
	bound := -1 // the first word's keyBound, once a second word is read
	at := t.end // the end of the last word
	for k, words := j+1, 1; k < len(toks) && words < g.maxWords; k++ {
		next := &toks[k]
		if !next.word {
			if next.text != "," && next.text != "." {
				break
			}
			ends = append(ends, -1) // (the comma or full stop is folded with the next word)
			continue
		}
		if !next.plain {
			return nameKeys{}, false
		}
		words++
		space := true
		if gap := s[at:next.start]; gap != " " {
			b, space = foldOn(b, 0, false, gap)
			if bound < 0 && len(b) == n && !space {
				return nameKeys{}, false // nothing between the first two words but full stops
			}
		}
		if bound < 0 {
			bound = g.keyBound(b[:n])
		}
		if space {
			b = append(b, ' ')
		}
		b = appendLowerPlain(b, next.text)
		at = next.end
		ends = append(ends, len(b))
		reach = len(ends)
		if len(b) > bound && bound != 255 {
			break // the longer keys are no names either (see mayBeKey)
		}
	}
	if bound < 0 {
		bound = g.keyBound(b) // the word alone, its first word all of it
	}
	return nameKeys{j: j, folded: b, ends: ends[:reach], first: n, bound: bound}, true
}

// namesAt returns the place of the longest name of the gazetteer among keys (with commas:
// "Washington, D.C."), by its index in g.places, with the index of its last token; and the
// country of the longest name of a country among them ("Syria", "Saudi Arabia", "the United
// States"), with the index of its last token. Each key is looked up once, for both (see
// nameEntry), from the longest, until both are found.
func (g *Gazetteer) namesAt(keys *nameKeys, prefer []string) (p int32, end int, ok bool, country string, cend int, isCountry bool) {
	for k := len(keys.ends) - 1; k >= 0 && !(ok && isCountry); k-- {
		if !keys.mayBeKey(k) {
			continue
		}
		key := keys.folded[:keys.ends[k]]
		e, found := g.byName[string(key)]
		if !found {
			continue
		}
		if !isCountry && e.country != "" {
			country, cend, isCountry = e.country, keys.j+k, true
		}
		if !ok && len(e.places) > 0 && !(notPlaceLengths.may(key) && notPlaces[string(key)]) {
			i, _ := g.pick(e.places, prefer)
			p, end, ok = i, keys.j+k, true
		}
	}
	return p, end, ok, country, cend, isCountry
}

// notPlaces are names of places that, after "in" or "at", are rather a time or a continent.
var notPlaces = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "christmas": true,
	"easter": true, "ramadan": true, "africa": true, "asia": true, "europe": true,
	"america": true, "latin america": true, "north america": true, "south america": true,
	"oceania": true, "antarctica": true, "middle east": true, "gulf": true, "the gulf": true}

// notPlaceLengths rules out most keys that are not in notPlaces.
var notPlaceLengths = lengthsOf(notPlaces)

// cityState tells whether a city named as its country is that country (Singapore, Monaco,
// Djibouti, San Marino) rather than its capital of another name (Kuwait City, Panama City).
func cityState(p Place, country, name string) bool {
	return p.Country == country && fold(p.Name) == fold(name)
}

// Dateline returns the place of an article's dateline, at the start of its first line (or of
// the line after a headline): "TEHRAN –", "BEIJING, November 9. /TASS/", "DAMASCUS (Reuters) -",
// "MUSCAT, Oman (AP) —", "Tehran, Oct 4, IRNA --". A country named after the place ("Muscat,
// Oman") decides between places of the same name.
func (g *Gazetteer) Dateline(text string) (Place, bool) {
	lines := 0
	for len(text) > 0 && lines < 3 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		lines++
		if strings.HasPrefix(line, "By ") || strings.HasPrefix(line, "BY ") {
			continue // a byline
		}
		if len(line) > 300 {
			line = line[:300] // a dateline is at the start
		}
		if p, ok := g.dateline(line); ok {
			return p, true
		}
		if len(line) >= 200 || strings.ContainsAny(lastRune(line), ".!?\"”") {
			break // a paragraph, not a headline: the dateline would have opened it
		}
	}
	return Place{}, false
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// The parts of a dateline after its place are read by hand rather than by regular expressions,
// which cost more than the rest of Dateline, run once a document: each function below says the
// expression it matches as Go's regexp would (leftmost first; \s is [\t\n\f\r ]; an invalid
// byte is a rune of its own, U+FFFD, as utf8.DecodeRuneInString reads it), and the tests hold them
// to it.

// datelineRegion returns the country or state after a dateline's place, ", Oman", ", Calif.",
// and the length of rest it takes: `^\s*,\s*(\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,2})`.
func datelineRegion(rest string) (region string, end int, ok bool) {
	i := skipSpace(rest, 0)
	if i == len(rest) || rest[i] != ',' {
		return "", 0, false
	}
	i = skipSpace(rest, i+1)
	start := i
	for words := 0; words < 3; words++ {
		r, n := utf8.DecodeRuneInString(rest[i:])
		if !unicode.Is(unicode.Lu, r) {
			break
		}
		j := i + n
		for j < len(rest) {
			r, n := utf8.DecodeRuneInString(rest[j:])
			if !unicode.Is(unicode.L, r) && r != '.' && r != '\'' && r != '’' {
				break
			}
			j += n
		}
		end = j
		if i = skipSpace(rest, j); i == j {
			break // no space, so no next word
		}
	}
	if end == 0 {
		return "", 0, false // no word
	}
	return rest[start:end], end, true
}

// skipSpace returns the index of the first byte of s from i on that is not in \s.
func skipSpace(s string, i int) int {
	for i < len(s) && isRegexpSpace(s[i]) {
		i++
	}
	return i
}

// isRegexpSpace tells whether c is in the regexp class \s: [\t\n\f\r ], without \v.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipSeparators returns the index of the first byte of s that is not in [\s,.].
func skipSeparators(s string) int {
	i := 0
	for i < len(s) && (isRegexpSpace(s[i]) || s[i] == ',' || s[i] == '.') {
		i++
	}
	return i
}

// datelineItem returns one thing that may follow a dateline's place (and region), after spaces,
// commas or full stops: a month, a number, an agency in capitals, brackets or slashes; and the
// length of rest it takes: `^[\s,.]*(\d{1,4}(?:st|nd|rd|th)?\b|\p{Lu}[\p{L}'’]*\.?|\([^()\n]{1,40}\)|/[^/\n]{1,20}/)`.
func datelineItem(rest string) (item string, end int, ok bool) {
	i := skipSeparators(rest)
	if i == len(rest) {
		return "", 0, false
	}
	j := i
	switch c := rest[i]; {
	case '0' <= c && c <= '9':
		// the digits' greedy match is the only one that may end at a word boundary: a shorter
		// one is followed by a digit
		for j < len(rest) && j-i < 4 && '0' <= rest[j] && rest[j] <= '9' {
			j++
		}
		if j+2 <= len(rest) {
			switch rest[j : j+2] {
			case "st", "nd", "rd", "th":
				if j+2 == len(rest) || !isASCIIWordByte(rest[j+2]) {
					return rest[i : j+2], j + 2, true
				}
			}
		}
		if j < len(rest) && isASCIIWordByte(rest[j]) {
			return "", 0, false
		}
	case c == '(':
		if j = closing(rest, i+1, ')', '(', 40); j < 0 {
			return "", 0, false
		}
	case c == '/':
		if j = closing(rest, i+1, '/', '/', 20); j < 0 {
			return "", 0, false
		}
	default:
		r, n := utf8.DecodeRuneInString(rest[i:])
		if !unicode.Is(unicode.Lu, r) {
			return "", 0, false
		}
		for j += n; j < len(rest); j += n {
			r, n = utf8.DecodeRuneInString(rest[j:])
			if !unicode.Is(unicode.L, r) && r != '\'' && r != '’' {
				break
			}
		}
		if j < len(rest) && rest[j] == '.' {
			j++
		}
	}
	return rest[i:j], j, true
}

// closing returns the end of `[^<other><end>\n]{1,most}<end>` at s[i:], or -1.
func closing(s string, i int, end, other byte, most int) int {
	for n := 0; i < len(s); n++ {
		switch s[i] {
		case end:
			if n == 0 {
				return -1
			}
			return i + 1
		case other, '\n':
			return -1
		}
		if n == most {
			return -1
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return -1
}

// isASCIIWordByte tells whether c is in the regexp class \w, [0-9A-Za-z_], whose bounds \b marks.
func isASCIIWordByte(c byte) bool {
	return asciiWord[c] || c == '_'
}

// datelineEnd tells whether rest starts with the end of a dateline, a dash or a colon, after
// spaces, commas or full stops: `^[\s,.]*(?:-+|[–—:])`.
func datelineEnd(rest string) bool {
	rest = rest[skipSeparators(rest):]
	return strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, ":") ||
		strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
}

var months = map[string]bool{"jan": true, "feb": true, "mar": true, "apr": true, "may": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true}

// dateline returns the place of the dateline that opens line, with no space at its start.
func (g *Gazetteer) dateline(line string) (Place, bool) {
	if !mayBeDateline(line) || g.wordsThenLower(line) {
		return Place{}, false
	}
	return g.readDateline(line)
}

// wordsThenLower tells whether line is ASCII in its first g.maxWords words and each of them is
// followed, after spaces, commas and full stops, by a letter in lower case ("A spokesman for
// the ministry said"): most lines of news. Such a line has no dateline, with no need to split
// it into words and look them up in the large table of names: a place's name is one or more
// of those words (see keysAt), and a lower-case letter after it fails both datelineRegion and
// datelineTail (see lowerAfter). Here a word is a run of ASCII letters and digits with the
// hyphens, full stops and apostrophes inside it, as appendFirstTokens reads one, but for a
// possessive ending it splits off ("Syria's" is two words there): a place ending before "'s"
// is followed by an apostrophe, which datelineTail never takes; and counting the possessive as
// part of the word, this reads at least as far as readDateline does.
func (g *Gazetteer) wordsThenLower(line string) bool {
	words := 0
	for i := 0; i < len(line) && words < g.maxWords; {
		c := line[i]
		if c >= utf8.RuneSelf {
			return false // a word outside ASCII perhaps: let readDateline tell
		}
		if !asciiWord[c] {
			i++ // a space or a punctuation mark
			continue
		}
		j := i + 1
		for j < len(line) {
			if c := line[j]; asciiWord[c] || (c == '-' || c == '.' || c == '\'' || c == '`') && j+1 < len(line) && asciiWord[line[j+1]] {
				j++
				continue
			}
			break
		}
		if !lowerAfter(line[j:]) {
			return false // (as where the word may go on past ASCII: "Sã", "Tehran-é")
		}
		words++
		i = j
	}
	return words == g.maxWords
}

// lowerAfter tells whether the first byte of rest that is not a space (\s), comma or full stop
// is an ASCII letter in lower case. Then rest cannot follow a dateline's place: datelineRegion
// wants a capital after a comma, and datelineTail wants, after those characters, a dash, colon,
// digit, capital, bracket or slash, or for a place in capitals nothing at all.
func lowerAfter(rest string) bool {
	i := skipSeparators(rest)
	return i < len(rest) && 'a' <= rest[i] && rest[i] <= 'z'
}

// readDateline is dateline without the tests of mayBeDateline and wordsThenLower first.
func (g *Gazetteer) readDateline(line string) (Place, bool) {
	// the words a name at the start may have (see keysAt): the rest of the line is not read. The
	// first two words first, which are all plainKeysAt reads, and most names need (it reads the
	// same of them as of more words); all the words a name may have where it cannot tell.
	var tb [32]token
	toks := appendFirstTokens(tb[:0], line, 2)
	if len(toks) == 0 || !toks[0].word {
		return Place{}, false
	}
	if r, _ := utf8.DecodeRuneInString(toks[0].text); !unicode.IsUpper(r) {
		return Place{}, false
	}
	// the longest name at the start, then what follows it
	var keyBuf [64]byte
	var endBuf [16]int
	keys, ok := g.plainKeysAt(keyBuf[:0], endBuf[:0], line, toks, 0)
	if ok && len(keys.ends) > 1 && keys.mayBeKey(len(keys.ends)-1) {
		ok = false // a name of two words that may go on, past the words split
	}
	if !ok {
		toks = appendFirstTokens(tb[:0], line, g.maxWords)
		keys = g.keysAt(keyBuf[:0], endBuf[:0], line, toks, 0)
	}
	for k := len(keys.ends) - 1; k >= 0; k-- {
		if !keys.mayBeKey(k) {
			continue
		}
		name := line[:toks[k].end]
		fk := keys.folded[:keys.ends[k]]
		if len(fk) < 3 || lowerAfter(line[toks[k].end:]) || len(g.byName[string(fk)].places) == 0 || notPlaceLengths.may(fk) && notPlaces[string(fk)] {
			continue
		}
		key := string(fk)
		if c, ok := g.countries[key]; ok {
			if i, _ := g.resolve(key, []string{c}); !cityState(g.places[i].Place, c, name) {
				continue // "Montenegro ...": a country
			}
		}
		caps := isUpper(name)
		rest := line[toks[k].end:]
		region := ""
		if r, end, ok := datelineRegion(rest); ok {
			region = r
			if _, ok := g.countries[fold(region)]; ok || caps || strings.Contains(region, ".") {
				rest = rest[end:]
			} else {
				region = ""
			}
		}
		if !g.datelineTail(rest, caps) {
			continue
		}
		var prefer []string
		if c, ok := g.countries[fold(region)]; ok {
			prefer = []string{c}
		}
		i, _ := g.resolve(key, prefer)
		return g.places[i].Place, true
	}
	return Place{}, false
}

// mayBeDateline tells whether line, with no space at its start, may open with a dateline that
// dateline would read, without tokenizing it: most lines of news do not. False when line starts
// with an ASCII character that is not a capital (dateline wants a word in capitals first), or
// when it has no dash, colon, bracket or slash (which datelineTail wants after the place unless
// the place is in capitals, alone on its line) and its second byte is an ASCII letter in lower
// case (which is in the first word, so in the place's name, which then is not in capitals).
func mayBeDateline(line string) bool {
	if line == "" || line[0] < utf8.RuneSelf && !('A' <= line[0] && line[0] <= 'Z') {
		return false
	}
	if len(line) < 2 || !('a' <= line[1] && line[1] <= 'z') {
		return true
	}
	// "\xe2\x80" opens "–" and "—" (and other punctuation, which only makes the test weaker)
	return strings.ContainsAny(line, "-:(/") || strings.Contains(line, "\xe2\x80")
}

// datelineTail tells whether rest may follow a dateline's place and region: months, numbers and
// agencies up to a dash or a colon, or an agency in brackets or slashes; for a place in
// capitals, also nothing.
func (g *Gazetteer) datelineTail(rest string, caps bool) bool {
	if caps && strings.TrimSpace(rest) == "" {
		return true // the place alone on its line
	}
	for n := 0; n < 8; n++ {
		if datelineEnd(rest) {
			return true
		}
		item, end, ok := datelineItem(rest)
		if !ok {
			return false
		}
		rest = rest[end:]
		switch w := strings.TrimSuffix(item, "."); {
		case item[0] == '(' || item[0] == '/':
			return true // an agency ends it
		case item[0] >= '0' && item[0] <= '9', months[strings.ToLower(w)]:
		case len(w) > 1 && isUpper(w): // an agency: IRNA, INTERFAX
		default:
			return false
		}
	}
	return false
}
