// Command dyad codes political events from news articles.
//
//	dyad code [flags] PATH...      code articles, write events as JSON Lines or CSV
//	dyad eval GOLD.jsonl OUT.jsonl score events against a gold file
//
// Run "dyad help" for the flags of each command.
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/merge"
	"github.com/dyad-events/dyad/quote"
	"github.com/dyad-events/dyad/score"
	"github.com/dyad-events/dyad/when"
)

const usage = `dyad turns news articles into political event data (PLOVER).

usage:
  dyad code [flags] PATH...        code articles (.txt, .jsonl, .ndjson, directories, -)
  dyad eval [--json] GOLD OUTPUT   precision, recall and F1 of OUTPUT against GOLD
  dyad actors [flags] PATH...      the actors of each article with all their mentions
  dyad quotes [flags] PATH...      quotations attributed to their speakers
  dyad explain [--date D] TEXT     every decision of the coder on a sentence or file, and why
  dyad who [--date D] NAME         how a name resolves on a date, and why
  dyad dict check DIR              validate your own dictionaries and patterns
  dyad ingest PATH... [--db DB]    code articles and store them with their events (DB: dyad.db,
                                   another SQLite file, or a postgres:// URL)
  dyad query [filters] [--db DB]   stored events by actor, country, type, date, words of evidence
  dyad timeline A B [--by month|year] [--db DB]
                                   what countries A and B did to each other, period by period
  dyad top actors|dyads [--db DB]  the most frequent actors or dyads, with mean Goldstein
  dyad bench [--size MB]           speed of dyad code on a generated corpus
  dyad export --format F [--db DB] [-o FILE]  (csv, jsonl, parquet, plover-json, gdelt-tsv, graphml)
                                   every stored event, for pandas, R, DuckDB, Spark or Gephi

Run "dyad COMMAND -h" for a command's flags.
`

// exit statuses
const (
	exitOK      = 0
	exitPartial = 1 // some records could not be coded
	exitUsage   = 2
	exitWrite   = 3 // the output could not be written (a full disk)
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "code":
		return cmdCode(args[1:], stdin, stdout, stderr)
	case "eval":
		return cmdEval(args[1:], stdout, stderr)
	case "actors":
		return cmdActors(args[1:], stdin, stdout, stderr)
	case "quotes":
		return cmdQuotes(args[1:], stdin, stdout, stderr)
	case "ingest":
		return cmdIngest(args[1:], stdin, stdout, stderr)
	case "query":
		return cmdQuery(args[1:], stdout, stderr)
	case "timeline":
		return cmdTimeline(args[1:], stdout, stderr)
	case "export":
		return cmdExport(args[1:], stdout, stderr)
	case "top":
		return cmdTop(args[1:], stdout, stderr)
	case "dict":
		return cmdDict(args[1:], stdout, stderr)
	case "explain":
		return cmdExplain(args[1:], stdin, stdout, stderr)
	case "bench":
		return cmdBench(args[1:], stdout, stderr)
	case "who":
		return cmdWho(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "dyad: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func cmdCode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write events to this file instead of standard output")
	format := fs.String("format", "jsonl", "output format: jsonl or csv")
	dict := fs.String("dict", "", "directory of actor dictionaries that add to or override the shipped ones")
	patterns := fs.String("patterns", "", "directory with patterns.tsv (and verbs.tsv, speech.tsv) overriding the shipped ones")
	workers := fs.Int("workers", 0, "documents coded in parallel (0: one per CPU)")
	mergeBatch := fs.Bool("merge", false, "merge the reports of one event across the batch: one line per event with its mentions and sources")
	window := fs.Int("window", 1, "with --merge: days apart two reports of one event may be dated")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file (go tool pprof)")
	memprofile := fs.String("memprofile", "", "write a profile of the memory allocated while coding to this file (go tool pprof -sample_index=alloc_space)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad code [flags] PATH...\n\nCodes articles: text files (.txt, .text, .md or no extension), JSON Lines (.jsonl, .ndjson),\ndirectories (recursively: their .txt, .jsonl and .ndjson files) and - for standard input.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	if *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(stderr, "dyad code: --format must be jsonl or csv, not %q\n", *format)
		return exitUsage
	}
	if *workers < 0 {
		fmt.Fprintf(stderr, "dyad code: --workers must be 0 (one per CPU) or more, not %d\n", *workers)
		return exitUsage
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "dyad code: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "dyad code: %v\n", err)
			return exitUsage
		}
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		runtime.MemProfileRate = 4096 // (finer than the default, so that small per-document allocations show)
		defer writeMemProfile(*memprofile, stderr)
	}
	if !*mergeBatch {
		tuneGC()
	}
	coder, err := event.NewCoder(*dict, *patterns)
	if err != nil {
		fmt.Fprintf(stderr, "dyad code: %v\n", err)
		return exitUsage
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "dyad code: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	var cw *csv.Writer
	encode := formatJSONL
	if *format == "csv" {
		cw = csv.NewWriter(bw)
		header := csvHeader
		if *mergeBatch {
			header = append(append([]string(nil), csvHeader...), "mentions", "sources")
		}
		cw.Write(header)
		cw.Flush() // the rows are formatted by the workers (formatCSV) and written after it
		encode = formatCSV
	}

	// one goroutine reads and decodes the records (straight from the reader's buffer: no copy of
	// each line to decode later), the workers code and format them, and this one writes their
	// output in input order (RunRecordsTo: a batch of records at once, straight from the workers'
	// memory) and reports the records that could not be read, in order too
	failed := 0
	recs := make(chan ingest.Record, 16)
	readErr := make(chan error, 1)
	go func() {
		defer close(recs)
		readErr <- ingest.Read(fs.Args(), stdin, func(d ingest.Document) error {
			if w := publishedWarning(d); w != nil {
				recs <- ingest.Record{Err: w} // (in order with the records' own reports)
			}
			recs <- ingest.Record{Doc: d}
			return nil
		}, func(e *ingest.RecordError) {
			recs <- ingest.Record{Err: e}
		})
	}()
	var batch []event.Result // with --merge: the whole batch, merged at the end
	emit := func(r *event.Result) error {
		if r.Err != nil {
			if report(stderr, "code", r.Err) {
				failed++
			}
			return nil
		}
		if *mergeBatch {
			batch = append(batch, *r)
		}
		return nil
	}
	if *mergeBatch {
		err = coder.RunRecords(recs, *workers, nil, emit)
	} else {
		err = bw.Flush() // (the CSV header, before the events written past the buffer)
		if err == nil {
			err = coder.RunRecordsTo(w, recs, *workers, encode, emit)
		}
		for range recs { // (the reader's, when the header could not be written)
		}
	}
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	if *mergeBatch && err == nil {
		err = writeMerged(merge.Merge(batch, *window), *format, bw, cw)
	}
	if cw != nil {
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad code: writing events: %v\n", err)
		return exitWrite
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "dyad code: %d record(s) could not be coded\n", failed)
		return exitPartial
	}
	return exitOK
}

