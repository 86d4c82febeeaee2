package text

// SplitBoth returns the tokens of text as simpleWords finds them, whether it could, and as uax29
// finds them, for the tests of package text_test.
func SplitBoth(text string, base int) (simple []Token, ok bool, full []Token) {
	z := tokenizer{text: text, base: base}
	ok = z.simpleWords()
	simple = z.toks
	z = tokenizer{text: text, base: base}
	z.uax29Words()
	return simple, ok, z.toks
}
