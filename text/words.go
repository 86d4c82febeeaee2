package text

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// Splitting words quickly. The words of AppendTokens are those of Unicode's word boundaries
// (UAX #29), as package uax29/words finds them. Most news text is ASCII with a few typographic
// quotes and dashes, and for those characters the rules come down to a few: letters, digits and
// '_' hold together; a letter, '.', ':' or an apostrophe, and a letter hold together ("U.S.",
// "Iran's"); a digit, '.', ',', ';' or an apostrophe, and a digit hold together ("1,000.5");
// every other character is a word of its own, and spaces are dropped. simpleWords applies them,
// and gives the text back to the full rules at the first character it does not know (a combining
// mark, any other script). The letters of Latin-1 (é, í, ñ...) are letters to it, and the
// copyright sign a word of its own, as to the full rules: news has them in names and footers. TestSimpleWordsMatchUAX29 and
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
	wcSymbol                     // a character outside ASCII that is a word of its own, made by add: '©'
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
// length: the typographic quotes and dashes of news, the no-break space, the letters of Latin-1
// and the copyright sign, else wcUnknown.
func runeClass(s string) (wordClass, int) {
	r, n := utf8.DecodeRuneInString(s)
	if '\u00c0' <= r && r <= '\u00ff' && r != '\u00d7' && r != '\u00f7' { // À to ÿ but × and ÷
		return wcLetter, n
	}
	switch r {
	case '\u2018', '\u2019':
		return wcMidNumLet, n
	case '\u201c', '\u201d', '\u2013', '\u2014':
		return wcOther, n
	case '\u00a0':
		return wcSpace, n
	case '\u00a9':
		return wcSymbol, n
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

// simpleWords adds the words of z.text that start in z.text[i:stop] to z, and reports false,
// having added some, when it meets a character it does not know. Its caller sees to it that no
// word runs past stop, and that fastWords, which reads up to the text's last eight bytes, reads
// no word past it: stop is the end of the text, or the text has a space there and ends seven
// bytes after it or sooner (see AppendDocTokens).
func (z *tokenizer) simpleWords(i, stop int) bool {
	s := z.text
	for i < stop {
		// the common words, spaces and punctuation marks, as many as there are from i (none in
		// the text's last eight bytes, which fastWords leaves)
		if i < len(s)-7 {
			if i = z.fastWords(i); i >= stop {
				break
			}
		}
		if wordBytes[s[i]] == 0 {
			cl, n := asciiClasses[s[i]], 1
			switch {
			case cl == wcUnknown:
				if cl, n = runeClass(s[i:]); cl == wcUnknown {
					return false
				}
				switch cl {
				case wcSpace:
				case wcLetter:
					n = 0 // a letter of Latin-1: it opens a word, below
				case wcSymbol:
					z.add(i, i+n)
				default:
					z.typographic(i, n)
				}
			case cl != wcSpace:
				// ASCII punctuation: a word of its own, its own lower-case form but for '`'
				z.punctuation(i)
			}
			if n > 0 {
				i += n
				continue
			}
		}
		// a word: runs of letters, digits and '_', and the characters that join them
		j := i
		var shape Shape // the wordBytes of its bytes, or-ed, and ShapeOther for a joining mark
		// joined by an apostrophe (maybe a possessive, maybe a typographic one), or with a letter
		// outside ASCII: made by add, as the full rules' words are
		slow := false
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
				if mid, nm = runeClass(s[j:]); mid == wcLetter {
					// a letter of Latin-1 goes on the run (a letter, digit or '_' and a letter
					// hold together)
					slow = true
					shape |= ShapeOther
					j += nm
					continue
				}
			}
			if mid != wcMidLetter && mid != wcMidNumLet && mid != wcMidNum || j+nm >= len(s) {
				break
			}
			// between two letters, or two digits: the character before the mark is one of the
			// run, a byte of a Latin-1 letter when it is outside ASCII
			last, next := asciiClasses[s[j-1]], asciiClasses[s[j+nm]]
			if last == wcUnknown {
				last = wcLetter
			}
			if next == wcUnknown {
				next, _ = runeClass(s[j+nm:])
			}
			if next != last || !(last == wcLetter && mid != wcMidNum || last == wcDigit && mid != wcMidLetter) {
				break
			}
			slow = slow || s[j] == '\'' || nm > 1
			shape |= ShapeOther
			j += nm
		}
		if slow {
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

// punctuation adds the ASCII punctuation mark at s[i], a word of its own: its own lower-case
// form but for '`'.
func (z *tokenizer) punctuation(i int) {
	c := z.text[i]
	z.toks = append(z.toks, Token{Start: z.base + i, End: z.base + i + 1, Text: z.text[i : i+1],
		Lower: asciiFolded[c], hash: asciiHashes[c], Shape: ShapeOther})
}

// typographic adds the character s[i:i+n] outside ASCII that runeClass knows as a word of its
// own or a mark that may join words (a typographic quote, apostrophe or dash), here a word of its
// own: its lower-case form, Fold's, is one ASCII character, so the token is made as punctuation's
// rather than by add.
func (z *tokenizer) typographic(i, n int) {
	w := z.text[i : i+n]
	r, _ := utf8.DecodeRuneInString(w)
	c := byte('-') // '\u2013', '\u2014'
	switch r {
	case '\u201c', '\u201d':
		c = '"'
	case '\u2018', '\u2019':
		c = '\''
	}
	z.toks = append(z.toks, Token{Start: z.base + i, End: z.base + i + n, Text: w, Lower: asciiFolded[c],
		hash: asciiHashes[c], Shape: ShapeOther})
}

// fastWords adds the words of z.text from byte i for as long as they are the common ones, and
// returns where it stopped: at the end of the text, or at a character for simpleWords' full
// loop.
//
// Most words are fewer than sixteen ASCII letters followed by a space or a punctuation mark, and
// those are read eight bytes at a time: their run, shape, lower-case form and hash all come from
// the one or two 8-byte reads and the masks of letters and capitals worked out from them, with
// no second look at their bytes (a word in the last eight bytes of the text, or one with a digit
// or '_', is left to the full loop). A punctuation mark is a word of its own, and a space is
// dropped.
// The tokens are kept in a local (the lower-case forms, for a fraction of the words, in z), and
// each token is written in place, field by field, rather than built and copied. The loop calls
// nothing (it stops, for simpleWords' full loop, when a buffer is full), so that the compiler
// need not save its variables around calls.
func (z *tokenizer) fastWords(i int) int {
	const high = 0x80 * ones // the top bit of each byte
	s, base := z.text, z.base
	toks := z.toks
	// (i < len(s)-7 rather than i+8 <= len(s), which the compiler reads as possibly overflowing:
	// so written, and with s[i] read first, it knows s[i:i+8] in bounds and checks it no more)
	for i < len(s)-7 && len(toks) < cap(toks) {
		// the eight bytes at i, and the letters among them: a word of ASCII letters (most
		// words) is told from them with no table read
		x := load64(s[uint(i):][:8])
		letters := letterBits(x)
		if letters&0x80 == 0 {
			// not a letter: a space, a punctuation mark, or a character for the full loop
			c := byte(x)
			switch asciiClasses[c] {
			case wcSpace:
			case wcOther, wcMidLetter, wcMidNumLet, wcMidNum:
				// a punctuation mark, a word of its own: one that may join words ('.', ',',
				// ':', ';', '\'') too, as it starts a token here, as in the full loop (the word
				// before it has ended: the run before a mark that joins it to the next is left
				// to the full loop)
				toks = toks[:len(toks)+1]
				t := &toks[len(toks)-1]
				t.Start, t.End, t.Text, t.Lower, t.hash, t.Shape = base+i, base+i+1, s[i:i+1], asciiFolded[c], asciiHashes[c], ShapeOther
				if byte(x>>8) == ' ' {
					i++ // the space after a mark, without going round again
				}
			default:
				// a word that starts with a digit or '_' (one in a hundred), or a character
				// outside ASCII: the full loop's
				z.toks = toks
				return i
			}
			i++
			continue
		}
		// the bytes that end the run of letters from i (a digit among them ends it too, and is
		// left to the full loop below)
		if ends := ^letters & high; ends != 0 {
			// a word of fewer than eight bytes (most words), written by itself rather than with
			// the longer ones below: fewer variables live at once, fewer of them kept on the
			// stack rather than in registers
			//
			// run: the bits below the top bit of the first byte that ends the run (that of
			// each of its bytes, and the seven below that top bit); keep: the run's bytes
			run := ends&-ends - 1
			bitsIn := uint(bits.TrailingZeros64(ends)) & 56 // 8 times the run's length
			n := int(bitsIn / 8)
			// the character after the run: a space or a mark that ends the word (most often),
			// or one that may join it to what follows or be part of it (a digit, '_', a
			// character outside ASCII), which the full loop decides
			c := byte(x >> bitsIn)
			if c != ' ' && notEnd(afterRun[c], s, i+n+1) {
				break
			}
			letters &= run
			x &= run >> 7
			w := s[i : i+8][:n]
			lower, shape := w, ShapeLower
			// a capital has bit 5 (0x20), shifted here to bit 7, clear
			if capitals := letters &^ (x << 2); capitals != 0 {
				// (z.folded is read and written here, not kept in a local: capitalised words
				// are a fraction of the text, and the loop's variables fill the registers)
				if cap(z.folded)-len(z.folded) < 8 {
					break
				}
				shape = ShapeUpper
				if capitals != letters {
					shape |= ShapeLower
				}
				x |= capitals >> 2 // 0x20, a capital's lower case
				// eight bytes written: the ones past the word are past the end of folded, and
				// written over by the next form
				from := len(z.folded)
				f := z.folded[from : from+8]
				binary.LittleEndian.PutUint64(f, x)
				z.folded = z.folded[:from+n]
				lower = unsafe.String(&f[0], n)
			}
			toks = toks[:len(toks)+1]
			t := &toks[len(toks)-1]
			// (field by field, the hash first: fewer values live at once, fewer of them kept on
			// the stack)
			t.hash = packedHash(x, n)
			t.Shape = shape
			t.Text, t.Lower = w, lower
			t.Start, t.End = base+i, base+i+n
			i += n
			if c == ' ' {
				i++ // the space after a word, without going round again
			}
			continue
		}
		// a word of 8 to 15 letters, from the next eight bytes too
		if i+16 > len(s) {
			break
		}
		x2 := load64(s[i+8 : i+16])
		letters2 := letterBits(x2)
		ends := ^letters2 & high
		if ends == 0 {
			break // sixteen bytes or more
		}
		run := ends&-ends - 1
		bitsIn := uint(bits.TrailingZeros64(ends)) & 56
		n := 8 + int(bitsIn/8)
		c := byte(x2 >> bitsIn)
		if c != ' ' && notEnd(afterRun[c], s, i+n+1) {
			break
		}
		letters2 &= run
		x2 &= run >> 7
		w := s[i : i+16][:n]
		lower, shape := w, ShapeLower
		if capitals, capitals2 := high&^(x<<2), letters2&^(x2<<2); capitals|capitals2 != 0 {
			if cap(z.folded)-len(z.folded) < 16 {
				break
			}
			shape = ShapeUpper
			if capitals != high || capitals2 != letters2 {
				shape |= ShapeLower
			}
			x, x2 = x|capitals>>2, x2|capitals2>>2
			// sixteen bytes written, as above
			from := len(z.folded)
			f := z.folded[from : from+16]
			binary.LittleEndian.PutUint64(f, x)
			binary.LittleEndian.PutUint64(f[8:], x2)
			z.folded = z.folded[:from+n]
			lower = unsafe.String(&f[0], n)
		}
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		// the hash of the first and last eight bytes: the end of x and the start of x2 (none of
		// x2 for n == 8, as a shift by 64 gives 0)
		t.hash = longHash(x, x>>(8*(n-8))|x2<<(8*(16-n)), n)
		t.Shape = shape
		t.Text, t.Lower = w, lower
		t.Start, t.End = base+i, base+i+n
		i += n
		if c == ' ' {
			i++
		}
	}
	z.toks = toks
	return i
}

// letterBits returns the top bit of each of the eight bytes of x (as load64 reads them) that is
// an ASCII letter. Only the bytes up to the first outside ASCII are told (a carry from that one
// may reach those after it), which is all fastWords reads.
func letterBits(x uint64) uint64 {
	// a byte b < 0x80 in [lo, hi] has the top bit of (b + 0x80-lo) and of (0x80+hi - b), with no
	// carry into the next byte; a byte from 0x80 has it cleared by &^ x
	l := x | 0x20*ones // a letter's lower case
	return (l + (0x80-'a')*ones) & ((0x80+'z')*ones - l) &^ x & (0x80 * ones)
}

// notEnd reports whether a run of letters followed by a character that afterRun tells as e, and
// by s[next] after it, may go on, for the full loop to decide: when the character may be part of
// the word, or may join it to a word that starts at s[next].
func notEnd(e uint8, s string, next int) bool {
	return e != endsRun && (e == mayJoin || next < len(s) && joinsAfterMark(s[next]))
}

// joinsAfterMark reports whether c, the byte after a mark that may join two words (a full stop,
// colon, comma, semicolon or apostrophe), may begin the word it joins: a letter, digit or '_',
// or the first byte of a character outside ASCII, which may be a letter ("government.Élysée" is
// one word), so that fastWords leaves the run to the full loop.
func joinsAfterMark(c byte) bool {
	return wordBytes[c] != 0 || c >= utf8.RuneSelf
}

// What the character after a run of letters and digits does to the word, for fastWords.
const (
	endsRun  = iota // ends it: a space or a punctuation mark
	joinsRun        // joins it to a letter or digit that follows (':', '.', ',', ';', '\'')
	mayJoin         // may join it or be part of it: '_', a character outside ASCII
)

// afterRun is what each byte does after a run of letters and digits.
var afterRun = func() (out [256]uint8) {
	for c := range 256 {
		switch asciiClasses[c] {
		case wcMidLetter, wcMidNumLet, wcMidNum:
			out[c] = joinsRun
		case wcSpace, wcOther:
			out[c] = endsRun
		default:
			out[c] = mayJoin
		}
	}
	return out
}()

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
