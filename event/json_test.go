package event

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
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
	pick := []byte{0, 0x02, 0x1f, 0x20, 0x21, '"', 0x23, '\\', 0x5b, 0x5d, 0x7e, 0x7f, 0x80, 0xa2, 0xc3, 0xff, 'a', 'Z'}
	for range 200000 {
		var w [8]byte
		for k := range w {
			w[k] = pick[r.IntN(len(pick))]
		}
		check(w)
	}
}

// TestPlainString holds plainString, which tests sixteen bytes a round and the last eight once,
// to jsonPlain byte by byte: strings of every length up to 48 with a byte that is not plain (of
// each kind) at every place, or none.
func TestPlainString(t *testing.T) {
	for n := range 49 {
		for pos := range n + 1 {
			for _, c := range []byte{'"', '\\', '\n', 0x00, 0x1f, 0x7f, 0x80, 0xe2, 0xff} {
				b := []byte(strings.Repeat("abcdefg ", 7)[:n])
				if pos < n {
					b[pos] = c
				}
				want := true
				for _, c := range b {
					want = want && jsonPlain[c]
				}
				if got := plainString(string(b)); got != want {
					t.Fatalf("plainString(%q) = %v, want %v", b, got, want)
				}
			}
		}
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

// TestAppendShortDecimal compares appendJSONFloat, which writes short decimals by hand, with
// strconv on decimals of up to eight places and on random numbers.
func TestAppendShortDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	check := func(f float64) {
		want := strconv.AppendFloat(nil, f, 'f', -1, 64)
		if d, ok := appendShortDecimal(nil, f); ok && string(d) != string(want) {
			t.Fatalf("appendShortDecimal(%v) = %s, want %s", f, d, want)
		}
	}
	for _, f := range []float64{0.05, 0.3, -0.25, 0.000001, 12.13282, 0.75} { // the fast path takes these
		if _, ok := appendShortDecimal(nil, f); !ok {
			t.Errorf("appendShortDecimal(%v): left to strconv", f)
		}
	}
	for _, f := range []float64{0.1, 0.65, -10, 7, 12.13282, -86.2504, 0.05, 0.000001, 0.0000015, 1e14,
		999999999999999, 1e15, 0.1 + 0.2, 1.0 / 3, -0.5, 100, 1200, 5e-7, 123456.123456} {
		check(f)
		check(-f)
	}
	for range 1000000 {
		check(randomDecimal(t, r, 54))
		check(math.Float64frombits(r.Uint64()))
		check(r.Float64() * 1000)
	}
}

// shortDecimalByPlaces is the appendShortDecimal of before, which tried one place after another:
// TestShortDecimalByPlaces holds the one of now to it.
func shortDecimalByPlaces(b []byte, f float64) ([]byte, bool) {
	if f == 0 {
		return b, false
	}
	for k, p := range [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6} {
		n := math.Round(f * p)
		if math.Abs(n) >= 1e15 {
			return b, false
		}
		if n == 0 || n/p != f {
			continue
		}
		if n < 0 {
			b = append(b, '-')
			n = -n
		}
		digits := strconv.AppendUint(nil, uint64(n), 10)
		if len(digits) <= k {
			b = append(b, '0', '.')
			for range k - len(digits) {
				b = append(b, '0')
			}
			return append(b, digits...), true
		}
		b = append(b, digits[:len(digits)-k]...)
		if k > 0 {
			b = append(b, '.')
			b = append(b, digits[len(digits)-k:]...)
		}
		return b, true
	}
	return b, false
}

// TestShortDecimalByPlaces compares appendShortDecimal with the loop over places it replaced:
// below 10^9 both take the same numbers and write the same digits.
func TestShortDecimalByPlaces(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	check := func(f float64) {
		got, ok := appendShortDecimal(nil, f)
		want, wok := shortDecimalByPlaces(nil, f)
		if math.Abs(f) >= 1e9 {
			if ok {
				t.Fatalf("appendShortDecimal(%v) = %s, want it left to strconv", f, got)
			}
			return
		}
		if ok != wok || string(got) != string(want) {
			t.Fatalf("appendShortDecimal(%v) = %s, %v; the loop over places: %s, %v", f, got, ok, want, wok)
		}
	}
	for _, f := range []float64{1, 10, 1000, 1e8, 999999999, 123456789.123456, 0.1, 0.65, -10, 7, -7,
		4, 12.13282, -86.2504, 0.05, 0.000001, 0.0000015, 5e-7, 0.1 + 0.2, 1.0 / 3, 100.000001, 1e9, 2e9} {
		check(f)
		check(-f)
	}
	for range 1000000 {
		f := randomDecimal(t, r, 50)
		check(f)
		check(-f)
		check(r.Float64() * 1000)
		check(math.Float64frombits(r.Uint64()))
	}
}

// jsonEncoded is what encoding/json's Encoder writes for v without HTML escaping.
func jsonEncoded(t *testing.T, v any) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// randomDecimal returns a number written with up to eight decimal places, whose digits are a
// random whole number below 2^bits for some bits up to maxBits: "0.000123", "4567.8".
func randomDecimal(t *testing.T, r *rand.Rand, maxBits int) float64 {
	t.Helper()
	places := r.IntN(9)
	s := strconv.FormatInt(r.Int64N(1<<r.IntN(maxBits)), 10)
	for len(s) <= places {
		s = "0" + s
	}
	f, err := strconv.ParseFloat(s[:len(s)-places]+"."+s[len(s)-places:], 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestAppendJSONStringShort compares appendJSONString with encoding/json on strings of up to 20
// bytes with every byte value at every place, where appendJSONChars reads short strings whole.
func TestAppendJSONStringShort(t *testing.T) {
	for n := range 21 {
		for pos := range max(n, 1) {
			for c := range 256 {
				w := []byte(strings.Repeat("aZ 9~", 5)[:n])
				if n > 0 {
					w[pos] = byte(c)
				}
				s := string(w)
				want := strings.TrimSuffix(jsonEncoded(t, s), "\n")
				if got := appendJSONString([]byte("x"), s); string(got) != "x"+want {
					t.Fatalf("%q:\n got %s\nwant x%s", s, got, want)
				}
			}
		}
	}
}

// randomID returns an id of eventIDs' length (appendJSONHead tests the usual one by itself),
// with a byte to escape or outside ASCII at any place or none, or a short one.
func randomID(r *rand.Rand) string {
	b := []byte(fmt.Sprintf("%016x", r.Uint64()))
	switch k := r.IntN(6); {
	case k == 0:
		return fmt.Sprint(r.IntN(100))
	case k <= 2:
		b[r.IntN(len(b))] = []byte{'"', '\\', '\n', 0x01, 0x7f, 0xc3, 0xff}[r.IntN(7)]
	}
	return string(b)
}

// TestAppendJSON compares Event.AppendJSON with encoding/json on events of random strings
// (plain, escaped, outside ASCII, empty), ids (randomID), numbers and nil pointers.
func TestAppendJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"", "Iran", "USA", "GOV", "2017-10-05", "The minister said ", `"`, `\`, "\n",
		"\x01", "é", "’", "\u2028", "\xff", "<&>", "abcdefgh", "1"}
	str := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	actor := func() Actor {
		return Actor{Text: str(), Name: str(), Country: str(), Sector: str(), Code: str()}
	}
	num := func() float64 {
		return []float64{0, -7, 4.5, 0.75, 1e-9, 1e21, 12.13282, r.Float64() * 100}[r.IntN(8)]
	}
	for range 20000 {
		e := Event{ID: randomID(r), DocID: str(), Sentence: r.IntN(300), Date: str(), DateSource: str(),
			Type: str(), Mode: str(), Intent: r.IntN(2) == 0, Intended: str(), Negated: r.IntN(2) == 0,
			Cameo: str(), Goldstein: num(), Source: actor(), Evidence: str(), Confidence: num()}
		if r.IntN(2) == 0 {
			a := actor()
			e.Target = &a
		}
		if r.IntN(2) == 0 {
			e.Location = &Location{Name: str(), Country: str(), Lat: num(), Lon: num()}
		}
		switch r.IntN(3) {
		case 0:
			e.Contexts = []string{}
		case 1:
			e.Contexts = []string{str(), str()}
		}
		got, err := e.AppendJSON([]byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		if want := jsonEncoded(t, &e); string(got) != "x"+want {
			t.Fatalf("%+v:\n got %s\nwant x%s", e, got, want)
		}
	}
}

// TestAppendJSONLines holds AppendJSONLines, which copies the JSON of contexts shared with the
// previous event, of the doc_id of the event before and of locations written before, to
// AppendJSON event by event: contexts shared, equal but not shared, a part of another's, empty
// and nil, doc ids the same as the event before's and not (with bytes to escape among them),
// locations equal and differing in one field (0 and -0 among them), and an event that cannot
// be written.
func TestAppendJSONLines(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	shared := []string{"diplomatic", "mili\"tary", "économie"}
	lists := [][]string{nil, {}, shared, shared, shared[:2], shared[1:], {"diplomatic", "mili\"tary", "économie"}, {"x"}}
	// locations that differ from the first in one field only (placesWritten copies the JSON of
	// one written before when every field is the same), more than it keeps
	places := []Location{{Name: "Damascus", Country: "SYR", Lat: 33.5102, Lon: 36.29128},
		{Name: "Damascus", Country: "SYR", Lat: 33.5102, Lon: 36.29129}, {Name: "Damascus", Country: "SYR", Lat: 33.5103, Lon: 36.29128},
		{Name: "Damascu\"s", Country: "SYR", Lat: 33.5102, Lon: 36.29128}, {Name: "Damascus", Country: "SYRX", Lat: 33.5102, Lon: 36.29128},
		{Name: "Null", Lat: 0, Lon: 0}, {Name: "Null", Lat: math.Copysign(0, -1), Lon: 0}, {Name: "Null", Lat: 0, Lon: math.Copysign(0, -1)},
		{Name: "Far", Lat: math.Inf(1)}}
	docIDs := []string{"d", "d", "d", "bench-0000001", "bench-0000001", `d"`, "é", "", "d\n"}
	for n := range 3000 {
		evs := make([]Event, r.IntN(12))
		for i := range evs {
			evs[i] = Event{ID: randomID(r), DocID: docIDs[r.IntN(len(docIDs))], Type: "CONSULT", Goldstein: 1, Confidence: 0.5,
				Contexts: lists[r.IntN(len(lists))]}
			if r.IntN(40) == 0 {
				evs[i].Confidence = math.NaN()
			}
			if k := r.IntN(len(places) + 1); k < len(places) {
				l := places[k] // (a copy: the same place, not the same pointer)
				evs[i].Location = &l
			}
		}
		want := []byte("x")
		var wantErr error
		for i := range evs {
			if want, wantErr = evs[i].AppendJSON(want); wantErr != nil {
				break
			}
		}
		got, err := AppendJSONLines([]byte("x"), evs)
		if string(got) != string(want) || (err == nil) != (wantErr == nil) {
			t.Fatalf("case %d, %d events: got %q (error %v)\nwant %q (error %v)", n, len(evs), got, err, want, wantErr)
		}
	}
}

// TestAppendJSONCharsRoom holds appendJSONChars, which copies a string into the spare room of
// its buffer before it knows whether the string needs escaping, to encoding/json when that room
// holds other bytes already: strings of every length up to 40 with a byte to escape (or none)
// at every place.
func TestAppendJSONCharsRoom(t *testing.T) {
	for n := range 41 {
		for pos := range n + 1 {
			for _, c := range []string{"", `"`, `\`, "\n", "\x1f", "é", "\u2028", "\xff", "\x7f"} {
				w := []byte(strings.Repeat("The Minister 7~", 3)[:n])
				s := string(w[:pos]) + c + string(w[pos:])
				buf := make([]byte, 3, 200)
				for i := range buf[:cap(buf)] {
					buf[:cap(buf)][i] = 0xee
				}
				copy(buf, "abc")
				want := "abc" + strings.TrimSuffix(jsonEncoded(t, s), "\n")
				if got := appendJSONString(buf, s); string(got) != want {
					t.Fatalf("%q:\n got %q\nwant %q", s, got, want)
				}
			}
		}
	}
}

// TestAppendHundredths compares appendJSONFloat with strconv on every number of up to two places
// below 100 in size, which appendHundredths writes, and on their neighbours.
func TestAppendHundredths(t *testing.T) {
	for c := -10001; c <= 10001; c++ {
		f := float64(c) / 100
		for _, g := range []float64{f, math.Nextafter(f, 200), math.Nextafter(f, -200)} {
			want := strconv.AppendFloat(nil, g, 'f', -1, 64)
			if g != 0 && math.Abs(g) < 1e-6 {
				continue // (written as 'e': not this test's matter)
			}
			if got := appendJSONFloat(nil, g); string(got) != string(want) {
				t.Fatalf("appendJSONFloat(%v) = %s, want %s", g, got, want)
			}
		}
	}
}

// TestAppendUint compares appendUint and appendInt with strconv around the numbers of digits
// they write by hand and beyond.
func TestAppendUint(t *testing.T) {
	check := func(i int) {
		if got, want := appendInt([]byte("x"), i), strconv.AppendInt([]byte("x"), int64(i), 10); string(got) != string(want) {
			t.Fatalf("appendInt(%d) = %s, want %s", i, got, want)
		}
		if i >= 0 {
			if got, want := appendUint(nil, uint64(i)), strconv.AppendUint(nil, uint64(i), 10); string(got) != string(want) {
				t.Fatalf("appendUint(%d) = %s, want %s", i, got, want)
			}
		}
	}
	for i := -1000; i <= 100000; i++ {
		check(i)
	}
	for _, i := range []int{math.MaxInt, math.MinInt, 1 << 40, 999999999} {
		check(i)
	}
}

// TestAppendJSONTextInEvidence compares Event.AppendJSON with encoding/json on events whose
// actors' texts are parts of the evidence, where the writer tests the evidence alone: at the
// offsets given (srcAt, tgtAt), at wrong ones, beyond the evidence, and texts that are not parts
// of it, with and without bytes to escape in each.
func TestAppendJSONTextInEvidence(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"Iran", " said ", "the minister", `"`, `\`, "\n", "é", "\x01", "abcdefgh", ""}
	str := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	// text returns a text for an actor of an event with evidence ev, and where it says it is
	text := func(ev string) (string, int) {
		i := r.IntN(len(ev) + 1)
		j := i + r.IntN(len(ev)-i+1)
		switch r.IntN(4) {
		case 0: // a part of the evidence, where it is
			return ev[i:j], i
		case 1: // a part, somewhere else
			return ev[i:j], r.IntN(len(ev)+3) - 1
		case 2: // another string
			return str(3), i
		}
		return ev[i:j] + str(2), i // longer than the part
	}
	for range 50000 {
		ev := str(8)
		e := Event{ID: "0123456789abcdef", DocID: "d", Type: "CONSULT", Goldstein: 1, Confidence: 0.5, Evidence: ev}
		e.Source.Text, e.srcAt = text(ev)
		if r.IntN(2) == 0 {
			a := Actor{}
			a.Text, e.tgtAt = text(ev)
			e.Target = &a
		}
		got, err := e.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := jsonEncoded(t, &e); string(got) != want {
			t.Fatalf("%q at %d in %q:\n got %s\nwant %s", e.Source.Text, e.srcAt, ev, got, want)
		}
	}
}

// TestFinite holds finite to math.IsInf and math.IsNaN.
func TestFinite(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -7.5, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0x7ff0000000000001), math.Float64frombits(0xfff8000000000001)} {
		if got, want := finite(f), !math.IsInf(f, 0) && !math.IsNaN(f); got != want {
			t.Errorf("finite(%v) = %v, want %v", f, got, want)
		}
	}
}

// TestAppendJSONRule holds the JSON that a rule prepares for the type, mode and CAMEO code of
// its events (Rule.prepareJSON) to encoding/json: rules of plain strings and of strings to
// escape, of scores short and long, 0 and -0, and events whose fields are the rule's strings,
// equal copies of them, or other strings set by hand (which must still be escaped), with and
// without an intention or a negation, with the rule's score or another (the usual event, which
// copies Rule.jsonMiddle, and its neighbours).
func TestAppendJSONRule(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"", "CONSULT", "visit", "036", `"`, `\`, "\n", "é", "\u2028", "\xff", "abcdefgh"}
	str := func() string {
		var b strings.Builder
		for range r.IntN(3) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	// a field: the rule's own string, an equal copy, or another string
	field := func(own string) string {
		switch r.IntN(3) {
		case 0:
			return own
		case 1:
			return strings.Clone(own)
		}
		return str()
	}
	plain := &Rule{Type: "CONSULT", Mode: "visit", Cameo: "036"}
	plain.prepareJSON()
	if plain.jsonTypeMode == "" || plain.jsonCameo == "" {
		t.Fatalf("a rule of plain strings prepared no JSON: %+v", plain)
	}
	for n := range 20000 {
		rule := plain
		if n%2 == 1 {
			rule = &Rule{Type: str(), Mode: str(), Cameo: str()}
			rule.prepareJSON()
		}
		scores := []float64{0, math.Copysign(0, -1), 7, -4.4, 1e21, 0.1 + 0.2, -10}
		if n%2 == 1 {
			rule.Goldstein = scores[r.IntN(len(scores))]
			rule.prepareJSON()
		}
		e := Event{ID: "x", DocID: "d", Type: field(rule.Type), Mode: field(rule.Mode), Cameo: field(rule.Cameo),
			Goldstein: rule.Goldstein, Evidence: "e", Confidence: 0.5, rule: rule}
		switch r.IntN(5) { // most: the usual event; else one of its fields not the usual
		case 0:
			e.Intent, e.Intended = r.IntN(2) == 0, str()
		case 1:
			e.Negated = true
		case 2:
			e.Goldstein = scores[r.IntN(len(scores))]
		}
		if n == 0 { // a plain rule's type changed by hand to one to escape
			e.Type, e.Mode, e.Cameo = `CON"SULT`, "visit", "036"
		}
		got, err := e.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := jsonEncoded(t, &e); string(got) != want {
			t.Fatalf("%+v:\n got %s\nwant %s", e, got, want)
		}
	}
	// a loaded rule changed afterwards (a library caller's edit): its events write the new
	// strings, tested, not the JSON prepared from the old ones
	changed := &Rule{Type: "CONSULT", Mode: "visit", Cameo: "036"}
	changed.prepareJSON()
	changed.Type, changed.Mode, changed.Cameo = `CON"SULT`, "vi\\sit", "0\n36"
	e := Event{ID: "x", DocID: "d", Type: changed.Type, Mode: changed.Mode, Cameo: changed.Cameo,
		Goldstein: 1, Evidence: "e", Confidence: 0.5, rule: changed}
	// and one whose score alone was changed: its events write the new score
	scored := &Rule{Type: "CONSULT", Mode: "visit", Cameo: "036", Goldstein: 1}
	scored.prepareJSON()
	scored.Goldstein = 2
	e2 := Event{ID: "x", DocID: "d", Type: scored.Type, Mode: scored.Mode, Cameo: scored.Cameo,
		Goldstein: scored.Goldstein, Evidence: "e", Confidence: 0.5, rule: scored}
	if got, err := e2.AppendJSON(nil); err != nil || string(got) != jsonEncoded(t, &e2) {
		t.Fatalf("a rule's score changed after loading:\n got %s (%v)\nwant %s", got, err, jsonEncoded(t, &e2))
	}
	got, err := e.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := jsonEncoded(t, &e); string(got) != want {
		t.Fatalf("a rule changed after loading:\n got %s\nwant %s", got, want)
	}
}

// TestAppendJSONPlainActor holds Actor.appendJSON, which copies the JSON of the country, sector
// and code of an actor prepared by a codeCache slot (Actor.tail), to encoding/json: pairs of
// country and sector with and without bytes to escape, of lengths that fit a slot and that do
// not, set as setActor sets them, with and without a name; and ofTail's code and key to the
// concatenations they stand for.
func TestAppendJSONPlainActor(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	countries := []string{"USA", "IRN", "", "U\"A", `U\A`, "é1", "\x01AB", "ABCD", "IG"}
	sectors := []string{"", "GOV", "MIL", "REBL", `"`, "G\nV", "éé", "ABCDE", "\xff"}
	names := []string{"", "", "n", "Hassan Rouhani", `a "b"`}
	var c codeCache
	for range 5000 {
		a := Actor{Text: "t", Name: names[r.IntN(len(names))], Country: countries[r.IntN(len(countries))], Sector: sectors[r.IntN(len(sectors))]}
		var key string
		a.Code, key, a.tail = c.ofTail(a.Country, a.Sector)
		if a.Code != a.Country+a.Sector || key != a.Country+"/"+a.Sector {
			t.Fatalf("ofTail(%q, %q) = %q, %q", a.Country, a.Sector, a.Code, key)
		}
		got := a.appendJSON(nil, false)
		want, err := json.Marshal(&a)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("%+v:\n got %s\nwant %s", a, got, want)
		}
	}
}

