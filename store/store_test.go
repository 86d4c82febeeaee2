package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/merge"
	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/storetest"
)

// TestStore runs one suite against an SQLite file and against a real PostgreSQL server. Each
// test gets a new, empty database from newDSN.
func TestStore(t *testing.T) {
	suite := []struct {
		name string
		run  func(t *testing.T, newDSN func(testing.TB) string)
	}{
		{"migrations", testMigrations},
		{"round trip", testRoundTrip},
		{"idempotent", testIdempotent},
		{"interrupted", testInterrupted},
		{"sources", testSources},
		{"filters", testFilters},
		{"timeline", testTimeline},
		{"parquet", testParquet},
		{"read only", testReadOnly},
		{"merge rule", testMergeRule},
		{"merge corpus", testMergeCorpus},
		{"top", testTop},
		{"upgrade from version 1", testUpgrade},
		{"formats", testFormats},
	}
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			newDSN := func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "dyad.db") }
			if backend == "postgres" {
				newDSN = storetest.StartPostgres(t).NewDatabase
			}
			for _, tc := range suite {
				t.Run(tc.name, func(t *testing.T) { tc.run(t, newDSN) })
			}
		})
	}
}

// A small corpus written for these tests: documents and the events a coder might find in them.
var (
	docs = []ingest.Document{
		{ID: "t1", Published: "2021-03-05", Outlet: "Wire A", URL: "https://a.example/1",
			Text: "Iran's envoy visited Damascus. Syria accused Iran of meddling."},
		{ID: "t2", Published: "2021-03-20", Outlet: "Wire B", URL: "https://b.example/2",
			Text: "Iran praised Syria. Israeli jets struck a depot near Homs. Iran did not sanction Syria."},
		{ID: "t3", Published: "2021-05-02", Title: "Aid", Text: "Iran sent aid worth 100% of its pledge to Syria. Crowds protested in Aleppo."},
		{ID: "t4", Text: "Undated: Iran rejected a Syrian proposal."},
	}
	events = [][]event.Event{
		{ev("e1", "t1", 0, "2021-03-05", "CONSULT", "IRNGOV", "SYRGOV", 1.9, "Iran's envoy visited Damascus"),
			ev("e2", "t1", 1, "2021-03-05", "ACCUSE", "SYRGOV", "IRNGOV", -2, "Syria accused Iran")},
		{ev("e3", "t2", 0, "2021-03-20", "SUPPORT", "IRNGOV", "SYRGOV", 3.4, "Iran praised Syria"),
			ev("e4", "t2", 1, "2021-03-20", "ASSAULT", "ISRMIL", "SYR", -10, "Israeli jets struck a depot near Homs"),
			ev("e5", "t2", 2, "2021-03-20", "SANCTION", "IRNGOV", "SYRGOV", -8, "Iran did not sanction Syria")},
		{ev("e6", "t3", 0, "2021-05-02", "AID", "IRNGOV", "SYRGOV", 7.4, "Iran sent aid worth 100% of its pledge to Syria"),
			ev("e7", "t3", 1, "2021-05-02", "PROTEST", "SYRCVL", "", -6.5, "Crowds protested in Aleppo")},
		{ev("e8", "t4", 0, "", "REJECT", "IRNGOV", "SYRGOV", -4, "Iran rejected a Syrian proposal")},
	}
)

// ev makes an event; actor codes are country and sector, "" for no target.
func ev(id, doc string, sentence int, date, typ, src, tgt string, goldstein float64, evidence string) event.Event {
	actor := func(code string) event.Actor {
		return event.Actor{Text: code + " text", Country: code[:3], Sector: code[3:], Code: code}
	}
	e := event.Event{ID: id, DocID: doc, Sentence: sentence, Date: date, DateSource: "published",
		Type: typ, Cameo: "000", Goldstein: goldstein, Source: actor(src), Evidence: evidence, Confidence: 0.8,
		Contexts: []string{}}
	if date == "" {
		e.DateSource = "unknown"
	}
	if tgt != "" {
		a := actor(tgt)
		e.Target = &a
	}
	switch id {
	case "e1":
		e.Mode = "visit"
	case "e5":
		e.Negated = true
	case "e6":
		e.Intent, e.Intended = true, "AID" // not quite what the text says, but it exercises the fields
		e.Location = &event.Location{Name: "Damascus", Country: "SYR", Lat: 33.51, Lon: 36.29}
	}
	return e
}

