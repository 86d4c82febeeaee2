package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
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

// storeCorpus is what the store commands are tested on: the example articles, 300 generated
// ones, and the shared seed articles when ../shared is here; with the events dyad code finds in
// them (one per id, as stored), in input order.
type storeCorpus struct {
	paths  []string
	docs   int
	events []event.Event
	lines  map[string]string // event id → its line in dyad code's output
	merged int               // events of dyad code that are one with an earlier event
}

func newStoreCorpus(t *testing.T) *storeCorpus {
	t.Helper()
	gen := filepath.Join(t.TempDir(), "generated.jsonl")
	if err := storetest.WriteCorpus(gen, 300); err != nil {
		t.Fatal(err)
	}
	c := &storeCorpus{paths: []string{filepath.Join(repo, "examples"), gen}, lines: map[string]string{}}
	if seeds := filepath.Join(repo, "..", "shared", "seeds"); isDir(seeds) {
		c.paths = append(c.paths, seeds)
	}
	var out, errb bytes.Buffer
	if code := run(append([]string{"code"}, c.paths...), nil, &out, &errb); code != 0 {
		t.Fatalf("dyad code exited %d: %s", code, errb.String())
	}
	// The events stored: ingest takes the documents in input order, and an event that is one
	// with an event stored before it (merge.Same, a window of 1 day) or of the same id is not
	// stored again.
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e event.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		if _, dup := c.lines[e.ID]; dup {
			continue
		}
		if slices.ContainsFunc(c.events, func(s event.Event) bool { return merge.Same(s, e, 1) }) {
			c.merged++
			continue
		}
		c.lines[e.ID] = sc.Text()
		c.events = append(c.events, e)
	}
	// the documents, one per text as stored
	texts := map[string]bool{}
	ingest.Read(c.paths, nil, func(d ingest.Document) error {
		texts[store.Hash(d)] = true
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("test corpus: %v", e) })
	c.docs = len(texts)
	if len(c.events) < 500 || c.merged < 10 {
		t.Fatalf("only %d events in the test corpus, %d merged", len(c.events), c.merged)
	}
	return c
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// dyad runs a command of dyad in this process and returns its exit status, output and errors.
func dyad(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

var summaryLine = regexp.MustCompile(`documents: (\d+) new, (\d+) already stored`)

// ingestSummary returns the new and already stored documents that dyad ingest reported.
func ingestSummary(t *testing.T, out string) (int, int) {
	t.Helper()
	m := summaryLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary in the output of dyad ingest:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	s, _ := strconv.Atoi(m[2])
	return n, s
}

func storedCounts(t *testing.T, dsn string) store.Counts {
	t.Helper()
	s, err := store.OpenReadOnly(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestStoreCommands runs dyad ingest, query, timeline and export against an SQLite file and a
// real PostgreSQL server, and checks what they print against dyad code's events.
func TestStoreCommands(t *testing.T) {
	corpus := newStoreCorpus(t)
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "dyad.db")
			if backend == "postgres" {
				db = storetest.StartPostgres(t).NewDatabase(t)
			}
			// the flags may come after the paths
			code, out, errs := dyad(append(append([]string{"ingest"}, corpus.paths...), "--db", db, "--batch", "50")...)
			if code != 0 {
				t.Fatalf("dyad ingest exited %d: %s", code, errs)
			}
			if n, s := ingestSummary(t, out); n != corpus.docs || s != 0 {
				t.Errorf("first ingest: %d new, %d already stored; want %d new", n, s, corpus.docs)
			}
			first := storedCounts(t, db)
			if first.Documents != corpus.docs || first.Events != len(corpus.events) {
				t.Errorf("stored %+v, want %d documents and %d events (dyad code's)", first, corpus.docs, len(corpus.events))
			}
			t.Run("ingest again", func(t *testing.T) {
				code, out, errs := dyad(append([]string{"ingest", "--db", db}, corpus.paths...)...)
				if code != 0 {
					t.Fatalf("dyad ingest exited %d: %s", code, errs)
				}
				if n, s := ingestSummary(t, out); n != 0 || s != corpus.docs {
					t.Errorf("second ingest: %d new, %d already stored; want 0 new, %d stored", n, s, corpus.docs)
				}
				if c := storedCounts(t, db); c != first {
					t.Errorf("ingesting again changed the counts: %+v, then %+v", first, c)
				}
			})
			t.Run("query", func(t *testing.T) { testQueryCommand(t, db, corpus) })
			t.Run("timeline", func(t *testing.T) { testTimelineCommand(t, db, corpus) })
			t.Run("export", func(t *testing.T) { testExportCommand(t, db, corpus) })
			t.Run("top", func(t *testing.T) { testTopCommand(t, db, corpus) })
			t.Run("merge on ingest", func(t *testing.T) {
				db := filepath.Join(t.TempDir(), "merge.db")
				if backend == "postgres" {
					db = storetest.StartPostgres(t).NewDatabase(t)
				}
				testMergeOnIngest(t, db)
			})
		})
	}
}

