// Package event codes political events in PLOVER from an article: it finds the phrases of
// patterns.tsv in each sentence, takes the actors around them as source and target, and applies
// voice, reported speech, intent, negation and the document-level merge of one event per occasion.
package event

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/place"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/when"
)

// Actor is an event's source or target.
type Actor struct {
	Text    string `json:"text"`
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Code    string `json:"code"`

	// tail is the JSON of Country, Sector and Code with their keys, after an empty name
	// (`","name":"","country":"USA","sector":"GOV","code":"USAGOV"}`), when they have nothing to
	// escape: set with them where the code takes them from a codeCache slot (that prepared it
	// once), so that appendJSON copies it rather than writing and testing the three; "" in an
	// Actor made by hand. An actor is written field by field as before when its tail is "" or no
	// longer holds its three fields (tailFits: a caller changed them after coding).
	tail string
}

// Location is where an event happened.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Event is one coded event, in the record format of formats.md.
//
// The events of one document may share a Location and share their Contexts. Within RunRecords
// with a format, where the events never leave the coder, they are also shared with other
// documents' (the coder keeps one of each it has made recently, rather than new memory for every
// event); Code, Explain, Run and RunRecords without a format give each document its own.
type Event struct {
	ID         string    `json:"id"`
	DocID      string    `json:"doc_id"`
	Sentence   int       `json:"sentence"`
	Date       string    `json:"date"`
	DateSource string    `json:"date_source"`
	Type       string    `json:"type"`
	Mode       string    `json:"mode"`
	Intent     bool      `json:"intent"`
	Intended   string    `json:"intended"`
	Negated    bool      `json:"negated"`
	Cameo      string    `json:"cameo"`
	Goldstein  float64   `json:"goldstein"`
	Source     Actor     `json:"source"`
	Target     *Actor    `json:"target"`
	Location   *Location `json:"location"`
	Evidence   string    `json:"evidence"`
	Confidence float64   `json:"confidence"`
	// Contexts are what the article is about (PLOVER contexts: diplomatic, military, economic,
	// terrorism, human_rights, migration…), from its vocabulary: see event/data/contexts.tsv.
	Contexts []string `json:"contexts"`

	srcKey, tgtKey string // who, for merging: canonical name or code
	evStart        int    // where the evidence starts (the id reads it)
	srcAt, tgtAt   int    // where the texts of the source and the target are in the evidence, when they are (appendJSONHead)
	trStart, trEnd int    // the bytes of the trigger (placing reads them, once every sentence is coded)
	rule           *Rule  // the rule that coded the event, whose prepared JSON appendJSONHead writes while Type, Mode and Cameo are still its own
}

// AppendJSON appends e to b as one line of JSON Lines: the bytes that encoding/json's Encoder
// writes with SetEscapeHTML(false), the newline included, without reflection (dyad code writes
// millions). It fails, as encoding/json does, on a number that is not finite.
func (e *Event) AppendJSON(b []byte) ([]byte, error) {
	b, err := e.appendJSONHead(b, nil)
	if err != nil {
		return b, err
	}
	return appendJSONContexts(b, e.Contexts), nil
}

// AppendJSONLines appends evs to b as AppendJSON appends them one by one, and fails where it
// fails, having appended the events before. The contexts, which the events of a document
// share (the same slice), are written once and then copied.
func AppendJSONLines(b []byte, evs []Event) ([]byte, error) {
	var prev []string // the previous event's contexts, when not empty
	var from, to int  // where b holds their JSON and the end of the line
	var w written
	for i := range evs {
		e := &evs[i]
		var err error
		if b, err = e.appendJSONHead(b, &w); err != nil {
			return b, err
		}
		if c := e.Contexts; len(c) > 0 && len(c) == len(prev) && &c[0] == &prev[0] {
			b = append(b, b[from:to]...)
		} else {
			from = len(b)
			b = appendJSONContexts(b, c)
			to = len(b)
			prev = c
			if len(c) == 0 {
				prev = nil
			}
		}
	}
	return b, nil
}

// written is where b holds parts of the JSON that AppendJSONLines wrote for the events before,
// which are most often of the same document, and tell of the same few places: an event's doc_id
// equal to the one before (its key and the sentence's are copied with it), or its location equal
// to one of the last few written (every field, the coordinates by their bits), is copied from
// there.
type written struct {
	places [4]placeWritten
	n      int // how many were written (the next one replaces places[n%4])

	docID          string // the last doc_id written, when docTo > 0
	docFrom, docTo int    // where b holds `","doc_id":"…","sentence":` for it
}

// placeWritten is a location and where b holds its JSON.
type placeWritten struct {
	loc      Location
	from, to int
}

// appendLocation appends the JSON of l, copied from where b holds the same location's when w
// knows one (w may be nil).
func (w *written) appendLocation(b []byte, l *Location) []byte {
	if w != nil {
		for k := range min(w.n, len(w.places)) {
			p := &w.places[k]
			if math.Float64bits(l.Lat) == math.Float64bits(p.loc.Lat) && math.Float64bits(l.Lon) == math.Float64bits(p.loc.Lon) &&
				l.Name == p.loc.Name && l.Country == p.loc.Country {
				return append(b, b[p.from:p.to]...)
			}
		}
	}
	from := len(b)
	b = append(b, `{"name":"`...)
	b = appendJSONChars(b, l.Name)
	b = append(b, `","country":"`...)
	b = appendJSONChars(b, l.Country)
	b = append(b, `","lat":`...)
	b = appendJSONFloat(b, l.Lat)
	b = append(b, `,"lon":`...)
	b = appendJSONFloat(b, l.Lon)
	b = append(b, '}')
	if w != nil {
		w.places[w.n%len(w.places)] = placeWritten{loc: *l, from: from, to: len(b)}
		w.n++
	}
	return b
}

