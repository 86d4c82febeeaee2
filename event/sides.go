package event

// This file handles compound actors and the sides of a meeting: lists, partners, "the two
// sides", counterparts.

import (
	"bytes"
	"strings"

	"github.com/dyad-events/dyad/actor"
)

func indexCountry(ms []*actor.Mention, m *actor.Mention) int {
	for i, x := range ms {
		if x.Country == m.Country && x.Person == nil && m.Person == nil {
			return i
		}
	}
	return -1
}

// sameActor reports whether a and b name one actor: the same person or organisation by name, or
// the same country and sector. A missing actor (nil) is no one's match. (Not inlined: its string comparisons, copied into each of the
// dozen places that ask, made code's machine code bigger than the instruction cache holds well.)
//
//go:noinline
func sameActor(a, b *actor.Mention) bool {
	if a == nil || b == nil {
		return false
	}
	if a.Name != "" && a.Name == b.Name {
		return true
	}
	return a.Country == b.Country && a.Sector == b.Sector && (a.Name == "" || b.Name == "")
}

// near reports a source close before its act, in the same clause: "the Fijian rebels said they
// will release" (through the pronoun), "the APEC forum has agreed".
func (sc *sentenceCtx) near(src *actor.Mention, tr *trigger) bool {
	if src.Last >= tr.m.first-4 {
		return true
	}
	if sc.pronounSubject(tr.m.first) == src {
		return true
	}
	for _, m := range sc.mentions {
		// "the minister said Vietnam is committed to…": the speaker's state right before the act
		if m.Last <= tr.m.first && m.Last >= tr.m.first-4 && m.Country == src.Country && sc.clauseInitial(m) {
			return true
		}
	}
	if src.Last < tr.m.first-8 || sc.speechBetween(src.Last, tr.m.first) || sc.hasBreak(src.Last, tr.m.first) {
		return false
	}
	for k := src.Last; k < tr.m.first; k++ {
		if sc.toks[k].Lower == "," {
			return false
		}
	}
	return true
}

// partner returns the other member of a compound subject "X and Y".
func (sc *sentenceCtx) partner(src *actor.Mention) *actor.Mention {
	for k, m := range sc.mentions {
		if m != src {
			continue
		}
		if k+1 < len(sc.mentions) && sc.coordinated(m, sc.mentions[k+1]) {
			return sc.mentions[k+1]
		}
		if k > 0 && sc.coordinated(sc.mentions[k-1], m) {
			return sc.mentions[k-1]
		}
	}
	return nil
}

// conjuncts appends to dst the members of the coordinated phrase m belongs to ("Iran, Russia
// and Turkey"), or just m. (Callers give it a small array of their own, most phrases being one
// actor, rather than allocating for each.)
func (sc *sentenceCtx) conjuncts(dst []*actor.Mention, m *actor.Mention) []*actor.Mention {
	k := -1
	for i, x := range sc.mentions {
		if x == m {
			k = i
		}
	}
	if k < 0 {
		return append(dst, m)
	}
	first := k
	for first > 0 && sc.listed(sc.mentions[first-1], sc.mentions[first]) {
		first--
	}
	last := k
	for last+1 < len(sc.mentions) && sc.listed(sc.mentions[last], sc.mentions[last+1]) {
		last++
	}
	if first == last || !sc.coordinated(sc.mentions[last-1], sc.mentions[last]) {
		return append(dst, m)
	}
	out := dst
	for _, x := range sc.mentions[first : last+1] {
		if x.Country != "" && indexCountry(out[len(dst):], x) < 0 {
			out = append(out, x)
		}
	}
	return out
}

// listed reports "a, b" or "a and b".
func (sc *sentenceCtx) listed(a, b *actor.Mention) bool {
	if a.Pronoun || b.Pronoun || b.First <= a.Last {
		return false
	}
	for k := a.Last; k < b.First; k++ {
		if w := sc.toks[k].Lower; w != "," && w != "and" && !sc.is(k, skippableWord) {
			return false
		}
	}
	return true
}

// coordinated reports "a and b" (with determiners: "Israel and the Palestinians").
func (sc *sentenceCtx) coordinated(a, b *actor.Mention) bool {
	if a.Pronoun || b.Pronoun || b.First <= a.Last {
		return false
	}
	and := false
	for k := a.Last; k < b.First; k++ {
		switch w := sc.toks[k].Lower; {
		case w == "and":
			and = true
		case !sc.is(k, skippableWord):
			return false
		}
	}
	return and
}

// bothSides reports a mention of "the two sides", "both countries".
func (sc *sentenceCtx) bothSides(m *actor.Mention) bool {
	if m == nil || m.Country != "" && m.Person == nil && !m.Group || sc.st.lastMeet[0] == nil {
		return false // (with no meeting told of, there are no sides to stand for)
	}
	// every phrase below ends in o or s, and only O, o, S and s lower-case to either: most
	// mentions are ruled out without lower-casing their text
	if n := len(m.Text); n == 0 || m.Text[n-1]|0x20 != 'o' && m.Text[n-1]|0x20 != 's' {
		return false
	}
	// with the word before it, for a mention of this sentence (not of one before)
	here := m.First > 0 && m.First <= len(sc.toks) && sc.mentionAt(m.First) == m
	before := ""
	if here {
		before = sc.toks[m.First-1].Lower
	}
	var buf [bothSidesTail]byte
	tail, ok := lowerTail(&buf, here, before, m.Text)
	if !ok {
		// (a mention with other than ASCII at its end, which lower-cases by Unicode's rules)
		t := strings.ToLower(m.Text)
		if here {
			t = before + " " + t
		}
		tail = []byte(t)
	}
	if !twoOrBothBefore(tail) {
		return false // (as most mentions: their last word follows no "two" or "both")
	}
	for _, w := range bothSidesPhrases {
		if hasSuffix(tail, w) {
			return sc.st.lastMeet[0] != nil
		}
	}
	return false
}

