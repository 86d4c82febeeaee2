package merge

import (
	"sort"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/when"
)

// Source is one document that reports a merged event.
type Source struct {
	DocID     string `json:"doc_id"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD, as when.Published reads it
	// DuplicateOf is the id of the document this one copies (see Duplicates); such a source is
	// listed but does not count in Mentions when the document it copies reports the event too.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Merged is one event as several documents report it: the earliest report's event (its id,
// document, sentence and evidence), completed by the others, with the reports.
type Merged struct {
	event.Event
	// Mentions is how many independent reports tell the event: the documents of Sources, less
	// those that copy another document of Sources.
	Mentions int `json:"mentions"`
	// Sources are the documents that report the event, earliest first, each once.
	Sources []Source `json:"sources"`
}

// symmetric are the types whose source and target may be swapped between reports of one event
// (as the scorer matches them): who met whom, who agreed or cooperated with whom.
var symmetric = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true}

// Merge merges the events of results (one per document, in input order) that are one event
// reported by several documents. Two events are one when they are Same (the rule of Key and Near):
// they have
//
//   - the same type, intent (Intended) and negation, and for CONSULT both or neither by phone;
//   - the same source and target codes (country and sector; with source and target swapped for
//     CONSULT, AGREE and COOPERATE);
//   - dates within windowDays days of each other: the days that two dates cover (when.Span: a
//     day, an ISO week, a month or a year) are at most windowDays apart, so "2017-10" and
//     "2017-10-05" are one date; an unknown date is one only with an unknown date.
//
// Documents are taken in order of publication (documents without a date last, then input order)
// and events in document order; an event joins the first merged event it is one with, else
// starts one. A merged event keeps the earliest report's event with its id (so ids are stable)
// and takes from later reports what it lacks: a date more precise, a mode, a location. Near
// duplicate documents (Duplicates) are listed in Sources with DuplicateOf. Merged events come in
// the order they were first reported: the same results give the same output.
func Merge(results []event.Result, windowDays int) []Merged {
	windowDays = max(windowDays, 0)
	docs := make([]docInfo, len(results))
	for i, r := range results {
		pub, _ := when.Published(r.Doc.Published, r.Doc.Text)
		docs[i] = docInfo{i: i, pub: pub}
	}
	dups := Duplicates(docsOf(results))
	sort.SliceStable(docs, func(a, b int) bool {
		x, y := docs[a].pub, docs[b].pub
		if x == "" || y == "" {
			return x != "" && y == ""
		}
		return x < y
	})

	var groups []*group
	byKey := map[string][]*group{}
	for _, d := range docs {
		r := results[d.i]
		src := Source{DocID: r.Doc.ID, Outlet: r.Doc.Outlet, URL: r.Doc.URL, Published: d.pub,
			DuplicateOf: dups[r.Doc.ID]}
		for _, e := range r.Events {
			k := Key(e)
			first, last, dated := when.Span(e.Date)
			var g *group
			for _, c := range byKey[k] {
				if Same(c.m.Event, e, windowDays) {
					g = c
					break
				}
			}
			if g == nil {
				g = &group{m: Merged{Event: e}, first: first, last: last, dated: dated}
				groups = append(groups, g)
				byKey[k] = append(byKey[k], g)
			} else {
				g.complete(e, first, last, dated)
			}
			g.add(src)
		}
	}
	out := make([]Merged, len(groups))
	for i, g := range groups {
		g.m.Mentions = mentions(g.m.Sources)
		out[i] = g.m
	}
	return out
}

type docInfo struct {
	i   int    // index in the results
	pub string // publication date, "" when unknown
}

func docsOf(results []event.Result) []ingest.Document {
	docs := make([]ingest.Document, len(results))
	for i, r := range results {
		docs[i] = r.Doc
	}
	return docs
}

// group is a merged event being built.
type group struct {
	m           Merged
	first, last time.Time // the days its date covers
	dated       bool      // whether it has a date
}

// complete takes from e, another report of the group's event, what the group lacks.
func (g *group) complete(e event.Event, first, last time.Time, dated bool) {
	if dated && last.Sub(first) < g.last.Sub(g.first) {
		g.m.Date, g.m.DateSource = e.Date, e.DateSource // more precise
		g.first, g.last = first, last
	}
	if g.m.Mode == "" {
		g.m.Mode = e.Mode
	}
	if g.m.Location == nil && e.Location != nil {
		loc := *e.Location
		g.m.Location = &loc
	}
}

// add lists a source once.
func (g *group) add(s Source) {
	for _, have := range g.m.Sources {
		if have.DocID == s.DocID {
			return
		}
	}
	g.m.Sources = append(g.m.Sources, s)
}

// mentions counts the independent reports among sources: a copy of another source is not one.
func mentions(sources []Source) int {
	ids := map[string]bool{}
	for _, s := range sources {
		ids[s.DocID] = true
	}
	n := 0
	for _, s := range sources {
		if s.DuplicateOf == "" || !ids[s.DuplicateOf] {
			n++
		}
	}
	return n
}
