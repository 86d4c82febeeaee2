package actor

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/text"
)

// At returns the term this person held on date (YYYY-MM-DD; "" for unknown) and whether the
// person held it then. With no date it returns the latest term. Past a person's last term it
// returns that term with held false: a former official.
func (p *Person) At(date string) (Term, bool) {
	i, held := p.termAt(date, dateKeyOf(date))
	if i < 0 {
		return Term{}, false
	}
	return p.Terms[i], held
}

// termAt is At giving the index of the term in p.Terms (-1 when the person has none), given
// the date's dateKeyOf (day), so that the terms of the files (whose dates have keys) are
// compared by number, without reaching their dates' text.
func (p *Person) termAt(date string, day dateKey) (int, bool) {
	if len(p.Terms) == 0 {
		return -1, false
	}
	if date == "" {
		// the latest, preferring a current term
		best := len(p.Terms) - 1
		for i := range p.Terms {
			if endless(&p.Terms[i]) {
				best = i
			}
		}
		return best, true
	}
	// the highest-ranking post held that day: head of state or government before ministers
	best, held := -1, false
	for i := range p.Terms {
		if coversOn(&p.Terms[i], date, day) {
			if !held || rank(p.Terms[i].Role) < rank(p.Terms[best].Role) {
				best = i
			}
			held = true
		}
	}
	if held {
		return best, true
	}
	// not in office that day: the nearest term, as a former (or future) official
	nearest := 0
	for i := range p.Terms {
		if begunBy(&p.Terms[i], date, day) {
			nearest = i
		}
	}
	return nearest, false
}

// begunBy is before(t.Start, date) given the date's dateKeyOf (day): told from the keys when it
// and the term's start have them, so that the start's text (past the first cache line of a
// Term, and its bytes elsewhere) is not read.
func begunBy(t *Term, date string, day dateKey) bool {
	if m := t.start.mask & day.mask; m != 0 {
		return t.start.key&m <= day.key&m
	}
	return before(t.Start, date)
}

// endless reports a term still held (End ""), told from its end's key when it has one (endKeyOf
// gives "" a key of its own), so that the text past a Term's first cache line is not read.
func endless(t *Term) bool {
	if t.end.mask != 0 {
		return t.end.key == ^uint32(0)
	}
	return t.End == "" // (a term made elsewhere: no keys)
}

// coversOn is covers(*t, date) given the date's dateKeyOf (day): told from the keys of t's dates
// when it and the day have them (as holderOn does), else from their text.
func coversOn(t *Term, date string, day dateKey) bool {
	m := t.start.mask & day.mask
	e := t.end.mask & day.mask
	if m == 0 || e == 0 {
		return covers(*t, date) // (a date not as the files write them, or a term made elsewhere)
	}
	return t.start.key&m <= day.key&m && t.end.key&e >= day.key&e
}

// covers reports whether date falls inside t, comparing at the precision of each bound.
func covers(t Term, date string) bool {
	if !before(t.Start, date) {
		return false
	}
	return t.End == "" || !before(t.End, date) || samePrefix(t.End, date)
}

// before reports whether bound a is on or before date d at a's precision.
func before(a, d string) bool {
	n := min(len(a), len(d))
	return a[:n] <= d[:n]
}

func samePrefix(a, d string) bool {
	n := min(len(a), len(d))
	return a[:n] == d[:n]
}

func rank(role string) int {
	switch {
	case role == "supreme leader" || role == "king" || role == "emir" || role == "president" || role == "queen" || role == "sultan" || role == "emperor":
		return 0
	case role == "prime minister" || role == "chancellor" || role == "premier" || role == "crown prince":
		return 1
	case strings.Contains(role, "vice"):
		return 3
	}
	return 2
}