// appendJSONHead appends what AppendJSON does up to the contexts, the key included; w (or nil)
// holds what was written for the events before.
func (e *Event) appendJSONHead(b []byte, w *written) ([]byte, error) {
	if !finite(e.Goldstein) || !finite(e.Confidence) {
		for _, f := range []float64{e.Goldstein, e.Confidence} {
			if !finite(f) {
				return b, fmt.Errorf("json: unsupported value: %v", f)
			}
		}
	}
	if l := e.Location; l != nil && (!finite(l.Lat) || !finite(l.Lon)) {
		return b, fmt.Errorf("json: unsupported value: %v, %v", l.Lat, l.Lon)
	}
	// The evidence is tested once for bytes to escape, and the text of an actor that is a part
	// of it (the same bytes at srcAt or tgtAt, where add found the mention) is then written as it
	// is, untested: an actor's text is most often such a part.
	evPlain := plainString(e.Evidence)
	// the quotes around a string value are written with the keys before and after it: fewer
	// appends for the ~20 fields of an event
	b = append(b, `{"id":"`...)
	if id := e.ID; len(id) == idLen && (jsonMarks(binary.LittleEndian.Uint64([]byte(id[:8])))|
		jsonMarks(binary.LittleEndian.Uint64([]byte(id[8:]))))&jsonTops == 0 {
		b = append(b, id...) // the usual id (eventIDs), tested here in two words rather than by appendJSONChars
	} else {
		b = appendJSONChars(b, id)
	}
	if w != nil && w.docTo > 0 && e.DocID == w.docID {
		b = append(b, b[w.docFrom:w.docTo]...) // the document of the event before
	} else {
		from := len(b)
		b = append(b, `","doc_id":"`...)
		b = appendJSONChars(b, e.DocID)
		b = append(b, `","sentence":`...)
		if w != nil {
			w.docID, w.docFrom, w.docTo = e.DocID, from, len(b)
		}
	}
	b = appendInt(b, e.Sentence)
	b = append(b, `,"date":"`...)
	b = appendJSONChars(b, e.Date)
	switch e.DateSource { // the coder's three, written untested with their key
	case "text":
		b = append(b, `","date_source":"text`...)
	case "published":
		b = append(b, `","date_source":"published`...)
	case "unknown":
		b = append(b, `","date_source":"unknown`...)
	default:
		b = append(b, `","date_source":"`...)
		b = appendJSONChars(b, e.DateSource)
	}
	// The type, mode and CAMEO code are most often the rule's own strings, whose JSON was
	// prepared when the rule was loaded; the comparisons (the same bytes, mostly at the same
	// address) keep a field changed since, by the coder or by hand, on the path that tests it.
	if r := e.rule; r != nil && r.jsonMiddle != "" && !e.Intent && e.Intended == "" && !e.Negated &&
		e.Type == r.jsonType && e.Mode == r.jsonMode && e.Cameo == r.jsonC &&
		math.Float64bits(e.Goldstein) == math.Float64bits(r.jsonG) {
		// the usual event: its type, mode, intention, negation, CAMEO code and score as the rule
		// prepared them, in one copy (the score's bits compared, so that -0 is not taken for 0)
		b = append(b, r.jsonMiddle...)
	} else {
		b = e.appendJSONMiddle(b)
	}
	b = append(b, `,"source":`...)
	b = e.Source.appendJSON(b, evPlain && partOf(e.Evidence, e.srcAt, e.Source.Text))
	b = append(b, `,"target":`...)
	if e.Target == nil {
		b = append(b, "null"...)
	} else {
		b = e.Target.appendJSON(b, evPlain && partOf(e.Evidence, e.tgtAt, e.Target.Text))
	}
	b = append(b, `,"location":`...)
	if l := e.Location; l == nil {
		b = append(b, "null"...)
	} else {
		b = w.appendLocation(b, l)
	}
	b = append(b, `,"evidence":"`...)
	if evPlain {
		b = append(b, e.Evidence...)
	} else {
		b = appendJSONEscaped(b, e.Evidence)
	}
	b = append(b, `","confidence":`...)
	b = appendConfidence(b, e.Confidence)
	return append(b, `,"contexts":`...), nil
}

// appendJSONMiddle appends what appendJSONHead does from the type to the Goldstein score, for
// an event that is not the usual one of its rule (Rule.jsonMiddle).
func (e *Event) appendJSONMiddle(b []byte) []byte {
	r := e.rule
	if r != nil && r.jsonTypeMode != "" && e.Type == r.jsonType && e.Mode == r.jsonMode {
		b = append(b, r.jsonTypeMode...)
	} else {
		b = append(b, `","type":"`...)
		b = appendJSONChars(b, e.Type)
		b = append(b, `","mode":"`...)
		b = appendJSONChars(b, e.Mode)
		b = append(b, `","intent":`...)
	}
	b = strconv.AppendBool(b, e.Intent)
	b = append(b, `,"intended":"`...)
	b = appendJSONChars(b, e.Intended)
	b = append(b, `","negated":`...)
	b = strconv.AppendBool(b, e.Negated)
	if r != nil && r.jsonCameo != "" && e.Cameo == r.jsonC {
		b = append(b, r.jsonCameo...)
	} else {
		b = append(b, `,"cameo":"`...)
		b = appendJSONChars(b, e.Cameo)
		b = append(b, `","goldstein":`...)
	}
	return appendJSONFloat(b, e.Goldstein)
}

// prepareJSON prepares the JSON that events coded by r write for its type, mode and CAMEO
// code (see Rule.jsonTypeMode), when those strings have nothing to escape, and with them
// for the usual event, from the type to the score (Rule.jsonMiddle).
func (r *Rule) prepareJSON() {
	r.jsonTypeMode, r.jsonCameo = "", ""
	r.jsonType, r.jsonMode, r.jsonC = r.Type, r.Mode, r.Cameo
	if plainString(r.Type) && plainString(r.Mode) {
		r.jsonTypeMode = `","type":"` + r.Type + `","mode":"` + r.Mode + `","intent":`
	}
	if plainString(r.Cameo) {
		r.jsonCameo = `,"cameo":"` + r.Cameo + `","goldstein":`
	}
	r.jsonMiddle, r.jsonG = "", r.Goldstein
	if r.jsonTypeMode != "" && r.jsonCameo != "" && finite(r.Goldstein) {
		middle := append([]byte(r.jsonTypeMode), `false,"intended":"","negated":false`...)
		middle = append(middle, r.jsonCameo...)
		r.jsonMiddle = string(appendJSONFloat(middle, r.Goldstein))
	}
}

// finite tells whether f is neither infinite nor NaN, as !math.IsInf(f, 0) && !math.IsNaN(f) does, in
// one test: f - f is 0 for a finite f and NaN for the others.
func finite(f float64) bool {
	return f-f == 0
}

// appendJSONContexts appends the contexts of an event and the end of its line.
func appendJSONContexts(b []byte, contexts []string) []byte {
	if contexts == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, c := range contexts {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, c)
		}
		b = append(b, ']')
	}
	return append(b, "}\n"...)
}

// partOf tells whether s is the bytes of evidence from at.
func partOf(evidence string, at int, s string) bool {
	return at >= 0 && at <= len(evidence)-len(s) && evidence[at:at+len(s)] == s
}

// appendJSON appends a as JSON; plainText says that a.Text has nothing to escape.
func (a *Actor) appendJSON(b []byte, plainText bool) []byte {
	b = append(b, `{"text":"`...)
	if plainText {
		b = append(b, a.Text...)
	} else {
		b = appendJSONChars(b, a.Text)
	}
	if a.tail != "" && a.tailFits() { // the usual actor, whose country, sector and code were prepared once (Actor.tail)
		if a.Name == "" { // most often
			return append(b, a.tail...)
		}
		b = append(b, `","name":"`...)
		b = appendJSONChars(b, a.Name)
		return append(b, a.tail[len(`","name":"`):]...)
	}
	b = append(b, `","name":"`...)
	b = appendJSONChars(b, a.Name)
	b = append(b, `","country":"`...)
	b = appendJSONChars(b, a.Country)
	b = append(b, `","sector":"`...)
	b = appendJSONChars(b, a.Sector)
	b = append(b, `","code":"`...)
	b = appendJSONChars(b, a.Code)
	return append(b, `"}`...)
}

// tailFits reports whether a.tail still holds a's country, sector and code: a library caller may
// have changed them after the coder set them (and the tail), and then they are written one by one.
func (a *Actor) tailFits() bool {
	const head, sector, code = len(`","name":"","country":"`), len(`","sector":"`), len(`","code":"`)
	t := a.tail
	c := head + len(a.Country) // where the sector's key begins
	s := c + sector + len(a.Sector)
	return len(t) == s+code+len(a.Code)+len(`"}`) && t[head:c] == a.Country && t[c+sector:s] == a.Sector &&
		t[s+code:len(t)-2] == a.Code
}

// jsonPlain are the bytes that appendJSONString writes as they are: ASCII but for control
// characters, quotes and backslashes.
var jsonPlain = func() (out [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		out[c] = c != '"' && c != '\\'
	}
	return out
}()