// testMergeOnIngest ingests the merge corpus (three outlets' reports of one meeting and a wire
// copy of the first) twice, and finds one CONSULT event of 3 mentions and 4 sources.
func testMergeOnIngest(t *testing.T, db string) {
	corpus := filepath.Join(repo, "testdata", "merge", "meeting.jsonl")
	for range 2 {
		if code, _, errs := dyad("ingest", corpus, "--db", db); code != 0 {
			t.Fatalf("dyad ingest exited %d: %s", code, errs)
		}
	}
	code, out, errs := dyad("query", "--db", db, "--type", "consult", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("dyad query exited %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d CONSULT events, want 1:\n%s", len(lines), out)
	}
	var m merge.Merged
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	var dups []string
	for _, s := range m.Sources {
		if s.DuplicateOf != "" {
			dups = append(dups, s.DocID+" of "+s.DuplicateOf)
		}
	}
	if m.Mentions != 3 || len(m.Sources) != 4 || !slices.Equal(dups, []string{"peninsula-daily-7781 of gulfwire-0311-oman-jordan"}) {
		t.Errorf("%d mentions, %d sources, copies %v; want 3, 4 and the Peninsula Daily's copy of the Gulf Wire", m.Mentions, len(m.Sources), dups)
	}
	// the other exports say so too
	_, out, _ = dyad("export", "--db", db, "--format", "gdelt-tsv")
	rows := strings.Split(strings.TrimSpace(out), "\n")
	found := false
	for _, r := range rows[1:] {
		f := strings.Split(r, "\t")
		if f[0] == m.ID {
			found = true
			if got := f[slices.Index(store.GDELTColumns, "NumMentions")]; got != "3" {
				t.Errorf("GDELT NumMentions %s, want 3", got)
			}
			if got := f[slices.Index(store.GDELTColumns, "NumArticles")]; got != "4" {
				t.Errorf("GDELT NumArticles %s, want 4", got)
			}
		}
	}
	if !found {
		t.Errorf("the meeting is not in the GDELT export:\n%s", out)
	}
	_, out, _ = dyad("export", "--db", db, "--format", "plover-json")
	if !strings.Contains(out, `"event_type":"CONSULT"`) || !strings.Contains(out, `"mentions":3`) {
		t.Errorf("PLOVER export lacks the meeting of 3 mentions:\n%s", out)
	}
}

// testTopCommand checks dyad top against counts made here from the stored events.
func testTopCommand(t *testing.T, db string, corpus *storeCorpus) {
	actors, dyads := map[string]int{}, map[string]int{}
	for _, e := range corpus.events {
		if e.Negated || e.Type != "ASSAULT" || e.Date < "2016" || e.Date > "2020-99" {
			continue
		}
		actors[e.Source.Code]++
		if e.Target != nil && e.Target.Code != "" {
			dyads[e.Source.Code+" "+e.Target.Code]++
			if e.Target.Code != e.Source.Code {
				actors[e.Target.Code]++
			}
		}
	}
	for _, tc := range []struct {
		of   string
		want map[string]int
	}{{"actors", actors}, {"dyads", dyads}} {
		t.Run(tc.of, func(t *testing.T) {
			code, out, errs := dyad("top", tc.of, "--db", db, "--type", "assault", "--from", "2016", "--to", "2020",
				"--limit", "0", "--format", "csv")
			if code != 0 {
				t.Fatalf("dyad top exited %d: %s", code, errs)
			}
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			last := math.MaxInt
			for _, r := range recs[1:] {
				n, _ := strconv.Atoi(r[len(r)-3])
				if n > last {
					t.Errorf("row %v after one of %d events: not most first", r, last)
				}
				last = n
				got[strings.Join(r[:len(r)-3], " ")] = n
			}
			delete(tc.want, "")
			if len(tc.want) == 0 || !maps.Equal(got, tc.want) {
				t.Errorf("top %s: got %v, want %v", tc.of, got, tc.want)
			}
			code, out, _ = dyad("top", tc.of, "--db", db, "--limit", "3")
			if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 4 {
				t.Errorf("table of 3: exit %d\n%s", code, out)
			}
		})
	}
}

