package event

// This file finds the source of an act: the subject of its clause, the speaker of reported
// speech, the agent of a passive verb.

import (
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/text"
)

// clauseInitial reports whether mention m may be a subject: it is not the object of a verb or a
// preposition. Words before it are read back to the start of its clause: determiners, numbers
// and adjectives ("Tens of thousands of university students") are passed over.
func (sc *sentenceCtx) clauseInitial(m *actor.Mention) bool {
	if m.Adjective {
		return false
	}
	if m.Pronoun && m.Text != "he" && m.Text != "He" && m.Text != "she" && m.Text != "She" && m.Text != "they" && m.Text != "They" {
		return false
	}
	if m.Possessive {
		// Iran's readiness: a possessor is not the subject
		return false
	}
	for i, steps := m.First-1, 0; i >= 0 && steps < 8; i, steps = i-1, steps+1 {
		t := sc.toks[i]
		w := t.Lower
		switch {
		case w == "," && i+1 < len(sc.toks) && (sc.toks[i+1].Lower == "a" || sc.toks[i+1].Lower == "an"):
			return false // "Pakistan, a key U.S. ally, …": an apposition, not a subject
		case sc.is(i, clauseOpenerWord) || w == "\u201c" || w == "'" || w == "``":
			return true
		case sc.said(i) && !sc.is(i, tellVerbWord):
			return true // Assad said Syria …: the subject of the reported clause
		case sc.is(i, tellVerbWord):
			return false // "Sisi told reporters": whom one tells is an object
		case w == "of":
			// tens of thousands of students, a group of diplomats: go on; the unity of Iraq: stop
			if i == 0 || !sc.is(i-1, quantityWord) {
				return false
			}
		case text.IsNumber(t) || sc.is(i, numberWord) && w != "a" && w != "an":
			// "at least 40 people": the number of the phrase, go on
		case (w == "least" || w == "than") && i+1 < len(sc.toks) && (text.IsNumber(sc.toks[i+1]) || sc.is(i+1, numberWord)):
			if i > 0 && (sc.toks[i-1].Lower == "at" || sc.toks[i-1].Lower == "more" || sc.toks[i-1].Lower == "fewer" || sc.toks[i-1].Lower == "less") {
				i-- // "at least", "more than"
			}
		case sc.is(i, prepositionWord) && i+1 < len(sc.toks) && text.IsNumber(sc.toks[i+1]):
			// up to 1,000 ethnic Turks, about 200 supporters: a quantity, go on
		case w == "'s" && i > 0 && sc.mentionAt(i-1) != nil:
			// Iran's religious leader: the possessor is part of the phrase
			i = sc.mentionAt(i - 1).First
		case sc.is(i, weekdayWord):
			if i > 0 && sc.toks[i-1].Lower == "on" {
				i-- // "said on Tuesday their forces had…": a time, not a preposition of the actor
			}
		case i >= 2 && sc.toks[i-1].Lower == "-" && sc.mentionAt(i-2) == nil:
			i -= 2 // "Iranian-backed militants", "well-armed rebels": one adjective
		case sc.is(i, prepositionWord) || sc.blocked[i]:
			// (an actor: a blocked token other than a comma, which opens a clause, above)
			return false
		case sc.isVerbish(i):
			// "Newly appointed Palestinian Prime Minister …": a participle opening the sentence
			w := sc.toks[i].Lower
			return i <= 1 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !sc.anyPreposition(0, m.First)
		}
	}
	return m.First-8 <= 0
}
func (sc *sentenceCtx) anyPreposition(i, j int) bool {
	for k := i; k < j; k++ {
		if sc.is(k, prepositionWord) {
			return true
		}
	}
	return false
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}
var quantity = map[string]bool{"thousands": true, "hundreds": true, "dozens": true, "tens": true,
	"group": true, "groups": true, "number": true, "members": true, "member": true, "some": true,
	"millions": true, "scores": true, "delegation": true, "team": true, "most": true, "many": true,
	"all": true, "each": true, "both": true, "leaders": true, "supporters": true, "one": true, "two": true,
	"third": true, "half": true, "quarter": true, "majority": true, "part": true, "rest": true,
	"deployment": true, "contingent": true, "batch": true, "detachment": true, "convoy": true,
	"unit": true, "units": true, "column": true, "wave": true}

