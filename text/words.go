package text

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
	"unsafe"
)

// Splitting words quickly. The words of AppendTokens are those of Unicode's word boundaries
// (UAX #29), as package uax29/words finds them. Most news text is ASCII with a few typographic
// quotes and dashes, and for those characters the rules come down to a few: letters, digits and
// '_' hold together; a letter, '.', ':' or an apostrophe, and a letter hold together ("U.S.",
// "Iran's"); a digit, '.', ',', ';' or an apostrophe, and a digit hold together ("1,000.5");
// every other character is a word of its own, and spaces are dropped. simpleWords applies them,
// and gives the text back to the full rules at the first character it does not know (a letter
// with an accent, a combining mark, any other script). TestSimpleWordsMatchUAX29 and
// FuzzSimpleWords hold it to uax29's words.

// wordClass is what a character is to the word rules of simpleWords.
type wordClass uint8

const (
	wcOther     wordClass = iota // a word of its own
	wcSpace                      // a space: dropped
	wcLetter                     // ALetter
	wcDigit                      // Numeric
	wcUnder                      // ExtendNumLet: '_'
	wcMidLetter                  // MidLetter: ':'
	wcMidNumLet                  // MidNumLet and Single_Quote: '.', '\'', '‘', '’'
	wcMidNum                     // MidNum: ',', ';'
	wcUnknown                    // a character simpleWords leaves to the full rules
)

// asciiClasses are the classes of ASCII bytes; other bytes are left to runeClass.
var asciiClasses = func() (out [256]wordClass) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			out[c] = wcUnknown
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			out[c] = wcLetter
		case c >= '0' && c <= '9':
			out[c] = wcDigit
		}
	}
	for _, c := range []byte(" \t\n\v\f\r") {
		out[c] = wcSpace
	}
	out['_'] = wcUnder
	out[':'] = wcMidLetter
	out['.'], out['\''] = wcMidNumLet, wcMidNumLet
	out[','], out[';'] = wcMidNum, wcMidNum
	return out
}()

// runeClass returns the class of the character that starts s, a byte outside ASCII, and its
// length: the typographic quotes and dashes of news and the no-break space, else wcUnknown.
func runeClass(s string) (wordClass, int) {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '\u2018', '\u2019':
		return wcMidNumLet, n
	case '\u201c', '\u201d', '\u2013', '\u2014':
		return wcOther, n
	case '\u00a0':
		return wcSpace, n
	}
	return wcUnknown, n
}

// asciiFolded and asciiHashes are Fold and filterHash of each ASCII character.
var asciiFolded, asciiHashes = func() (folded [utf8.RuneSelf]string, hashes [utf8.RuneSelf]uint64) {
	for c := range utf8.RuneSelf {
		folded[c] = Fold(string(rune(c)))
		hashes[c] = filterHash(folded[c])
	}
	return folded, hashes
}()

// wordBytes gives the Shape of letters, digits and '_' (ShapeOther), and 0 for other bytes.
var wordBytes = func() (out [256]Shape) {
	for c := range 256 {
		switch asciiClasses[c] {
		case wcLetter, wcDigit, wcUnder:
			out[c] = byteShapes[c]
		}
	}
	return out
}()