// TestAppendConfidence holds appendConfidence, which writes a whole number of hundredths from
// 0.01 to 1 from a table, to appendJSONFloat: on every number of hundredths from -2 to 2, their
// neighbours, 0 and -0, and random numbers.
func TestAppendConfidence(t *testing.T) {
	check := func(f float64) {
		t.Helper()
		if got, want := appendConfidence([]byte("x"), f), appendJSONFloat([]byte("x"), f); string(got) != string(want) {
			t.Fatalf("appendConfidence(%v) = %s, want %s", f, got, want)
		}
	}
	for c := -200; c <= 200; c++ {
		f := float64(c) / 100
		check(f)
		check(math.Nextafter(f, 3))
		check(math.Nextafter(f, -3))
	}
	check(math.Copysign(0, -1))
	r := rand.New(rand.NewPCG(17, 18))
	for range 100000 {
		check(r.Float64() * 1.2)
	}
}

// TestAppendJSONDateSource holds the JSON of an event's date source, written untested for the
// coder's three, to encoding/json, for those and for others set by hand.
func TestAppendJSONDateSource(t *testing.T) {
	for _, src := range []string{"text", "published", "unknown", "", "Text", "te\"xt", "published\n", "é"} {
		e := Event{ID: "x", DocID: "d", Date: "2020-01-02", DateSource: src, Goldstein: 1, Evidence: "e", Confidence: 0.5}
		got, err := e.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := jsonEncoded(t, &e); string(got) != want {
			t.Fatalf("%q:\n got %s\nwant %s", src, got, want)
		}
	}
}