// appendJSONString appends s as a JSON string, escaped as encoding/json does without HTML
// escaping: quotes, backslashes and control characters, U+2028 and U+2029, and invalid UTF-8
// as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONChars(b, s)
	return append(b, '"')
}

// appendJSONChars appends what appendJSONString does between the quotes. It copies s a word
// at a time as it tests it (each byte read once, and no call to memmove for the short strings
// that most fields hold), and writes s with appendJSONEscaped instead when a byte needs escaping
// (over what it copied, as the escaped string is no shorter). A string shorter than eight bytes
// is read as one word: one of four to seven bytes as two halves that may overlap (written back
// the same way), a shorter one as its first, middle and last bytes, with spaces for the rest.
func appendJSONChars(b []byte, s string) []byte {
	n := len(s)
	if cap(b)-len(b) < n {
		b = slices.Grow(b, n)
	}
	at := len(b)
	b = b[:at+n]
	var marks uint64 // the jsonMarks of the words copied
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
			marks |= jsonMarks(w)
			binary.LittleEndian.PutUint64(b[at+i:], w)
		}
		w := binary.LittleEndian.Uint64([]byte(s[n-8:])) // the last eight, some perhaps copied already
		marks |= jsonMarks(w)
		binary.LittleEndian.PutUint64(b[at+n-8:], w)
	case n >= 4:
		lo, hi := binary.LittleEndian.Uint32([]byte(s[:4])), binary.LittleEndian.Uint32([]byte(s[n-4:]))
		marks = jsonMarks(uint64(lo) | uint64(hi)<<32)
		binary.LittleEndian.PutUint32(b[at:], lo)
		binary.LittleEndian.PutUint32(b[at+n-4:], hi)
	case n > 0:
		first, mid, last := s[0], s[n>>1], s[n-1]
		marks = jsonMarks(uint64(first) | uint64(mid)<<8 | uint64(last)<<16 | 0x2020202020<<24)
		b[at], b[at+n>>1], b[at+n-1] = first, mid, last
	}
	if marks&jsonTops != 0 {
		return appendJSONEscaped(b[:at], s)
	}
	return b
}

// plainString tells whether every byte of s is jsonPlain, testing eight at once.
func plainString(s string) bool {
	n := len(s)
	if n < 8 {
		for i := range n {
			if !jsonPlain[s[i]] {
				return false
			}
		}
		return true
	}
	// the last eight bytes (some perhaps tested below too), then two words a round (an evidence
	// is most often 40 to 100 bytes)
	marks := jsonMarks(binary.LittleEndian.Uint64([]byte(s[n-8:])))
	for len(s) > 16 {
		marks |= jsonMarks(binary.LittleEndian.Uint64([]byte(s[:8]))) | jsonMarks(binary.LittleEndian.Uint64([]byte(s[8:16])))
		s = s[16:]
	}
	if len(s) > 8 {
		marks |= jsonMarks(binary.LittleEndian.Uint64([]byte(s[:8])))
	}
	return marks&jsonTops == 0
}