// simpleWords adds the words of z.text to z, and reports false, having added some, when the
// text has a character it does not know.
func (z *tokenizer) simpleWords() bool {
	s := z.text
	for i := 0; i < len(s); {
		if wordBytes[s[i]] == 0 {
			cl, n := asciiClasses[s[i]], 1
			switch {
			case cl == wcUnknown:
				if cl, n = runeClass(s[i:]); cl == wcUnknown {
					return false
				}
				if cl != wcSpace {
					z.add(i, i+n)
				}
			case cl != wcSpace:
				// ASCII punctuation: a word of its own, its own lower-case form but for '`'
				c := s[i]
				z.toks = append(z.toks, Token{Start: z.base + i, End: z.base + i + 1, Text: s[i : i+1],
					Lower: asciiFolded[c], hash: asciiHashes[c], Shape: ShapeOther})
			}
			i += n
			continue
		}
		// a word: runs of letters, digits and '_', and the characters that join them
		j := i
		var shape Shape // the wordBytes of its bytes, or-ed, and ShapeOther for a joining mark
		if i+8 <= len(s) {
			// the first run from the eight bytes at i at once, and a word of fewer than eight
			// bytes not joined to the next (most words) added from them
			x := load64(s[i:])
			kinds := wordKinds(x)
			n := bits.TrailingZeros64(^kinds&(0x80*ones)) / 8 // the run's bytes (8: eight or more)
			if n < 8 && endsWord(s, i+n) {
				z.shortWord(x, kinds, i, n)
				i += n
				if s[i] == ' ' {
					i++ // the space after a word, without going round again
				}
				continue
			}
			if n == 8 && i+16 <= len(s) {
				// and a word of 8 to 15 bytes from the next eight
				x2 := load64(s[i+8:])
				kinds2 := wordKinds(x2)
				n2 := bits.TrailingZeros64(^kinds2&(0x80*ones)) / 8
				if n2 < 8 && endsWord(s, i+8+n2) {
					z.longWord(x, x2, kinds|kinds2&(1<<(8*n2)-1), i, 8+n2)
					i += 8 + n2
					if s[i] == ' ' {
						i++
					}
					continue
				}
			}
			j, shape = i+n, kindsShape(kinds&(1<<(8*n)-1)) // a shift by 64 gives 0, the mask all ones
		}
		quote := false // joined by an apostrophe: maybe a possessive, maybe a typographic one
		for {
			for ; j < len(s); j++ {
				b := wordBytes[s[j]]
				if b == 0 {
					break
				}
				shape |= b
			}
			if j+1 >= len(s) || s[j] == ' ' {
				break
			}
			mid, nm := asciiClasses[s[j]], 1
			if mid == wcUnknown {
				mid, nm = runeClass(s[j:])
			}
			if mid != wcMidLetter && mid != wcMidNumLet && mid != wcMidNum || j+nm >= len(s) {
				break
			}
			// between two letters, or two digits
			last, next := asciiClasses[s[j-1]], asciiClasses[s[j+nm]]
			if next != last || !(last == wcLetter && mid != wcMidNum || last == wcDigit && mid != wcMidLetter) {
				break
			}
			quote = quote || s[j] == '\'' || nm > 1
			shape |= ShapeOther
			j += nm
		}
		if quote {
			z.add(i, j)
		} else {
			w := s[i:j]
			t := Token{Start: z.base + i, End: z.base + j, Text: w, Lower: w, Shape: shape}
			if shape&ShapeUpper != 0 {
				t.Lower = z.foldASCII(w, i)
			}
			t.hash = filterHash(t.Lower)
			z.toks = append(z.toks, t)
		}
		i = j
		if i < len(s) && s[i] == ' ' {
			i++ // the space after a word, without going round again
		}
	}
	return true
}

// endsWord tells whether a run of letters, digits and '_' that ends at s[j], j < len(s), ends
// its word: true unless the character at j may join it to what follows (which simpleWords'
// full loop decides).
func endsWord(s string, j int) bool {
	c := s[j]
	switch asciiClasses[c] {
	case wcMidLetter, wcMidNumLet, wcMidNum:
		// the mark joins only a letter or digit after it
		return j+1 == len(s) || wordBytes[s[j+1]] == 0
	case wcUnknown:
		return false
	}
	return true
}

// shortWord adds the word s[i:i+n], n < 8, whose bytes are the first n of x (as load64 reads
// them), and kinds their wordKinds: its shape, lower-case form and hash from x, without reading
// its bytes again.
func (z *tokenizer) shortWord(x, kinds uint64, i, n int) {
	keep := uint64(1)<<(8*n) - 1 // the word's bytes
	w := z.text[i : i+n]
	// the token written in place, field by field, rather than built and copied
	t := z.next()
	t.Start, t.End, t.Text, t.Lower, t.Shape = z.base+i, z.base+i+n, w, w, kindsShape(kinds&keep)
	x &= keep
	if t.Shape&ShapeUpper != 0 {
		x = lower8(x)
		if cap(z.folded)-len(z.folded) < 8 {
			// a guess: capitalised words are a fraction of a sentence
			z.folded = make([]byte, 0, (len(z.text)-i)/4+16)
		}
		// eight bytes written, the ones past the word past the end of the buffer, and written
		// over by the next form
		from := len(z.folded)
		z.folded = binary.LittleEndian.AppendUint64(z.folded, x)[:from+n]
		f := z.folded[from:]
		t.Lower = unsafe.String(unsafe.SliceData(f), n)
	}
	t.hash = packedHash(x, n)
}

