package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// sameAsUnmarshal checks that decodeRecord, when it accepts line, decodes it as json.Unmarshal
// does.
func sameAsUnmarshal(t *testing.T, line []byte) bool {
	t.Helper()
	if checkText(line) != "" {
		return false // parseRecord never decodes such a line
	}
	var fast, slow jsonRecord
	if !decodeRecord(line, &fast) {
		return false
	}
	if err := json.Unmarshal(line, &slow); err != nil {
		t.Fatalf("decodeRecord accepted what json.Unmarshal refuses (%v): %q", err, line)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%q:\n decodeRecord %+v\nUnmarshal     %+v", line, fast, slow)
	}
	if got, want := idString(fast.ID), unmarshalID(slow.ID); got != want {
		t.Fatalf("%q: idString %q, json.Unmarshal %q", line, got, want)
	}
	return true
}

// unmarshalID is idString by encoding/json alone.
func unmarshalID(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

func TestDecodeRecord(t *testing.T) {
	lines := []string{
		`{}`, ` { } `, `{"text":"a"}`, `{"id":"x","text":"a\nb \"q\" \\ \/ \b\f\r\t é \u00e9 \u2028 \u0000"}`,
		`{"id":12,"text":"a"}`, `{"id":-3,"text":"a"}`, `{"id":0,"text":"a"}`, `{"id":012,"text":"a"}`,
		`{"id":1.5,"text":"a"}`, `{"id":null,"text":"a"}`, `{"id":"a\"b","text":"t"}`,
		`{"text":null}`, `{"text":"a","text":"b"}`, `{"Text":"a"}`, `{"te\u0078t":"a"}`,
		`{"text":"a","extra":1}`, `{"text":"a",}`, `{"text":"a"} x`, `{"text":"a"}` + "\t\r ",
		`[1]`, `"text"`, `{"text":"\ud83d\ude00"}`, `{"text":"\ud83d"}`, `{"text":"\uZZZZ"}`,
		`{"text":"\x"}`, `{"text":"a` + "\x01" + `"}`, `{"text":"a`, `{"text" "a"}`,
		`{"title":"T","published":"2020-01-02","url":"u","outlet":"o","text":"x","id":"i"}`,
		` {"text" : "a" , "id" : 7 } `, `{"text":"a","id":"`, `{"id":-,"text":"a"}`,
	}
	for _, l := range lines {
		sameAsUnmarshal(t, []byte(l))
	}
	// the shared sets and a generated corpus, when there, then random damage to them
	var real [][]byte
	for _, p := range []string{"../../shared/eval/plover-gsr/docs.jsonl", "../../shared/eval/dev/docs.jsonl", "../examples/border.jsonl"} {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, MaxRecord)
		for sc.Scan() {
			real = append(real, append([]byte(nil), sc.Bytes()...))
		}
		f.Close()
	}
	accepted := 0
	for _, l := range real {
		if sameAsUnmarshal(t, l) {
			accepted++
		}
	}
	t.Logf("decodeRecord accepted %d of %d real records", accepted, len(real))
	if len(real) > 0 && accepted < len(real)/2 {
		t.Errorf("decodeRecord accepted %d of %d real records", accepted, len(real))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("{}[]\",:\\/ubfnrt0123456789-.eE \t\r\nxé\x01")
	for _, l := range append(real, []byte(lines[3]), []byte(lines[27])) {
		for n := 0; n < 200; n++ {
			m := append([]byte(nil), l...)
			for k := 0; k < 1+rng.IntN(3); k++ {
				if len(m) == 0 {
					break
				}
				i := rng.IntN(len(m))
				switch rng.IntN(3) {
				case 0:
					m[i] = alphabet[rng.IntN(len(alphabet))]
				case 1:
					m = append(m[:i], m[i+1:]...)
				default:
					m = append(m[:i], append([]byte{alphabet[rng.IntN(len(alphabet))]}, m[i:]...)...)
				}
			}
			if utf8.Valid(m) {
				sameAsUnmarshal(t, m)
			}
		}
	}
}

// TestHasControl holds hasControl, which tests eight bytes at once, to a byte-by-byte reading,
// on random strings of the bytes that matter around the eight-byte boundaries.
func TestHasControl(t *testing.T) {
	alphabet := []byte{'a', ' ', '"', '\\', 0x1f, 0x00, 0x20, 0x21, 0x7f, 0x80, 0x9f, 0xa0, 0xdc, 0xe2, 0xff, '\n', '\t'}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = 'x'
			if r.IntN(6) == 0 {
				b[k] = alphabet[r.IntN(len(alphabet))]
			}
		}
		want := false
		for _, c := range b {
			want = want || c < 0x20
		}
		if got := hasControl(b); got != want {
			t.Fatalf("hasControl(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestJSONString compares jsonString with json.Unmarshal on strings of random runs, escapes,
// control characters and quotes, long and short: where the next backslash and quote are looked
// for again matters.
func TestJSONString(t *testing.T) {
	pieces := []string{"The minister said ", "x", `\"`, `\\`, `\/`, `\n`, `\t`, `\b`, `\f`, `\r`, `\u00e9`,
		`\u2028`, `\ud83d`, `\uZZ`, `\x`, "é", "\t", "\x01", `"`, `\`, "abcdefghijklmnop"}
	r := rand.New(rand.NewPCG(5, 6))
	accepted := 0
	for range 100000 {
		var b strings.Builder
		b.WriteByte('"')
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if r.IntN(4) > 0 {
			b.WriteByte('"')
		}
		b.WriteString(`, "x": 1`[:r.IntN(9)])
		line := []byte(b.String())
		got, next, ok := jsonString(line, 0)
		if !ok {
			continue
		}
		accepted++
		var want string
		if err := json.Unmarshal(line[:next], &want); err != nil || got != want {
			t.Fatalf("%q: jsonString %q (to %d), json.Unmarshal %q (%v)", line, got, next, want, err)
		}
		if i := strings.LastIndexByte(string(line[:next]), '"'); i != next-1 {
			t.Fatalf("%q: jsonString ends at %d", line, next)
		}
	}
	if accepted < 10000 {
		t.Errorf("jsonString accepted only %d strings", accepted)
	}
}

// FuzzDecodeRecord compares decodeRecord with json.Unmarshal on arbitrary lines.
func FuzzDecodeRecord(f *testing.F) {
	f.Add([]byte(`{"id": "a", "text": "Iran said \"no\".\n\nIt \u00e9 \\ / \t ok.", "title": "T"}`))
	f.Add([]byte(`{"id": 42, "text": "twelve bytes, then \u001f \u2028 “quoted”"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		sameAsUnmarshal(t, line)
	})
}

// TestWhere holds Record.where to fmt.Sprintf("%s:%d").
func TestWhere(t *testing.T) {
	for _, c := range []struct {
		origin string
		line   int
	}{{"a.jsonl", 1}, {"", 0}, {"stdin", 1234567}, {"dir/x y.jsonl", -3}, {"é:2", 99}} {
		r := Record{Origin: c.origin, LineNo: c.line}
		if got, want := r.where(), fmt.Sprintf("%s:%d", c.origin, c.line); got != want {
			t.Errorf("%q %d: %q, want %q", c.origin, c.line, got, want)
		}
	}
}

// parseByUnmarshal is parseRecord as it was before it decoded first: checkText, then
// json.Unmarshal alone, then the checks of the text.
func parseByUnmarshal(line []byte, where string) (Document, *RecordError) {
	if reason := checkText(line); reason != "" {
		return Document{}, &RecordError{Origin: where, Reason: reason}
	}
	var rec jsonRecord
	if rerr := unmarshal(line, &rec, where); rerr != nil {
		return Document{}, rerr
	}
	id := unmarshalID(rec.ID)
	if rec.Text == nil {
		return Document{}, &RecordError{Origin: where, ID: id, Reason: `no "text" field`}
	}
	if strings.IndexByte(*rec.Text, 0) >= 0 {
		return Document{}, &RecordError{Origin: where, ID: id, Reason: "text contains a NUL character (binary data)"}
	}
	if strings.TrimSpace(*rec.Text) == "" {
		return Document{}, &RecordError{Origin: where, ID: id, Reason: "empty text"}
	}
	if id == "" {
		return Document{}, nil // (hashed the same way by both: not this test's matter)
	}
	return Document{ID: id, Text: *rec.Text, Title: rec.Title, Published: rec.Published,
		URL: rec.URL, Outlet: rec.Outlet, Origin: where}, nil
}

// TestParseRecordOrder holds parseRecord, which decodes a line before it checks for NUL bytes
// and invalid UTF-8 when the line decodes, to checking first: the same documents and the same
// reasons, on lines with NUL bytes and escapes of NUL in every field, invalid UTF-8, and random
// damage to such lines.
func TestParseRecordOrder(t *testing.T) {
	lines := []string{
		`{"id":"1","text":"One."}`, `{"id":"1","text":"O\u0000ne."}`, "{\"id\":\"1\",\"text\":\"O\x00ne.\"}",
		`{"id":"a\u0000b","text":"One."}`, "{\"id\":\"a\x00b\",\"text\":\"One.\"}", "{\"id\":1,\"text\":\"One.\"}\x00",
		`{"title":"T\u0000","text":"One."}`, "{\"title\":\"T\x00\",\"text\":\"One.\"}", "{\"text\":\"Tw\xc3o.\"}",
		"{\"text\":\"Tw\xc3o. \x00\"}", `{"text":"\u0000"}`, `{"text":" "}`, `{"id":"x"}`, "", "  ", "\x00",
		`{"text":"a\u0000b","id":"\ud800"}`, "{\"text\":\"\\u0000\xff\"}",
	}
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []byte("{}\",:\\u0 \x00\xc3\xffab")
	for _, l := range lines {
		for n := 0; n < 300; n++ {
			m := []byte(l)
			for k := 0; k < rng.IntN(3) && len(m) > 0; k++ {
				m[rng.IntN(len(m))] = alphabet[rng.IntN(len(alphabet))]
			}
			got, gerr := parseRecord(m, "f:1")
			want, werr := parseByUnmarshal(m, "f:1")
			if (gerr == nil) != (werr == nil) || gerr != nil && *gerr != *werr {
				t.Fatalf("%q: error %v, want %v", m, gerr, werr)
			}
			if gerr == nil && want.ID != "" && !reflect.DeepEqual(got, want) {
				t.Fatalf("%q:\n got %+v\nwant %+v", m, got, want)
			}
		}
	}
}
