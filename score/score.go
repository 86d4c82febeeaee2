// Package score compares coded events with a gold file, by the same rules as the project's shared
// scorer (score_events.py): an event is (type, source country and sector, target country and
// sector); events are matched as multisets within a document; CONSULT, AGREE and COOPERATE match with
// actors swapped; an empty gold field matches anything; negated events are left out on both sides.
package score

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Types lists the PLOVER event types in report order.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

var symmetric = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true}

// igoFamily: a gold country "IGO" (a peer's older convention) also matches these.
var igoFamily = map[string]bool{"IGO": true, "UNO": true, "EUR": true, "NGO": true}

type actorKey struct{ country, sector string }

type key struct {
	typ            string
	source, target actorKey
	intended       string
}

// Counts holds matched, gold and system event counts.
type Counts struct {
	Matched int `json:"matched"`
	Gold    int `json:"gold"`
	System  int `json:"system"`
}

// PRF returns precision, recall and F1 as score_events.py computes them.
func (c Counts) PRF() (p, r, f float64) {
	switch {
	case c.System > 0:
		p = float64(c.Matched) / float64(c.System)
	case c.Gold == 0:
		p = 1
	}
	r = 1
	if c.Gold > 0 {
		r = float64(c.Matched) / float64(c.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Result is the outcome of one comparison.
type Result struct {
	Documents  int               `json:"documents"`
	Overall    Counts            `json:"overall"`
	TypeOnly   Counts            `json:"type_only"`
	PerType    map[string]Counts `json:"per_type"`
	Unparsable int               `json:"unparsable_lines"`
	Dated      int               `json:"dated_matched"`
	DatedRight int               `json:"dated_right"`
}

type goldDoc struct {
	events   []key
	dated    []datedKey
	optional []key
	anyMatch bool
}

type datedKey struct {
	k    key
	date string
}

type rawEvent struct {
	DocID    json.RawMessage `json:"doc_id"`
	Type     any             `json:"type"`
	Source   map[string]any  `json:"source"`
	Target   map[string]any  `json:"target"`
	Intended any             `json:"intended"`
	Negated  any             `json:"negated"`
	Date     any             `json:"date"`
}

func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case float64:
		return fmt.Sprint(x)
	}
	return fmt.Sprint(v)
}

// truthy mirrors Python truthiness for JSON values.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case float64:
		return x != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

func toKey(e rawEvent) key {
	act := func(a map[string]any) actorKey {
		return actorKey{strings.ToUpper(str(a["country"])), strings.ToUpper(str(a["sector"]))}
	}
	return key{strings.ToUpper(str(e.Type)), act(e.Source), act(e.Target), strings.ToUpper(str(e.Intended))}
}

func docID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if len(raw) == 0 {
		return ""
	}
	return strings.TrimSpace(string(raw))
}

