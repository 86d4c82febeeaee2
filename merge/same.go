package merge

import (
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/when"
)

// The rule that makes two reports one event, shared by Merge (a batch in memory) and the store
// (merging on ingest against the events stored before).

// Key returns what two events must share to be one: type, intent (Intended), negation, whether a
// CONSULT was by phone, and the actors' codes, in either order for the symmetric types (CONSULT,
// AGREE, COOPERATE). It is plain text without NUL bytes, so that a database can keep it.
func Key(e event.Event) string {
	src, tgt := e.Source.Code, ""
	if e.Target != nil {
		tgt = e.Target.Code
	}
	if symmetric[e.Type] && tgt < src {
		src, tgt = tgt, src
	}
	phone := e.Type == "CONSULT" && e.Mode == "phone"
	return strings.Join([]string{e.Type, e.Intended, strconv.FormatBool(e.Negated),
		strconv.FormatBool(phone), src, tgt}, "|")
}

// Same reports whether a and b are reports of one event: the same Key, and dates within
// windowDays days of each other (see Near).
func Same(a, b event.Event, windowDays int) bool {
	return Key(a) == Key(b) && Near(a.Date, b.Date, windowDays)
}

// Near reports whether two event dates are within windowDays days of each other: the days they
// cover (when.Span: a day, an ISO week, a month or a year) are at most windowDays apart, so
// "2017-10" and "2017-10-05" are one date. An unknown date is near an unknown date only.
func Near(a, b string, windowDays int) bool {
	af, al, ad := when.Span(a)
	bf, bl, bd := when.Span(b)
	return spansNear(af, al, ad, bf, bl, bd, windowDays)
}

// spansNear is Near for dates already spanned: first and last days, and whether dated.
func spansNear(af, al time.Time, ad bool, bf, bl time.Time, bd bool, windowDays int) bool {
	if !ad || !bd {
		return !ad && !bd
	}
	w := time.Duration(max(windowDays, 0)) * 24 * time.Hour
	return !af.After(bl.Add(w)) && !bf.After(al.Add(w))
}
