package corpus_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/dyad-events/dyad/event"
)

// encodeJSON is what dyad code wrote before Event.AppendJSON: encoding/json without HTML escaping.
func encodeJSON(t *testing.T, e *event.Event) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestAppendJSON checks that Event.AppendJSON writes the bytes of encoding/json, on the events
// of the generated articles and on events made to be hard (escapes, numbers, empty parts).
func TestAppendJSON(t *testing.T) {
	f, err := loadFixture()
	if err != nil {
		t.Fatal(err)
	}
	var evs []event.Event
	for _, d := range f.docs[:200] {
		evs = append(evs, f.coder.Code(d)...)
	}
	odd := "a\"b\\c\x00\x01\x1f\b\f\n\r\t\x7f<>&\u2028\u2029\xff\xc3 é €😀"
	evs = append(evs,
		event.Event{},
		event.Event{ID: odd, DocID: odd, Sentence: -3, Date: odd, Type: odd, Intent: true, Negated: true,
			Goldstein: 1e-7, Confidence: 1e21, Source: event.Actor{Text: odd, Code: odd},
			Target: &event.Actor{}, Location: &event.Location{Name: odd, Lat: math.Copysign(0, -1), Lon: -179.99999},
			Evidence: odd, Contexts: []string{}},
		event.Event{Goldstein: -2.5e-9, Confidence: 123456789.125, Contexts: []string{"a", odd},
			Location: &event.Location{Lat: 1e-6, Lon: 9.99e20}},
	)
	for i := range evs {
		want := encodeJSON(t, &evs[i])
		got, err := evs[i].AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("event %d:\n got %s\nwant %s", i, got, want)
		}
	}
	if _, err := (&event.Event{Confidence: math.NaN()}).AppendJSON(nil); err == nil {
		t.Error("NaN: no error")
	}
}