// longWord adds the word s[i:i+n], 8 <= n < 16, whose bytes are those of x1 and the first n-8
// of x2 (as load64 reads them), and kinds their wordKinds, as shortWord does.
func (z *tokenizer) longWord(x1, x2, kinds uint64, i, n int) {
	w := z.text[i : i+n]
	t := z.next()
	t.Start, t.End, t.Text, t.Lower, t.Shape = z.base+i, z.base+i+n, w, w, kindsShape(kinds)
	if t.Shape&ShapeUpper != 0 {
		x1, x2 = lower8(x1), lower8(x2)
		if cap(z.folded)-len(z.folded) < 16 {
			// a guess: capitalised words are a fraction of a sentence
			z.folded = make([]byte, 0, (len(z.text)-i)/4+24)
		}
		// sixteen bytes written, as in shortWord
		from := len(z.folded)
		z.folded = binary.LittleEndian.AppendUint64(z.folded, x1)
		z.folded = binary.LittleEndian.AppendUint64(z.folded, x2)[:from+n]
		f := z.folded[from:]
		t.Lower = unsafe.String(unsafe.SliceData(f), n)
	}
	// the last eight bytes: the end of x1 and the start of x2 (none of x2 for n == 8, as a shift
	// by 64 gives 0)
	t.hash = longHash(x1, x1>>(8*(n-8))|x2<<(8*(16-n)), n)
}

// next appends a token to z.toks and returns it, for the caller to set every field.
func (z *tokenizer) next() *Token {
	k := len(z.toks)
	if k == cap(z.toks) {
		z.toks = slices.Grow(z.toks, 1)
	}
	z.toks = z.toks[:k+1]
	return &z.toks[k]
}

// foldASCII is fold for a word of ASCII letters, digits and the characters that join them, at
// byte i of the text: eight bytes at a time where the text has eight from there (the bytes
// written past the word are past the end of the buffer, and written over by the next form),
// the rest one by one.
func (z *tokenizer) foldASCII(w string, i int) string {
	if cap(z.folded)-len(z.folded) < len(w)+8 {
		// a guess: capitalised words are a fraction of a sentence
		z.folded = make([]byte, 0, (len(z.text)-i)/4+len(w)+16)
	}
	from := len(z.folded)
	k := 0
	for ; k < len(w) && i+k+8 <= len(z.text); k += 8 {
		x := load64(z.text[i+k:])
		binary.LittleEndian.PutUint64(z.folded[from+k:from+k+8], lower8(x))
	}
	z.folded = z.folded[:from+len(w)]
	f := z.folded[from:]
	for ; k < len(f); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		f[k] = c
	}
	return unsafe.String(unsafe.SliceData(f), len(f))
}

// lower8 lower-cases the ASCII capitals among the eight bytes of x (as load64 reads them),
// leaving the other bytes as they are.
func lower8(x uint64) uint64 {
	const high = 0x80 * ones
	// each byte below 0x80 with its top bit cleared, so that the sum and difference below stay
	// within it, with no carry into the next
	y := x &^ high
	atLeast := y + (0x80-'A')*ones // 0x80 where the byte >= 'A'
	atMost := (0x80+'Z')*ones - y  // 0x80 where the byte <= 'Z'
	capitals := atLeast & atMost &^ x & high
	return x | capitals>>2 // 0x20, a capital's lower case
}

const ones = 0x0101010101010101 // the byte 1 eight times

// wordKinds tells what each of the eight bytes of x (as load64 reads them) is: in each byte, bit
// 0 for an ASCII lower-case letter, 1 for a capital, 2 for a digit, 3 for '_' (the bits of their
// Shapes), and bit 7 for any of them; 0 for any other byte.
func wordKinds(x uint64) uint64 {
	const high = 0x80 * ones
	// each byte with its top bit cleared, so that the sums and differences below stay within
	// it, with no carry into the next; ascii has the top bit of the bytes that had it clear
	y := x &^ high
	ascii := ^x & high
	// a byte in [lo, hi] has the top bit of (y + 0x80-lo) and of (0x80+hi - y)
	l := y | 0x20*ones // a letter's lower case
	letter := (l + (0x80-'a')*ones) & ((0x80+'z')*ones - l) & ascii
	lower := letter & (y << 2) // a lower-case letter has bit 5 (0x20), shifted here to bit 7
	upper := letter &^ (y << 2)
	digit := (y + (0x80-'0')*ones) & ((0x80+'9')*ones - y) & ascii
	under := ^((y ^ '_'*ones) + 0x7f*ones) & ascii // y^'_' is 0 for '_', and only then stays below 0x80
	return lower | upper | digit | under | lower>>7 | upper>>6 | digit>>5 | under>>4
}

// kindsShape returns the Shape of bytes whose wordKinds are or-ed in kinds.
func kindsShape(kinds uint64) Shape {
	kinds |= kinds >> 32
	kinds |= kinds >> 16
	kinds |= kinds >> 8
	return Shape(kinds & 0x0f)
}
