package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	// Tells whether standard error is a terminal, where ingest shows its progress; the Go
	// project's own package for it.
	"golang.org/x/term"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/store"
)

// The commands of this file: ingest stores coded articles in a database; query, timeline and
// export read them back.

// exitFailed is the status of a command that failed for a reason other than its arguments: a
// database that cannot be opened, read or written, or records that could not be read.
const exitFailed = 1

const defaultDB = "dyad.db"

const dbHelp = "database: an SQLite file (created by ingest when missing) or a postgres:// URL"

// parseArgs parses flags placed before, between or after the positional arguments
// ("dyad ingest a.jsonl --db x.db b.jsonl"), and returns the positional ones. After "--"
// everything is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func cmdIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, dbHelp)
	batch := fs.Int("batch", store.DefaultBatch, "documents stored per transaction")
	workers := fs.Int("workers", 0, "documents coded in parallel (0: one per CPU)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad ingest PATH... [--db FILE.db | --db postgres://...]\n\n"+
			"Codes articles (.txt, .jsonl, directories, - for stdin) and stores them with their events.\n"+
			"Articles already stored (the same text) are skipped, so a run that was stopped can be run again.\n\n")
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitUsage
	}
	if *batch <= 0 {
		fmt.Fprintf(stderr, "dyad ingest: --batch must be at least 1\n")
		return exitUsage
	}
	coder, err := event.NewCoder("", "")
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return exitFailed
	}
	st, err := store.Open(*db)
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return exitFailed
	}
	defer st.Close()

	ctx := context.Background()
	var skipped atomic.Int64 // documents found stored before they were coded
	failed := 0              // records that could not be read; the reader's until it ends
	docs := make(chan ingest.Document, 16)
	readErr := make(chan error, 1)
	go func() {
		defer close(docs)
		readErr <- ingest.Read(paths, stdin, func(d ingest.Document) error {
			stored, err := st.Has(ctx, store.Hash(d))
			if err != nil {
				return err
			}
			if stored {
				skipped.Add(1)
				return nil
			}
			docs <- d
			return nil
		}, func(e *ingest.RecordError) {
			failed++
			fmt.Fprintf(stderr, "dyad ingest: %v\n", e)
		})
	}()

	w := st.NewWriter(*batch)
	prog := newProgress(stderr)
	coded, events := 0, 0
	err = coder.Run(docs, *workers, func(r event.Result) error {
		if err := w.Add(ctx, r.Doc, r.Events); err != nil {
			return err
		}
		coded++
		events += len(r.Events)
		prog.show(coded, int(skipped.Load()), events, false)
		return nil
	})
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	if err == nil {
		err = w.Commit(ctx)
	} else {
		w.Rollback()
	}
	prog.show(coded, int(skipped.Load()), events, true)

	s := w.Stats()
	fmt.Fprintf(stdout, "documents: %d new, %d already stored\n", s.Documents, int(skipped.Load())+s.Skipped)
	fmt.Fprintf(stdout, "events: %d new, %d already stored (a source added)\n", s.Events, s.Merged)
	if c, cerr := st.Counts(ctx); cerr == nil {
		fmt.Fprintf(stdout, "%s holds %d documents and %d events\n", st, c.Documents, c.Events)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		fmt.Fprintf(stderr, "dyad ingest: the documents counted above are stored; run the same command again to store the rest\n")
		return exitFailed
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "dyad ingest: %d record(s) could not be read\n", failed)
		return exitFailed
	}
	return exitOK
}

// progress shows a line of counts and rates on a terminal, at most a few times a second.
type progress struct {
	w     io.Writer // nil when not a terminal
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{start: time.Now()}
	if isTerminal(w) {
		p.w = w
	}
	return p
}