// twoOrBothBefore reports whether phrase ends in "two", or its last word follows "two" or "both":
// true of every phrase that ends in one of bothSidesPhrases.
func twoOrBothBefore(phrase []byte) bool {
	if hasSuffix(phrase, "two") {
		return true
	}
	i := bytes.LastIndexByte(phrase, ' ')
	return i >= 0 && (hasSuffix(phrase[:i], "two") || hasSuffix(phrase[:i], "both"))
}

func hasSuffix(b []byte, suffix string) bool {
	return len(b) >= len(suffix) && string(b[len(b)-len(suffix):]) == suffix
}

// bothSidesPhrases are the ends of a mention (with the word before it) that bothSides looks for.
var bothSidesPhrases = []string{"two sides", "both sides", "two countries", "both countries", "two leaders",
	"two officials", "two ministers", "two presidents", "both leaders", "two delegations",
	"both delegations", "two governments", "both governments", "two neighbours", "two neighbors",
	"two"}

// bothSidesTail is the length of the longest of bothSidesPhrases: as much of the end of a mention
// as bothSides needs.
const bothSidesTail = 16

// lowerTail writes to buf the last len(buf) bytes (or fewer, when shorter) of before + " " +
// strings.ToLower(text), or of strings.ToLower(text) when not joined, and returns them, without
// allocating. It reports false, and writes nothing, when the bytes of text it would lower-case are
// not all ASCII (a letter outside ASCII may lower-case to another length, or to an ASCII letter).
func lowerTail(buf *[bothSidesTail]byte, joined bool, before, text string) ([]byte, bool) {
	n := min(len(text), len(buf))
	for i := len(text) - n; i < len(text); i++ {
		if text[i] >= 0x80 {
			return nil, false
		}
	}
	k := len(buf)
	for i := len(text) - 1; i >= len(text)-n; i-- {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k--
		buf[k] = c
	}
	if n == len(text) && joined && k > 0 {
		k--
		buf[k] = ' '
		for i := len(before) - 1; i >= 0 && k > 0; i-- {
			k--
			buf[k] = before[i]
		}
	}
	return buf[k:], true
}

// expand appends to dst m, or both sides of the latest meeting for "the two sides".
func (sc *sentenceCtx) expand(dst []*actor.Mention, m *actor.Mention) []*actor.Mention {
	if sc.bothSides(m) {
		return append(dst, sc.st.lastMeet[:]...)
	}
	return append(dst, m)
}

// counterpart returns the other side of the latest meeting when m was one side of it.
func (st *docState) counterpart(m *actor.Mention) *actor.Mention {
	a, b := st.lastMeet[0], st.lastMeet[1]
	switch {
	case a == nil || b == nil:
		return nil
	case keyOf(a) == keyOf(m):
		return b
	case keyOf(b) == keyOf(m):
		return a
	}
	return nil
}

// expandList appends to dst m and the actors coordinated with it: "the United States, the
// Zionist regime and their regional allies".
func (sc *sentenceCtx) expandList(dst []*actor.Mention, m *actor.Mention) []*actor.Mention {
	out := append(dst, m)
	base := len(dst) // out[base:] are the actors of the list
	cur := m
	for {
		var next *actor.Mention
		for _, n := range sc.mentions {
			if n.First > cur.Last {
				next = n
				break
			}
		}
		if next == nil {
			return out
		}
		ok := true
		for k := cur.Last; k < next.First; k++ {
			w := sc.toks[k].Lower
			// "Khamenei as well as the Iranian government": a person and a state, two actors;
			// ", a spokeswoman for…": an apposition or a reporter, not a member of the list
			if w != "," && w != "and" && w != "or" && !sc.is(k, skippableWord) && !(w == "as" || w == "well") || w == "a" || w == "an" {
				ok = false
			}
		}
		if sc.toks[cur.Last].Lower == "as" && (cur.Last+1 >= len(sc.toks) || sc.toks[cur.Last+1].Lower != "well") {
			ok = false // "hit Kyiv as Zelensky meets…": "as" opens a clause, unless "as well as"
		}
		if w := sc.toks[next.First].Lower; w == "a" || w == "an" {
			ok = false
		}
		if !ok || next.First == cur.Last {
			return out
		}
		if sc.reports(next) {
			return out // "…from armed groups, the Israeli army said": the reporter ends the list
		}
		cur = next
		if next.Country == "" {
			continue
		}
		if same := indexCountry(out[base:], next); same >= 0 {
			// the Iranian nation and the Islamic Republic: one actor, the state (guideline 11)
			if next.Sector == "GOV" && next.Person == nil && out[base+same].Person == nil {
				out[base+same] = next
			}
			continue
		}
		out = append(out, next)
	}
}