// appendJSONEscaped is appendJSONChars for s that has a byte to escape or a character outside
// ASCII.
func appendJSONEscaped(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start, i := 0, 0
	for i < len(s) {
		if i+8 <= len(s) && plain8(binary.LittleEndian.Uint64([]byte(s[i:i+8]))) {
			i += 8
			continue
		}
		if jsonPlain[s[i]] {
			i++
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}

// appendConfidence appends a confidence as appendJSONFloat does: one of a whole number of
// hundredths from 0.01 to 1 (all of the coder's) from a table of their JSON, any other number by
// appendJSONFloat. f*100 is within a rounding error of that number, so that rounded it is the
// number, which divided by 100 gives f back exactly; 0 (and -0) are left to appendJSONFloat.
func appendConfidence(b []byte, f float64) []byte {
	if h := f*100 + 0.5; h >= 1 && h < 101.5 {
		if c := int(h); float64(c)/100 == f {
			return append(b, hundredthsJSON[c]...)
		}
	}
	return appendJSONFloat(b, f)
}

// hundredthsJSON holds the JSON of each whole number of hundredths from 0 to 1, by number of
// hundredths, as appendJSONFloat writes them ("0.65").
var hundredthsJSON = func() (t [101]string) {
	for c := range t {
		t[c] = string(appendJSONFloat(nil, float64(c)/100))
	}
	return t
}()

// appendShortDecimal appends f as strconv.AppendFloat(b, f, 'f', -1, 64) does, when f is a
// decimal n/10^k of up to six places and below 10^9 in size, and reports whether it is. Such an
// f is the double nearest to round(f*10^6)/10^6, and that decimal without its trailing zeros is
// the shortest that reads back as f: another of as many places would be 10^-k away, more than
// f's precision there, and one of fewer places would have those digits. (Below 10^9 the error of
// f*10^6 is far under a half, so the rounding finds n*10^(6-k) whatever k is.)
func appendShortDecimal(b []byte, f float64) ([]byte, bool) {
	if f == 0 || !(math.Abs(f) < 1e9) {
		return b, false // 0 and -0, large ones (and NaN): left to strconv
	}
	// most: scores and confidences ("-4.4", "0.75"), a whole number of hundredths below 10^4 in
	// size. f*100 is within a rounding error of that number, so that cut to a whole number (a
	// conversion, cheaper than math.Round) it is the number or one nearer 0.
	if h := f * 100; h > -1e4 && h < 1e4 {
		c := float64(int64(h))
		if c/100 != f {
			c += math.Copysign(1, h)
		}
		if c/100 == f {
			return appendHundredths(b, c), true
		}
	}
	n := math.Round(f * 1e6)
	if n == 0 || n/1e6 != f {
		return b, false // more places than six, or tiny
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	u := uint64(n)
	b = appendUint(b, u/1e6)
	frac := u % 1e6
	if frac == 0 {
		return b, true
	}
	// the point and the six digits of frac as the bytes of w, in order from its lowest (two
	// digits at a time); then the bytes up to the last digit that is not 0, found by counting the
	// top bytes of w that are 0 or the digit 0 (0.65: ".650000" and a 0, of which ".65")
	w := uint64('.') | uint64(digitPairs[frac/10000])<<8 | uint64(digitPairs[frac/100%100])<<24 |
		uint64(digitPairs[frac%100])<<40
	var digits [8]byte
	binary.LittleEndian.PutUint64(digits[:], w)
	return append(b, digits[:8-bits.LeadingZeros64(w^0x0030303030303000)/8]...), true
}

// digitPairs holds the two decimal digits of each number below 100, the first in the low byte.
var digitPairs = func() (t [100]uint16) {
	for i := range t {
		t[i] = uint16('0'+i/10) | uint16('0'+i%10)<<8
	}
	return t
}()

// appendHundredths is appendShortDecimal for a number of up to two places and below 100 in
// size, given in hundredths (c, a whole number).
func appendHundredths(b []byte, c float64) []byte {
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	u := uint64(c)
	b = appendUint(b, u/100)
	if frac := u % 100; frac != 0 {
		b = append(b, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			b = append(b, byte('0'+frac%10))
		}
	}
	return b
}

// appendUint appends u in decimal as strconv.AppendUint does, by hand below 10,000 (the whole
// part of a score or a coordinate, a sentence's number, an offset into an article).
func appendUint(b []byte, u uint64) []byte {
	switch {
	case u < 10:
		return append(b, byte('0'+u))
	case u < 100:
		return append(b, byte('0'+u/10), byte('0'+u%10))
	case u < 1000:
		return append(b, byte('0'+u/100), byte('0'+u/10%10), byte('0'+u%10))
	case u < 10000:
		return append(b, byte('0'+u/1000), byte('0'+u/100%10), byte('0'+u/10%10), byte('0'+u%10))
	}
	return strconv.AppendUint(b, u, 10)
}

// appendInt appends i in decimal as strconv.AppendInt does (appendUint for most).
func appendInt(b []byte, i int) []byte {
	if i < 0 {
		return strconv.AppendInt(b, int64(i), 10)
	}
	return appendUint(b, uint64(i))
}

// plain8 tells whether the eight bytes of x are all jsonPlain, testing them at once.
func plain8(x uint64) bool {
	return jsonMarks(x)&jsonTops == 0
}

// jsonTops are the top bits of the bytes of a word.
const jsonTops = 0x8080808080808080

// jsonMarks is what plain8 tests: jsonMarks(x)&jsonTops is not 0 when a byte of x is not
// jsonPlain, and 0 when all are (its other bits mean nothing: the callers OR the marks of
// several words and test their top bits once). Each byte is marked by the top bit of x (outside
// ASCII), of (x ^ 0x02) - 0x21 (below 0x20 or a quote: the XOR swaps the quote, 0x22, with 0x20
// and leaves the bytes below 0x20 below it, so that one subtraction finds both) or of
// (x ^ '\\') - 1 (a backslash). A subtraction borrows from the byte above only where a byte is
// below 0x20, a quote or a backslash: the lowest byte that is not jsonPlain, if any, is always
// marked, and with none there is no borrow to mark a plain byte.
func jsonMarks(x uint64) uint64 {
	const ones = 0x0101010101010101
	return x | ((x ^ 0x02*ones) - 0x21*ones) | ((x ^ '\\'*ones) - ones)
}

// appendJSONFloat appends a finite f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) []byte {
	if d, ok := appendShortDecimal(b, f); ok {
		return d // most: scores, confidences, coordinates of a few places
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// Coder codes documents. It is safe for concurrent use: each call keeps its own state.
type Coder struct {
	KB       *actor.KB
	Patterns *Patterns
	Places   *place.Gazetteer
	Contexts *Contexts

	words *lexicon // the words of KB and Patterns in one table (NewCoder), or nil
}

// NewCoder loads the knowledge base and the patterns (shipped, or overridden from the
// directories given; "" for the shipped ones).
func NewCoder(dictDir, patternDir string) (*Coder, error) {
	kb, err := actor.Load(dictDir)
	if err != nil {
		return nil, fmt.Errorf("loading actor dictionaries: %w", err)
	}
	ps, err := LoadPatterns(patternDir)
	if err != nil {
		return nil, fmt.Errorf("loading event patterns: %w", err)
	}
	places, err := place.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the gazetteer: %w", err)
	}
	contexts, err := LoadContexts(patternDir)
	if err != nil {
		return nil, fmt.Errorf("loading contexts: %w", err)
	}
	ps.addCues(contexts)
	return &Coder{KB: kb, Patterns: ps, Places: places, Contexts: contexts, words: newLexicon(kb, ps)}, nil
}

// PublicationDate returns the document's date and where it came from: its published field
// ("published"), a date header or dateline at the top of the text ("text"), or "unknown".
func PublicationDate(doc ingest.Document) (string, string) {
	return when.Published(doc.Published, doc.Text)
}

// Code returns the events of one document, in text order.
func (c *Coder) Code(doc ingest.Document) []Event {
	evs, _ := c.code(doc, nil, nil, nil)
	if len(evs) == 0 {
		return nil
	}
	ownShared(evs)
	return evs
}

// ownShared gives the events of one document, which a caller keeps, a Location and a list of
// contexts of their own: the coder's memos share them with the events of other documents
// (locationMemo, counter.result), which is safe where the events never leave the coder
// (RunRecords with a format), but a caller that changed one event's would change another
// document's. Events of the document with one place still share its Location, as they share
// its contexts.
func ownShared(evs []Event) {
	var from, to *Location
	var ctx []string
	for i := range evs {
		e := &evs[i]
		if l := e.Location; l != nil {
			if l != from {
				c := *l
				from, to = l, &c
			}
			e.Location = to
		}
		if i == 0 {
			ctx = slices.Clone(e.Contexts) // (the document's list, the same for each of its events)
			if ctx == nil && e.Contexts != nil {
				ctx = []string{}
			}
		}
		e.Contexts = ctx
	}
}

// Explain codes a document like Code and also returns, in words, every decision the coder made:
// the tokens and actors of each sentence and how each actor was resolved, each phrase of the
// patterns that matched (with its file and line), each event produced or not coded and why, and
// the events folded into another report of the same occasion. This is how users debug and
// extend the dictionaries (dyad explain).
func (c *Coder) Explain(doc ingest.Document) ([]Event, string) {
	var b strings.Builder
	evs, _ := c.code(doc, &b, nil, nil)
	if len(evs) == 0 {
		evs = nil
	}
	ownShared(evs)
	return evs, b.String()
}

// code codes doc and appends its events to dst and their targets to targets, whose spare room
// it may use (RunRecords reuses them from batch to batch; nil allocates); the document's events
// are those from len(dst) of the slice it returns.
func (c *Coder) code(doc ingest.Document, trace *strings.Builder, dst []Event, targets []Actor) ([]Event, []Actor) {
	date, src := PublicationDate(doc)
	buf := scratchPool.Get().(*scratch)
	pooled := len(doc.Text) <= maxPooledText // (a huge document's memory is not kept)
	defer func() {
		if pooled {
			scratchPool.Put(buf)
		}
	}()
	// the events are coded into the room after dst (RunRecords' block: merged then leaves those
	// kept in place), or, when there is no dst (Code), into the scratch block and then copied
	events := buf.events[:0]
	if dst != nil {
		dst = slices.Grow(dst, 32)
		events = dst[len(dst):]
	}
	// the document's state is kept in the scratch too rather than made new for each document:
	// a new one was an allocation a document, in memory that had gone cold since the last
	// collection; this one is warm from the document before
	st := &buf.state
	*st = docState{c: c, doc: doc, date: date, pub: when.ReadPub(date), actors: c.KB.NewDoc(date), trace: trace, scratch: buf,
		events: events}
	st.actors.Text = doc.Text // the tokens' offsets are into it
	defer func() {
		if dst == nil {
			clear(st.events) // keep nothing of the document
			buf.events = st.events[:0]
		}
		// the document's part of each block (the rest was cleared after the document that used it):
		// their strings and pointers would keep the article. The three largest, the tokens, what
		// read found in each sentence and the sentences, are not cleared here but overwritten by
		// the next document, which clears only what it leaves over of them (clearStale): clearing
		// the tokens cost as much as a pass of the coder over them. Until then the scratch keeps
		// the last article it coded, and sync.Pool drops an idle scratch at the second GC.
		clear(buf.allTrs)
		// (no trigger holds anything of the article, only the patterns' and rules' tables and
		// other triggers: newTrigger writes over the whole of each, uncleared)
		buf.triggerMemory = buf.triggerMemory[:0]
		clear(buf.timeMemory)
		buf.timeMemory = buf.timeMemory[:0]
		clear(buf.targets)
		buf.toks = nil
		buf.reading = reading{reach: buf.reading.reach[:0]} // (numbers only: kept for the next document)
		// (the events keep no mention: they copy what they code of them)
		if pooled {
			st.actors.Release()
		}
		*st = docState{} // (nothing of the document: not its text, its events nor its actor.Doc)
	}()
	if trace != nil {
		st.note("published: %q (%s)", date, src)
	}
	if p, ok := c.Places.Dateline(doc.Text); ok {
		st.datelinePlace = p // (in the scratch: &p was an allocation a document, found or not)
		st.dateline = &st.datelinePlace
	}
	st.contexts = buf.cues.reset(c.Contexts)
	stale := len(st.sents)
	st.sents = text.AppendSentences(st.sents[:0], doc.Text)
	clearStale(st.sents, stale)
	sents := st.sents
	st.read(sents)
	st.readActs()
	for i, s := range sents {
		r := &st.read1[i]
		st.toks, st.times = st.allToks[r.start:r.end:r.end], r.times
		st.sentence(i, s)
		// the day of the occasion the article is telling, for the sentences that follow
		st.narrative = when.CarryAmong(st.narrative, st.times, st.pub)
	}
	// where each event took place, once every sentence is coded (in the same order), so that the
	// gazetteer's code runs over the document at once
	for i := range st.events {
		e := &st.events[i]
		r := &st.read1[e.Sentence]
		st.toks = st.allToks[r.start:r.end]
		e.Location = st.locate(sents[e.Sentence], e.trStart, e.trEnd, e)
	}
	kept := st.merged()
	var all []Event
	// The events were coded in place when st.events begins in dst's own room, right after dst's
	// last event (RunRecords hands that room to the coder); then they only need counting into dst.
	if n := len(dst); len(kept) > 0 && n < cap(dst) && &dst[:n+1][n] == &kept[0] {
		all = dst[:n+len(kept)] // coded in place
	} else {
		all = append(dst, kept...) // (Code, or more events than dst had room for)
	}
	evs := all[len(dst):]
	targets = keepTargets(evs, targets)
	if len(evs) > 0 {
		ctx := st.contexts.result()
		if ctx == nil {
			ctx = []string{} // none: an empty list, not null
		}
		ids := eventIDs(evs) // the ids of the events kept, in one string
		for i := range evs {
			evs[i].ID = ids[i*idLen : (i+1)*idLen]
			evs[i].Contexts = ctx
		}
		if trace != nil {
			st.note("contexts of the article: %s", strings.Join(ctx, ", "))
		}
	}
	return all, targets
}

// scratch is memory that the coding of a document uses and the next one reuses (nothing in it
// is read once the document is coded): its sentences, what the first pass (read) found in each,
// the sentence prepared for place.FindNearIn, the events before merging.
type scratch struct {
	allToks       []text.Token   // the tokens of the document's sentences, one after the other (read)
	folded        []byte         // the lower-case forms of allToks that differ from their text (read)
	allLex        []*wordEntry   // the pattern tables' entry of each of allToks (read)
	allWords      []actor.Word   // the knowledge base's Word of each of allToks, when a lexicon found them (read)
	wordNums      []uint32       // the lexicon's number of the word of each of allToks (lexicon.lookUpDoc)
	read1         []sentenceRead // what the first pass found in each sentence
	toks          []text.Token   // the tokens of the current sentence
	placeSent     place.Prepared
	events        []Event
	allBlocked    []bool      // a flag for each of allToks: inside an actor mention (read)
	topicBuf      []bool      // a flag for each token of the document (readActs): inside a topic
	reading       reading     // the sentence as the pattern matcher reads it
	allTrs        []*trigger  // the triggers of the document's sentences (read)
	triggerMemory []trigger   // the document's triggers (newTrigger), in a block the next one reuses
	timeMemory    []when.Expr // the time expressions of the document's sentences (read), in a block the next one reuses
	targets       []Actor     // the targets of events, until merged moves those kept (newTarget)
	retold        []bool      // a flag for each event before merging: another report of one kept (merged)

	sents []text.Sentence // the document's sentences

	meetings meetingMemo // what merged knows of the document's meetings
	cues     counter     // the document's context cues

	codes codeCache // the codes and merge keys of actors, kept from document to document

	locations locationMemo // the events' Locations, kept from document to document (locate)

	state docState // the coder's memory within the document being coded (Coder.code sets it whole)
}

// newTrigger returns a new trigger set to tr, from a block that each document reuses (the
// triggers are read while the document is coded, never after). When the block is full a larger
// one is started, and the triggers already made keep the old one.
func (s *scratch) newTrigger(tr trigger) *trigger {
	if len(s.triggerMemory) == cap(s.triggerMemory) {
		s.triggerMemory = make([]trigger, 0, max(16, 2*cap(s.triggerMemory)))
	}
	s.triggerMemory = append(s.triggerMemory, tr)
	return &s.triggerMemory[len(s.triggerMemory)-1]
}

// newTarget returns a blank Actor for an event's Target, from a block that each document reuses
// (read empties it): keepTargets moves the targets of the events kept into a block of their own,
// one allocation of the right size for the document rather than one a target. When the block is
// full a larger one is started, and the targets already made keep the old one.
func (s *scratch) newTarget() *Actor {
	if len(s.targets) == cap(s.targets) {
		s.targets = make([]Actor, 0, max(16, 2*cap(s.targets)))
	}
	s.targets = append(s.targets, Actor{})
	return &s.targets[len(s.targets)-1]
}

// flags returns n false flags in *buf, reused from sentence to sentence.
func (s *scratch) flags(buf *[]bool, n int) []bool {
	if cap(*buf) < n {
		*buf = make([]bool, n, n+n/2)
	}
	f := (*buf)[:n]
	clear(f)
	return f
}

// clearStale clears the elements of a reused block s that the document before left from len(s)
// to stale (its length then), so that no pointer into an article is kept beyond the document
// being coded (see Coder.code).
func clearStale[T any](s []T, stale int) {
	if len(s) < stale {
		clear(s[len(s):stale])
	}
}

// scratchPool holds the scratch memory of the documents not being coded.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledText is the longest document whose memory (its scratch, its actor.Doc, a worker's
// blocks of events) is kept for the documents after it. The blocks grow to a document's size
// and stay so: those of a document of 7 MB (800 MB) kept the heap over the CLI's soft limit, and
// the collector running without a pause, for the rest of the run. A document of 256 kB leaves
// some 30 MB; a news article is some 5 kB.
const maxPooledText = 256 << 10

// docState is the coder's memory within one document.
type docState struct {
	*scratch
	c             *Coder
	doc           ingest.Document
	date          string
	pub           when.Pub         // date as when reads it, read once for the document
	narrative     string           // the day the article was last telling of, carried from sentence to sentence
	times         []when.Expr      // the time expressions of the current sentence
	dateline      *place.Place     // where the article was filed, when its first line says
	datelinePlace place.Place      // what dateline points to, when set
	scene         *Location        // where the occasion the article is telling took place
	trace         *strings.Builder // the decisions, for Explain; nil when coding
	contexts      *counter         // the article's context cues
	actors        *actor.Doc
	subject       *actor.Mention // the document's subject as of the current sentence (actor.Doc.Subject)
	events        []Event
	lastMeet      [2]*actor.Mention // the two sides of the latest meeting
}

// setActor sets *a to what m codes on an event's day: for an event told of on another day than
// the article's, a person known to the knowledge base is coded by the post held on the event's
// day (issue 3: "in 2012, Rouhani…" is a former official, whatever he is when the article
// appears). It returns m's key for merging (keyOf), from the same look-up of st.codes as the
// code when m is coded by its own country and sector.
func (st *docState) setActor(a *Actor, m *actor.Mention, day, daySource string) (key string) {
	a.Text, a.Name, a.Country, a.Sector = m.Text, m.Name, m.Country, m.Sector
	onDay := m.Person != nil && daySource == "text" && day != st.date
	if onDay {
		a.Country, a.Sector = m.On(day)
	}
	a.Code, key, a.tail = st.codes.ofTail(a.Country, a.Sector)
	switch {
	case m.Name != "":
		return m.Name
	case onDay:
		_, key = st.codes.of(m.Country, m.Sector)
	}
	return key
}

func keyOf(m *actor.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Country + "/" + m.Sector
}

// codeCache remembers the codes (country + sector), merge keys (country/sector) and JSON
// (Actor.tail) that the actors of events got, for the usual country of three letters and sector
// of up to four: building them was concatenations and allocations an event, and a worker sees the
// same pairs again and again (the 3.85 MB cut of the bench corpus: 1,800 pairs in 93,000
// look-ups). A slot keeps only the string it made (never one of an article); another pair that
// falls on it replaces it.
type codeCache struct {
	// the slots, allocated at the first look-up on their own (so aligned that a slot never
	// straddles two cache lines: a look-up reads one line, which the coder often finds cold)
	slots *[codeSlots]codeSlot
}

// codeBits is the number of bits of a codeCache's slot numbers: 2,048 slots of 32 bytes.
const codeBits = 11

// codeSlots is the number of slots of a codeCache.
const codeSlots = 1 << codeBits

// codeSlot is one pair of country and sector in a codeCache, in 32 bytes.
type codeSlot struct {
	pair uint64 // the country and sector (packPair); 0 in a slot not used yet
	// the tail (Actor.tail), which ends in the code and `"}`, then the key:
	// `","name":"","country":"USA","sector":"GOV","code":"USAGOV"}USA/GOV` (their lengths
	// follow from the sector's, in pair)
	all   string
	plain bool // the country and the sector have nothing to escape in JSON: the tail may be written as it is
}

// packPair packs a country of three bytes and a sector of up to four, and their lengths, in one
// number that is never 0, or reports that they do not fit.
func packPair(country, sector string) (uint64, bool) {
	if len(country) != 3 || len(sector) > 4 {
		return 0, false
	}
	var sec uint64 // the bytes of sector, in order from the lowest
	switch n := len(sector); {
	case n == 4:
		sec = uint64(binary.LittleEndian.Uint32([]byte(sector)))
	case n == 3: // most ("GOV")
		sec = uint64(binary.LittleEndian.Uint16([]byte(sector))) | uint64(sector[2])<<16
	case n > 0: // its first and last bytes: all of one of up to two
		sec = uint64(sector[0]) | uint64(sector[n-1])<<(8*(n-1))
	}
	p := uint64(len(sector)+1)<<56 | sec<<24 | uint64(binary.LittleEndian.Uint16([]byte(country))) | uint64(country[2])<<16
	return p, true
}

// of returns country+sector and country+"/"+sector.
func (c *codeCache) of(country, sector string) (code, key string) {
	code, key, _ = c.ofTail(country, sector)
	return code, key
}

// ofTail is of that returns also the actor's Actor.tail for country and sector, "" when they have
// something to escape in JSON (tested once a slot) or do not fit a slot.
func (c *codeCache) ofTail(country, sector string) (code, key, tail string) {
	p, ok := packPair(country, sector)
	if !ok {
		return country + sector, country + "/" + sector, ""
	}
	if c.slots == nil {
		c.slots = new([codeSlots]codeSlot)
	}
	s := &c.slots[p*0x9e3779b97f4a7c15>>(64-codeBits)] // (the top bits of Fibonacci hashing)
	if s.pair != p {
		// (appended on the stack and copied once: cheaper than a concatenation of eleven strings)
		var buf [80]byte
		b := append(buf[:0], `","name":"","country":"`...)
		b = append(b, country...)
		b = append(b, `","sector":"`...)
		b = append(b, sector...)
		b = append(b, `","code":"`...)
		b = append(b, country...)
		b = append(b, sector...)
		b = append(b, `"}`...)
		b = append(b, country...)
		b = append(b, '/')
		b = append(b, sector...)
		*s = codeSlot{pair: p, all: string(b), plain: plainString(country) && plainString(sector)}
	}
	// the key is the last 4+len(sector) bytes (p>>56 is len(sector)+1), the code the 3+len(sector)
	// before the tail's last two
	keyLen := 3 + int(p>>56)
	n := len(s.all) - keyLen // the tail's length
	code, key = s.all[n-2-(keyLen-1):n-2], s.all[n:]
	if s.plain {
		tail = s.all[:n]
	}
	return code, key, tail
}

func (st *docState) add(idx int, s text.Sentence, tr *trigger, src, tgt *actor.Mention, conf float64) {
	r := tr.rule()
	// the event's date: a time expression around the trigger, else the day the article was
	// telling of, else the publication date
	dateOf := when.DateAmong
	if tr.future {
		dateOf = when.DateAhead // "will meet on Monday": the coming Monday ("agreed on Friday to…" is past)
	}
	day, daySource := dateOf(st.times, s.Text, tr.start-s.Start, st.pub)
	if daySource == "published" && st.narrative != "" {
		day, daySource = st.narrative, "text"
	}
	st.events = append(st.events, Event{})
	e := &st.events[len(st.events)-1] // (set in place: an event is large)
	e.DocID, e.Sentence, e.Date, e.DateSource = st.doc.ID, idx, day, daySource
	e.Type, e.Mode, e.Cameo, e.Goldstein, e.Negated = r.Type, r.Mode, r.Cameo, r.Goldstein, tr.negated
	e.rule = r
	e.Confidence = conf
	if src != nil {
		e.srcKey = st.setActor(&e.Source, src, day, daySource)
	}
	if tr.intended != "" {
		e.Intent = true
		e.Intended = tr.intended
		if tr.threat && r.Type != "THREATEN" {
			e.Type, e.Cameo, e.Goldstein, e.Mode = "THREATEN", "138", -7.0, threatened(r.Type, r.Mode)
		} else if r.Type != "AGREE" && r.Type != "THREATEN" {
			e.Type, e.Cameo, e.Goldstein, e.Mode = "AGREE", "030", 4.0, ""
		}
	}
	if e.Type == "ASSAULT" && src != nil && (src.IsState() || src.Adjective || src.Person == nil && src.Sector == "GOV" && src.Role == "" && !src.Group) {
		// a state that attacks ("Israel shelled", "US attacks") does so with its forces
		e.Source.Sector = "MIL"
		code, _, tail := st.codes.ofTail(src.Country, "MIL")
		e.Source.Code, e.Source.tail = code, tail
		if e.Source.Country != src.Country { // (a person's country on another day: the tail is of src's)
			e.Source.tail = ""
		}
	}
	if tgt != nil {
		e.Target = st.newTarget()
		e.tgtKey = st.setActor(e.Target, tgt, day, daySource)
	}
	e.trStart, e.trEnd = tr.start, tr.end // for locate, once every sentence is coded
	// evidence: from the first of the actors and the trigger to the last
	start, end := tr.start, tr.end
	for _, m := range []*actor.Mention{src, tgt} {
		if m != nil && !m.Pronoun && m.Start >= s.Start && m.End <= s.End && m.End > m.Start {
			start, end = min(start, m.Start), max(end, m.End)
		}
	}
	e.Evidence = st.doc.Text[start:end]
	e.evStart = start
	if src != nil && src.Start >= start && src.End <= end {
		e.srcAt = src.Start - start
	}
	if tgt != nil && tgt.Start >= start && tgt.End <= end {
		e.tgtAt = tgt.Start - start
	}
	if st.trace != nil {
		tgt := "none"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		intent := ""
		if e.Intended != "" {
			intent = " intended " + e.Intended
		}
		neg := ""
		if e.Negated {
			neg = " (negated: did not happen)"
		}
		st.note("  + event %s%s %s -> %s, CAMEO %s, Goldstein %g, date %s (%s)%s", e.Type, intent, e.Source.Code, tgt, e.Cameo, e.Goldstein, e.Date, e.DateSource, neg)
	}
}

// threatened returns the mode of a THREATEN coded from an act of type typ and mode mode declared
// as a threat ("will impose a curfew unless…"): what is threatened, among THREATEN's modes
// (formats.md): force for an attack or a deployment, a restriction, an arrest, an expulsion, a
// cut in relations or aid; "" when none of them says what the act is (a protest, a withdrawal).
func threatened(typ, mode string) string {
	switch typ {
	case "ASSAULT", "MOBILIZE":
		return "violence"
	case "COERCE":
		switch mode {
		case "arrest":
			return "arrest"
		case "restrict", "curfew", "martial-law", "censor":
			return "restrict"
		case "deport":
			return "expel"
		}
	case "SANCTION":
		switch mode {
		case "expel":
			return "expel"
		case "withdraw", "discontinue":
			return "relations"
		}
	}
	return ""
}

// note records a decision for Explain.
func (st *docState) note(format string, args ...any) {
	if st.trace != nil {
		fmt.Fprintf(st.trace, format, args...)
		st.trace.WriteByte('\n')
	}
}

// idLen is the length of an event's id.
const idLen = 16

// eventIDs returns the ids of evs, one after the other (idLen bytes each), in one string rather
// than one string an event. An event's id is the first 8 bytes, in hex, of the SHA-256 of its
// document id, sentence, evidence start, type, source code and target, separated by NUL bytes.
func eventIDs(evs []Event) string {
	var ids strings.Builder
	ids.Grow(idLen * len(evs))
	var buf [128]byte
	for i := range evs {
		e := &evs[i]
		b := append(buf[:0], e.DocID...)
		b = append(b, 0)
		b = appendInt(b, e.Sentence)
		b = append(b, 0)
		b = appendInt(b, e.evStart)
		b = append(b, 0)
		b = append(b, e.Type...)
		b = append(b, 0)
		b = append(b, e.Source.Code...)
		b = append(b, 0)
		b = append(b, e.tgtKey...)
		sum := sha256.Sum256(b)
		var id [idLen]byte // the digits of the first eight bytes of sum, four bytes (eight digits) at a time
		for k := 0; k < idLen/2; k += 4 {
			binary.LittleEndian.PutUint64(id[2*k:], uint64(hexDigits[sum[k]])|uint64(hexDigits[sum[k+1]])<<16|
				uint64(hexDigits[sum[k+2]])<<32|uint64(hexDigits[sum[k+3]])<<48)
		}
		ids.Write(id[:])
	}
	return ids.String()
}

// sameID reports whether a and b, two events of one document, get one id from eventIDs: whether
// they agree on every field it reads but the document's id.
func sameID(a, b *Event) bool {
	return a.Sentence == b.Sentence && a.evStart == b.evStart && a.Type == b.Type && a.Source.Code == b.Source.Code && a.tgtKey == b.tgtKey
}

// hexDigits holds the two lower-case hex digits of each byte value, as hex.Encode writes them,
// the first in the low byte: eventIDs writes a byte's two digits at once.
var hexDigits = func() (t [256]uint16) {
	const digits = "0123456789abcdef"
	for i := range t {
		t[i] = uint16(digits[i>>4]) | uint16(digits[i&15])<<8
	}
	return t
}()

// meetingCodes keys a meeting by the codes of its sides, in either order, and whether it was
// by phone and negated.
type meetingCodes struct {
	a, b           string
	phone, negated bool
}

// consultCodes returns the key of the meeting e tells of.
func consultCodes(e *Event) meetingCodes {
	a, b := e.Source.Code, ""
	if e.Target != nil {
		b = e.Target.Code
	}
	if b < a {
		a, b = b, a
	}
	return meetingCodes{a, b, e.Mode == "phone", e.Negated}
}

// meetingSides counts the meetings coded with the same codes, and those of them whose sides
// were both named.
type meetingSides struct{ all, named int }

func unnamedMeeting(e *Event) bool {
	return e.Source.Name == "" || e.Target == nil || e.Target.Name == ""
}

// describedMeeting reports whether meeting e, one of whose sides has no name, is one of the
// meetings already coded with the same codes.
func describedMeeting(e *Event, same meetingSides) bool {
	if same.all == 0 {
		return false
	}
	if unnamedMeeting(e) {
		return true
	}
	// a named meeting is the one an earlier description stood for, unless another named meeting
	// already was ("officials of Iran and Syria met" leads two meetings, in two capitals)
	return same.named == 0
}

// locate finds where an event happened: a place the sentence names near the trigger ("in
// Damascus", "on the sidelines of the summit in Goa"), else the scene of the occasion the
// article is telling, else, for a visit, the host's capital, else the dateline when it is in the
// country of one of the actors.
func (st *docState) locate(s text.Sentence, trStart, trEnd int, e *Event) *Location {
	g := st.c.Places
	var cs [2]string
	countries := cs[:0] // the source's country, then the target's
	if e.Source.Country != "" {
		countries = append(countries, e.Source.Country)
	}
	if e.Target != nil && e.Target.Country != "" {
		countries = append(countries, e.Target.Country)
	}
	if st.placeSent.Sentence() != s.Text {
		st.placeSent.SetTokens(s, st.toks) // once for all the events of the sentence
	}
	// most sentences have no word that locates, so no place for FindNearIn to find
	if st.placeSent.MayLocate() {
		if p, at, ok := g.FindNearIn(&st.placeSent, trStart-s.Start, countries...); ok && at > trStart-s.Start-100 && at < trEnd-s.Start+100 {
			loc := st.locations.of(p.Name, p.Country, p.Lat, p.Lon)
			if e.Type == "CONSULT" {
				st.scene = loc
			}
			return loc
		}
	}
	if st.scene != nil && e.Type == "CONSULT" {
		return st.scene
	}
	if e.Type == "CONSULT" && e.Mode == "visit" && e.Target != nil {
		if p, ok := g.Capital(e.Target.Country); ok {
			return st.locations.of(p.Name, p.Country, p.Lat, p.Lon)
		}
	}
	if d := st.dateline; d != nil {
		for _, c := range countries {
			if c == d.Country {
				return st.locations.of(d.Name, d.Country, d.Lat, d.Lon)
			}
		}
	}
	return nil
}

// locationMemo holds the Locations that events of a worker's documents were given, so that an
// event placed where an earlier one was shares its Location rather than getting a new one (an
// allocation an event placed, in fresh memory that the JSON writer then reads cold). A Location
// is never written once made. A slot holds the latest place that falls on it.
type locationMemo [1024]*Location

// of returns a Location of the name, country and coordinates given: the memo's when it has one
// equal to it, else a new one, which the memo then keeps.
func (m *locationMemo) of(name, country string, lat, lon float64) *Location {
	// (the coordinates tell most places apart: hashed by Fibonacci hashing, the top ten bits)
	s := &m[(math.Float64bits(lat)^math.Float64bits(lon)*0x9e3779b97f4a7c15)*0x9e3779b97f4a7c15>>54]
	if l := *s; l != nil && math.Float64bits(l.Lat) == math.Float64bits(lat) && math.Float64bits(l.Lon) == math.Float64bits(lon) &&
		l.Name == name && l.Country == country {
		return l
	}
	*s = &Location{Name: name, Country: country, Lat: lat, Lon: lon}
	return *s
}

// meetingKey is a meeting as merged tells one from another: by its two sides, in either order,
// whatever the sentence.
type meetingKey struct {
	src, tgt       string
	phone, negated bool
}

// merged folds repeated reports of one act within the document (guideline 1): the same type,
// actors and intent. A meeting is one occasion however often the text comes back to it; other acts
// merge only within a sentence. Two reports of a sentence that would get one id (sameID: the same
// start of evidence, type, source code and target) are one report too, whatever else they differ
// in: a source of one code named twice ("the two countries" after two sides of one state), or two
// intents read in one clause. Of the reports of an occasion the first is kept as it was coded, the
// others dropped. It moves the events kept up over those folded, in st.events, clears the slots
// left over and returns the events kept.
func (st *docState) merged() []Event {
	evs := st.events
	if len(evs) == 0 {
		return evs
	}
	consults := 0
	for i := range evs {
		if evs[i].Type == "CONSULT" {
			consults++
		}
	}
	// meetings by the codes of their sides, with whether each side was named: a side described
	// without a name ("Syrian parliament speaker" in a heading) is the named one of those codes
	meetings := &st.meetings
	meetings.reset(consults > maxListed)
	retold := st.flags(&st.retold, len(evs))
	sentence, from := -1, 0 // evs[from:i] are the events of the current sentence before evs[i]
	for i := range evs {
		e := &evs[i]
		if e.Sentence != sentence {
			sentence, from = e.Sentence, i
		}
		told := evs[from:i]
		if e.Type == "CONSULT" {
			a, b := e.srcKey, e.tgtKey
			if b < a {
				a, b = b, a
			}
			k := meetingKey{src: a, tgt: b, phone: e.Mode == "phone", negated: e.Negated}
			ck := consultCodes(e)
			same := meetings.sides(ck)
			seen := meetings.kept(k)
			described := !seen && describedMeeting(e, same)
			same.all++
			if !unnamedMeeting(e) {
				same.named++
			}
			meetings.setSides(ck, same)
			if described {
				st.note("merged: the CONSULT of sentence %d describes a side of a meeting already coded", e.Sentence)
				retold[i] = true
				continue
			}
			if seen {
				st.note("merged: the %s of sentence %d is another report of an occasion already coded", e.Type, e.Sentence)
				retold[i] = true
				continue
			}
			// the meeting is coded from here on, by e or by the report whose id e has
			meetings.keep(k)
		} else if sameOccasion(told, e) {
			st.note("merged: the %s of sentence %d is another report of an occasion already coded", e.Type, e.Sentence)
			retold[i] = true
			continue
		}
		if toldByID(told, e) {
			st.note("merged: the %s of sentence %d has the id of a report before it in the sentence (the same start of evidence, type, source code and target)", e.Type, e.Sentence)
			retold[i] = true
		}
	}
	n := 0 // evs[:n] are the events kept
	for i := range evs {
		if !retold[i] {
			if i != n {
				evs[n] = evs[i]
			}
			n++
		}
	}
	clear(evs[n:])
	return evs[:n]
}

// maxListed is the most meetings of a document that meetingMemo keeps in lists.
const maxListed = 16

// meetingMemo is what merged knows of a document's meetings: those kept, by their sides, and
// those seen by their codes. A document most often tells of one or two meetings, which are
// looked for one by one in two short lists, without hashing their strings; a document of more
// meetings than maxListed has them in maps (many).
type meetingMemo struct {
	many     bool
	keptList []meetingKey
	keptMap  map[meetingKey]bool
	codeList []meetingCount
	codeMap  map[meetingCodes]meetingSides
}

// meetingCount is the meetingSides of one meetingCodes.
type meetingCount struct {
	codes meetingCodes
	sides meetingSides
}

// reset forgets the meetings of the document before, and keeps the next ones in maps when many.
func (m *meetingMemo) reset(many bool) {
	m.many = many
	clear(m.keptList)
	clear(m.codeList)
	m.keptList, m.codeList = m.keptList[:0], m.codeList[:0]
	if many {
		if m.keptMap == nil {
			m.keptMap, m.codeMap = map[meetingKey]bool{}, map[meetingCodes]meetingSides{}
		}
		clear(m.keptMap)
		clear(m.codeMap)
	}
}

// kept tells whether the meeting k was kept.
func (m *meetingMemo) kept(k meetingKey) bool {
	if m.many {
		return m.keptMap[k]
	}
	return slices.Contains(m.keptList, k)
}

// keep records that the meeting k is kept.
func (m *meetingMemo) keep(k meetingKey) {
	if m.many {
		m.keptMap[k] = true
		return
	}
	m.keptList = append(m.keptList, k)
}

// sides returns the count of the meetings seen with the codes ck.
func (m *meetingMemo) sides(ck meetingCodes) meetingSides {
	if m.many {
		return m.codeMap[ck]
	}
	for i := range m.codeList {
		if m.codeList[i].codes == ck {
			return m.codeList[i].sides
		}
	}
	return meetingSides{}
}

// setSides sets the count of the meetings seen with the codes ck.
func (m *meetingMemo) setSides(ck meetingCodes, same meetingSides) {
	if m.many {
		m.codeMap[ck] = same
		return
	}
	for i := range m.codeList {
		if m.codeList[i].codes == ck {
			m.codeList[i].sides = same
			return
		}
	}
	m.codeList = append(m.codeList, meetingCount{ck, same})
}

// keepTargets moves the targets of evs out of the scratch block the next document reuses into
// targets, and returns targets, grown when it has not the room.
func keepTargets(evs []Event, targets []Actor) []Actor {
	n := 0
	for i := range evs {
		if evs[i].Target != nil {
			n++
		}
	}
	if cap(targets)-len(targets) < n {
		// a new block: the targets already in the old one stay there, pointed to by their events
		targets = make([]Actor, 0, max(n, 2*cap(targets)))
	}
	for i := range evs {
		if t := evs[i].Target; t != nil {
			targets = append(targets, *t)
			evs[i].Target = &targets[len(targets)-1]
		}
	}
	return targets
}

// sameOccasion reports whether an event of told, the events of e's sentence before it, is an
// act that e tells again: an act other than a meeting of the same type, sides, intent and negation.
func sameOccasion(told []Event, e *Event) bool {
	for k := range told {
		o := &told[k]
		if o.Type == e.Type && o.srcKey == e.srcKey && o.tgtKey == e.tgtKey && o.Intended == e.Intended && o.Negated == e.Negated {
			return true
		}
	}
	return false
}

// toldByID reports whether an event of told, the events of e's sentence before it, has the id
// that e would get.
func toldByID(told []Event, e *Event) bool {
	for k := range told {
		if sameID(&told[k], e) {
			return true
		}
	}
	return false
}