// report writes a problem with the input to stderr, for the command cmd, and tells whether it
// is a record that could not be read (a warning is not).
func report(stderr io.Writer, cmd string, e *ingest.RecordError) bool {
	if e.Warning {
		fmt.Fprintf(stderr, "dyad %s: warning: %v\n", cmd, e)
		return false
	}
	fmt.Fprintf(stderr, "dyad %s: %v\n", cmd, e)
	return true
}

// publishedWarning returns the warning for a document whose published field dyad cannot read
// (when.ReadsPublished), or nil: its dates come from its text, as if it had none.
func publishedWarning(d ingest.Document) *ingest.RecordError {
	if d.Published == "" || when.ReadsPublished(d.Published) {
		return nil
	}
	return &ingest.RecordError{Origin: d.Origin, ID: d.ID, Warning: true,
		Reason: fmt.Sprintf("published %q is not a date dyad reads (such as 2017-10-05 or an RFC 3339 time): the dates come from the text", d.Published)}
}

// writeMemProfile writes the profile of the memory allocated so far to path.
func writeMemProfile(path string, stderr io.Writer) {
	runtime.GC() // (the profile counts the allocations up to the last collection)
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad code: memory profile: %v\n", err)
	}
}

// tuneGC trades memory for time in a streaming run, unless GOGC or GOMEMLIMIT say otherwise.
// What stays live is small and fixed (the dictionaries, the gazetteer, the few documents in
// flight) while every document allocates, so the collector, which marks the live heap each
// time, runs a quarter as often when the heap may grow to five times the live heap instead of
// twice; a soft limit keeps the heap well under 256 MiB whatever happens.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(192 << 20)
	}
}