func (p *progress) show(coded, skipped, events int, final bool) {
	if p.w == nil || (!final && time.Since(p.last) < 250*time.Millisecond) {
		return
	}
	p.last = time.Now()
	secs := max(time.Since(p.start).Seconds(), 0.001)
	fmt.Fprintf(p.w, "\r%d documents coded, %d already stored, %d events; %.0f documents/s, %.0f events/s ",
		coded, skipped, events, float64(coded)/secs, float64(events)/secs)
	if final {
		fmt.Fprintln(p.w)
	}
}

// dateFlags adds the flags of a date range, which dyad query and dyad timeline share.
func dateFlags(fs *flag.FlagSet, f *store.Filter) {
	fs.StringVar(&f.From, "from", "", "first date: YYYY, YYYY-MM or YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "last date, the whole period included (2022: to the end of 2022)")
}

func cmdQuery(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, dbHelp)
	var f store.Filter
	fs.StringVar(&f.Source, "source", "", "source actor: country (SYR) or code (SYRGOV)")
	fs.StringVar(&f.Target, "target", "", "target actor: country (IRN) or code (IRNGOV)")
	fs.StringVar(&f.Country, "country", "", "either actor's country (SYR)")
	fs.StringVar(&f.Type, "type", "", "PLOVER event type (ASSAULT)")
	fs.StringVar(&f.Mode, "mode", "", "PLOVER mode (visit)")
	dateFlags(fs, &f)
	fs.StringVar(&f.Text, "text", "", "words that the evidence contains, all of them, ignoring case")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many events (0: all)")
	format := fs.String("format", "table", "output format: table, jsonl or csv")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad query [flags]\n\nPrints the stored events that match every filter given, by date.\n\n")
		fs.PrintDefaults()
	}
	if rest, err := parseArgs(fs, args); err != nil {
		return exitUsage
	} else if len(rest) > 0 {
		fmt.Fprintf(stderr, "dyad query: unexpected argument %q (filters are flags: --source %s)\n", rest[0], rest[0])
		return exitUsage
	}
	if *format != "table" && *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(stderr, "dyad query: --format must be table, jsonl or csv, not %q\n", *format)
		return exitUsage
	}
	f.Source, f.Target, f.Country = strings.ToUpper(f.Source), strings.ToUpper(f.Target), strings.ToUpper(f.Country)
	f.Type, f.Mode = strings.ToUpper(f.Type), strings.ToLower(f.Mode)
	if err := f.Check(); err != nil {
		fmt.Fprintf(stderr, "dyad query: %v\n", err)
		return exitUsage
	}
	st, err := store.OpenReadOnly(*db)
	if err != nil {
		fmt.Fprintf(stderr, "dyad query: %v\n", err)
		return exitFailed
	}
	defer st.Close()

	bw := bufio.NewWriterSize(stdout, 256<<10)
	var write func(*event.Event) error
	var finish func() error
	switch *format {
	case "jsonl":
		write, finish = jsonlWriter(bw), func() error { return nil }
	case "csv":
		write, finish = csvEvents(bw)
	default:
		write, finish = tableEvents(bw)
	}
	n := 0
	err = st.Events(context.Background(), f, func(e *event.Event) error {
		n++
		return write(e)
	})
	if err == nil {
		err = finish()
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad query: %v\n", err)
		return exitFailed
	}
	if n == 0 && *format == "table" {
		fmt.Fprintln(stderr, "dyad query: no event matches")
	}
	return exitOK
}

// csvEvents writes events in the CSV format of dyad code.
func csvEvents(w io.Writer) (write func(*event.Event) error, finish func() error) {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	return func(e *event.Event) error { return cw.Write(csvRow(e)) },
		func() error { cw.Flush(); return cw.Error() }
}