// isVerbish reports a token that is likely a verb: an event phrase, a speech verb, or a past
// tense or participle ending.
func (sc *sentenceCtx) isVerbish(i int) bool {
	t := sc.toks[i]
	if t.IsCapitalized() {
		return false
	}
	w := t.Lower
	if w == "'s" && i > 0 && sc.toks[i-1].IsCapitalized() {
		return false // Laden's: a possessive, not "is"
	}
	if sc.is(i, beFormWord) || w == "has" || w == "have" || w == "had" {
		return true
	}
	if sc.lex[i] != nil && sc.lex[i].verb {
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !sc.is(i, adjectiveEdWord)
}

var adjectiveEd = map[string]bool{"armed": true, "united": true, "alleged": true, "detained": true,
	"wounded": true, "displaced": true, "ruling": true, "leading": true, "occupied": true,
	"unidentified": true, "suspected": true, "so-called": true, "advanced": true, "interim": true,
	"neighboring": true, "neighbouring": true, "opposing": true, "warring": true, "retired": true,
	"elected": true, "exiled": true, "jailed": true, "governing": true, "outgoing": true, "incoming": true,
	"visiting": true, "striking": true, "protesting": true, "fighting": true, "unnamed": true}

// subject finds the source of tr: the nearest clause-opening actor before it; for a participle
// after a comma ("…, hailing X") the sentence's first subject; for a verbal act in reported
// speech of the same state, the speaker.
func (sc *sentenceCtx) subject(tr *trigger) *actor.Mention {
	first := tr.m.first
	// a possessor right before a noun trigger: Assad's letter to Khamenei
	if tr.m.p.form == formNone && first >= 2 && sc.toks[first-1].Lower == "'s" {
		if m := sc.mentionAt(first - 2); m != nil {
			return m
		}
	}
	// "Palestinian riots", "Israeli air strikes": a state's adjective right before a noun
	if first > 0 && tr.m.p.form != formPast && tr.m.p.form != formBase {
		if m := sc.mentionAt(first - 1); m != nil && m.Adjective && m.Last == first {
			return m
		}
	}
	if m := sc.pronounSubject(first); m != nil {
		return m
	}
	if m := sc.relativeSubject(first); m != nil {
		return m
	}
	{
		// "… as talks stall", "while negotiations continue": a noun that opens a clause of its own
		// has no subject before it
		k := first - 1
		for k >= 0 && sc.is(k, skippableWord) {
			k--
		}
		if k >= 0 && sc.is(k, subordinatorWord) && tr.m.p.form != formIng {
			return nil // ("told reporters after meeting Burhan": a gerund's subject is the clause's)
		}
	}
	if tr.m.p.form == formIng && first > 1 {
		// "with Oman's foreign minister shuttling between the two": the actor before the gerund
		if m := sc.mentionAt(first - 1); m != nil && m.First > 0 && sc.toks[m.First-1].Lower == "with" {
			return m
		}
	}
	participle := tr.m.p.form == formIng && first > 0 && sc.toks[first-1].Lower == ","
	var cands []*actor.Mention
	for _, m := range sc.mentions {
		if m.Last > first {
			break
		}
		if sc.clauseInitial(m) {
			cands = append(cands, m)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	if participle {
		return cands[0]
	}
	subj := cands[len(cands)-1]
	if f := tr.m.p.form; f == formPast || f == formS {
		// "police fired tear gas as hundreds of thousands marched": a finite verb after a
		// subordinator with no actor between has a subject of its own, not an actor
		for k := subj.Last; k < first; k++ {
			if sc.is(k, clauseStartWord) || sc.toks[k].Lower == "because" {
				return nil
			}
		}
	}
	if subj.Person == nil && !subj.Pronoun {
		// the speaker speaks for the state: "Boroujerdi … affirming that the Islamic Republic would"
		for _, c := range cands[:len(cands)-1] {
			if c.Person != nil && c.Country == subj.Country && verbal.has(tr.typ) {
				return c
			}
		}
	}
	// reported speech: "Assad said Syria supports Iran" has Assad as source ("… said the two
	// sides agreed": the two sides)
	if verbal.has(tr.typ) && len(cands) > 1 && !sc.bothSides(subj) {
		said := sc.lastSpeech(subj.First) // (one pass for all the candidates)
		for k := len(cands) - 2; k >= 0; k-- {
			sp := cands[k]
			if said >= sp.Last && (sp.Country == subj.Country || subj.Country == "") {
				return sp
			}
		}
	}
	return subj
}

// auxiliaries stand between a subject and its verb: "it would allow", "they had not".
var auxiliaries = map[string]bool{"will": true, "would": true, "had": true, "has": true, "have": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "not": true,
	"also": true, "now": true, "could": true, "can": true, "may": true, "might": true, "must": true,
	"should": true, "shall": true, "already": true, "still": true, "never": true, "'ll": true,
	"'d": true, "n't": true, "did": true, "do": true, "does": true, "finally": true, "soon": true}

// pronounSubject resolves "it" or "they" as the subject of the verb at token first, in a clause
// reported by an actor ("Iraq said it would allow…", "the rebels said they will release…"): the
// actor that speaks.
func (sc *sentenceCtx) pronounSubject(first int) *actor.Mention {
	k := first - 1
	for k >= 0 && sc.is(k, auxiliaryWord) {
		k--
	}
	if k < 1 {
		return nil
	}
	if w := sc.toks[k].Lower; w != "it" && w != "they" || sc.mentionAt(k) != nil {
		return nil
	}
	// the speech verb right before, or before "that" and a time ("announced yesterday that they")
	said := sc.said(k - 1)
	if !said && sc.toks[k-1].Lower == "that" {
		for j := k - 2; j >= 0 && j >= k-5 && !said; j-- {
			if sc.mentionAt(j) != nil || sc.toks[j].Lower == "," {
				break
			}
			said = sc.said(j)
		}
	}
	if !said {
		return nil
	}
	var speaker *actor.Mention
	for _, m := range sc.mentions {
		if m.Last > k {
			break
		}
		if sc.clauseInitial(m) && m.Person == nil && !m.Pronoun {
			speaker = m
		}
	}
	return speaker
}

// relativeSubject resolves "which" or "who" as the subject of the verb at token first: the actor
// right before it ("Macedonia, which is preparing a major offensive").
func (sc *sentenceCtx) relativeSubject(first int) *actor.Mention {
	k := first - 1
	for k >= 0 && sc.is(k, auxiliaryWord) {
		k--
	}
	if k < 1 || sc.toks[k].Lower != "which" && sc.toks[k].Lower != "who" {
		return nil
	}
	k--
	if sc.toks[k].Lower == "," && k > 0 {
		k--
	}
	if m := sc.mentionAt(k); m != nil && m.Last == k+1 && !m.Pronoun {
		return m
	}
	return nil
}

// speakerFor applies coding guideline 8 to a verbal act: when its source is a state named as a
// whole ("Iran's readiness", "the Islamic Republic would") and a person of that state speaks in the
// sentence, the person is the source.
func (sc *sentenceCtx) speakerFor(src *actor.Mention, tr *trigger) *actor.Mention {
	if src == nil || src.Person != nil || src.Pronoun || !verbal.has(tr.typ) {
		return src
	}
	for _, m := range sc.mentions {
		if m.First >= src.First {
			break
		}
		if m.Person != nil && m.Country == src.Country && sc.clauseInitial(m) {
			return m
		}
	}
	if a := sc.attribution(tr); a != nil && a.Person != nil && a.Country == src.Country {
		return a
	}
	return src
}

// speechBetween reports a speech verb among tokens i to j-1.
func (sc *sentenceCtx) speechBetween(i, j int) bool {
	for k := i; k < j && k < len(sc.toks); k++ {
		if sc.said(k) {
			return true
		}
	}
	return false
}

// lastSpeech returns the last speech verb before token j, or -1: speechBetween(i, j) is
// lastSpeech(j) >= i, for a caller that asks it of many i.
func (sc *sentenceCtx) lastSpeech(j int) int {
	for k := min(j, len(sc.toks)) - 1; k >= 0; k-- {
		if sc.said(k) {
			return k
		}
	}
	return -1
}

// tellVerbs are speech verbs with an object, the one told: "told reporters", "assured Iran".
var tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true,
	"assured": true, "assures": true, "informed": true, "informs": true, "reminded": true}

// beBefore reports a form of "be" just before token i (allowing an adverb).
func (sc *sentenceCtx) beBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if sc.is(k, beFormWord) {
			return true
		}
		if sc.mentionAt(k) != nil || sc.toks[k].Lower == "," {
			return false
		}
	}
	return false
}

