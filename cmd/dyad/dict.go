package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/event"
)

// cmdDict validates a user's directory of actor dictionaries, event patterns or both: `dyad dict
// check DIR`.
func cmdDict(args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 || args[0] != "check" {
		fmt.Fprintf(stderr, "usage: dyad dict check DIR\n\nValidates the actor dictionaries (countries.tsv, orgs.tsv, sectors.tsv, people/*.tsv)\nand event patterns (patterns.tsv, verbs.tsv, speech.tsv, topics.tsv, contexts.tsv) in DIR,\nwith file:line errors.\n")
		return exitUsage
	}
	dir := args[1]
	// which files the directory holds: any *.tsv that is neither kind is an error, as --dict
	// would report it (other files are left alone, as --dict and --patterns leave them)
	var dicts, patterns, unknown []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".tsv") {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case actor.IsDictionary(rel):
			dicts = append(dicts, rel)
		case slices.Contains(event.PatternFiles, rel):
			patterns = append(patterns, rel)
		default:
			unknown = append(unknown, p)
		}
		return nil
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", pe.Path, pe.Err) // (not "lstat DIR: ...")
		}
		fmt.Fprintf(stderr, "dyad dict check: %v\n", err)
		return exitPartial
	}
	bad := false
	for _, p := range unknown {
		fmt.Fprintf(stderr, "%s: unknown file (dictionaries: countries.tsv, orgs.tsv, sectors.tsv, people/*.tsv; patterns: %s)\n",
			p, strings.Join(event.PatternFiles, ", "))
		bad = true
	}
	if len(dicts) == 0 && len(patterns) == 0 {
		fmt.Fprintf(stderr, "%s: no dictionary or pattern files\n", dir)
		return exitPartial
	}
	if len(dicts) > 0 {
		if _, err := actor.LoadDictionaries(dir); err != nil {
			fmt.Fprintln(stderr, err)
			bad = true
		}
	}
	if len(patterns) > 0 {
		if _, err := event.LoadPatterns(dir); err != nil {
			fmt.Fprintln(stderr, err)
			bad = true
		}
		if _, err := event.LoadContexts(dir); err != nil {
			fmt.Fprintln(stderr, err)
			bad = true
		}
	}
	if bad {
		return exitPartial
	}
	fmt.Fprintf(stdout, "%s: ok (%d dictionary and %d pattern files)\n", dir, len(dicts), len(patterns))
	if len(dicts) > 0 && len(patterns) > 0 {
		// (each kind is valid, but --dict reports the pattern files as unknown dictionaries)
		fmt.Fprintf(stderr, "dyad dict check: warning: %s holds both kinds: --dict takes a directory of dictionaries only, --patterns one of patterns; keep them in two directories\n", dir)
	}
	return exitOK
}

// cmdWho shows how a name resolves on a date and why: `dyad who NAME --date 2022-01-01`.
func cmdWho(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("who", flag.ContinueOnError)
	fs.SetOutput(stderr)
	date := fs.String("date", "", "the date to resolve on (YYYY-MM-DD); empty: the latest office")
	dict := fs.String("dict", "", "directory of actor dictionaries that add to or override the shipped ones")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad who [--date D] [--dict DIR] NAME...\n\nShows how a name or phrase resolves on a date, and why.\n\n")
		fs.PrintDefaults()
	}
	// flags may follow the name: dyad who Rouhani --date 2022-01-01
	var words []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(words) == 0 {
		fs.Usage()
		return exitUsage
	}
	kb, err := actor.Load(*dict)
	if err != nil {
		fmt.Fprintf(stderr, "dyad who: %v\n", err)
		return exitUsage
	}
	name := strings.Join(words, " ")
	exps := kb.Who(name, *date)
	if len(exps) == 0 {
		fmt.Fprintf(stdout, "%q: no actor found\n", name)
		return exitPartial
	}
	for _, e := range exps {
		fmt.Fprintf(stdout, "%q -> %s%s", e.Text, e.Country, e.Sector)
		if e.Name != "" {
			fmt.Fprintf(stdout, " %s", e.Name)
		}
		if e.Role != "" {
			fmt.Fprintf(stdout, " (%s)", e.Role)
		}
		fmt.Fprintln(stdout)
		for _, m := range e.Matches {
			fmt.Fprintf(stdout, "  matched %s\n", m)
		}
		for _, r := range e.Reasons {
			fmt.Fprintf(stdout, "  %s\n", r)
		}
	}
	return exitOK
}
