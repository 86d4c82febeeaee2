package merge

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
)

// TestMeetingCorpus codes testdata/merge/meeting.jsonl: one meeting (the foreign ministers of
// Oman and Jordan in Muscat) reported by three outlets in their own words, and a wire copy of the
// first under another headline and dateline.
func TestMeetingCorpus(t *testing.T) {
	c, err := event.NewCoder("", "")
	if err != nil {
		t.Fatal(err)
	}
	var results []event.Result
	err = ingest.Read([]string{"../testdata/merge/meeting.jsonl"}, nil, func(d ingest.Document) error {
		results = append(results, event.Result{Doc: d, Events: c.Code(d)})
		return nil
	}, func(e *ingest.RecordError) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 4 {
		t.Fatalf("%d documents, want 4", len(results))
	}
	const original, copied = "gulfwire-0311-oman-jordan", "peninsula-daily-7781"

	merged := Merge(results, 1)
	var consults []Merged
	for _, m := range merged {
		if m.Type == "CONSULT" {
			consults = append(consults, m)
		}
	}
	if len(consults) != 1 {
		t.Fatalf("%d merged CONSULT events, want 1: %+v", len(consults), consults)
	}
	m := consults[0]
	if m.DocID != original || m.ID != results[0].Events[0].ID {
		t.Errorf("merged event is %s of %s, want the first report's %s of %s", m.ID, m.DocID, results[0].Events[0].ID, original)
	}
	if m.Date != "2024-03-11" {
		t.Errorf("date %s, want 2024-03-11", m.Date)
	}
	codes := []string{m.Source.Code, m.Target.Code}
	if !(codes[0] == "OMNGOV" && codes[1] == "JORGOV" || codes[0] == "JORGOV" && codes[1] == "OMNGOV") {
		t.Errorf("actors %v, want OMNGOV and JORGOV", codes)
	}
	independent := 0
	for _, s := range m.Sources {
		switch {
		case s.DocID == copied:
			if s.DuplicateOf != original {
				t.Errorf("the wire copy is duplicate_of %q, want %q", s.DuplicateOf, original)
			}
		case s.DuplicateOf != "":
			t.Errorf("%s is duplicate_of %s", s.DocID, s.DuplicateOf)
		default:
			independent++
			if s.Outlet == "" || s.URL == "" || s.Published == "" {
				t.Errorf("source without outlet, url or date: %+v", s)
			}
		}
	}
	if independent != 3 || len(m.Sources) != 4 {
		t.Errorf("%d sources, %d independent; want the 3 outlets and the copy: %+v", len(m.Sources), independent, m.Sources)
	}
	if m.Mentions != 3 {
		t.Errorf("mentions %d, want 3 (the copy does not count)", m.Mentions)
	}

	// the record as dyad code --merge writes it
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"type":"CONSULT"`, `"mentions":3`, `"duplicate_of":"` + original + `"`, `"doc_id":"` + original + `"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
}

// report is one document with one event, for the merge rule's tests.
type report struct {
	typ, src, tgt, date string
	mode, intended      string
	negated             bool
}

func (r report) result(i int) event.Result {
	doc := ingest.Document{ID: fmt.Sprint("doc", i), Outlet: fmt.Sprint("outlet", i),
		Text: fmt.Sprintf("Report %d, in words of its own: %s", i, strings.Repeat(fmt.Sprint("w", i, " "), i+3))}
	e := event.Event{ID: fmt.Sprint("ev", i), DocID: doc.ID, Type: r.typ, Mode: r.mode,
		Intent: r.intended != "", Intended: r.intended, Negated: r.negated, Date: r.date,
		Source: event.Actor{Code: r.src}}
	if r.tgt != "" {
		e.Target = &event.Actor{Code: r.tgt}
	}
	return event.Result{Doc: doc, Events: []event.Event{e}}
}

func TestMergeRule(t *testing.T) {
	meet := report{typ: "CONSULT", src: "OMNGOV", tgt: "JORGOV", date: "2024-03-11"}
	with := func(f func(*report)) report {
		r := meet
		f(&r)
		return r
	}
	tests := []struct {
		name   string
		a, b   report
		window int
		merged bool
	}{
		{"the same", meet, meet, 0, true},
		{"actors swapped, CONSULT", meet, with(func(r *report) { r.src, r.tgt = r.tgt, r.src }), 0, true},
		{"actors swapped, AGREE", with(func(r *report) { r.typ = "AGREE" }), with(func(r *report) { r.typ, r.src, r.tgt = "AGREE", r.tgt, r.src }), 0, true},
		{"actors swapped, COOPERATE", with(func(r *report) { r.typ = "COOPERATE" }), with(func(r *report) { r.typ, r.src, r.tgt = "COOPERATE", r.tgt, r.src }), 0, true},
		{"actors swapped, ACCUSE", with(func(r *report) { r.typ = "ACCUSE" }), with(func(r *report) { r.typ, r.src, r.tgt = "ACCUSE", r.tgt, r.src }), 0, false},
		{"another type", meet, with(func(r *report) { r.typ = "SUPPORT" }), 7, false},
		{"another target", meet, with(func(r *report) { r.tgt = "JORMIL" }), 7, false},
		{"no target and a target", with(func(r *report) { r.tgt = "" }), meet, 7, false},
		{"no target twice", with(func(r *report) { r.typ, r.tgt = "PROTEST", "" }), with(func(r *report) { r.typ, r.tgt = "PROTEST", "" }), 0, true},
		{"a day apart, window 1", meet, with(func(r *report) { r.date = "2024-03-12" }), 1, true},
		{"a day before, window 1", meet, with(func(r *report) { r.date = "2024-03-10" }), 1, true},
		{"two days apart, window 1", meet, with(func(r *report) { r.date = "2024-03-13" }), 1, false},
		{"a day apart, window 0", meet, with(func(r *report) { r.date = "2024-03-12" }), 0, false},
		{"across a month's end, window 1", with(func(r *report) { r.date = "2024-02-29" }), with(func(r *report) { r.date = "2024-03-01" }), 1, true},
		{"month and day in it, window 0", meet, with(func(r *report) { r.date = "2024-03" }), 0, true},
		{"month and the day after it, window 1", with(func(r *report) { r.date = "2024-02" }), with(func(r *report) { r.date = "2024-03-01" }), 1, true},
		{"month and the day after it, window 0", with(func(r *report) { r.date = "2024-02" }), with(func(r *report) { r.date = "2024-03-01" }), 0, false},
		{"week and a day in it", meet, with(func(r *report) { r.date = "2024-W11" }), 0, true},
		{"year and a day in it", meet, with(func(r *report) { r.date = "2024" }), 0, true},
		{"unknown dates", with(func(r *report) { r.date = "" }), with(func(r *report) { r.date = "" }), 0, true},
		{"unknown and known", with(func(r *report) { r.date = "" }), meet, 30, false},
		{"a call and a meeting", meet, with(func(r *report) { r.mode = "phone" }), 0, false},
		{"a visit and a meeting", meet, with(func(r *report) { r.mode = "visit" }), 0, true},
		{"negated", meet, with(func(r *report) { r.negated = true }), 0, false},
		{"intents of other things", with(func(r *report) { r.typ, r.intended = "AGREE", "AID" }), with(func(r *report) { r.typ, r.intended = "AGREE", "CONSULT" }), 0, false},
	}
	for _, tt := range tests {
		got := Merge([]event.Result{tt.a.result(1), tt.b.result(2)}, tt.window)
		want := 2
		if tt.merged {
			want = 1
		}
		if len(got) != want {
			t.Errorf("%s: %d events, want %d", tt.name, len(got), want)
			continue
		}
		if tt.merged && (got[0].Mentions != 2 || len(got[0].Sources) != 2 || got[0].ID != "ev1") {
			t.Errorf("%s: %+v, want ev1 with 2 mentions and 2 sources", tt.name, got[0])
		}
	}
}

func TestMergeOrder(t *testing.T) {
	a := report{typ: "CONSULT", src: "OMNGOV", tgt: "JORGOV", date: "2024-03"}
	b := report{typ: "CONSULT", src: "JORGOV", tgt: "OMNGOV", date: "2024-03-11", mode: "visit"}
	c := report{typ: "ACCUSE", src: "IRNGOV", tgt: "USAGOV", date: "2024-03-10"}
	results := []event.Result{c.result(3), b.result(2), a.result(1)}
	results[0].Doc.Published = "2024-03-12"
	results[1].Doc.Published = "2024-03-12"
	results[2].Doc.Published = "2024-03-11" // the first report of the meeting, though last in input
	results[1].Events[0].Location = &event.Location{Name: "Muscat", Country: "OMN", Lat: 23.58, Lon: 58.41}

	got := Merge(results, 0)
	if len(got) != 2 {
		t.Fatalf("%d events, want 2: %+v", len(got), got)
	}
	m := got[0]
	if m.ID != "ev1" || m.Source.Code != "OMNGOV" {
		t.Errorf("first merged event %s from %s, want the earliest report's ev1 from OMNGOV", m.ID, m.Source.Code)
	}
	if m.Date != "2024-03-11" || m.Mode != "visit" || m.Location == nil || m.Location.Name != "Muscat" {
		t.Errorf("merged event not completed by the later report: date %s, mode %q, location %v", m.Date, m.Mode, m.Location)
	}
	if ids := []string{m.Sources[0].DocID, m.Sources[1].DocID}; !reflect.DeepEqual(ids, []string{"doc1", "doc2"}) {
		t.Errorf("sources %v, want doc1, doc2 (earliest first)", ids)
	}
	if got[1].ID != "ev3" {
		t.Errorf("second merged event %s, want ev3", got[1].ID)
	}
	if again := Merge(results, 0); !reflect.DeepEqual(again, got) {
		t.Error("Merge gives another result on the same input")
	}
	if results[2].Events[0].Location != nil {
		t.Error("Merge changed its input")
	}
}

func TestMentionsOfCopies(t *testing.T) {
	// the original reports another event than its copy (coded differently): the copy still counts
	orig := report{typ: "ACCUSE", src: "IRNGOV", tgt: "USAGOV", date: "2024-03-10"}.result(1)
	cp := report{typ: "THREATEN", src: "IRNGOV", tgt: "USAGOV", date: "2024-03-10"}.result(2)
	text := "Iran accused the United States of plotting against the region, the foreign ministry said on Sunday."
	orig.Doc.Text, cp.Doc.Text = text, text
	got := Merge([]event.Result{orig, cp}, 0)
	if len(got) != 2 {
		t.Fatalf("%d events, want 2", len(got))
	}
	if s := got[1].Sources[0]; s.DuplicateOf != "doc1" || got[1].Mentions != 1 {
		t.Errorf("the copy's own event: source %+v, mentions %d; want duplicate_of doc1 and 1 mention", s, got[1].Mentions)
	}
	// a document with two events of one occasion is one source
	two := report{typ: "PROTEST", src: "IRNCVL", date: "2024-03-10"}.result(3)
	two.Events = append(two.Events, two.Events[0])
	two.Events[1].ID = "ev3b"
	if got := Merge([]event.Result{two}, 0); len(got) != 1 || got[0].Mentions != 1 || len(got[0].Sources) != 1 {
		t.Errorf("one document, two events: %+v", got)
	}
	if got := Merge(nil, 1); len(got) != 0 {
		t.Errorf("Merge(nil) = %v", got)
	}
}