// TestAppendJSONChangedActor holds the JSON of a coded event's actor to its fields when a caller
// changes them after coding: the prepared JSON of the actor's country, sector and code
// (Actor.tail) is written only while it still matches them.
func TestAppendJSONChangedActor(t *testing.T) {
	c := testCoder(t)
	evs := c.Code(ingest.Document{ID: "u", Text: "Oman condemned Qatar.", Published: "2019-05-01"})
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	for _, change := range []func(a *Actor){
		func(a *Actor) { a.Country, a.Code = "XXX", "XXXGOV" },
		func(a *Actor) { a.Sector = "MIL" },
		func(a *Actor) { a.Code = a.Country + "REB" },
		func(a *Actor) { a.Country = "O\"M" },
		func(a *Actor) { a.Name = "Someone" },
		func(a *Actor) {},
	} {
		e := evs[0]
		tgt := *e.Target // (e shares the coded event's target)
		e.Target = &tgt
		change(&e.Source)
		change(e.Target)
		b, err := e.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		var back Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		for _, p := range [][2]Actor{{back.Source, e.Source}, {*back.Target, *e.Target}} {
			got, want := p[0], p[1]
			want.tail = ""
			if got != want {
				t.Errorf("written %+v, want %+v", got, want)
			}
		}
	}
}