func testQueryCommand(t *testing.T, db string, corpus *storeCorpus) {
	hasCode := func(a *event.Actor, c string) bool { return a != nil && (a.Country == c || a.Code == c) }
	tests := []struct {
		args []string
		want func(e *event.Event) bool
	}{
		{[]string{}, func(e *event.Event) bool { return true }},
		{[]string{"--type", "assault"}, func(e *event.Event) bool { return e.Type == "ASSAULT" }},
		{[]string{"--source", "IRN"}, func(e *event.Event) bool { return hasCode(&e.Source, "IRN") }},
		{[]string{"--target", "syrgov"}, func(e *event.Event) bool { return hasCode(e.Target, "SYRGOV") }},
		{[]string{"--country", "TUR"}, func(e *event.Event) bool {
			return e.Source.Country == "TUR" || e.Target != nil && e.Target.Country == "TUR"
		}},
		{[]string{"--from", "2018", "--to", "2019-06"}, func(e *event.Event) bool {
			return e.Date >= "2018" && e.Date != "" && e.Date <= "2019-06-99"
		}},
		{[]string{"--text", "Sanctions on"}, func(e *event.Event) bool {
			ev := strings.ToLower(e.Evidence)
			return strings.Contains(ev, "sanctions") && strings.Contains(ev, "on")
		}},
		{[]string{"--source", "RUS", "--type", "THREATEN", "--from", "2016-03-01"}, func(e *event.Event) bool {
			return hasCode(&e.Source, "RUS") && e.Type == "THREATEN" && e.Date >= "2016-03-01"
		}},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var want []string
			for i := range corpus.events {
				if tc.want(&corpus.events[i]) {
					want = append(want, corpus.events[i].ID)
				}
			}
			code, out, errs := dyad(append([]string{"query", "--db", db, "--format", "jsonl"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("dyad query exited %d: %s", code, errs)
			}
			var got []string
			lastDate := ""
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if line == "" {
					continue
				}
				var e event.Event
				if err := json.Unmarshal([]byte(line), &e); err != nil {
					t.Fatal(err)
				}
				if e.Date < lastDate {
					t.Errorf("event %s of %s after one of %s: not in date order", e.ID, e.Date, lastDate)
				}
				lastDate = e.Date
				got = append(got, e.ID)
			}
			if len(want) == 0 && len(tc.args) > 0 {
				t.Fatalf("the test corpus has no event for %v: the test tests nothing", tc.args)
			}
			sort.Strings(got)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("%v: got %d events, want %d", tc.args, len(got), len(want))
			}
		})
	}
	t.Run("formats and limit", func(t *testing.T) {
		code, out, _ := dyad("query", "--db", db, "--type", "AID", "--limit", "3")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || len(lines) != 4 || !strings.HasPrefix(lines[0], "DATE") || !strings.Contains(lines[1], "AID") {
			t.Errorf("table with --limit 3: exit %d\n%s", code, out)
		}
		code, out, _ = dyad("query", "--db", db, "--type", "AID", "--format", "csv")
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(recs) < 2 || !slices.Equal(recs[0], csvHeader) {
			t.Errorf("csv: exit %d, %v\n%s", code, err, out)
		}
		for _, r := range recs[1:] {
			if r[5] != "AID" {
				t.Errorf("csv row of type %s", r[5])
			}
		}
	})
}

