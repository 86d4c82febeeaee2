package actor

import "strings"

// At returns the term this person held on date (YYYY-MM-DD; "" for unknown) and whether the
// person held it then. With no date it returns the latest term. Past a person's last term it
// returns that term with held false: a former official.
func (p *Person) At(date string) (Term, bool) {
	if len(p.Terms) == 0 {
		return Term{}, false
	}
	if date == "" {
		// the latest, preferring a current term
		best := p.Terms[len(p.Terms)-1]
		for _, t := range p.Terms {
			if t.End == "" {
				best = t
			}
		}
		return best, true
	}
	var held []Term
	for _, t := range p.Terms {
		if covers(t, date) {
			held = append(held, t)
		}
	}
	if len(held) > 0 {
		// the highest-ranking post held that day: head of state or government before ministers
		best := held[0]
		for _, t := range held[1:] {
			if rank(t.Role) < rank(best.Role) {
				best = t
			}
		}
		return best, true
	}
	// not in office that day: the nearest term, as a former (or future) official
	nearest := p.Terms[0]
	for _, t := range p.Terms {
		if before(t.Start, date) {
			nearest = t
		}
	}
	return nearest, false
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
	var found *Person
	for _, p := range kb.holders[country] {
		for _, t := range p.Terms {
			if t.Country == country && RoleMatch(role, t.Role) && covers(t, date) {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}