// tableEvents writes events as aligned columns for reading on a terminal.
func tableEvents(w io.Writer) (write func(*event.Event) error, finish func() error) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tSOURCE\tTARGET\tGOLDSTEIN\tDOCUMENT\tEVIDENCE")
	return func(e *event.Event) error {
			typ := e.Type
			if e.Negated {
				typ = "not " + typ
			}
			if e.Intent {
				typ += " (intent: " + e.Intended + ")"
			}
			target := "-"
			if e.Target != nil {
				target = e.Target.Code
			}
			_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%g\t%s\t%s\n", orDash(e.Date), typ, orDash(e.Source.Code),
				orDash(target), e.Goldstein, e.DocID, clip(e.Evidence, 80))
			return err
		}, func() error {
			return tw.Flush()
		}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to at most n characters, on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func cmdTimeline(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, dbHelp)
	by := fs.String("by", "month", "period: month or year")
	format := fs.String("format", "table", "output format: table, csv or jsonl")
	var f store.Filter
	dateFlags(fs, &f)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad timeline A B [--by month|year] [flags]\n\n"+
			"What country A did to country B and B to A, period by period: events per PLOVER type and\n"+
			"quad class, and their mean Goldstein score. Negated and undated events are left out.\n\n")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		fs.Usage()
		return exitUsage
	}
	if *by != "month" && *by != "year" {
		fmt.Fprintf(stderr, "dyad timeline: --by must be month or year, not %q\n", *by)
		return exitUsage
	}
	if *format != "table" && *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(stderr, "dyad timeline: --format must be table, csv or jsonl, not %q\n", *format)
		return exitUsage
	}
	if err := f.Check(); err != nil {
		fmt.Fprintf(stderr, "dyad timeline: %v\n", err)
		return exitUsage
	}
	q := store.TimelineQuery{A: strings.ToUpper(pos[0]), B: strings.ToUpper(pos[1]), By: *by, From: f.From, To: f.To}
	st, err := store.OpenReadOnly(*db)
	if err != nil {
		fmt.Fprintf(stderr, "dyad timeline: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	rows, err := st.Timeline(context.Background(), q)
	if err != nil {
		fmt.Fprintf(stderr, "dyad timeline: %v\n", err)
		return exitFailed
	}
	bw := bufio.NewWriter(stdout)
	switch *format {
	case "csv":
		err = timelineCSV(bw, rows)
	case "jsonl":
		err = timelineJSONL(bw, rows)
	default:
		err = timelineTable(bw, rows)
		if len(rows) == 0 {
			fmt.Fprintf(stderr, "dyad timeline: no dated events between %s and %s\n", q.A, q.B)
		}
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad timeline: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// mean formats a mean Goldstein score to three decimals, or "" when there were no events.
func mean(r store.TimelineRow) string {
	if r.Events == 0 {
		return ""
	}
	return strconv.FormatFloat(math.Round(r.Goldstein*1000)/1000, 'f', -1, 64)
}

func timelineTable(w io.Writer, rows []store.TimelineRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tSOURCE\tTARGET\tEVENTS\tGOLDSTEIN\tVERB-COOP\tMAT-COOP\tVERB-CONFL\tMAT-CONFL\tTYPES")
	for _, r := range rows {
		var types []string
		for _, t := range store.Types {
			if n := r.Types[t]; n > 0 {
				types = append(types, fmt.Sprintf("%s %d", t, n))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%d\t%d\t%d\t%s\n", r.Period, r.Source, r.Target, r.Events,
			orDash(mean(r)), r.Quads[store.VerbalCoop], r.Quads[store.MaterialCoop], r.Quads[store.VerbalConflict],
			r.Quads[store.MaterialConflict], strings.Join(types, ", "))
	}
	return tw.Flush()
}

// timelineHeader are the CSV columns of a timeline: one row per period and direction.
var timelineHeader = append([]string{"period", "source", "target", "events", "goldstein_mean",
	"verbal_coop", "material_coop", "verbal_conflict", "material_conflict"}, store.Types...)

func timelineCSV(w io.Writer, rows []store.TimelineRow) error {
	cw := csv.NewWriter(w)
	cw.Write(timelineHeader)
	for _, r := range rows {
		rec := []string{r.Period, r.Source, r.Target, strconv.Itoa(r.Events), mean(r)}
		for _, n := range r.Quads {
			rec = append(rec, strconv.Itoa(n))
		}
		for _, t := range store.Types {
			rec = append(rec, strconv.Itoa(r.Types[t]))
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// timelineRecord is a timeline row in JSON, with the keys of the CSV columns.
type timelineRecord struct {
	Period           string         `json:"period"`
	Source           string         `json:"source"`
	Target           string         `json:"target"`
	Events           int            `json:"events"`
	Goldstein        *float64       `json:"goldstein_mean"` // null when there are no events
	VerbalCoop       int            `json:"verbal_coop"`
	MaterialCoop     int            `json:"material_coop"`
	VerbalConflict   int            `json:"verbal_conflict"`
	MaterialConflict int            `json:"material_conflict"`
	Types            map[string]int `json:"types"`
}

func timelineJSONL(w io.Writer, rows []store.TimelineRow) error {
	enc := json.NewEncoder(w)
	for _, r := range rows {
		rec := timelineRecord{Period: r.Period, Source: r.Source, Target: r.Target, Events: r.Events,
			VerbalCoop: r.Quads[store.VerbalCoop], MaterialCoop: r.Quads[store.MaterialCoop],
			VerbalConflict: r.Quads[store.VerbalConflict], MaterialConflict: r.Quads[store.MaterialConflict],
			Types: r.Types}
		if r.Events > 0 {
			g := math.Round(r.Goldstein*1000) / 1000
			rec.Goldstein = &g
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, dbHelp)
	format := fs.String("format", "", "csv, jsonl or parquet (required)")
	out := fs.String("o", "", "write to this file (written whole or not at all) instead of standard output")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad export --format csv|jsonl|parquet [--db DB] [-o FILE]\n\n"+
			"Writes every stored event, by date: CSV and JSON Lines as dyad code writes them, or Parquet\n"+
			"(the same columns as the CSV) for pandas, R, DuckDB and Spark.\n\n")
		fs.PrintDefaults()
	}
	if rest, err := parseArgs(fs, args); err != nil {
		return exitUsage
	} else if len(rest) > 0 {
		fmt.Fprintf(stderr, "dyad export: unexpected argument %q\n", rest[0])
		return exitUsage
	}
	if *format != "csv" && *format != "jsonl" && *format != "parquet" {
		fmt.Fprintf(stderr, "dyad export: --format must be csv, jsonl or parquet, not %q\n", *format)
		return exitUsage
	}
	if *format == "parquet" && *out == "" && isTerminal(stdout) {
		fmt.Fprintf(stderr, "dyad export: Parquet is binary: give -o FILE or redirect standard output\n")
		return exitUsage
	}
	st, err := store.OpenReadOnly(*db)
	if err != nil {
		fmt.Fprintf(stderr, "dyad export: %v\n", err)
		return exitFailed
	}
	defer st.Close()

	n := 0
	err = writeOutput(*out, stdout, func(w io.Writer) error {
		var write func(*event.Event) error
		var finish func() error
		switch *format {
		case "csv":
			write, finish = csvEvents(w)
		case "jsonl":
			write, finish = jsonlWriter(w), func() error { return nil }
		default:
			pw := store.NewParquetWriter(w)
			write, finish = pw.Write, pw.Close
		}
		err := st.Events(context.Background(), store.Filter{}, func(e *event.Event) error {
			n++
			return write(e)
		})
		if err != nil {
			return err
		}
		return finish()
	})
	if err != nil {
		fmt.Fprintf(stderr, "dyad export: %v\n", err)
		return exitFailed
	}
	if *out != "" {
		fmt.Fprintf(stderr, "dyad export: %d events written to %s\n", n, *out)
	}
	return exitOK
}

// writeOutput calls write with a buffered writer to path, or to stdout when path is "". A file is
// written under a temporary name and renamed when complete, so that a failure leaves no partial
// file behind.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		bw := bufio.NewWriterSize(stdout, 256<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	bw := bufio.NewWriterSize(tmp, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