// reducedPassive reports a past participle right after an actor and before a preposition, with
// no "be": "companies in China accused of helping Moscow", "three soldiers killed in an ambush".
func (sc *sentenceCtx) reducedPassive(tr *trigger) bool {
	if tr.m.first == 0 || tr.m.last >= len(sc.toks) || sc.mentionAt(tr.m.first-1) == nil {
		return false
	}
	if strings.Contains(tr.m.p.text, " ") {
		return false // a phrase with its own object
	}
	// only verbs that are never intransitive: "Kurds demonstrated in Kirkuk" is active
	switch w := sc.toks[tr.m.first].Lower; tr.m.p.rule.Type {
	case "ACCUSE", "COERCE":
	case "ASSAULT":
		if w != "killed" && w != "wounded" && w != "injured" && w != "abducted" && w != "kidnapped" {
			return false
		}
	default:
		return false
	}
	switch sc.toks[tr.m.last].Lower {
	case "of", "for", "in", "by", "over", "after", "during", "on":
		return true
	}
	return false
}

// byAgent returns the actor right after the "by" that follows a passive verb.
func (sc *sentenceCtx) byAgent(i int) *actor.Mention {
	// "has been accused of misusing public funds, much of it …, by current Haitian government
	// officials": the first "by" of the clause, however far
	for k := i; k < len(sc.toks) && k < i+25 && sc.toks[k].Lower != ";"; k++ {
		if sc.toks[k].Lower == "by" {
			for _, m := range sc.mentions {
				if m.First > k && m.First <= k+3 {
					return m
				}
			}
			return nil
		}
	}
	return nil
}

// attribution finds the speaker of a sentence that reports speech after the act: `…," the Iranian
// lawmaker said` or `…, said President al-Assad`.
func (sc *sentenceCtx) attribution(tr *trigger) *actor.Mention {
	opens := func(i int) bool { // a comma or a closing quote before the attribution
		if i < 0 {
			return false
		}
		w := sc.toks[i].Lower
		return w == "," || w == "\"" || w == "\u201d" || w == "'" || w == "''"
	}
	for _, m := range sc.mentions {
		if m.First < tr.m.last || m.Pronoun && m.Text != "he" && m.Text != "she" {
			continue
		}
		start := m.First
		for start > 0 && sc.is(start-1, skippableWord) {
			start--
		}
		// `…," the Iranian lawmaker said` / `…, officials said Thursday`
		if m.Last < len(sc.toks) && sc.said(m.Last) && opens(start-1) {
			return m
		}
		// `…," said President al-Assad`
		if start > 1 && sc.said(start-1) && opens(start-2) {
			return m
		}
	}
	return nil
}