// writeMerged writes merged events as JSON Lines, or as CSV rows with their mentions and sources
// (document ids joined with ";").
func writeMerged(ms []merge.Merged, format string, w io.Writer, cw *csv.Writer) error {
	if format == "csv" {
		for i := range ms {
			ids := make([]string, len(ms[i].Sources))
			for k, src := range ms[i].Sources {
				ids[k] = src.DocID
			}
			row := append(csvRow(&ms[i].Event), strconv.Itoa(ms[i].Mentions), strings.Join(ids, ";"))
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		return nil
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range ms {
		if err := enc.Encode(&ms[i]); err != nil {
			return err
		}
	}
	return nil
}

// formatJSONL appends a document's events to dst as JSON Lines.
func formatJSONL(dst []byte, r *event.Result) ([]byte, error) {
	return event.AppendJSONLines(dst, r.Events)
}

// formatCSV appends a document's events to dst as CSV rows.
func formatCSV(dst []byte, r *event.Result) ([]byte, error) {
	buf := bytes.NewBuffer(dst)
	cw := csv.NewWriter(buf)
	for i := range r.Events {
		cw.Write(csvRow(&r.Events[i]))
	}
	cw.Flush()
	return buf.Bytes(), cw.Error()
}

var csvHeader = []string{"id", "doc_id", "sentence", "date", "date_source", "type", "mode", "intent",
	"intended", "negated", "cameo", "goldstein", "source_text", "source_name", "source_country",
	"source_sector", "source_code", "target_text", "target_name", "target_country", "target_sector",
	"target_code", "location_name", "location_country", "location_lat", "location_lon", "evidence",
	"confidence", "contexts"}

func csvRow(e *event.Event) []string {
	t := event.Actor{}
	if e.Target != nil {
		t = *e.Target
	}
	var loc event.Location
	lat, lon := "", ""
	if e.Location != nil {
		loc = *e.Location
		lat, lon = strconv.FormatFloat(loc.Lat, 'f', -1, 64), strconv.FormatFloat(loc.Lon, 'f', -1, 64)
	}
	return []string{e.ID, e.DocID, strconv.Itoa(e.Sentence), e.Date, e.DateSource, e.Type, e.Mode,
		strconv.FormatBool(e.Intent), e.Intended, strconv.FormatBool(e.Negated), e.Cameo,
		strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.Source.Text, e.Source.Name, e.Source.Country,
		e.Source.Sector, e.Source.Code, t.Text, t.Name, t.Country, t.Sector, t.Code, loc.Name, loc.Country,
		lat, lon, e.Evidence, strconv.FormatFloat(e.Confidence, 'f', -1, 64), strings.Join(e.Contexts, ";")}
}

func cmdEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad eval [--json] GOLD.jsonl OUTPUT.jsonl\n\nScores OUTPUT against GOLD as ../shared/tools/score_events.py does.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitUsage
	}
	g, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "dyad eval: %v\n", err)
		return exitUsage
	}
	defer g.Close()
	s, err := os.Open(fs.Arg(1))
	if err != nil {
		fmt.Fprintf(stderr, "dyad eval: %v\n", err)
		return exitUsage
	}
	defer s.Close()
	res, err := score.Compare(g, s)
	if err != nil {
		fmt.Fprintf(stderr, "dyad eval: %v\n", err)
		return exitPartial
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return exitPartial
		}
		return exitOK
	}
	res.Write(stdout)
	return exitOK
}

func cmdActors(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return perDocument("actors", "Writes one line per actor of each article, with every mention (formats.md).",
		args, stdin, stdout, stderr, func(kb *actor.KB, d ingest.Document, date string) []any {
			var out []any
			for _, r := range kb.Records(d.ID, d.Text, date) {
				out = append(out, r)
			}
			return out
		})
}

func cmdQuotes(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return perDocument("quotes", "Writes one line per quotation, with its speaker (formats.md).",
		args, stdin, stdout, stderr, func(kb *actor.KB, d ingest.Document, date string) []any {
			var out []any
			for _, q := range quote.Find(kb, d.ID, d.Text, date) {
				out = append(out, q)
			}
			return out
		})
}

// perDocument runs a command that reads articles and writes, for each, the JSON lines that
// records returns: dyad actors and dyad quotes.
func perDocument(name, what string, args []string, stdin io.Reader, stdout, stderr io.Writer,
	records func(kb *actor.KB, d ingest.Document, date string) []any) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dict := fs.String("dict", "", "directory of actor dictionaries that add to or override the shipped ones")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad %s [flags] PATH...\n\n%s\n\n", name, what)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	kb, err := actor.Load(*dict)
	if err != nil {
		fmt.Fprintf(stderr, "dyad %s: %v\n", name, err)
		return exitUsage
	}
	bw := bufio.NewWriter(stdout)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	failed := 0
	err = ingest.Read(fs.Args(), stdin, func(d ingest.Document) error {
		if w := publishedWarning(d); w != nil {
			report(stderr, name, w)
		}
		date, _ := event.PublicationDate(d)
		for _, r := range records(kb, d, date) {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}, func(e *ingest.RecordError) {
		if report(stderr, name, e) {
			failed++
		}
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad %s: writing: %v\n", name, err)
		return exitWrite
	}
	if failed > 0 {
		return exitPartial
	}
	return exitOK
}