// testTimelineCommand checks dyad timeline against figures computed here from dyad code's events.
func testTimelineCommand(t *testing.T, db string, corpus *storeCorpus) {
	for _, tc := range []struct{ a, b, by string }{{"IRN", "SYR", "year"}, {"rus", "tur", "month"}} {
		t.Run(tc.a+" "+tc.b+" by "+tc.by, func(t *testing.T) {
			a, b := strings.ToUpper(tc.a), strings.ToUpper(tc.b)
			type key struct{ period, source string }
			count := map[key]int{}
			types := map[key]map[string]int{}
			sum := map[key]float64{}
			for _, e := range corpus.events {
				if e.Negated || e.Date == "" || e.Target == nil {
					continue
				}
				if !(e.Source.Country == a && e.Target.Country == b || e.Source.Country == b && e.Target.Country == a) {
					continue
				}
				k := key{e.Date[:4], e.Source.Country}
				if tc.by == "month" {
					k.period = e.Date[:7]
				}
				count[k]++
				sum[k] += e.Goldstein
				if types[k] == nil {
					types[k] = map[string]int{}
				}
				types[k][e.Type]++
			}
			if len(count) == 0 {
				t.Fatal("no events of this dyad in the test corpus")
			}
			code, out, errs := dyad("timeline", tc.a, tc.b, "--by", tc.by, "--db", db, "--format", "csv")
			if code != 0 {
				t.Fatalf("dyad timeline exited %d: %s", code, errs)
			}
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(recs[0], timelineHeader) {
				t.Fatalf("header %v", recs[0])
			}
			seen := 0
			for _, r := range recs[1:] {
				k := key{r[0], r[1]}
				if r[1] == a && r[2] != b || r[1] == b && r[2] != a {
					t.Errorf("row %v: not a direction of the dyad", r)
				}
				n, _ := strconv.Atoi(r[3])
				if n != count[k] {
					t.Errorf("%v: %d events, want %d", k, n, count[k])
				}
				if n == 0 {
					if r[4] != "" {
						t.Errorf("%v: mean Goldstein %q with no events", k, r[4])
					}
					continue
				}
				seen++
				mean, _ := strconv.ParseFloat(r[4], 64)
				if want := sum[k] / float64(n); math.Abs(mean-want) > 0.0005 {
					t.Errorf("%v: mean Goldstein %v, want %v", k, mean, want)
				}
				quads := [4]int{}
				for i, typ := range store.Types {
					got, _ := strconv.Atoi(r[9+i])
					if got != types[k][typ] {
						t.Errorf("%v %s: %d, want %d", k, typ, got, types[k][typ])
					}
					quads[store.Quad(typ)] += got
				}
				for q := range quads {
					if got, _ := strconv.Atoi(r[5+q]); got != quads[q] {
						t.Errorf("%v %s: %d, want %d", k, store.QuadNames[q], got, quads[q])
					}
				}
			}
			if seen != len(count) {
				t.Errorf("%d periods and directions with events, want %d", seen, len(count))
			}
			// the other formats say the same
			_, table, _ := dyad("timeline", tc.a, tc.b, "--by", tc.by, "--db", db)
			if got := strings.Count(strings.TrimSpace(table), "\n"); got != len(recs)-1 {
				t.Errorf("table has %d rows, csv %d", got, len(recs)-1)
			}
			_, jsonl, _ := dyad("timeline", tc.a, tc.b, "--by", tc.by, "--db", db, "--format", "jsonl")
			if got := strings.Count(jsonl, "\n"); got != len(recs)-1 {
				t.Errorf("jsonl has %d rows, csv %d", got, len(recs)-1)
			}
		})
	}
}

func testExportCommand(t *testing.T, db string, corpus *storeCorpus) {
	byID := map[string]*event.Event{}
	for i := range corpus.events {
		byID[corpus.events[i].ID] = &corpus.events[i]
	}
	t.Run("jsonl", func(t *testing.T) {
		code, out, errs := dyad("export", "--format", "jsonl", "--db", db)
		if code != 0 {
			t.Fatalf("dyad export exited %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != len(corpus.events) {
			t.Fatalf("%d lines, want %d", len(lines), len(corpus.events))
		}
		for _, line := range lines {
			var m merge.Merged
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatal(err)
			}
			var want event.Event
			json.Unmarshal([]byte(corpus.lines[m.ID]), &want)
			if !reflect.DeepEqual(m.Event, want) {
				t.Errorf("exported\n%s\nbut dyad code wrote\n%s", line, corpus.lines[m.ID])
			}
			if m.Mentions < 1 || len(m.Sources) < m.Mentions || m.Sources[0].DocID == "" ||
				!slices.ContainsFunc(m.Sources, func(s merge.Source) bool { return s.DocID == m.DocID }) {
				t.Errorf("event %s: %d mentions, sources %+v", m.ID, m.Mentions, m.Sources)
			}
		}
	})
	t.Run("csv", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "events.csv")
		if code, _, errs := dyad("export", "--format", "csv", "--db", db, "-o", path); code != 0 {
			t.Fatalf("dyad export exited %d: %s", code, errs)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(corpus.events)+1 || !slices.Equal(recs[0], csvHeader) {
			t.Fatalf("%d rows, header %v", len(recs), recs[0])
		}
		for _, r := range recs[1:] {
			if want := csvRow(byID[r[0]]); !slices.Equal(r, want) {
				t.Errorf("row\n%v\nwant\n%v", r, want)
			}
		}
	})
	t.Run("parquet", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "events.parquet")
		if code, _, errs := dyad("export", "--format", "parquet", "--db", db, "-o", path); code != 0 {
			t.Fatalf("dyad export exited %d: %s", code, errs)
		}
		rows, err := parquet.ReadFile[store.ParquetRow](path)
		if err != nil {
			t.Fatalf("reading the Parquet file back: %v", err)
		}
		if len(rows) != len(corpus.events) {
			t.Fatalf("%d rows, want %d", len(rows), len(corpus.events))
		}
		for _, r := range rows {
			if want := store.NewParquetRow(byID[r.ID]); !reflect.DeepEqual(r, want) {
				t.Errorf("row\n%+v\nwant\n%+v", r, want)
			}
		}
	})
}

