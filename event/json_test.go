package event

import (
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPlain8 compares plain8 with jsonPlain byte by byte: every byte value at every place among
// plain bytes, and random words.
func TestPlain8(t *testing.T) {
	check := func(w [8]byte) {
		want := true
		for _, c := range w {
			want = want && jsonPlain[c]
		}
		if got := plain8(binary.LittleEndian.Uint64(w[:])); got != want {
			t.Fatalf("plain8(%q) = %v, want %v", w, got, want)
		}
	}
	for pos := range 8 {
		for c := range 256 {
			w := [8]byte{'a', 'b', ' ', '~', '!', '#', '[', ']'}
			w[pos] = byte(c)
			check(w)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	pick := []byte{0, 0x1f, 0x20, 0x21, '"', '\\', 0x5b, 0x5d, 0x7e, 0x7f, 0x80, 0xc3, 0xff, 'a', 'Z'}
	for range 200000 {
		var w [8]byte
		for k := range w {
			w[k] = pick[r.IntN(len(pick))]
		}
		check(w)
	}
}

// TestAppendJSONStringLong compares appendJSONString with encoding/json on long strings, where
// eight bytes are tested at once.
func TestAppendJSONStringLong(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"The minister said ", "\"quoted\"", "back\\slash", "\n", "\t", "\x01", "é",
		"\u2028", "\u2029", "\xff", "abcdefgh", "<&>", "€😀", " "}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		want, _ := json.Marshal(s)
		want = []byte(strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(want)))
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}
