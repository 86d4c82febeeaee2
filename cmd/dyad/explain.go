package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
)

// cmdExplain codes a sentence or a file and shows every decision: `dyad explain [--date D] TEXT|FILE`.
func cmdExplain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	date := fs.String("date", "", "publication date to resolve actors and dates on (YYYY-MM-DD)")
	dict := fs.String("dict", "", "directory of actor dictionaries that add to or override the shipped ones")
	patterns := fs.String("patterns", "", "directory with patterns.tsv overriding the shipped one")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad explain [--date D] \"a sentence\" | FILE | -\n\nCodes the text and shows its tokens, the actors and how each was resolved, each\npattern that matched (file:line) and each event produced or not coded, and why.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	arg := fs.Arg(0)
	doc := ingest.Document{ID: "explain", Text: arg, Published: *date}
	switch {
	case arg == "-":
		b, err := io.ReadAll(io.LimitReader(stdin, ingest.MaxRecord))
		if err != nil {
			fmt.Fprintf(stderr, "dyad explain: %v\n", err)
			return exitPartial
		}
		doc.Text = string(b)
	case !strings.ContainsAny(arg, " \n"):
		if b, err := os.ReadFile(arg); err == nil {
			doc.ID, doc.Text = arg, string(b)
		}
	}
	coder, err := event.NewCoder(*dict, *patterns)
	if err != nil {
		fmt.Fprintf(stderr, "dyad explain: %v\n", err)
		return exitUsage
	}
	evs, trace := coder.Explain(doc)
	fmt.Fprint(stdout, trace)
	fmt.Fprintf(stdout, "%d event(s)\n", len(evs))
	return exitOK
}
