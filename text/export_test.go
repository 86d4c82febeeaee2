package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitBoth returns the tokens of text as simpleWords finds them, whether it could, and as uax29
// finds them, for the tests of package text_test.
func SplitBoth(text string, base int) (simple []Token, ok bool, full []Token) {
	// room for tokens as AppendTokensFolded makes (fastWords stops when it is full)
	// and for the lower-case forms, so that fastWords reads the capitalised words too (it leaves
	// them to the full loop when the buffer is full)
	z := tokenizer{text: text, base: base, toks: make([]Token, 0, len(text)/5+1), folded: make([]byte, 0, len(text)+16)}
	ok = z.simpleWords(0, len(text))
	simple = z.toks
	if len(simple) == 0 {
		simple = nil // as uax29Words leaves it, for the tests' reflect.DeepEqual
	}
	z = tokenizer{text: text, base: base}
	z.uax29Words()
	return simple, ok, z.toks
}

// SentencesByBytes is Sentences as it was before it searched for the final punctuation with
// strings.IndexByte, reading the bytes one by one: the reference TestSentencesMatchByBytes holds
// Sentences to.
func SentencesByBytes(doc string) []Sentence {
	out := make([]Sentence, 0, len(doc)/64+1) // news sentences run to some 100 bytes
	lineStart := 0
	for lineStart < len(doc) {
		lineEnd := strings.IndexByte(doc[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(doc)
		} else {
			lineEnd += lineStart
		}
		out = splitLineByBytes(doc, lineStart, lineEnd, out)
		lineStart = lineEnd + 1
	}
	return out
}

func splitLineByBytes(doc string, start, end int, out []Sentence) []Sentence {
	emit := func(s, e int) {
		for s < e {
			r, n := utf8.DecodeRuneInString(doc[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(doc[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		for e-s > maxSentence { // (a run too long for one sentence: cutPoint's pieces)
			c := cutPoint(doc, s)
			p := c
			for p > s {
				r, n := utf8.DecodeLastRuneInString(doc[s:p])
				if !unicode.IsSpace(r) {
					break
				}
				p -= n
			}
			out = append(out, Sentence{Start: s, End: p, Text: doc[s:p]})
			for s = c; s < e; {
				r, n := utf8.DecodeRuneInString(doc[s:e])
				if !unicode.IsSpace(r) {
					break
				}
				s += n
			}
		}
		if s < e {
			out = append(out, Sentence{Start: s, End: e, Text: doc[s:e]})
		}
	}
	s := start
	for i := start; i < end; {
		// the final punctuation is ASCII, and no byte of another character is ASCII: the bytes
		// are read one by one without decoding
		r := rune(doc[i])
		if r != '.' && r != '!' && r != '?' {
			i++
			continue
		}
		j := i + 1
		// runs of final punctuation and closing quotes or brackets stay with the sentence
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(doc[j:])
			if r2 == '.' || r2 == '!' || r2 == '?' || isCloser(r2) {
				j += n2
				continue
			}
			break
		}
		if j < end && !isSpaceRune(doc[j:]) {
			i = j
			continue
		}
		k := j
		for k < end {
			r2, n2 := utf8.DecodeRuneInString(doc[k:])
			if !unicode.IsSpace(r2) {
				break
			}
			k += n2
		}
		if k >= end {
			i = j
			continue
		}
		if r == '.' && j == i+1 && !startsSentence(doc[k:end]) {
			i = j
			continue
		}
		if j > i+1 && startsLower(doc[k:end]) {
			// `"Will Iran retaliate?" the minister asked`: the quote goes on the sentence
			i = j
			continue
		}
		if r == '.' && j == i+1 && isAbbreviationRunes(doc[s:i]) {
			i = j
			continue
		}
		emit(s, j)
		s, i = k, k
	}
	emit(s, end)
	return out
}

// MaxSentence is maxSentence, for TestLongRuns.
const MaxSentence = maxSentence

// Abbreviations returns the abbreviations, and IsAbbreviation and IsAbbreviationRunes are
// isAbbreviation and the character-by-character test it holds to, for TestIsAbbreviation.
func Abbreviations() map[string]bool         { return abbreviations }
func IsAbbreviation(before string) bool      { return isAbbreviation(before) }
func IsAbbreviationRunes(before string) bool { return isAbbreviationRunes(before) }

// Lower8 is lower8, for TestLower8.
func Lower8(x uint64) uint64 { return lower8(x) }

// LetterBits is letterBits, for TestLetterBits.
func LetterBits(x uint64) uint64 { return letterBits(x) }

// WordBytes is the shape wordBytes gives byte c, for TestWordKinds.
func WordBytes(c byte) Shape { return wordBytes[c] }