// Holder returns the person who held a post (role) of a country on date, if the knowledge base
// knows exactly one; "the Syrian president" on 2017-10-05 is Bashar al-Assad.
func (kb *KB) Holder(country, role, date string) *Person {
	if country == "" || role == "" || date == "" {
		return nil
	}
	if c, ok := kb.posts[role]; ok {
		return holderOn(kb.postTerms(c, country), dateKeyOf(date), date)
	}
	return holderOn(kb.roleTerms(country, role), dateKeyOf(date), date) // (a post asked from outside)
}

// holderOn returns the one person of terms in office on date (day is its dateKeyOf), else nil.
func holderOn(terms []roleTerm, day dateKey, date string) *Person {
	if day.mask == 0 {
		return holderOnText(terms, date) // (not a date as the knowledge base writes them)
	}
	var found *Person
	for i := range terms {
		h := &terms[i]
		// covers: the term begins on or before the day, and ends on or after it, at the
		// precision of each bound
		m := h.start.mask & day.mask
		e := h.end.mask & day.mask
		if h.start.key&m <= day.key&m && h.end.key&e >= day.key&e {
			if found != nil && found != h.p {
				return nil
			}
			found = h.p
		}
	}
	return found
}

// holderOnText is holderOn comparing the dates as text (covers).
func holderOnText(terms []roleTerm, date string) *Person {
	var found *Person
	for _, h := range terms {
		if covers(*h.t, date) {
			if found != nil && found != h.p {
				return nil
			}
			found = h.p
		}
	}
	return found
}

// dateKey is a date of the form YYYY, YYYY-MM or YYYY-MM-DD as a number that compares as the
// text does (year, month and day in bits of their own), with a mask of the bits of its
// precision: two dates compare at the precision of the less precise one by the AND of their masks.
type dateKey struct{ key, mask uint32 }

// dateKeyOf returns the dateKey of a date of the form YYYY, YYYY-MM or YYYY-MM-DD, or the zero
// dateKey (mask 0) for any other text.
func dateKeyOf(s string) dateKey {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return dateKey{}
	}
	hi, ok1 := digits(s[0], s[1])
	lo, ok2 := digits(s[2], s[3])
	if !ok1 || !ok2 {
		return dateKey{}
	}
	y := hi*100 + lo
	if len(s) == 4 {
		return dateKey{y << 9, ^uint32(1<<9 - 1)}
	}
	mo, ok := digits(s[5], s[6])
	if !ok || s[4] != '-' || mo > 15 {
		return dateKey{}
	}
	if len(s) == 7 {
		return dateKey{y<<9 | mo<<5, ^uint32(1<<5 - 1)}
	}
	d, ok := digits(s[8], s[9])
	if !ok || s[7] != '-' || d > 31 {
		return dateKey{}
	}
	return dateKey{y<<9 | mo<<5 | d, ^uint32(0)}
}

// digits returns the number two decimal digits write, and false if either is no digit.
func digits(a, b byte) (uint32, bool) {
	a, b = a-'0', b-'0'
	return uint32(a)*10 + uint32(b), a <= 9 && b <= 9
}

// endKeyOf is dateKeyOf of the end of a term: one still held ("") ends after every date.
func endKeyOf(s string) dateKey {
	if s == "" {
		return dateKey{^uint32(0), ^uint32(0)}
	}
	return dateKeyOf(s)
}

// roleForm is a role as RoleMatch compares it: written by normRole, and its head word.
type roleForm struct{ norm, head string }

// roleTerm is a term of an office holder.
type roleTerm struct {
	p          *Person
	t          *Term
	start, end dateKey // t.start and t.end, for holderOn: set by withDates
}

// withDates returns h with the dates of its term.
func (h roleTerm) withDates() roleTerm {
	h.start, h.end = h.t.start, h.t.end
	return h
}

// roleTerms returns the terms of the holders of a country's posts that RoleMatch role, in the
// order of kb.holders.
func (kb *KB) roleTerms(country, role string) []roleTerm {
	var out []roleTerm
	// another head word is another post (RoleMatch): only the terms of this one are asked
	for _, h := range kb.byHead[roleKey{country, roleHead(normRole(role))}] {
		if kb.roleMatch(role, h.t.Role) { // normRolesMatch, remembered
			out = append(out, h.withDates())
		}
	}
	return out
}