func open(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// ingestAll stores the test corpus in batches of batch documents and returns the writer's stats.
func ingestAll(t *testing.T, s *store.Store, batch int) store.Stats {
	t.Helper()
	ctx := context.Background()
	w := s.NewWriter(batch)
	for i, d := range docs {
		if err := w.Add(ctx, d, events[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	return w.Stats()
}

func counts(t *testing.T, s *store.Store) store.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func allEvents(t *testing.T, s *store.Store, f store.Filter) []event.Event {
	t.Helper()
	var out []event.Event
	err := s.Events(context.Background(), f, func(e *event.Event) error {
		out = append(out, *e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rawDB opens the database behind dsn without the store, to look at or tamper with its tables.
func rawDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	driver, name := "sqlite", dsn
	if store.IsPostgres(dsn) {
		driver = "pgx"
	}
	db, err := sql.Open(driver, name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func testMigrations(t *testing.T, newDSN func(testing.TB) string) {
	dsn := newDSN(t)
	for range 2 { // opening again applies nothing new
		s := open(t, dsn)
		s.Close()
	}
	db := rawDB(t, dsn)
	var n, v int
	if err := db.QueryRow(`SELECT COUNT(*), MAX(version) FROM schema_migrations`).Scan(&n, &v); err != nil {
		t.Fatal(err)
	}
	if n != store.SchemaVersion() || v != store.SchemaVersion() {
		t.Errorf("schema_migrations: %d rows, version %d; want one a version, up to %d", n, v, store.SchemaVersion())
	}
	// a database from a newer dyad is refused, for writing and for reading
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	for _, openIt := range []func(string) (*store.Store, error){store.Open, store.OpenReadOnly} {
		if s, err := openIt(dsn); err == nil || !strings.Contains(err.Error(), "newer") {
			if s != nil {
				s.Close()
			}
			t.Errorf("opening a database of schema version 999: err = %v, want one saying it is newer", err)
		}
	}
}

func testRoundTrip(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	ingestAll(t, s, 0)
	var want []event.Event
	for _, es := range events {
		want = append(want, es...)
	}
	// stored order: date (undated first), document, sentence
	slices.SortStableFunc(want, func(a, b event.Event) int { return strings.Compare(a.Date, b.Date) })
	got := allEvents(t, s, store.Filter{})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("events read back differ from those stored:\ngot  %+v\nwant %+v", got, want)
	}
}

func testIdempotent(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	first := ingestAll(t, s, 2)
	if want := (store.Stats{Documents: 4, Events: 8}); first != want {
		t.Errorf("first ingest: %+v, want %+v", first, want)
	}
	c1 := counts(t, s)
	if want := (store.Counts{Documents: 4, Events: 8, Sources: 8}); c1 != want {
		t.Errorf("after the first ingest: %+v, want %+v", c1, want)
	}
	second := ingestAll(t, s, 2)
	if want := (store.Stats{Skipped: 4}); second != want {
		t.Errorf("second ingest: %+v, want %+v", second, want)
	}
	if c2 := counts(t, s); c2 != c1 {
		t.Errorf("ingesting again changed the counts: %+v, then %+v", c1, c2)
	}
	has, err := s.Has(context.Background(), store.Hash(docs[0]))
	if err != nil || !has {
		t.Errorf("Has(stored document) = %v, %v", has, err)
	}
	has, err = s.Has(context.Background(), store.Hash(ingest.Document{Text: "never stored"}))
	if err != nil || has {
		t.Errorf("Has(new document) = %v, %v", has, err)
	}
}

// testInterrupted stops a run in the middle of a transaction, as a crash would, and checks that
// the next run completes the store to the counts of an uninterrupted run.
func testInterrupted(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	ctx, cancel := context.WithCancel(context.Background())
	w := s.NewWriter(2)
	for i := range 3 { // the first two are committed, the third is in the open transaction
		if err := w.Add(ctx, docs[i], events[i]); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	if err := w.Add(ctx, docs[3], events[3]); err == nil {
		t.Fatal("Add with a cancelled context succeeded")
	}
	if c := counts(t, s); c.Documents != 2 || c.Events != 5 {
		t.Fatalf("after the interruption: %+v, want the first transaction only (2 documents, 5 events)", c)
	}
	st := ingestAll(t, s, 2)
	if want := (store.Stats{Documents: 2, Skipped: 2, Events: 3}); st != want {
		t.Errorf("resumed run: %+v, want %+v", st, want)
	}
	if c, want := counts(t, s), (store.Counts{Documents: 4, Events: 8, Sources: 8}); c != want {
		t.Errorf("after resuming: %+v, want %+v", c, want)
	}
}

// testSources stores a second version of a document: the events found in both are one event with
// two sources.
func testSources(t *testing.T, newDSN func(testing.TB) string) {
	dsn := newDSN(t)
	s := open(t, dsn)
	ingestAll(t, s, 0)
	update := docs[0]
	update.Text += " Updated later."
	update.Outlet, update.URL = "Wire C", "https://c.example/1"
	w := s.NewWriter(0)
	if err := w.Add(context.Background(), update, events[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	// the update is a near duplicate of t1: a source of its events, but not another mention
	if st, want := w.Stats(), (store.Stats{Documents: 1, Merged: 2, Duplicates: 1}); st != want {
		t.Errorf("stats: %+v, want %+v", st, want)
	}
	if c, want := counts(t, s), (store.Counts{Documents: 5, Events: 8, Sources: 10}); c != want {
		t.Errorf("counts: %+v, want %+v", c, want)
	}
	// a document that reports one event twice (two events of one id) stores it once
	twice := ingest.Document{ID: "t9", Text: "Iran praised Syria, and praised it again."}
	e := ev("e9", "t9", 0, "2021-06-01", "SUPPORT", "IRNGOV", "SYRGOV", 3.4, "Iran praised Syria")
	w = s.NewWriter(0)
	if err := w.Add(context.Background(), twice, []event.Event{e, e}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st, want := w.Stats(), (store.Stats{Documents: 1, Events: 1, Merged: 1}); st != want {
		t.Errorf("stats of a document with an event twice: %+v, want %+v", st, want)
	}
	if c, want := counts(t, s), (store.Counts{Documents: 6, Events: 9, Sources: 11}); c != want {
		t.Errorf("counts: %+v, want %+v", c, want)
	}
	rows, err := rawDB(t, dsn).Query(`SELECT outlet FROM event_sources WHERE event_id = 'e1' ORDER BY outlet`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var outlets []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			t.Fatal(err)
		}
		outlets = append(outlets, o)
	}
	if want := []string{"Wire A", "Wire C"}; !slices.Equal(outlets, want) {
		t.Errorf("sources of e1: %v, want %v", outlets, want)
	}
	m := mergedByID(t, s)["e1"]
	if m.Mentions != 1 || len(m.Sources) != 2 || m.Sources[1].DuplicateOf != "t1" || m.Sources[0].Published != "2021-03-05" {
		t.Errorf("e1: %d mentions, sources %+v; want 1 mention, and t1 then its copy", m.Mentions, m.Sources)
	}
}

// mergedByID returns the stored events with their mentions and sources, by id.
func mergedByID(t *testing.T, s *store.Store) map[string]merge.Merged {
	t.Helper()
	out := map[string]merge.Merged{}
	err := s.Merged(context.Background(), store.Filter{}, func(m *merge.Merged) error {
		out[m.ID] = *m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// testMergeRule stores two documents of one event each: merged or not as merge.Same says.
func testMergeRule(t *testing.T, newDSN func(testing.TB) string) {
	meet := ev("a", "da", 0, "2024-03-11", "CONSULT", "OMNGOV", "JORGOV", 1, "met")
	with := func(f func(e *event.Event)) event.Event {
		e := meet
		e.ID, e.DocID = "b", "db"
		if e.Target != nil {
			tgt := *e.Target
			e.Target = &tgt
		}
		f(&e)
		return e
	}
	tests := []struct {
		name   string
		b      event.Event
		window int
		merged bool
	}{
		{"the same meeting", with(func(e *event.Event) {}), 1, true},
		{"actors swapped", with(func(e *event.Event) { e.Source, *e.Target = *e.Target, e.Source }), 1, true},
		{"a day later", with(func(e *event.Event) { e.Date = "2024-03-12" }), 1, true},
		{"the month", with(func(e *event.Event) { e.Date = "2024-03" }), 0, true},
		{"two days later", with(func(e *event.Event) { e.Date = "2024-03-13" }), 1, false},
		{"two days later, window 2", with(func(e *event.Event) { e.Date = "2024-03-13" }), 2, true},
		{"undated", with(func(e *event.Event) { e.Date = "" }), 30, false},
		{"negated", with(func(e *event.Event) { e.Negated = true }), 1, false},
		{"another type", with(func(e *event.Event) { e.Type = "SUPPORT" }), 1, false},
		{"by phone", with(func(e *event.Event) { e.Mode = "phone" }), 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t, newDSN(t))
			w := s.NewWriter(0)
			w.Window = tc.window
			ctx := context.Background()
			da := ingest.Document{ID: "da", Outlet: "A", Text: "Oman and Jordan met, one outlet wrote in words of its own."}
			db := ingest.Document{ID: "db", Outlet: "B", Text: "Another outlet told of the talks quite differently, at length."}
			if err := w.Add(ctx, da, []event.Event{meet}); err != nil {
				t.Fatal(err)
			}
			if err := w.Add(ctx, db, []event.Event{tc.b}); err != nil {
				t.Fatal(err)
			}
			if err := w.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			got := mergedByID(t, s)
			if !tc.merged {
				if len(got) != 2 || got["a"].Mentions != 1 || got["b"].Mentions != 1 {
					t.Errorf("want two events of one mention each: %+v", got)
				}
				return
			}
			a := got["a"]
			if len(got) != 1 || a.Mentions != 2 || len(a.Sources) != 2 || a.Sources[1].DocID != "db" {
				t.Errorf("want event a with 2 mentions, sources da and db: %+v", got)
			}
			if st := w.Stats(); st.Events != 1 || st.Merged != 1 {
				t.Errorf("stats %+v, want 1 event and 1 merged", st)
			}
		})
	}
}

// testMergeCorpus codes and stores the merge corpus: three outlets' reports of one meeting and a
// wire copy of the first are one CONSULT event, of 3 mentions and 4 sources, the copy marked.
func testMergeCorpus(t *testing.T, newDSN func(testing.TB) string) {
	c, err := event.NewCoder("", "")
	if err != nil {
		t.Fatal(err)
	}
	var docs []ingest.Document
	err = ingest.Read([]string{"../testdata/merge/meeting.jsonl"}, nil, func(d ingest.Document) error {
		docs = append(docs, d)
		return nil
	}, func(e *ingest.RecordError) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	s := open(t, newDSN(t))
	ctx := context.Background()
	for range 2 { // the second time adds nothing
		w := s.NewWriter(0)
		for _, d := range docs {
			if err := w.Add(ctx, d, c.Code(d)); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	var consults []merge.Merged
	for _, m := range mergedByID(t, s) {
		if m.Type == "CONSULT" {
			consults = append(consults, m)
		}
	}
	if len(consults) != 1 {
		t.Fatalf("%d CONSULT events, want 1: %+v", len(consults), consults)
	}
	m := consults[0]
	if m.Mentions != 3 || len(m.Sources) != 4 {
		t.Errorf("%d mentions, %d sources; want 3 and 4: %+v", m.Mentions, len(m.Sources), m.Sources)
	}
	var dups []string
	for _, src := range m.Sources {
		if src.DuplicateOf != "" {
			dups = append(dups, src.DocID+" of "+src.DuplicateOf)
		}
	}
	if want := []string{"peninsula-daily-7781 of gulfwire-0311-oman-jordan"}; !slices.Equal(dups, want) {
		t.Errorf("copies %v, want %v", dups, want)
	}
	if c := counts(t, s); c.Documents != 4 {
		t.Errorf("counts %+v, want 4 documents", c)
	}
}

func testFilters(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	ingestAll(t, s, 0)
	tests := []struct {
		name string
		f    store.Filter
		want []string // event ids, in order
	}{
		{"all", store.Filter{}, []string{"e8", "e1", "e2", "e3", "e4", "e5", "e6", "e7"}},
		{"source country", store.Filter{Source: "IRN"}, []string{"e8", "e1", "e3", "e5", "e6"}},
		{"source code", store.Filter{Source: "ISRMIL"}, []string{"e4"}},
		{"target country", store.Filter{Target: "IRN"}, []string{"e2"}},
		{"target code", store.Filter{Target: "SYR"}, []string{"e8", "e1", "e3", "e4", "e5", "e6"}},
		{"either country", store.Filter{Country: "ISR"}, []string{"e4"}},
		{"type", store.Filter{Type: "ASSAULT"}, []string{"e4"}},
		{"mode", store.Filter{Mode: "visit"}, []string{"e1"}},
		{"from day to month", store.Filter{From: "2021-03-10", To: "2021-05"}, []string{"e3", "e4", "e5", "e6", "e7"}},
		{"to month", store.Filter{To: "2021-03"}, []string{"e1", "e2", "e3", "e4", "e5"}},
		{"year", store.Filter{From: "2021", To: "2021"}, []string{"e1", "e2", "e3", "e4", "e5", "e6", "e7"}},
		{"no such year", store.Filter{From: "2022"}, nil},
		{"words, any case", store.Filter{Text: "iran SYRIA"}, []string{"e8", "e2", "e3", "e5", "e6"}},
		{"percent sign is a character", store.Filter{Text: "100%"}, []string{"e6"}},
		{"underscore is a character", store.Filter{Text: "_"}, nil},
		{"combined", store.Filter{Source: "IRN", Target: "SYRGOV", From: "2021-03-06", Text: "praised"}, []string{"e3"}},
		{"limit", store.Filter{Limit: 2}, []string{"e8", "e1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range allEvents(t, s, tc.f) {
				got = append(got, e.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%+v: got %v, want %v", tc.f, got, tc.want)
			}
		})
	}
	for _, bad := range []store.Filter{{From: "March 2021"}, {To: "2021-3"}, {Limit: -1}} {
		if err := s.Events(context.Background(), bad, func(*event.Event) error { return nil }); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

func testTimeline(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	ingestAll(t, s, 0)
	type row struct {
		period, source string
		events         int
		goldstein      float64
		quads          [4]int
		types          map[string]int
	}
	none := map[string]int{}
	tests := []struct {
		name string
		q    store.TimelineQuery
		want []row
	}{
		{"by month", store.TimelineQuery{A: "IRN", B: "SYR", By: "month"}, []row{
			// e5 is negated, e8 has no date, e4 and e7 are other dyads
			{"2021-03", "IRN", 2, (1.9 + 3.4) / 2, [4]int{2, 0, 0, 0}, map[string]int{"CONSULT": 1, "SUPPORT": 1}},
			{"2021-03", "SYR", 1, -2, [4]int{0, 0, 1, 0}, map[string]int{"ACCUSE": 1}},
			{"2021-04", "IRN", 0, 0, [4]int{}, none},
			{"2021-04", "SYR", 0, 0, [4]int{}, none},
			{"2021-05", "IRN", 1, 7.4, [4]int{0, 1, 0, 0}, map[string]int{"AID": 1}},
			{"2021-05", "SYR", 0, 0, [4]int{}, none},
		}},
		{"by year, other order", store.TimelineQuery{A: "SYR", B: "IRN", By: "year"}, []row{
			{"2021", "SYR", 1, -2, [4]int{0, 0, 1, 0}, map[string]int{"ACCUSE": 1}},
			{"2021", "IRN", 3, (1.9 + 3.4 + 7.4) / 3, [4]int{2, 1, 0, 0}, map[string]int{"CONSULT": 1, "SUPPORT": 1, "AID": 1}},
		}},
		{"date range", store.TimelineQuery{A: "IRN", B: "SYR", By: "month", From: "2021-04"}, []row{
			{"2021-05", "IRN", 1, 7.4, [4]int{0, 1, 0, 0}, map[string]int{"AID": 1}},
			{"2021-05", "SYR", 0, 0, [4]int{}, none},
		}},
		{"material conflict", store.TimelineQuery{A: "ISR", B: "SYR", By: "year"}, []row{
			{"2021", "ISR", 1, -10, [4]int{0, 0, 0, 1}, map[string]int{"ASSAULT": 1}},
			{"2021", "SYR", 0, 0, [4]int{}, none},
		}},
		{"no events", store.TimelineQuery{A: "USA", B: "SYR", By: "month"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Timeline(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []row
			for _, r := range rows {
				if r.Source == tc.q.A && r.Target != tc.q.B || r.Source == tc.q.B && r.Target != tc.q.A {
					t.Errorf("row %+v: direction is not of the dyad", r)
				}
				got = append(got, row{r.Period, r.Source, r.Events, r.Goldstein, r.Quads, r.Types})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d rows, want %d:\ngot  %+v\nwant %+v", len(got), len(tc.want), got, tc.want)
			}
			for i := range got {
				g, w := got[i], tc.want[i]
				if math.Abs(g.goldstein-w.goldstein) > 1e-9 {
					t.Errorf("row %d: mean Goldstein %v, want %v", i, g.goldstein, w.goldstein)
				}
				g.goldstein = w.goldstein
				if !reflect.DeepEqual(g, w) {
					t.Errorf("row %d:\ngot  %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
	if _, err := s.Timeline(context.Background(), store.TimelineQuery{A: "IRN", B: "SYR", By: "week"}); err == nil {
		t.Error("timeline by week: no error")
	}
}

func testParquet(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	ingestAll(t, s, 0)
	path := filepath.Join(t.TempDir(), "events.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	pw := store.NewParquetWriter(f)
	var want []store.ParquetRow
	err = s.Events(context.Background(), store.Filter{}, func(e *event.Event) error {
		want = append(want, store.NewParquetRow(e))
		return pw.Write(e)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := parquet.ReadFile[store.ParquetRow](path)
	if err != nil {
		t.Fatalf("reading the Parquet file back: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parquet rows read back differ:\ngot  %+v\nwant %+v", got, want)
	}
	// a reader that wants a few columns only, as an analyst's would
	type slim struct {
		ID         string  `parquet:"id"`
		Goldstein  float64 `parquet:"goldstein"`
		TargetCode *string `parquet:"target_code,optional"`
	}
	few, err := parquet.ReadFile[slim](path)
	if err != nil {
		t.Fatal(err)
	}
	if len(few) != 8 || few[0].ID != "e8" || few[7].TargetCode != nil || *few[1].TargetCode != "SYRGOV" {
		t.Errorf("columns read back: %+v", few)
	}
}

// testReadOnly checks that a store opened for reading refuses to write.
func testReadOnly(t *testing.T, newDSN func(testing.TB) string) {
	dsn := newDSN(t)
	s := open(t, dsn)
	ingestAll(t, s, 0)
	s.Close()
	ro, err := store.OpenReadOnly(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	w := ro.NewWriter(0)
	doc := ingest.Document{ID: "new", Text: "A document never stored."}
	err = w.Add(context.Background(), doc, nil)
	if err == nil {
		err = w.Commit(context.Background())
	}
	if err == nil {
		t.Error("a store opened read-only stored a document")
	}
	if c := counts(t, ro); c.Documents != len(docs) {
		t.Errorf("%d documents, want %d", c.Documents, len(docs))
	}
}

// TestOpenBadInput checks that Open refuses what is not a dyad database, clearly, and leaves it
// as it was.
func TestOpenBadInput(t *testing.T) {
	tests := []struct {
		name    string
		setUp   func(t *testing.T, dir string) string // returns the dsn
		open    func(string) (*store.Store, error)
		wantErr string
	}{
		{"text file", func(t *testing.T, dir string) string {
			return writeFile(t, dir, "notes.txt", "These are my notes, not a database.\n", 0o644)
		}, store.Open, "notes.txt exists and is not an SQLite database"},
		{"read-only database", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "ro.db")
			s, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if err := os.Chmod(path, 0o444); err != nil {
				t.Fatal(err)
			}
			return path
		}, store.Open, "ro.db is read-only"},
		{"directory", func(t *testing.T, dir string) string {
			return dir
		}, store.Open, "is a directory"},
		{"database of another program", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "other.db")
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE notes (body TEXT)`); err != nil {
				t.Fatal(err)
			}
			return path
		}, store.Open, "another program"},
		{"no such directory", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "missing", "dyad.db")
		}, store.Open, "missing/dyad.db"},
		{"reading a database that does not exist", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "dyad.db")
		}, store.OpenReadOnly, "no database at"},
		{"PostgreSQL down", func(t *testing.T, dir string) string {
			return "postgres://dyad:s3cret@127.0.0.1:1/dyad?sslmode=disable"
		}, store.Open, "cannot connect to PostgreSQL at postgres://dyad:xxxxx@127.0.0.1:1/dyad"},
		{"malformed PostgreSQL URL", func(t *testing.T, dir string) string {
			return "postgres://dyad:s3cret@127.0.0.1:5432/dyad%zz"
		}, store.Open, "not a valid PostgreSQL URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			dsn := tc.setUp(t, dir)
			before := snapshot(t, dir)
			start := time.Now()
			s, err := tc.open(dsn)
			if err == nil {
				s.Close()
				t.Fatalf("no error")
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not say %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("error %q shows the password", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v to fail", d)
			}
			if after := snapshot(t, dir); !reflect.DeepEqual(before, after) {
				t.Errorf("the failed open changed the directory:\nbefore %v\nafter  %v", before, after)
			}
		})
	}

	// A read-only database can still be queried.
	t.Run("querying a read-only database", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "ro.db")
		s := open(t, path)
		ingestAll(t, s, 0)
		s.Close()
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		ro, err := store.OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if c := counts(t, ro); c.Events != 8 {
			t.Errorf("counts: %+v", c)
		}
	})
}

func writeFile(t *testing.T, dir, name, content string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	return path
}

// snapshot returns every file under dir with a hash of its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = fmt.Sprintf("%x", sha256.Sum256(b))
		}
		return nil
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

func testTop(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	ingestAll(t, s, 0)
	tests := []struct {
		name string
		q    store.TopQuery
		want []store.TopRow
	}{
		// e5 is negated: left out
		{"actors", store.TopQuery{Of: "actors", Limit: 3}, []store.TopRow{
			{Source: "IRNGOV", Events: 5, Mentions: 5, Goldstein: (1.9 - 2 + 3.4 + 7.4 - 4) / 5},
			{Source: "SYRGOV", Events: 5, Mentions: 5, Goldstein: (1.9 - 2 + 3.4 + 7.4 - 4) / 5},
			{Source: "ISRMIL", Events: 1, Mentions: 1, Goldstein: -10},
		}},
		{"dyads", store.TopQuery{Of: "dyads"}, []store.TopRow{
			{Source: "IRNGOV", Target: "SYRGOV", Events: 4, Mentions: 4, Goldstein: (1.9 + 3.4 + 7.4 - 4) / 4},
			{Source: "ISRMIL", Target: "SYR", Events: 1, Mentions: 1, Goldstein: -10},
			{Source: "SYRGOV", Target: "IRNGOV", Events: 1, Mentions: 1, Goldstein: -2},
		}},
		{"dyads of a type and dates", store.TopQuery{Of: "dyads", Type: "SUPPORT", From: "2021-03", To: "2021-03"}, []store.TopRow{
			{Source: "IRNGOV", Target: "SYRGOV", Events: 1, Mentions: 1, Goldstein: 3.4},
		}},
		{"nothing", store.TopQuery{Of: "actors", From: "2030"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Top(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if math.Abs(got[i].Goldstein-tc.want[i].Goldstein) > 1e-9 {
					t.Errorf("row %d: mean Goldstein %v, want %v", i, got[i].Goldstein, tc.want[i].Goldstein)
				}
				got[i].Goldstein = tc.want[i].Goldstein
				if got[i] != tc.want[i] {
					t.Errorf("row %d: %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
	if _, err := s.Top(context.Background(), store.TopQuery{Of: "outlets"}); err == nil {
		t.Error("top outlets: no error")
	}
}

// testFormats writes the stored events as PLOVER JSON, GDELT TSV and GraphML, and reads them back.
func testFormats(t *testing.T, newDSN func(testing.TB) string) {
	s := open(t, newDSN(t))
	ingestAll(t, s, 0)
	ctx := context.Background()
	var plover, gdelt strings.Builder
	writePLOVER := store.PLOVERWriter(&plover)
	writeGDELT, finish := store.GDELTWriter(&gdelt)
	err := s.Merged(ctx, store.Filter{}, func(m *merge.Merged) error {
		if err := writePLOVER(m); err != nil {
			return err
		}
		return writeGDELT(m)
	})
	if err == nil {
		err = finish()
	}
	if err != nil {
		t.Fatal(err)
	}

	lines := strings.Split(strings.TrimSpace(plover.String()), "\n")
	if len(lines) != 8 {
		t.Fatalf("%d PLOVER records, want 8", len(lines))
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-2]), &rec); err != nil { // e6: aid with a location
		t.Fatal(err)
	}
	for k, want := range map[string]any{"id": "e6", "event_type": "AID", "source_actor": "IRN", "source_agent": "GOV",
		"target_actor": "SYR", "target_agent": "GOV", "place_name": "Damascus", "latitude": 33.51, "mentions": 1.0} {
		if rec[k] != want {
			t.Errorf("PLOVER record of e6: %s = %v, want %v", k, rec[k], want)
		}
	}

	tsv := strings.Split(strings.TrimSuffix(gdelt.String(), "\n"), "\n")
	if len(tsv) != 8 || tsv[0] != strings.Join(store.GDELTColumns, "\t") {
		t.Fatalf("GDELT TSV: %d lines (want the header and 7 events, e5 being negated), header %q", len(tsv), tsv[0])
	}
	col := map[string]int{}
	for i, c := range store.GDELTColumns {
		col[c] = i
	}
	byID := map[string][]string{}
	for _, line := range tsv[1:] {
		f := strings.Split(line, "\t")
		if len(f) != len(store.GDELTColumns) {
			t.Fatalf("GDELT row of %d fields, want %d: %q", len(f), len(store.GDELTColumns), line)
		}
		byID[f[0]] = f
	}
	for _, check := range []struct{ id, column, want string }{
		{"e6", "SQLDATE", "20210502"}, {"e6", "QuadClass", "2"}, {"e6", "ActionGeo_Lat", "33.51"},
		{"e6", "ActionGeo_Type", "4"}, {"e6", "Actor1Code", "IRNGOV"}, {"e6", "Actor2CountryCode", "SYR"},
		{"e1", "SOURCEURL", "https://a.example/1"}, {"e1", "NumMentions", "1"}, {"e1", "NumSources", "1"},
		{"e1", "EventRootCode", "00"}, {"e1", "GoldsteinScale", "1.9"}, {"e7", "Actor2Code", ""},
		{"e8", "SQLDATE", ""},
	} {
		if got := byID[check.id][col[check.column]]; got != check.want {
			t.Errorf("GDELT %s of %s: %q, want %q", check.column, check.id, got, check.want)
		}
	}

	g, err := s.Graph(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var xmlText strings.Builder
	if err := store.WriteGraphML(&xmlText, g); err != nil {
		t.Fatal(err)
	}
	var doc store.GraphML
	if err := xml.Unmarshal([]byte(xmlText.String()), &doc); err != nil {
		t.Fatalf("reading the GraphML back: %v\n%s", err, xmlText.String())
	}
	if doc.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || doc.Graph.EdgeDefault != "directed" {
		t.Errorf("GraphML namespace %q, edges %q", doc.XMLName.Space, doc.Graph.EdgeDefault)
	}
	nodes := map[string]map[string]string{}
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = map[string]string{}
		for _, d := range n.Data {
			nodes[n.ID][d.Key] = d.Value
		}
	}
	if want := []string{"IRNGOV", "ISRMIL", "SYR", "SYRGOV"}; !slices.Equal(slices.Sorted(maps.Keys(nodes)), want) {
		t.Errorf("nodes %v, want %v", slices.Sorted(maps.Keys(nodes)), want)
	}
	if n := nodes["ISRMIL"]; n["country"] != "ISR" || n["sector"] != "MIL" {
		t.Errorf("node ISRMIL: %v", n)
	}
	edges := map[string]map[string]string{}
	for _, e := range doc.Graph.Edges {
		edges[e.Source+">"+e.Target] = map[string]string{}
		for _, d := range e.Data {
			edges[e.Source+">"+e.Target][d.Key] = d.Value
		}
	}
	if len(edges) != 3 {
		t.Errorf("%d edges, want 3 (PROTEST has no target): %v", len(edges), edges)
	}
	want := map[string]string{"events": "4", "CONSULT": "1", "SUPPORT": "1", "AID": "1", "REJECT": "1", "goldstein": "2.175"}
	if e := edges["IRNGOV>SYRGOV"]; !maps.Equal(e, want) {
		t.Errorf("edge IRNGOV>SYRGOV: %v, want %v", e, want)
	}
}

// testUpgrade takes a database back to schema version 1, as an earlier dyad left it, and checks
// that opening it fills what version 2 adds, so that merging works on the events stored before.
func testUpgrade(t *testing.T, newDSN func(testing.TB) string) {
	dsn := newDSN(t)
	s := open(t, dsn)
	ingestAll(t, s, 0)
	s.Close()
	db := rawDB(t, dsn)
	for _, stmt := range []string{
		`DROP INDEX events_merge`, `DROP TABLE document_bands`,
		`ALTER TABLE documents DROP COLUMN duplicate_of`, `ALTER TABLE documents DROP COLUMN signature`,
		`ALTER TABLE events DROP COLUMN mentions`, `ALTER TABLE events DROP COLUMN merge_key`,
		`ALTER TABLE events DROP COLUMN day_first`, `ALTER TABLE events DROP COLUMN day_last`,
		`ALTER TABLE event_sources DROP COLUMN published`, `ALTER TABLE event_sources DROP COLUMN duplicate_of`,
		`ALTER TABLE events DROP COLUMN contexts`,
		`DELETE FROM schema_migrations WHERE version >= 2`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s = open(t, dsn)
	// a copy of t1, with e1 coded again under another id a day later
	cp := docs[0]
	cp.ID, cp.Text = "t1-copy", cp.Text+" (copied)"
	again := ev("e1b", "t1-copy", 0, "2021-03-06", "CONSULT", "SYRGOV", "IRNGOV", 1.9, "visited")
	w := s.NewWriter(0)
	if err := w.Add(context.Background(), cp, []event.Event{again}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st, want := w.Stats(), (store.Stats{Documents: 1, Merged: 1, Duplicates: 1}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	m := mergedByID(t, s)["e1"]
	if m.Mentions != 1 || len(m.Sources) != 2 || m.Sources[0].Published != "2021-03-05" || m.Sources[1].DuplicateOf != "t1" {
		t.Errorf("e1 after the upgrade: %d mentions, sources %+v", m.Mentions, m.Sources)
	}
}