// TestStoreCommandErrors gives the store commands bad databases and arguments: each fails with a
// clear message and the exit status of its kind, and leaves no file changed or created.
func TestStoreCommandErrors(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte("Iran condemned Israel on Monday."), 0o644)
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("My notes: not a database.\n"), 0o644)
	readOnly := filepath.Join(dir, "ro.db")
	if code, _, errs := dyad("ingest", article, "--db", readOnly); code != 0 {
		t.Fatalf("dyad ingest exited %d: %s", code, errs)
	}
	os.Chmod(readOnly, 0o444)
	missing := filepath.Join(dir, "missing.db")
	down := "postgres://dyad:s3cret@127.0.0.1:1/dyad?sslmode=disable"

	tests := []struct {
		args     []string
		want     int
		stderrIs string
	}{
		{[]string{"ingest", article, "--db", notes}, exitFailed, "notes.txt exists and is not an SQLite database"},
		{[]string{"ingest", article, "--db", readOnly}, exitFailed, "ro.db is read-only"},
		{[]string{"ingest", article, "--db", down}, exitFailed, "cannot connect to PostgreSQL at postgres://dyad:xxxxx@127.0.0.1:1/dyad"},
		{[]string{"ingest", article, "--db", filepath.Join(dir, "no", "such", "dir.db")}, exitFailed, "dir.db"},
		{[]string{"ingest", "--db", missing}, exitUsage, "usage: dyad ingest"},
		{[]string{"query", "--db", missing}, exitFailed, "no database at"},
		{[]string{"query", "--db", notes}, exitFailed, "not an SQLite database"},
		{[]string{"query", "--db", down}, exitFailed, "cannot connect to PostgreSQL"},
		{[]string{"query", "--db", readOnly, "--from", "last week"}, exitUsage, "YYYY"},
		{[]string{"query", "--db", readOnly, "--format", "xml"}, exitUsage, "--format"},
		{[]string{"query", "--db", readOnly, "IRN"}, exitUsage, "unexpected argument"},
		{[]string{"timeline", "IRN", "--db", readOnly}, exitUsage, "usage: dyad timeline"},
		{[]string{"timeline", "IRN", "SYR", "--by", "week", "--db", readOnly}, exitUsage, "--by"},
		{[]string{"timeline", "IRN", "SYR", "--db", missing}, exitFailed, "no database at"},
		{[]string{"export", "--db", readOnly}, exitUsage, "--format must be"},
		{[]string{"export", "--format", "xml", "--db", readOnly}, exitUsage, "--format must be"},
		{[]string{"export", "--format", "csv", "--db", missing, "-o", filepath.Join(dir, "out.csv")}, exitFailed, "no database at"},
		{[]string{"export", "--format", "csv", "--db", readOnly, "-o", filepath.Join(dir, "no", "out.csv")}, exitFailed, "out.csv"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			before := dirState(t, dir)
			start := time.Now()
			code, _, errs := dyad(tc.args...)
			if code != tc.want {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.want, errs)
			}
			if !strings.Contains(errs, tc.stderrIs) {
				t.Errorf("stderr does not say %q:\n%s", tc.stderrIs, errs)
			}
			if strings.Contains(errs, "s3cret") {
				t.Errorf("stderr shows the password:\n%s", errs)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if after := dirState(t, dir); !reflect.DeepEqual(before, after) {
				t.Errorf("files changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
	// the read-only database can be queried, and stays as it was
	before := dirState(t, dir)
	if code, out, errs := dyad("query", "--db", readOnly, "--format", "jsonl"); code != 0 || !strings.Contains(out, `"ACCUSE"`) {
		t.Errorf("query of a read-only database: exit %d, %s%s", code, out, errs)
	}
	if after := dirState(t, dir); !reflect.DeepEqual(before, after) {
		t.Errorf("querying changed the files:\nbefore %v\nafter  %v", before, after)
	}
}

// dirState returns the files of dir with their sizes and modification times.
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	state := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		state[e.Name()] = fmt.Sprintf("%d %v %v", fi.Size(), fi.ModTime().UnixNano(), fi.Mode())
	}
	return state
}

// TestIngestSIGKILL kills dyad ingest with SIGKILL in the middle of a transaction, runs it again,
// and expects exactly the database of a run that was never interrupted.
func TestIngestSIGKILL(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build dyad with")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const n, batch = 2000, 100
	corpus := filepath.Join(dir, "corpus.jsonl")
	if err := storetest.WriteCorpus(corpus, n); err != nil {
		t.Fatal(err)
	}
	ingest := func(db string, args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, append([]string{"ingest", "--db", db}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("dyad ingest: %v\n%s", err, out)
		}
		return string(out)
	}
	export := func(db string) []byte {
		t.Helper()
		out, err := exec.Command(bin, "export", "--format", "jsonl", "--db", db).Output()
		if err != nil {
			t.Fatalf("dyad export: %v", err)
		}
		return out
	}

	whole := filepath.Join(dir, "whole.db")
	ingest(whole, corpus)

	// The killed run reads standard input: it gets the first 1050 articles and waits for more,
	// with ten transactions of 100 committed and the last 50 articles in an open one.
	killed := filepath.Join(dir, "killed.db")
	cmd := exec.Command(bin, "ingest", "--db", killed, "--batch", strconv.Itoa(batch), "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(corpus)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if _, err := io.WriteString(stdin, strings.Join(lines[:1050], "")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if c, ok := countsIfReady(killed); ok && c.Documents >= 1000 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("dyad ingest stored fewer than 1000 documents in 30 s; stderr:\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // let it take the last 50 into its open transaction
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	stdin.Close()
	if c := storedCounts(t, killed); c.Documents != 1000 {
		t.Fatalf("after SIGKILL: %d documents stored, want the 1000 of the committed transactions", c.Documents)
	}

	out := ingest(killed, corpus)
	if n, s := ingestSummary(t, out); n != 1000 || s != 1000 {
		t.Errorf("the run after the kill: %d new, %d already stored; want 1000 and 1000", n, s)
	}
	if got, want := storedCounts(t, killed), storedCounts(t, whole); got != want {
		t.Errorf("after the kill and a second run: %+v; an uninterrupted run: %+v", got, want)
	}
	if !bytes.Equal(export(killed), export(whole)) {
		t.Error("the events stored after the kill and a second run differ from those of an uninterrupted run")
	}
}

// countsIfReady returns the counts of a database that another process may still be creating.
func countsIfReady(dsn string) (store.Counts, bool) {
	s, err := store.OpenReadOnly(dsn)
	if err != nil {
		return store.Counts{}, false
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	return c, err == nil
}

func TestETA(t *testing.T) {
	tests := []struct {
		read, size int64
		elapsed    time.Duration
		want       string
	}{
		{50, 100, 10 * time.Second, "; about 10s left"},
		{25, 100, 30 * time.Second, "; about 1m30s left"},
		{100, 100, 5 * time.Second, "; about 0s left"},
		{150, 100, 5 * time.Second, "; about 0s left"}, // the estimate of bytes read ran over
		{50, 0, 10 * time.Second, ""},                  // standard input: size unknown
		{0, 100, 10 * time.Second, ""},
		{50, 100, 100 * time.Millisecond, ""}, // too early to tell
	}
	for _, tc := range tests {
		if got := eta(tc.read, tc.size, tc.elapsed); got != tc.want {
			t.Errorf("eta(%d, %d, %v) = %q, want %q", tc.read, tc.size, tc.elapsed, got, tc.want)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), make([]byte, 300), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.jsonl"), make([]byte, 700), 0o644)
	if got := inputSize([]string{dir}); got != 1000 {
		t.Errorf("inputSize of a directory = %d, want 1000", got)
	}
	if got := inputSize([]string{dir, "-"}); got != 0 {
		t.Errorf("inputSize with standard input = %d, want 0", got)
	}
}