// postTerms is roleTerms of a post the knowledge base knows (c is its class), read from a table
// of the post's holders by country made the first time a document asks for them.
func (kb *KB) postTerms(c postClass, country string) []roleTerm {
	if len(country) != 3 {
		return nil // (the country of every term is a code of three letters)
	}
	row := &kb.postRows[c.row]
	row.holdersOnce.Do(func() {
		desc := kb.postHeads[c.head][c.i]
		row.holders = map[uint32][]roleTerm{}
		for _, ct := range kb.headTerms[c.head] {
			var out []roleTerm
			for _, h := range ct.terms {
				if kb.roleMatch(desc, h.t.Role) {
					out = append(out, h.withDates())
				}
			}
			if out != nil {
				row.holders[ct.country] = out
			}
		}
	})
	return row.holders[codeKey(country)]
}

// Explanation says how a name resolves on a date, and why.
type Explanation struct {
	Text    string // the mention as found
	Country string // the resolution
	Sector  string
	Name    string
	Role    string
	Learned bool
	Reasons []string // each step, in words
	Matches []string // the dictionary entries the words matched, with file:line
}

// Who resolves a name or phrase ("Rouhani", "the Syrian president", "Iranian lawmaker Ali
// Motahari") as a sentence of its own, on date ("" when unknown), and says why.
func (kb *KB) Who(name, date string) []Explanation {
	d := kb.NewDoc(date)
	s := name + " said."
	toks := text.AppendTokens(nil, s, 0)
	var out []Explanation
	for _, m := range d.Mentions(toks) {
		e := Explanation{Text: m.Text, Country: m.Country, Sector: m.Sector, Name: m.Name, Role: m.Role, Learned: m.Learned}
		for i := m.First; i < m.Last; {
			if c := d.lookup(toks, i); c != nil {
				p := c.p
				e.Matches = append(e.Matches, fmt.Sprintf("%q: %s (%s)", strings.Join(p.toks, " "), kindName(p.entry.Kind), p.entry.Where))
				i += len(p.toks)
				continue
			}
			i++
		}
		if m.Person != nil {
			for _, t := range m.Person.Terms {
				end := t.End
				if end == "" {
					end = "today"
				}
				e.Reasons = append(e.Reasons, fmt.Sprintf("%s: %s %s %s from %s to %s (%s)", m.Person.Name, t.Country, t.Sector, t.Role, t.Start, end, t.Where))
			}
			t, held := m.Person.At(date)
			switch {
			case m.Learned:
				e.Reasons = append(e.Reasons, "learned from the text: country and sector from the words around the name")
			case date == "":
				e.Reasons = append(e.Reasons, fmt.Sprintf("no date: the latest office, %s %s", t.Country, t.Role))
			case held:
				e.Reasons = append(e.Reasons, fmt.Sprintf("on %s in office as %s %s", date, t.Country, t.Role))
			case !before(m.Person.Terms[0].Start, date):
				e.Reasons = append(e.Reasons, fmt.Sprintf("on %s before any office the knowledge base knows: the sector only from the text", date))
			default:
				e.Reasons = append(e.Reasons, fmt.Sprintf("on %s not in office: a former official (ELI), last %s %s", date, t.Country, t.Role))
			}
			if m.Sector != t.Sector && !m.Learned && (held || date == "") {
				e.Reasons = append(e.Reasons, fmt.Sprintf("the text's title says %s", m.Sector))
			}
		}
		out = append(out, e)
	}
	return out
}

func kindName(k Kind) string {
	switch k {
	case KindCountry:
		return "state"
	case KindCapital:
		return "capital or seat of power"
	case KindDemonym:
		return "demonym"
	case KindOrg:
		return "organisation"
	case KindOffice:
		return "office"
	case KindGroup:
		return "group"
	case KindTitle:
		return "title"
	case KindPerson:
		return "person"
	}
	return "?"
}
