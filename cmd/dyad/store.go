package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
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
	"github.com/dyad-events/dyad/merge"
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
	window := fs.Int("window", store.DefaultWindow, "days apart two reports of one event may be dated")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad ingest PATH... [--db FILE.db | --db postgres://...]\n\n"+
			"Codes articles (.txt, .jsonl, .ndjson, directories, - for stdin) and stores them with their events.\n"+
			"Articles already stored (the same text) are skipped, so a run that was stopped can be run again.\n"+
			"An event already stored, reported again by another article, gets that article as a source.\n\n")
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
	if *window < 0 {
		fmt.Fprintf(stderr, "dyad ingest: --window must be 0 or more\n")
		return exitUsage
	}
	if *workers < 0 {
		fmt.Fprintf(stderr, "dyad ingest: --workers must be 0 (one per CPU) or more, not %d\n", *workers)
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
	var skipped atomic.Int64   // documents found stored before they were coded
	var readBytes atomic.Int64 // about how much of the input has been read (see recordSize)
	failed := 0                // records that could not be read; the reader's until it ends
	docs := make(chan ingest.Document, 16)
	readErr := make(chan error, 1)
	go func() {
		defer close(docs)
		readErr <- ingest.Read(paths, stdin, func(d ingest.Document) error {
			if w := publishedWarning(d); w != nil {
				report(stderr, "ingest", w)
			}
			readBytes.Add(recordSize(d))
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
			if report(stderr, "ingest", e) {
				failed++
			}
		})
	}()

	w := st.NewWriter(*batch)
	w.Window = *window
	prog := newProgress(stderr, inputSize(paths))
	coded, events := 0, 0
	err = coder.Run(docs, *workers, func(r event.Result) error {
		if err := w.Add(ctx, r.Doc, r.Events); err != nil {
			return err
		}
		coded++
		events += len(r.Events)
		prog.show(coded, int(skipped.Load()), events, readBytes.Load(), false)
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
	prog.show(coded, int(skipped.Load()), events, readBytes.Load(), true)

	s := w.Stats()
	fmt.Fprintf(stdout, "documents: %d new, %d already stored; %d of the new are near duplicates of others\n",
		s.Documents, int(skipped.Load())+s.Skipped, s.Duplicates)
	fmt.Fprintf(stdout, "events: %d new, %d reports of events already stored (a source added)\n", s.Events, s.Merged)
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

// progress shows a line of counts and rates on a terminal, at most a few times a second, with
// an estimate of the time left when the size of the input is known.
type progress struct {
	w     io.Writer // nil when not a terminal
	size  int64     // bytes of input; 0 when unknown (standard input)
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, size int64) *progress {
	p := &progress{start: time.Now(), size: size}
	if isTerminal(w) {
		p.w = w
	}
	return p
}

// show writes the progress line: read is about how many bytes of the input have been read.
func (p *progress) show(coded, skipped, events int, read int64, final bool) {
	if p.w == nil || (!final && time.Since(p.last) < 250*time.Millisecond) {
		return
	}
	p.last = time.Now()
	elapsed := time.Since(p.start)
	secs := max(elapsed.Seconds(), 0.001)
	line := fmt.Sprintf("\r%d documents coded, %d already stored, %d events; %.0f documents/s, %.0f events/s",
		coded, skipped, events, float64(coded)/secs, float64(events)/secs)
	if !final {
		line += eta(read, p.size, elapsed)
	}
	fmt.Fprint(p.w, line+"   ")
	if final {
		fmt.Fprintln(p.w)
	}
}

// eta returns "; about 1m30s left" from the bytes read of the input's size and the time it took,
// or "" when the size is unknown or too little has been read to tell.
func eta(read, size int64, elapsed time.Duration) string {
	if size <= 0 || read <= 0 || elapsed < time.Second {
		return ""
	}
	read = min(read, size)
	left := time.Duration(float64(elapsed) * float64(size-read) / float64(read))
	return "; about " + left.Round(time.Second).String() + " left"
}

// inputSize returns the sum of the sizes of the files that ingest will read (directories are
// walked), or 0 when it reads standard input, whose size is unknown.
func inputSize(paths []string) int64 {
	var size int64
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					size += info.Size()
				}
			}
			return nil
		})
	}
	return size
}