// Compare reads a gold file and a system output and scores them.
func Compare(goldR, sysR io.Reader) (*Result, error) {
	gold := map[string]*goldDoc{}
	var order []string
	sc := bufio.NewScanner(goldR)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d struct {
			DocID    json.RawMessage `json:"doc_id"`
			Events   []rawEvent      `json:"events"`
			Optional []rawEvent      `json:"optional_events"`
			Match    string          `json:"match"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", n, err)
		}
		id := docID(d.DocID)
		g := &goldDoc{anyMatch: d.Match == "any"}
		for _, e := range d.Events {
			if truthy(e.Negated) {
				continue
			}
			g.events = append(g.events, toKey(e))
			if truthy(e.Date) {
				g.dated = append(g.dated, datedKey{toKey(e), str(e.Date)})
			}
		}
		for _, e := range d.Optional {
			g.optional = append(g.optional, toKey(e))
		}
		if _, seen := gold[id]; !seen {
			order = append(order, id)
		}
		gold[id] = g
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gold: %w", err)
	}

	res := &Result{Documents: len(gold), PerType: map[string]Counts{}}
	system := map[string][]key{}
	sysDates := map[string][]datedKey{}
	sc = bufio.NewScanner(sysR)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e rawEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			res.Unparsable++
			continue
		}
		if truthy(e.Negated) {
			continue
		}
		id := docID(e.DocID)
		if _, ok := gold[id]; ok {
			k := toKey(e)
			system[id] = append(system[id], k)
			sysDates[id] = append(sysDates[id], datedKey{k, str(e.Date)})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading system output: %w", err)
	}

	per := map[string]*Counts{}
	for _, t := range Types {
		per[t] = &Counts{}
	}
	for _, id := range order {
		g := gold[id]
		s := system[id]
		if g.anyMatch {
			hit, typeHit := 0, 0
			for _, a := range g.events {
				for _, e := range s {
					if anyMatch(a, e) {
						hit = 1
					}
					if a.typ == e.typ || (e.typ == "AGREE" && e.intended == a.typ) {
						typeHit = 1
					}
				}
			}
			res.Overall.Matched += hit
			res.TypeOnly.Matched += typeHit
			res.Overall.Gold++
			res.Overall.System += len(s)
			if len(g.events) > 0 {
				c := per[g.events[0].typ]
				if c == nil {
					c = &Counts{}
					per[g.events[0].typ] = c
				}
				c.Matched += hit
				c.Gold++
				c.System += len(s)
			}
			continue
		}
		if len(g.optional) > 0 {
			s = dropOptional(g.events, s, g.optional)
		}
		res.Overall.Matched += match(g.events, s)
		res.TypeOnly.Matched += typeOverlap(g.events, s)
		res.Overall.Gold += len(g.events)
		res.Overall.System += len(s)
		for _, t := range Types {
			gt, st := ofType(g.events, t), ofType(s, t)
			c := per[t]
			c.Matched += match(gt, st)
			c.Gold += len(gt)
			c.System += len(st)
		}
	}
	res.TypeOnly.Gold, res.TypeOnly.System = res.Overall.Gold, res.Overall.System
	for t, c := range per {
		if c.Gold > 0 || c.System > 0 {
			res.PerType[t] = *c
		}
	}
	for _, id := range order {
		for _, d := range gold[id].dated {
			found, right := false, false
			for _, s := range sysDates[id] {
				if eventMatch(d.k, s.k) {
					found = true
					right = right || s.date == d.date
				}
			}
			if found {
				res.Dated++
				if right {
					res.DatedRight++
				}
			}
		}
	}
	return res, nil
}

func ofType(ks []key, t string) []key {
	var out []key
	for _, k := range ks {
		if k.typ == t {
			out = append(out, k)
		}
	}
	return out
}

func typeOverlap(g, s []key) int {
	count := map[string]int{}
	for _, k := range g {
		count[k.typ]++
	}
	n := 0
	for _, k := range s {
		if count[k.typ] > 0 {
			count[k.typ]--
			n++
		}
	}
	return n
}

func actorMatch(g, s actorKey) bool {
	if g.country == "IGO" && igoFamily[s.country] {
		g.country = s.country
	}
	return (g.country == "" || g.country == s.country) && (g.sector == "" || g.sector == s.sector)
}

func actorsMatch(g, s key) bool {
	if actorMatch(g.source, s.source) && actorMatch(g.target, s.target) {
		return true
	}
	return symmetric[g.typ] && actorMatch(g.source, s.target) && actorMatch(g.target, s.source)
}

func eventMatch(g, s key) bool { return g.typ == s.typ && actorsMatch(g, s) }

func anyMatch(g, s key) bool {
	if s.typ == "AGREE" && s.intended == g.typ && g.typ != "AGREE" {
		return actorsMatch(g, s)
	}
	return eventMatch(g, s)
}

func filled(k key) int {
	n := 0
	for _, v := range []string{k.source.country, k.source.sector, k.target.country, k.target.sector} {
		if v != "" {
			n++
		}
	}
	return n
}

// match pairs gold and system events greedily, most specific gold events first.
func match(gold, system []key) int {
	left := append([]key(nil), system...)
	g := append([]key(nil), gold...)
	sort.SliceStable(g, func(i, j int) bool { return filled(g[i]) > filled(g[j]) })
	hits := 0
	for _, gk := range g {
		for i, s := range left {
			if eventMatch(gk, s) {
				hits++
				left = append(left[:i], left[i+1:]...)
				break
			}
		}
	}
	return hits
}

// dropOptional leaves out system events that match an optional gold event and are not needed
// to match a required one.
func dropOptional(gold, system, opt []key) []key {
	need := append([]key(nil), gold...)
	var kept, spare []key
	for _, e := range system {
		matched := false
		for i, g := range need {
			if eventMatch(g, e) {
				need = append(need[:i], need[i+1:]...)
				kept = append(kept, e)
				matched = true
				break
			}
		}
		if !matched {
			spare = append(spare, e)
		}
	}
	for _, e := range spare {
		isOpt := false
		for _, o := range opt {
			if eventMatch(o, e) {
				isOpt = true
				break
			}
		}
		if !isOpt {
			kept = append(kept, e)
		}
	}
	return kept
}

// Write prints the result as the shared scorer does.
func (r *Result) Write(w io.Writer) {
	fmt.Fprintf(w, "%-10s %5s %5s %5s %6s %6s %6s\n", "type", "gold", "sys", "match", "P", "R", "F1")
	for _, t := range Types {
		c, ok := r.PerType[t]
		if !ok {
			continue
		}
		p, rr, f := c.PRF()
		fmt.Fprintf(w, "%-10s %5d %5d %5d %6.2f %6.2f %6.2f\n", t, c.Gold, c.System, c.Matched, p, rr, f)
	}
	fmt.Fprintf(w, "documents %d  gold %d  system %d  matched %d  unparsable lines %d\n",
		r.Documents, r.Overall.Gold, r.Overall.System, r.Overall.Matched, r.Unparsable)
	_, _, tf := r.TypeOnly.PRF()
	fmt.Fprintf(w, "type-only F1 %.3f\n", tf)
	if r.Dated > 0 {
		fmt.Fprintf(w, "event dates right %d/%d of the matched dated gold events\n", r.DatedRight, r.Dated)
	}
	p, rr, f := r.Overall.PRF()
	fmt.Fprintf(w, "precision %.3f recall %.3f F1 %.3f\n", p, rr, f)
}
