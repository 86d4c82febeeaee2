package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/merge"
)

// Filter selects events. Empty fields select everything.
type Filter struct {
	Source  string // the source actor's code (SYRGOV) or country (SYR)
	Target  string // the target actor's code or country
	Country string // either actor's country
	Type    string // PLOVER type (ASSAULT)
	Mode    string // PLOVER mode (visit)
	From    string // first date: YYYY, YYYY-MM or YYYY-MM-DD
	To      string // last date, the whole period included: 2022 means to 2022-12-31
	Text    string // words that the evidence contains, each of them, ignoring case
	Limit   int    // at most this many events; 0 for all
}

var datePrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// Check returns an error when a field of the filter cannot be right (a malformed date).
func (f Filter) Check() error {
	for _, d := range []string{f.From, f.To} {
		if d != "" && !datePrefix.MatchString(d) {
			return fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if f.Limit < 0 {
		return fmt.Errorf("limit %d: want 0 (no limit) or more", f.Limit)
	}
	return nil
}

// where returns the filter as an SQL condition with its arguments.
func (f Filter) where() (string, []any) {
	conds := []string{"1 = 1"}
	var args []any
	if f.Source != "" {
		conds = append(conds, "(source_code = ? OR source_country = ?)")
		args = append(args, f.Source, f.Source)
	}
	if f.Target != "" {
		conds = append(conds, "(target_code = ? OR target_country = ?)")
		args = append(args, f.Target, f.Target)
	}
	if f.Country != "" {
		conds = append(conds, "(source_country = ? OR target_country = ?)")
		args = append(args, f.Country, f.Country)
	}
	if f.Type != "" {
		conds = append(conds, "type = ?")
		args = append(args, f.Type)
	}
	if f.Mode != "" {
		conds = append(conds, "mode = ?")
		args = append(args, f.Mode)
	}
	if f.From != "" {
		conds = append(conds, "date >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		// Dates compare as text: up to "2022-99-99" is all of 2022, up to "2022-06-99" all of June.
		last := f.To + "-99-99"[len(f.To)-4:]
		conds = append(conds, "date <> '' AND date <= ?")
		args = append(args, last)
	}
	for _, word := range strings.Fields(f.Text) {
		conds = append(conds, `lower(evidence) LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscaper.Replace(strings.ToLower(word))+"%")
	}
	return strings.Join(conds, " AND "), args
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// Events calls fn with each event that the filter selects, in the order of date, document,
// sentence and id. An error from fn stops the iteration and is returned.
func (s *Store) Events(ctx context.Context, f Filter, fn func(*event.Event) error) error {
	if err := f.Check(); err != nil {
		return err
	}
	cond, args := f.where()
	query := `SELECT ` + eventColumns + ` FROM events WHERE ` + cond + ` ORDER BY date, doc_id, sentence, id`
	if f.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return fmt.Errorf("querying events in %s: %w", s.where, err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return fmt.Errorf("reading events from %s: %w", s.where, err)
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading events from %s: %w", s.where, err)
	}
	return nil
}

// scanEvent reads one row of eventColumns.
func scanEvent(rows *sql.Rows) (event.Event, error) {
	var sc eventScan
	err := rows.Scan(sc.dest()...)
	return sc.event(), err
}

// eventScan receives a row of eventColumns and makes the event of it.
type eventScan struct {
	e                   event.Event
	t                   [5]sql.NullString // target text, name, country, sector, code
	locName, locCountry sql.NullString
	lat, lon            sql.NullFloat64
	contexts            string // ";"-joined
}

// dest returns the destinations of eventColumns for rows.Scan.
func (sc *eventScan) dest() []any {
	e, t := &sc.e, &sc.t
	return []any{&e.ID, &e.DocID, &e.Sentence, &e.Date, &e.DateSource, &e.Type, &e.Mode,
		&e.Intent, &e.Intended, &e.Negated, &e.Cameo, &e.Goldstein,
		&e.Source.Text, &e.Source.Name, &e.Source.Country, &e.Source.Sector, &e.Source.Code,
		&t[0], &t[1], &t[2], &t[3], &t[4], &sc.locName, &sc.locCountry, &sc.lat, &sc.lon, &e.Evidence, &e.Confidence,
		&sc.contexts}
}

// event returns the event scanned, with its own target and location.
func (sc *eventScan) event() event.Event {
	e, t := sc.e, sc.t
	e.Contexts = []string{} // as dyad code writes them: a list, empty when none
	if sc.contexts != "" {
		e.Contexts = strings.Split(sc.contexts, ";")
	}
	if t[0].Valid {
		e.Target = &event.Actor{Text: t[0].String, Name: t[1].String, Country: t[2].String,
			Sector: t[3].String, Code: t[4].String}
	}
	if sc.locName.Valid {
		e.Location = &event.Location{Name: sc.locName.String, Country: sc.locCountry.String,
			Lat: sc.lat.Float64, Lon: sc.lon.Float64}
	}
	return e
}

// qualified returns eventColumns with each column prefixed by a table's alias: "e.id, e.doc_id…".
func qualified(alias string) string {
	cols := strings.Split(eventColumns, ",")
	for i, c := range cols {
		cols[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// Merged calls fn with each event that the filter selects, as Events does, with its mentions
// (independent reports) and its sources, earliest published first: the record of dyad code
// --merge. An error from fn stops the iteration and is returned.
func (s *Store) Merged(ctx context.Context, f Filter, fn func(*merge.Merged) error) error {
	if err := f.Check(); err != nil {
		return err
	}
	cond, args := f.where()
	order := `ORDER BY date, doc_id, sentence, id`
	selected := `SELECT * FROM events WHERE ` + cond
	if f.Limit > 0 {
		selected += ` ` + order + ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	query := `SELECT ` + qualified("e") + `, e.mentions, s.doc_id, s.outlet, s.url, s.published, s.duplicate_of
		FROM (` + selected + `) e LEFT JOIN event_sources s ON s.event_id = e.id
		ORDER BY e.date, e.doc_id, e.sentence, e.id, s.published = '', s.published, s.document_id`
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return fmt.Errorf("querying events in %s: %w", s.where, err)
	}
	defer rows.Close()
	var m *merge.Merged // the event being read: one row per source
	for rows.Next() {
		var sc eventScan
		var mentions int
		var docID, outlet, url, published, dupOf sql.NullString
		dest := append(sc.dest(), &mentions, &docID, &outlet, &url, &published, &dupOf)
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("reading events from %s: %w", s.where, err)
		}
		if m == nil || m.ID != sc.e.ID {
			if m != nil {
				if err := fn(m); err != nil {
					return err
				}
			}
			m = &merge.Merged{Event: sc.event(), Mentions: mentions, Sources: []merge.Source{}}
		}
		if docID.Valid {
			m.Sources = append(m.Sources, merge.Source{DocID: docID.String, Outlet: outlet.String,
				URL: url.String, Published: published.String, DuplicateOf: dupOf.String})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading events from %s: %w", s.where, err)
	}
	if m != nil {
		return fn(m)
	}
	return nil
}

// Types are the 16 PLOVER event types, in the order of their quad classes.
var Types = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", // verbal cooperation
	"COOPERATE", "AID", "RETREAT", // material cooperation
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", // verbal conflict
	"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", // material conflict
}

// Quad classes of PLOVER types.
const (
	VerbalCoop = iota
	MaterialCoop
	VerbalConflict
	MaterialConflict
)

// QuadNames name the quad classes, indexed by VerbalCoop… MaterialConflict.
var QuadNames = [4]string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// Quad returns the quad class of a PLOVER type, or -1 for a type that is not one.
func Quad(typ string) int {
	switch typ {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return VerbalCoop
	case "COOPERATE", "AID", "RETREAT":
		return MaterialCoop
	case "REQUEST", "ACCUSE", "REJECT", "THREATEN":
		return VerbalConflict
	case "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT":
		return MaterialConflict
	}
	return -1
}

// TimelineQuery asks for the events between two countries, period by period.
type TimelineQuery struct {
	A, B     string // country codes (SYR, IRN)
	By       string // "month" or "year"
	From, To string // optional date range, as in Filter
}

// TimelineRow is what one country did to the other in one period.
type TimelineRow struct {
	Period    string         // 2021-03 by month, 2021 by year
	Source    string         // the country that acted
	Target    string         // the country acted on
	Events    int            // events that happened (negated ones did not, and are left out)
	Goldstein float64        // mean Goldstein score of the events; 0 when there are none
	Types     map[string]int // events per PLOVER type
	Quads     [4]int         // events per quad class (VerbalCoop…)
}

// Timeline counts the events of the dyad A–B per period, type and quad class, with their mean
// Goldstein score, in both directions: A→B then B→A for each period. Every period from the first
// with an event to the last is there, with zeros where nothing happened. Events without a date
// are left out.
func (s *Store) Timeline(ctx context.Context, tq TimelineQuery) ([]TimelineRow, error) {
	width := map[string]int{"month": 7, "year": 4}[tq.By]
	if width == 0 {
		return nil, fmt.Errorf("timeline by %q: want month or year", tq.By)
	}
	f := Filter{From: tq.From, To: tq.To}
	if err := f.Check(); err != nil {
		return nil, err
	}
	cond, args := f.where()
	period := fmt.Sprintf("substr(date, 1, %d)", width)
	query := `SELECT ` + period + `, source_country, type, COUNT(*), SUM(goldstein) FROM events
		WHERE negated = FALSE AND date <> ''
		AND ((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))
		AND ` + cond + `
		GROUP BY ` + period + `, source_country, type`
	args = append([]any{tq.A, tq.B, tq.B, tq.A}, args...)
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("timeline of %s–%s in %s: %w", tq.A, tq.B, s.where, err)
	}
	defer rows.Close()

	type key struct{ period, source string }
	found := map[key]*TimelineRow{}
	sums := map[key]float64{}
	first, last := "", ""
	for rows.Next() {
		var k key
		var typ string
		var n int
		var sum float64
		if err := rows.Scan(&k.period, &k.source, &typ, &n, &sum); err != nil {
			return nil, fmt.Errorf("timeline of %s–%s in %s: %w", tq.A, tq.B, s.where, err)
		}
		if len(k.period) != width || !datePrefix.MatchString(k.period) {
			continue // not a date: no period to count it in
		}
		r := found[k]
		if r == nil {
			r = &TimelineRow{Types: map[string]int{}}
			found[k] = r
		}
		r.Events += n
		r.Types[typ] += n
		if q := Quad(typ); q >= 0 {
			r.Quads[q] += n
		}
		sums[k] += sum
		if first == "" || k.period < first {
			first = k.period
		}
		if k.period > last {
			last = k.period
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline of %s–%s in %s: %w", tq.A, tq.B, s.where, err)
	}
	if first == "" {
		return nil, nil
	}

	dirs := [][2]string{{tq.A, tq.B}, {tq.B, tq.A}}
	if tq.A == tq.B {
		dirs = dirs[:1]
	}
	var out []TimelineRow
	for p := first; p <= last; p = nextPeriod(p) {
		for _, d := range dirs {
			k := key{p, d[0]}
			r := TimelineRow{Types: map[string]int{}}
			if found[k] != nil {
				r = *found[k]
				r.Goldstein = sums[k] / float64(r.Events)
			}
			r.Period, r.Source, r.Target = p, d[0], d[1]
			out = append(out, r)
		}
	}
	return out, nil
}

// nextPeriod returns the month (YYYY-MM) or year (YYYY) after p.
func nextPeriod(p string) string {
	y, _ := strconv.Atoi(p[:4])
	if len(p) == 4 {
		return fmt.Sprintf("%04d", y+1)
	}
	m, _ := strconv.Atoi(p[5:7])
	if m == 12 {
		return fmt.Sprintf("%04d-01", y+1)
	}
	return fmt.Sprintf("%04d-%02d", y, m+1)
}