// recordSize estimates how many bytes of input a document took: its fields, and a little for the
// JSON around them. It is the measure of ingest's progress through the input's size.
func recordSize(d ingest.Document) int64 {
	return int64(len(d.Text) + len(d.ID) + len(d.Title) + len(d.URL) + len(d.Outlet) + len(d.Published) + 60)
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
	n := 0
	switch *format {
	case "jsonl": // with mentions and sources, as dyad code --merge writes them
		writeMerged := mergedJSONL(bw)
		err = st.Merged(context.Background(), f, func(m *merge.Merged) error {
			n++
			return writeMerged(m)
		})
		finish = func() error { return nil }
	case "csv":
		write, finish = csvEvents(bw)
	default:
		write, finish = tableEvents(bw)
	}
	if write != nil {
		err = st.Events(context.Background(), f, func(e *event.Event) error {
			n++
			return write(e)
		})
	}
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

// mergedJSONL returns a function that writes events with their mentions and sources as JSON
// Lines: the records of dyad code --merge.
func mergedJSONL(w io.Writer) func(*merge.Merged) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(m *merge.Merged) error { return enc.Encode(m) }
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

// exportFormats are the formats of dyad export.
var exportFormats = []string{"csv", "jsonl", "parquet", "plover-json", "gdelt-tsv", "graphml"}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, dbHelp)
	format := fs.String("format", "", strings.Join(exportFormats, ", ")+" (required)")
	out := fs.String("o", "", "write to this file (written whole or not at all) instead of standard output")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad export --format %s [--db DB] [-o FILE]\n\n"+
			"Writes every stored event, by date: CSV as dyad code writes it, JSON Lines with mentions and\n"+
			"sources as dyad code --merge writes them, Parquet (the CSV's columns) for pandas, R, DuckDB\n"+
			"and Spark, PLOVER's JSON records, GDELT 1.0's tab-separated columns, or the network of actors\n"+
			"as GraphML for Gephi and networkx.\n\n", strings.Join(exportFormats, "|"))
		fs.PrintDefaults()
	}
	if rest, err := parseArgs(fs, args); err != nil {
		return exitUsage
	} else if len(rest) > 0 {
		fmt.Fprintf(stderr, "dyad export: unexpected argument %q\n", rest[0])
		return exitUsage
	}
	if !slices.Contains(exportFormats, *format) {
		fmt.Fprintf(stderr, "dyad export: --format must be one of %s, not %q\n", strings.Join(exportFormats, ", "), *format)
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

	ctx := context.Background()
	n, what := 0, "events"
	err = writeOutput(*out, stdout, func(w io.Writer) error {
		var write func(*event.Event) error
		var writeMerged func(*merge.Merged) error
		finish := func() error { return nil }
		switch *format {
		case "csv":
			write, finish = csvEvents(w)
		case "parquet":
			pw := store.NewParquetWriter(w)
			write, finish = pw.Write, pw.Close
		case "jsonl":
			writeMerged = mergedJSONL(w)
		case "plover-json":
			writeMerged = store.PLOVERWriter(w)
		case "gdelt-tsv":
			writeMerged, finish = store.GDELTWriter(w)
		case "graphml":
			g, err := st.Graph(ctx, store.Filter{})
			if err != nil {
				return err
			}
			n, what = len(g.Edges), "edges"
			return store.WriteGraphML(w, g)
		}
		var err error
		if writeMerged != nil {
			err = st.Merged(ctx, store.Filter{}, func(m *merge.Merged) error {
				n++
				return writeMerged(m)
			})
		} else {
			err = st.Events(ctx, store.Filter{}, func(e *event.Event) error {
				n++
				return write(e)
			})
		}
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
		fmt.Fprintf(stderr, "dyad export: %d %s written to %s\n", n, what, *out)
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

func cmdTop(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("top", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, dbHelp)
	var f store.Filter
	dateFlags(fs, &f)
	fs.StringVar(&f.Type, "type", "", "PLOVER event type (ASSAULT)")
	limit := fs.Int("limit", 20, "at most this many rows (0: all)")
	format := fs.String("format", "table", "output format: table, jsonl or csv")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad top actors|dyads [flags]\n\n"+
			"The actors (codes, as source or target) or dyads (source code → target code) with the most\n"+
			"events, with their mentions and mean Goldstein score. Negated events are left out.\n\n")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || pos[0] != "actors" && pos[0] != "dyads" {
		fs.Usage()
		return exitUsage
	}
	if *format != "table" && *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(stderr, "dyad top: --format must be table, jsonl or csv, not %q\n", *format)
		return exitUsage
	}
	q := store.TopQuery{Of: pos[0], From: f.From, To: f.To, Type: strings.ToUpper(f.Type), Limit: *limit}
	if err := (store.Filter{From: q.From, To: q.To, Limit: q.Limit}).Check(); err != nil {
		fmt.Fprintf(stderr, "dyad top: %v\n", err)
		return exitUsage
	}
	st, err := store.OpenReadOnly(*db)
	if err != nil {
		fmt.Fprintf(stderr, "dyad top: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	rows, err := st.Top(context.Background(), q)
	if err != nil {
		fmt.Fprintf(stderr, "dyad top: %v\n", err)
		return exitFailed
	}
	bw := bufio.NewWriter(stdout)
	err = writeTop(bw, *format, q.Of == "dyads", rows)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad top: %v\n", err)
		return exitFailed
	}
	if len(rows) == 0 && *format == "table" {
		fmt.Fprintln(stderr, "dyad top: no event matches")
	}
	return exitOK
}

// topRecord is a row of dyad top in JSON, with the keys of the CSV columns (target only for dyads).
type topRecord struct {
	Actor     string  `json:"actor,omitempty"`
	Source    string  `json:"source,omitempty"`
	Target    string  `json:"target,omitempty"`
	Events    int     `json:"events"`
	Mentions  int     `json:"mentions"`
	Goldstein float64 `json:"goldstein_mean"`
}

// writeTop writes the rows of dyad top as a table, JSON Lines or CSV.
func writeTop(w io.Writer, format string, dyads bool, rows []store.TopRow) error {
	header := []string{"actor", "events", "mentions", "goldstein_mean"}
	if dyads {
		header = []string{"source", "target", "events", "mentions", "goldstein_mean"}
	}
	record := func(r store.TopRow) []string {
		g := strconv.FormatFloat(math.Round(r.Goldstein*1000)/1000, 'f', -1, 64)
		rec := []string{r.Source}
		if dyads {
			rec = append(rec, r.Target)
		}
		return append(rec, strconv.Itoa(r.Events), strconv.Itoa(r.Mentions), g)
	}
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		for _, r := range rows {
			rec := topRecord{Events: r.Events, Mentions: r.Mentions, Goldstein: math.Round(r.Goldstein*1000) / 1000}
			if dyads {
				rec.Source, rec.Target = r.Source, r.Target
			} else {
				rec.Actor = r.Source
			}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(header)
		for _, r := range rows {
			cw.Write(record(r))
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t")))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(record(r), "\t"))
	}
	return tw.Flush()
}
