package event

import (
	"math"
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/text"
)

// trigger is a pattern found in a sentence, with what its context says about it.
type trigger struct {
	m          *match
	start, end int // byte offsets
	negated    bool
	intended   string   // for a promise or threat: the type of the act promised
	threat     bool     // an intent to use force: THREATEN rather than AGREE
	framed     bool     // the content of a framing phrase, not coded on its own
	content    *trigger // for a framing phrase: the act it frames
	as         *Rule    // the rule the act is coded by when not its pattern's (see recode)
	future     bool     // said with "will" or "would": an act still to come
}

// rule returns the rule tr is coded by.
func (tr *trigger) rule() *Rule {
	if tr.as != nil {
		return tr.as
	}
	return tr.m.p.rule
}

// Words that bound or open a clause, for finding a verb's subject.
var clauseOpeners = map[string]bool{",": true, "and": true, "but": true, "that": true, "\"": true,
	"while": true, "when": true, "as": true, "after": true, "since": true, "then": true, ";": true,
	":": true, "-": true, "because": true, "who": true, "which": true, "also": true, "(": true,
	"whereas": true, "meanwhile": true, "today": true, "yesterday": true, "where": true}

var skippable = map[string]bool{"the": true, "a": true, "an": true, "both": true, "its": true,
	"their": true, "all": true}

var prepositions = map[string]bool{"in": true, "on": true, "at": true, "with": true, "of": true,
	"to": true, "for": true, "from": true, "by": true, "against": true, "between": true,
	"among": true, "into": true, "about": true, "over": true, "under": true, "via": true,
	"toward": true, "towards": true, "near": true, "than": true, "like": true, "including": true,
	"through": true, "across": true, "amid": true, "upon": true, "within": true, "without": true,
	"outside": true, "inside": true, "behind": true, "opposite": true}

var negators = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true,
	"nor": true, "without": true, "cannot": true}

var modals = map[string]bool{"will": true, "would": true, "'ll": true, "shall": true}

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true,
	"being": true, "be": true, "'s": true}

var locatives = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true}

// toCounterpart are the verbal acts that, naming no one, are addressed to the other side of
// the meeting where they are made (a call, praise, a promise); an accusation is not.
var toCounterpart = map[string]bool{"REQUEST": true, "SUPPORT": true, "AGREE": true}

// withEachOther are the acts a compound subject does with each other when it names no one else
// ("Czechia and Albania upgraded their ties", "failed to reach an agreement"); other acts go to a
// third party, or to no one ("the United States and Britain urged restraint", "Canada and the EU
// announced sanctions").
var withEachOther = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true, "SUPPORT": true,
	"REJECT": true}

// ownForces are the acts done with the source's own forces: their target is the other state
// named, wherever ("strengthened its forces in Lebanon", "withdrew troops from Panama").
var ownForces = map[string]bool{"MOBILIZE": true, "RETREAT": true, "AID": true}

// placeTargets are the material acts whose target, when no actor is named, is the people of
// the place where they happen.
var placeTargets = map[string]bool{"THREATEN": true, "COERCE": true, "ASSAULT": true, "SANCTION": true, "CONCEDE": true, "RETREAT": true,
	"AID": true}

// targetOptional types are coded without a target when none is named (PLOVER allows it): a
// promise ("promised to democratize the country"), a deployment.
var targetOptional = map[string]bool{"AGREE": true, "MOBILIZE": true, "RETREAT": true}

// violent types turn an intent into a threat (formats.md: a declared intent to use force).
var violent = map[string]bool{"ASSAULT": true, "COERCE": true, "MOBILIZE": true}

// verbal types are acts of speech: their source is the speaker.
var verbal = map[string]bool{"SUPPORT": true, "ACCUSE": true, "REQUEST": true, "REJECT": true,
	"AGREE": true, "THREATEN": true, "CONCEDE": true}

func (st *docState) sentence(idx int, s text.Sentence) {
	st.toks = text.AppendTokens(st.toks[:0], s.Text, s.Start) // reused: kept by nothing
	toks := st.toks
	// the dateline opens the first sentence, or the first after a heading ("KHARTOUM, May 3 -")
	if idx == 0 || idx <= 2 && len(toks) > 2 && (toks[1].Lower == "," || toks[1].Lower == "(") && len(toks[0].Text) > 2 && toks[0].Text == strings.ToUpper(toks[0].Text) {
		toks = toks[text.Dateline(toks):]
	}
	if len(toks) == 0 {
		return
	}
	st.contexts.add(toks)
	mentions := st.actors.Mentions(toks)
	blocked := make([]bool, len(toks))
	for _, m := range mentions {
		for i := m.First; i < m.Last; i++ {
			blocked[i] = true
		}
	}
	// triggers, longest first from the left, never inside an actor mention
	var trs []*trigger
	for i := 0; i < len(toks); {
		if blocked[i] {
			i++
			continue
		}
		if m := st.c.Patterns.find(toks, i, blocked); m != nil {
			if background(toks, m) || dateWord(toks, m.first) {
				i++
				continue
			}
			trs = append(trs, &trigger{m: m, start: toks[m.first].Start, end: toks[m.last-1].End})
			i = m.last
			continue
		}
		i++
	}
	sc := &sentenceCtx{st: st, toks: toks, mentions: mentions}
	if st.trace != nil {
		st.note("sentence %d: %s", idx, s.Text)
		var words []string
		for _, t := range toks {
			words = append(words, t.Text)
		}
		st.note("  tokens: %s", strings.Join(words, " | "))
		for _, m := range mentions {
			how := "from the dictionaries"
			switch {
			case m.Pronoun:
				how = "a pronoun for the person last spoken of"
			case m.Learned:
				how = "learned from the text"
			case m.Person != nil && m.Name != "" && !sharesWord(m.Text, m.Name):
				how = "a description of the post holder"
			}
			st.note("  actor %q -> %s%s %s (%s)", m.Text, m.Country, m.Sector, m.Name, how)
		}
	}
	for k, tr := range trs {
		sc.context(tr, trs[k+1:])
	}
	for _, tr := range trs {
		st.note("  phrase %q = %s %s (%s)", st.doc.Text[tr.start:tr.end], tr.m.p.rule.Type, tr.m.p.rule.Mode, tr.m.p.rule.Where)
	}
	if len(trs) == 0 {
		return // nothing to code, no topics to mark
	}
	topic := sc.topics(blocked, trs)
	sc.topic = topic
	var prevSubj *actor.Mention
	var prev *trigger
	prevEnd := 0
	for _, tr := range trs {
		// a charge in a discussed topic is still a charge (guideline 9)
		if tr.framed {
			st.note("  - %q: not coded on its own: what the phrase before it frames (its intent)", st.doc.Text[tr.start:tr.end])
			continue
		}
		if topic[tr.m.first] && !tr.m.p.rule.Named && !sc.ownParticipants(tr) {
			st.note("  - %q: not coded: a topic of talks, a condition or a purpose", st.doc.Text[tr.start:tr.end])
			continue
		}
		// an act named inside the object of another act is part of it: "police prevented
		// the demonstration staged by students", "will never forget Iran's support"
		subj := sc.subject(tr)
		if prevEnd > 0 && !sc.joined(prevEnd, tr.m.first) && !tr.m.p.rule.Named &&
			(subj != nil && subj == prevSubj || tr.m.p.form == formNone) {
			st.note("  - %q: not coded: inside the object of the act before it", st.doc.Text[tr.start:tr.end])
			continue
		}
		// "sanctions against Russia, targeting companies in China": a participle after a comma
		// that describes the noun act before it, of another type
		if prev != nil && prev.m.p.form == formNone && tr.m.p.form == formIng && tr.m.first > 0 &&
			sc.toks[tr.m.first-1].Lower == "," && prev.m.p.rule.Type != tr.m.p.rule.Type && tr.m.first-prev.m.last <= 6 {
			st.note("  - %q: not coded: it describes the act before it", st.doc.Text[tr.start:tr.end])
			continue
		}
		before := len(st.events)
		sc.code(idx, s, tr)
		if len(st.events) == before {
			st.note("  - %q: no event: no actor to be its source, or no target for a type that needs one", st.doc.Text[tr.start:tr.end])
		}
		prevSubj, prevEnd, prev = subj, tr.m.last, tr
	}
}

// dateWord reports a month that reads like a verb in a date: "March 12", "12 March".
func dateWord(toks []text.Token, i int) bool {
	if w := toks[i].Lower; w != "march" && w != "may" || !toks[i].IsCapitalized() {
		return false
	}
	return i+1 < len(toks) && text.IsNumber(toks[i+1]) || i > 0 && text.IsNumber(toks[i-1])
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "our": true, "my": true, "your": true, "this": true, "that": true,
	"in": true, "of": true, "for": true, "with": true, "'s": true}

// usedAsVerb rejects a verb pattern whose first word stands as a noun: "in support of",
// "the attack" (the noun patterns of the file cover those uses).
func usedAsVerb(toks []text.Token, m *match) bool {
	if m.p.form == formNone || m.first == 0 {
		return true
	}
	prev := toks[m.first-1].Lower
	if prev == "-" {
		return false // foreign-backed, anti-terror fight
	}
	switch m.p.form {
	case formS:
		return !determiners[prev]
	case formBase:
		// a bare verb follows its subject, "to", a modal, a negation or an adverb
		return !determiners[prev] && (baseLicensors[prev] || strings.HasSuffix(prev, "ly") || !isWord(toks[m.first-1]) || toks[m.first-1].IsCapitalized())
	}
	return true
}

var baseLicensors = map[string]bool{"to": true, "will": true, "would": true, "shall": true, "should": true,
	"could": true, "can": true, "may": true, "might": true, "must": true, "not": true, "n't": true,
	"never": true, "also": true, "and": true, "or": true, "did": true, "do": true, "does": true,
	"they": true, "we": true, "i": true, "you": true, "further": true, "jointly": true, "'ll": true,
	"then": true, "still": true, "now": true, "again": true, "both": true, "all": true, "sides": true,
	"countries": true, "officials": true, "leaders": true, "forces": true, "troops": true, "rebels": true,
	"police": true, "demonstrators": true, "students": true, "workers": true,
	"soldiers": true, "authorities": true, "militias": true, "fighters": true, "insurgents": true,
	"militants": true, "protesters": true, "ministers": true, "states": true, "nations": true,
	"who": true, "which": true, "that": true, "let": true, "help": true}

var backgroundWords = map[string]bool{"during": true, "since": true, "amid": true, "despite": true,
	"following": true, "after": true, "before": true, "throughout": true}

// background reports a noun trigger set in a time phrase: "during the war on Syria".
func background(toks []text.Token, m *match) bool {
	if m.p.form != formNone && m.p.form != formIng {
		return false
	}
	// "in the fight against terrorism", "in its war on": the setting of another act
	if m.p.form == formNone && m.first >= 2 && toks[m.first-2].Lower == "in" && determiners[toks[m.first-1].Lower] {
		return true
	}
	for k := m.first - 1; k >= 0 && k >= m.first-3; k-- {
		if backgroundWords[toks[k].Lower] {
			// "after meeting Sudanese leader Burhan": a gerund right after after/before/since
			// tells of an act of its own; "during the war", "after the attack" set the scene
			w := toks[k].Lower
			return !(m.p.form == formIng && k == m.first-1 && (w == "after" || w == "before" || w == "since"))
		}
		if !skippable[toks[k].Lower] && !isAdjectiveLike(toks[k]) {
			return false
		}
	}
	return false
}

func isAdjectiveLike(t text.Token) bool {
	return !t.IsCapitalized() && (strings.HasSuffix(t.Lower, "al") || strings.HasSuffix(t.Lower, "ive") || strings.HasSuffix(t.Lower, "ous") || strings.HasSuffix(t.Lower, "ent") || strings.HasSuffix(t.Lower, "ic"))
}

// sharesWord reports whether text holds one of the words of name ("Wang" of "Wang Yi"): a
// mention by name rather than by description.
func sharesWord(text, name string) bool {
	t := strings.ToLower(text)
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if len(w) > 2 && strings.Contains(t, w) {
			return true
		}
	}
	return false
}

type sentenceCtx struct {
	st       *docState
	toks     []text.Token
	mentions []*actor.Mention
	topic    []bool // the tokens that name a topic of talks, not an act (see topics)
}

// context sets negation, intent and framing of tr; later are the triggers after it.
func (sc *sentenceCtx) context(tr *trigger, later []*trigger) {
	toks := sc.toks
	first := tr.m.first
	// negation and modals: up to four words before the trigger, not across an actor or comma
	for i := first - 1; i >= 0 && i >= first-4; i-- {
		w := toks[i].Lower
		if w == "," || sc.mentionAt(i) != nil {
			break
		}
		if negators[w] {
			tr.negated = true
		}
		if modals[w] {
			tr.future = true
		}
		if modals[w] && tr.m.p.rule.Type != "AGREE" && tr.m.p.rule.Type != "THREATEN" {
			tr.intended = tr.m.p.rule.Type
			tr.threat = violent[tr.intended]
		}
	}
	// "will provide 25,000 tons of food aid": a noun act that is the object of a future verb
	if tr.m.p.form == formNone && tr.intended == "" && tr.m.p.rule.Type != "AGREE" && tr.m.p.rule.Type != "THREATEN" {
		for i := first - 1; i >= 0 && i >= first-8; i-- {
			w := toks[i].Lower
			if w == "," || clauseOpeners[w] && w != "-" || sc.mentionAt(i) != nil || negators[w] {
				break
			}
			if modals[w] {
				tr.intended, tr.future = tr.m.p.rule.Type, true
				tr.threat = violent[tr.intended]
				break
			}
		}
	}
	// a framing phrase takes the act right after it as its content ("threatened to cut off",
	// "agreed to hold talks"), not one beyond a time phrase or a new clause
	if tr.m.p.rule.Frame && !tr.framed && len(later) > 0 {
		nx := later[0]
		if nx.m.first-tr.m.last <= 5 && !sc.hasBreak(tr.m.last, nx.m.first) && !sc.crossesPhrase(tr.m.last, nx.m.first) &&
			!sc.newPredicate(tr.m.last, nx.m.first+1) { // "rejected the accusations and accused…": two acts
			nx.framed = true
			tr.content = nx
			switch tr.m.p.rule.Type {
			case "AGREE":
				if nx.m.p.rule.Type != "AGREE" {
					tr.intended = nx.m.p.rule.Type
					tr.threat = violent[tr.intended]
				}
			case "THREATEN":
				tr.intended = nx.m.p.rule.Type
			}
		}
	}
	// "will withdraw its force unless…": an intent made conditional on the other side is a threat;
	// "may halt mediation efforts if cooperation founders": so is a hostile act made conditional
	if tr.intended != "" && sc.conditionAfter(tr.m.last, "unless") {
		tr.threat = true
	}
	if t := tr.m.p.rule.Type; hostile[t] && sc.conditionAfter(tr.m.last, "if") && sc.modalBefore(first) {
		tr.intended, tr.threat = t, true
	}
	// a promise framed without content is a promise to cooperate
	if tr.m.p.rule.Type == "AGREE" && tr.intended == "" && strings.Contains(tr.m.p.text, " to") {
		tr.intended = "COOPERATE"
	}
}

// topics marks the tokens that name a topic of talks rather than an act: from a topic phrase
// ("discussed", "the importance of", "congratulated X on") to the end of its clause.
func (sc *sentenceCtx) topics(blocked []bool, trs []*trigger) []bool {
	in := make([]bool, len(sc.toks))
	on := false
	// what someone is thanked, praised or congratulated for is a topic too
	thanks := map[int]bool{}
	for _, tr := range trs {
		if tr.m.p.rule.Type != "SUPPORT" {
			continue
		}
		for k := tr.m.last; k < len(sc.toks) && k < tr.m.last+12; k++ {
			if w := sc.toks[k].Lower; (w == "on" || w == "for" || w == "over") && sc.mentionAt(k) == nil {
				thanks[k] = true
				break
			}
		}
	}
	for i := 0; i < len(sc.toks); i++ {
		if thanks[i] {
			on = true
		}
		t := sc.toks[i].Lower
		if t == ";" || t == "\"" || t == "\u201c" || t == "\u201d" ||
			t == "," && i+1 < len(sc.toks) && (sc.st.c.Patterns.speech[sc.toks[i+1].Lower] || strings.HasSuffix(sc.toks[i+1].Lower, "ing") && sc.startsAct(i+1, trs)) ||
			(t == "and" || t == "but") && i+1 < len(sc.toks) && (sc.st.c.Patterns.speech[sc.toks[i+1].Lower] || sc.startsFiniteAct(i+1, trs)) {
			on = false
		}
		if !on {
			if end := sc.st.c.Patterns.topicAt(sc.toks, i, blocked); end > i {
				on = true
				i = end - 1
				continue
			}
		}
		in[i] = on
	}
	return in
}

// joined reports whether the words between two acts coordinate them ("killed three and wounded
// two", ", killing …") rather than embed the second in the first.
func (sc *sentenceCtx) joined(i, j int) bool {
	for k := i; k < j && k < len(sc.toks); k++ {
		switch w := sc.toks[k].Lower; {
		case w == "and" || w == "," || w == ";" || w == "but" || w == "then" || w == "while" || w == "as":
			return true
		case sc.st.c.Patterns.speech[w]:
			return true
		}
	}
	return false
}

// crossesPhrase reports a time or circumstance phrase between tokens i and j ("agreed to a
// ceasefire after two days of fighting").
func (sc *sentenceCtx) crossesPhrase(i, j int) bool {
	for k := i; k < j && k < len(sc.toks); k++ {
		if w := sc.toks[k].Lower; backgroundWords[w] || w == "," || w == "because" || w == "if" || w == "unless" {
			return true
		}
	}
	return false
}

// startsAct reports whether an event phrase starts at token i.
func (sc *sentenceCtx) startsAct(i int, trs []*trigger) bool {
	for _, tr := range trs {
		if tr.m.first == i {
			return true
		}
	}
	return false
}

// conditionAfter reports a clause opened by word ("unless", "if") after token i.
func (sc *sentenceCtx) conditionAfter(i int, word string) bool {
	for k := i; k < len(sc.toks); k++ {
		if sc.toks[k].Lower == word {
			return true
		}
	}
	return false
}

// hostile acts made conditional on the other side are threats.
var hostile = map[string]bool{"ASSAULT": true, "COERCE": true, "MOBILIZE": true, "SANCTION": true,
	"PROTEST": true}

// modalBefore reports a modal of intent or possibility up to four words before token i, within
// the clause: "will", "would", "may", "might", "could".
func (sc *sentenceCtx) modalBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := sc.toks[k].Lower
		if w == "," || sc.mentionAt(k) != nil {
			return false
		}
		if modals[w] || w == "may" || w == "might" || w == "could" {
			return true
		}
	}
	return false
}

// ownParticipants reports a meeting or letter named with its own participants ("Assad's letter
// to Khamenei"): a distinct act the speaker reports, coded even inside a topic (guideline 4).
func (sc *sentenceCtx) ownParticipants(tr *trigger) bool {
	first := tr.m.first
	return tr.m.p.rule.Type == "CONSULT" && tr.m.p.form == formNone && first >= 2 &&
		sc.toks[first-1].Lower == "'s" && sc.mentionAt(first-2) != nil
}

// startsFiniteAct reports a verb of an act in the past or present at token i: a new predicate
// ("… and condemned the presence of"), not a gerund that goes on with a list ("… and imposing
// sanctions").
func (sc *sentenceCtx) startsFiniteAct(i int, trs []*trigger) bool {
	for _, tr := range trs {
		if tr.m.first == i {
			return tr.m.p.form == formPast || tr.m.p.form == formS || tr.m.p.form == formParticiple
		}
	}
	return false
}

// hasBreak reports whether a clause ends between tokens i and j.
func (sc *sentenceCtx) hasBreak(i, j int) bool {
	for k := i; k < j && k < len(sc.toks); k++ {
		switch sc.toks[k].Lower {
		case ";", ".", "but", "while", "whereas":
			return true
		}
	}
	return false
}

func (sc *sentenceCtx) mentionAt(i int) *actor.Mention {
	for _, m := range sc.mentions {
		if m.First <= i && i < m.Last {
			return m
		}
	}
	return nil
}

// clauseInitial reports whether mention m may be a subject: it is not the object of a verb or a
// preposition. Words before it are read back to the start of its clause: determiners, numbers
// and adjectives ("Tens of thousands of university students") are passed over.
func (sc *sentenceCtx) clauseInitial(m *actor.Mention) bool {
	if m.Adjective {
		return false
	}
	if m.Pronoun && m.Text != "he" && m.Text != "He" && m.Text != "she" && m.Text != "She" {
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
		case clauseOpeners[w] || w == "\u201c" || w == "'" || w == "``":
			return true
		case sc.st.c.Patterns.speech[w] && !tellVerbs[w]:
			return true // Assad said Syria …: the subject of the reported clause
		case tellVerbs[w]:
			return false // "Sisi told reporters": whom one tells is an object
		case w == "of":
			// tens of thousands of students, a group of diplomats: go on; the unity of Iraq: stop
			if i == 0 || !quantity[sc.toks[i-1].Lower] {
				return false
			}
		case text.IsNumber(t) || numberWords[w] && w != "a" && w != "an":
			// "at least 40 people": the number of the phrase, go on
		case (w == "least" || w == "than") && i+1 < len(sc.toks) && (text.IsNumber(sc.toks[i+1]) || numberWords[sc.toks[i+1].Lower]):
			if i > 0 && (sc.toks[i-1].Lower == "at" || sc.toks[i-1].Lower == "more" || sc.toks[i-1].Lower == "fewer" || sc.toks[i-1].Lower == "less") {
				i-- // "at least", "more than"
			}
		case prepositions[w] && i+1 < len(sc.toks) && text.IsNumber(sc.toks[i+1]):
			// up to 1,000 ethnic Turks, about 200 supporters: a quantity, go on
		case w == "'s" && i > 0 && sc.mentionAt(i-1) != nil:
			// Iran's religious leader: the possessor is part of the phrase
			i = sc.mentionAt(i - 1).First
		case weekdays[w]:
			if i > 0 && sc.toks[i-1].Lower == "on" {
				i-- // "said on Tuesday their forces had…": a time, not a preposition of the actor
			}
		case i >= 2 && sc.toks[i-1].Lower == "-" && sc.mentionAt(i-2) == nil:
			i -= 2 // "Iranian-backed militants", "well-armed rebels": one adjective
		case prepositions[w] || sc.mentionAt(i) != nil:
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
		if prepositions[sc.toks[k].Lower] {
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
	"third": true, "half": true, "quarter": true, "majority": true, "part": true, "rest": true}

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
	if beForms[w] || w == "has" || w == "have" || w == "had" {
		return true
	}
	if len(sc.st.c.Patterns.byFirst[w]) > 0 {
		for _, p := range sc.st.c.Patterns.byFirst[w] {
			if p.form != formNone {
				return true
			}
		}
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !adjectiveEd[w]
}

var adjectiveEd = map[string]bool{"armed": true, "united": true, "alleged": true, "detained": true,
	"wounded": true, "displaced": true, "ruling": true, "leading": true, "occupied": true,
	"unidentified": true, "suspected": true, "so-called": true, "advanced": true, "interim": true,
	"neighboring": true, "neighbouring": true, "opposing": true, "warring": true, "retired": true,
	"elected": true, "exiled": true, "jailed": true, "governing": true, "outgoing": true, "incoming": true,
	"visiting": true, "striking": true, "protesting": true, "fighting": true, "unnamed": true}

// code makes the events of one trigger.
func (sc *sentenceCtx) code(idx int, s text.Sentence, tr *trigger) {
	r := tr.m.p.rule
	if r.Named {
		sc.named(idx, s, tr)
		return
	}
	if r.Demand {
		sc.demand(idx, s, tr)
		return
	}
	if a, b := sc.between(tr); a != nil && (r.Type == "ASSAULT" || r.Mutual) {
		// "fighting between Azerbaijanis and Armenians", "talks between Iran and Iraq": the two
		// named, each against (or with) the other
		sc.st.add(idx, s, tr, a, b, confidence(tr, a, b, "subject", "object"))
		if r.Type == "ASSAULT" {
			sc.st.add(idx, s, tr, b, a, confidence(tr, b, a, "subject", "object"))
		}
		return
	}
	src, tgt, passive := sc.speakerFor(sc.subject(tr), tr), (*actor.Mention)(nil), false
	var also *actor.Mention // a second target: the other party of a deal welcomed
	srcHow, tgtHow := "subject", "object"
	// passive voice: "was received by X"; without an agent, "three civilians were killed"
	if (tr.m.p.form == formPast || tr.m.p.form == formParticiple) && (sc.beBefore(tr.m.first) || sc.reducedPassive(tr)) {
		by := sc.byAgent(tr.m.first + 1)
		if by == nil && (r.Self || r.Type == "RETREAT" && (r.Mode == "disarm" || r.Mode == "withdraw")) && src != nil && src.Country != "" {
			// "guerrillas have been demobilized", "the troops were withdrawn": an act done to
			// oneself, the subject its source
			sc.st.add(idx, s, tr, src, nil, confidence(tr, src, nil, "subject", ""))
			return
		}
		if by == nil && r.Type == "ACCUSE" {
			// "companies accused of helping Moscow, EU officials said": the accused is the
			// subject; the accuser, if anyone, the one reporting it
			if accuser := sc.attribution(tr); accuser != nil && src != nil {
				for _, a := range sc.conjuncts(src) {
					if !sameActor(accuser, a) {
						sc.st.add(idx, s, tr, accuser, a, confidence(tr, accuser, a, "attribution", "object"))
					}
				}
			}
			return
		}
		if by == nil && (r.Type == "ASSAULT" || r.Type == "COERCE") {
			victim := src
			if victim == nil {
				for _, m := range sc.mentions {
					if m.Last <= tr.m.first && !m.Pronoun {
						victim = m
					}
				}
			}
			if victim != nil && victim.Country != "" {
				bomber := sc.bomber(s, tr)
				sc.st.add(idx, s, tr, bomber, victim, confidence(tr, bomber, victim, "guessed", "object"))
			}
			return
		}
		if by != nil {
			passive = true
			if src == nil {
				// "a camp for Congolese refugees was attacked by…": the nearest actor before the verb
				for _, m := range sc.mentions {
					if m.Last <= tr.m.first && !m.Pronoun {
						src = m
					}
				}
			}
			tgt, src = src, by
			if r.Swap {
				src, tgt = tgt, src // "was received by the king": the visitor is the subject
			}
		}
	}
	if r.Mode == "phone" && tr.m.p.text == "+call" && sc.mentionAt(tr.m.last) == nil {
		return // "called the agreement a failure": not a phone call, which names whom it calls
	}
	if src != nil {
		if as := sc.recode(tr, src); as != nil {
			tr.as, r = as, as
		}
	}
	if !passive {
		tgt = sc.object(tr, src)
		if r.Type == "ACCUSE" || r.Type == "SUPPORT" {
			// "condemned the launch", "welcomed the deal": the ones who did the act spoken of
			if by, with := sc.st.referredAct(sc.toks, tr, r.Type); by != nil && !sameActor(src, by) {
				tgt, also = by, with
			}
		}
		if r.Type == "ACCUSE" && tgt != nil && strings.HasSuffix(tr.m.p.text, " to") {
			// "complained to the UN over Israeli air raids": the UN hears it, Israel is accused
			if a := sc.accusedAfter(tgt); a != nil {
				tgt = a
			}
		}
	}
	if src == nil && verbal[r.Type] {
		src = sc.attribution(tr)
		srcHow = "attribution"
	}
	if src == nil && r.Type == "ASSAULT" {
		src, srcHow = sc.bomber(s, tr), "guessed" // "a roadside bomb killed three soldiers"
	}
	if src == nil || src.Country == "" && !sc.bothSides(src) {
		return
	}
	if r.Mutual {
		// "Algeria and Tunisia discussed…": only between the members of a compound subject
		tgt = nil
		if !sc.bothSides(src) && sc.partner(src) == nil {
			return
		}
	}
	if (r.Type == "CONSULT" || r.Type == "AGREE" || r.Type == "COOPERATE") && r.Mode != "third-party" {
		if p := sc.partner(src); p != nil {
			// "Jordan and Britain have agreed": between the two, the first named first
			tgt = p
			if p.First < src.First {
				src, tgt = p, src
			}
		}
	}
	if r.Swap && !passive && tgt != nil {
		src, tgt = tgt, src
	}
	if tgt == nil && !r.Self && !sc.bothSides(src) {
		// "Czechia and Albania upgraded their ties": between the members of a compound subject
		// (not for a call or a charge: "the United States and Britain urged restraint")
		// (a ceasefire, CAMEO 196, is broken by one party of it against the other)
		if p := sc.partner(src); p != nil && (withEachOther[r.Type] || r.Mutual || r.Cameo == "196") && r.Mode != "third-party" {
			tgt = p
			if p.First < src.First {
				src, tgt = p, src
			}
			tgtHow = "partner"
		}
		if tgt == nil && toCounterpart[r.Type] {
			// said at a meeting with no one named: to the other side of that meeting
			tgt, tgtHow = sc.st.counterpart(src), "meeting"
		}
		if tgt == nil && placeTargets[r.Type] {
			// "imposed a curfew in Cizre", "fired at targets in Jericho": the people of the place
			tgt, tgtHow = sc.population(tr), "guessed"
		}
		if tgt == nil && (r.Type == "COERCE" || r.Type == "CONCEDE") && src.Country != "" && (src.Sector == "GOV" || src.Sector == "COP") && src.Last >= tr.m.first-6 {
			// "the government lifted the state of emergency": a state's measure at home
			tgt = &actor.Mention{First: tr.m.first, Last: tr.m.first, Start: tr.start, End: tr.start, Country: src.Country, Sector: "CVL"}
			tgtHow = "guessed"
		}
		if tgt == nil && r.Type == "AGREE" {
			// "agreed to set up a research centre in Tokyo": a promise about a place concerns its
			// state (which body, the text does not say)
			if p := sc.population(tr); p != nil {
				p.Sector = ""
				tgt, tgtHow = p, "guessed"
			}
		}
		if tgt == nil && r.Mode == "investigate" {
			// "sent inspectors to a plant in central Iran": the state where the inquiry is made
			if p := sc.population(tr); p != nil {
				p.Sector = "GOV"
				tgt, tgtHow = p, "guessed"
			}
		}
		if tgt == nil && !(targetOptional[r.Type] && sc.near(src, tr)) {
			return // a promise without a target only when its maker is right before it
		}
	}
	if tgt == nil && r.Type == "PROTEST" && src.Country != "" {
		// a protest that names no one is aimed at the authorities of the place, else of the
		// protesters' own state
		c := src.Country
		if p := sc.population(tr); p != nil {
			c = p.Country
		}
		tgt = &actor.Mention{First: tr.m.first, Last: tr.m.first, Start: tr.start, End: tr.start, Country: c, Sector: "GOV"}
		tgtHow = "guessed"
	}
	if tgt != nil && r.Type == "COERCE" && tgt.CountryGuessed() && tgt.Country != src.Country && src.Country != "" && !actor.NonState(src.Country) {
		// "Mali's junta expelled a French diplomat and arrested two journalists": those a state
		// arrests, unnamed by state, are its own
		c := *tgt
		c.Country = src.Country
		tgt = &c
	}
	if tgt != nil && sc.bothSides(tgt) && r.Mode == "third-party" {
		// "shuttling between the two delegations": the mediator with each side of the talks
		for _, side := range sc.st.lastMeet {
			if !sameActor(src, side) {
				sc.st.add(idx, s, tr, src, side, confidence(tr, src, side, "subject", "meeting"))
			}
		}
		return
	}
	if tgt != nil && sameActor(src, tgt) {
		return
	}
	// "the two sides": each side in turn; "Iran, Russia and Turkey condemned X": each of them
	sources := sc.expand(src)
	if len(sources) == 1 && tgt != nil && !sc.coordinated(src, tgt) && !sc.coordinated(tgt, src) {
		sources = sc.conjuncts(src)
	}
	targets := []*actor.Mention{tgt}
	if tgt != nil {
		targets = sc.expandList(tgt)
	}
	if also != nil {
		targets = append(targets, also)
	}
	for _, a := range sources {
		for _, b := range targets {
			if b == nil && len(sources) == 2 && !r.Self && (toCounterpart[r.Type] || r.Type == "CONSULT" || r.Mutual) {
				b = sc.st.counterpart(a) // "the two sides highlighted the need…": each to the other
			}
			if b == nil && !r.Self && !targetOptional[r.Type] {
				continue
			}
			if b != nil && sameActor(a, b) {
				continue
			}
			if b == nil && a.Country == "" {
				continue
			}
			sc.st.add(idx, s, tr, a, b, confidence(tr, a, b, srcHow, tgtHow))
		}
	}
	// the two sides of the latest meeting, or of an agreement when no meeting is told of ("Saudi
	// Arabia and Iran agreed … The two countries also agreed to…")
	if (r.Type == "CONSULT" && r.Mode != "phone" && r.Mode != "third-party" || r.Type == "AGREE" && sc.st.lastMeet[0] == nil) && tgt != nil && !tr.negated {
		sc.st.lastMeet = [2]*actor.Mention{src, tgt}
	}
}

// confidence says how sure the coder is of an event, from how its parts were found: a named
// source that is the subject of the phrase and a target that is its object are sure; a speaker
// found after the fact, a pronoun, or a target guessed from the meeting or the place are less so;
// a long phrase is surer than one word.
func confidence(tr *trigger, src, tgt *actor.Mention, srcHow, tgtHow string) float64 {
	c := 0.6
	switch {
	case src == nil:
		c -= 0.2
	case srcHow == "attribution":
		c -= 0.1
	case srcHow == "guessed":
		c -= 0.25
	case src.Person != nil || src.IsState():
		c += 0.1 // a pronoun resolved to a person counts as the person
	}
	switch {
	case tgt == nil:
		c -= 0.1
	case tgtHow == "meeting":
		// the other side of the meeting the sentence tells of: usually right
	case tgtHow == "guessed":
		c -= 0.15
	case tgtHow == "object" && (tgt.Person != nil || tgt.IsState()):
		c += 0.1
	}
	if len(tr.m.p.words) > 1 {
		c += 0.05
	}
	return math.Round(max(0.05, min(0.95, c))*100) / 100
}

// named codes an act carried by a noun whose target is the actor the noun names, before it ("the
// U.S. economic terrorism", "Syria's territorial integrity") or after it ("plots hatched by the US
// and the West"): the speaker of the sentence accuses or supports that actor (guidelines 5, 9).
func (sc *sentenceCtx) named(idx int, s text.Sentence, tr *trigger) {
	var accused []*actor.Mention
	if m := sc.mentionAt(tr.m.first - 1); m != nil && !m.Pronoun {
		accused = []*actor.Mention{m}
	} else if tr.m.first >= 2 && sc.toks[tr.m.first-1].Lower == "'s" {
		if m := sc.mentionAt(tr.m.first - 2); m != nil && !m.Pronoun {
			accused = []*actor.Mention{m}
		}
	}
	if accused == nil {
		for _, m := range sc.mentions {
			if m.First >= tr.m.last && m.First <= tr.m.last+2 && !m.Pronoun {
				accused = sc.expandList(m)
				break
			}
		}
	}
	if accused == nil {
		return
	}
	speaker := sc.attribution(tr)
	if speaker == nil {
		// the subject of the clause that holds the noun ("…, Iran, Russia and Turkey stressed
		// the importance of protecting Syria's territorial integrity")
		for _, m := range sc.mentions {
			if m.First < accused[0].First && m.First < tr.m.first && sc.clauseInitial(m) {
				speaker = m
			}
		}
		speaker = sc.speakerFor(speaker, tr)
	}
	if speaker == nil {
		speaker = sc.st.actors.Subject()
	}
	if speaker == nil {
		return
	}
	speakers := sc.expand(speaker)
	if len(speakers) == 1 {
		speakers = sc.conjuncts(speaker)
	}
	for _, src := range speakers {
		for _, a := range accused {
			if !sameActor(src, a) && a.Country != "" {
				sc.st.add(idx, s, tr, src, a, confidence(tr, src, a, "subject", "object"))
			}
		}
	}
}

// demand codes an obligation laid on someone in reported speech: "Russia said Sudan must return the
// helicopter" is a REQUEST from Russia to Sudan. The content that follows is not coded on its own.
func (sc *sentenceCtx) demand(idx int, s text.Sentence, tr *trigger) {
	var obliged *actor.Mention
	if tr.m.p.form == formNone {
		// must: the actor just before it (its subject)
		for _, m := range sc.mentions {
			if m.Last <= tr.m.first && tr.m.first-m.Last <= 2 && !m.Pronoun {
				obliged = m
			}
		}
	} else {
		obliged = sc.object(tr, nil) // issued a reminder to Iraq
	}
	if obliged == nil {
		return
	}
	var speaker *actor.Mention
	for _, m := range sc.mentions {
		if m.First < obliged.First && m != obliged && sc.clauseInitial(m) && sc.speechBetween(m.Last, obliged.First) {
			speaker = m
			break
		}
	}
	if speaker == nil && tr.m.p.form != formNone {
		speaker = sc.subject(tr)
	}
	if speaker == nil {
		speaker = sc.attribution(tr)
	}
	if speaker == nil || sameActor(speaker, obliged) {
		return
	}
	sc.st.add(idx, s, tr, speaker, obliged, confidence(tr, speaker, obliged, "subject", "object"))
}

func indexCountry(ms []*actor.Mention, m *actor.Mention) int {
	for i, x := range ms {
		if x.Country == m.Country && x.Person == nil && m.Person == nil {
			return i
		}
	}
	return -1
}

func sameActor(a, b *actor.Mention) bool {
	if a.Name != "" && a.Name == b.Name {
		return true
	}
	return a.Country == b.Country && a.Sector == b.Sector && (a.Name == "" || b.Name == "")
}

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
		for k >= 0 && skippable[sc.toks[k].Lower] {
			k--
		}
		if k >= 0 && subordinators[sc.toks[k].Lower] && tr.m.p.form != formIng {
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
			if clauseStarts[sc.toks[k].Lower] || sc.toks[k].Lower == "because" {
				return nil
			}
		}
	}
	if subj.Person == nil && !subj.Pronoun {
		// the speaker speaks for the state: "Boroujerdi … affirming that the Islamic Republic would"
		for _, c := range cands[:len(cands)-1] {
			if c.Person != nil && c.Country == subj.Country && verbal[tr.m.p.rule.Type] {
				return c
			}
		}
	}
	// reported speech: "Assad said Syria supports Iran" has Assad as source ("… said the two
	// sides agreed": the two sides)
	if verbal[tr.m.p.rule.Type] && len(cands) > 1 && !sc.bothSides(subj) {
		for k := len(cands) - 2; k >= 0; k-- {
			sp := cands[k]
			if sc.speechBetween(sp.Last, subj.First) && (sp.Country == subj.Country || subj.Country == "") {
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
	for k >= 0 && auxiliaries[sc.toks[k].Lower] {
		k--
	}
	if k < 1 {
		return nil
	}
	if w := sc.toks[k].Lower; w != "it" && w != "they" || sc.mentionAt(k) != nil {
		return nil
	}
	// the speech verb right before, or before "that" and a time ("announced yesterday that they")
	said := sc.st.c.Patterns.speech[sc.toks[k-1].Lower]
	if !said && sc.toks[k-1].Lower == "that" {
		for j := k - 2; j >= 0 && j >= k-5 && !said; j-- {
			if sc.mentionAt(j) != nil || sc.toks[j].Lower == "," {
				break
			}
			said = sc.st.c.Patterns.speech[sc.toks[j].Lower]
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
	for k >= 0 && auxiliaries[sc.toks[k].Lower] {
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
	if src == nil || src.Person != nil || src.Pronoun || !verbal[tr.m.p.rule.Type] {
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

func (sc *sentenceCtx) speechBetween(i, j int) bool {
	for k := i; k < j && k < len(sc.toks); k++ {
		if sc.st.c.Patterns.speech[sc.toks[k].Lower] {
			return true
		}
	}
	return false
}

// object finds the target: the first actor after the trigger that is not the source, preferring
// one of another state; a place only right after a "place" trigger.
func (sc *sentenceCtx) object(tr *trigger, src *actor.Mention) *actor.Mention {
	if tr.content != nil && (tr.m.p.rule.Type == "AGREE" || tr.m.p.rule.Type == "THREATEN") {
		// "promised to continue military aid to Mozambique": the target of what is promised
		if m := sc.object(tr.content, src); m != nil {
			return m
		}
	}
	var inGap *actor.Mention // in the trigger's gap: "give Tanzania a grant", "preserving Syria's sovereignty"
	for _, m := range sc.mentions {
		if m.First <= tr.m.first {
			continue
		}
		inside := m.First < tr.m.last
		if m.Country == "" && !m.Pronoun {
			continue // "Islamic countries": no state to code
		}
		if m.Pronoun && (m.Text == "his" || m.Text == "her" || m.Text == "His" || m.Text == "Her") {
			continue
		}
		if m.First-tr.m.last > 25 {
			break
		}
		if !inside && (sc.speechBetween(tr.m.last, m.First) || sc.backgroundBetween(tr.m.last, m.First) || sc.newPredicate(tr.m.last, m.First)) {
			break
		}
		ownSide := ownForces[tr.m.p.rule.Type] && tr.m.p.rule.Mode != "release" && src != nil
		if ownSide && m.Country == src.Country && ownSectors[m.Sector] {
			continue // "mobilized army reservists", "withdrew its forces": the source's own
		}
		if sc.placed(m) && !((tr.m.p.rule.Place || endsWithPreposition(tr.m.p.text) && !m.IsState()) && m.First == tr.m.last) && !ownSide {
			continue
		}
		if m.First > 0 && owners[sc.toks[m.First-1].Lower] || owners[sc.toks[m.First].Lower] {
			continue // "offered its troops": the source's own
		}
		if sc.reports(m) {
			continue // ", the official news agency said": the reporter, not the target
		}
		if !inside && tr.m.p.rule.Type == "CONSULT" && sc.topic != nil && sc.topic[m.First] && !sc.topic[tr.m.first] {
			continue // "met in Cairo to discuss the release of hostages": a topic, not the target
		}
		if m.Adjective && m.Last < len(sc.toks) && borders[sc.toks[m.Last].Lower] {
			continue // "on the Thai border": a place
		}
		if m.Adjective && m.Last+1 < len(sc.toks) && sc.toks[m.Last].Lower == "-" && sc.toks[m.Last+1].Lower == "led" {
			continue // "the Russian-led CSTO": the body led, not its leader
		}
		if tr.m.p.rule.Type == "ASSAULT" && src != nil && (src.Sector == "GOV" || src.Sector == "MIL") && m.Country == src.Country && m.Sector == "MIL" && m.Group && m.Person == nil {
			continue // "launched 40 drones at Kyiv": the means of the attack, not its target
		}
		if !inside && m.First >= 2 && sc.toks[m.First-2].Lower == "," && (sc.toks[m.First-1].Lower == "and" || sc.toks[m.First-1].Lower == "but") && m.First-2 >= tr.m.last && sc.isVerbishAfter(m) {
			break // "briefed foreign diplomats, and Rubio spoke…": another clause, with its own subject
		}
		if !inside && m.First > 0 && clauseStarts[sc.toks[m.First-1].Lower] && m.First-1 >= tr.m.last {
			break // "moves troops to the border as Armenia and Azerbaijan resume talks": another clause
		}
		if tr.m.p.rule.Mode == "third-party" && sc.bothSides(m) {
			return m // "shuttling between the two delegations": the sides of the talks
		}
		if src != nil && sameActor(src, m) {
			continue
		}
		if inside && m.Possessive {
			if inGap == nil {
				inGap = m
			}
			continue
		}
		if m.Possessive && sc.mentionAt(m.Last+1) != nil {
			continue // "against the party's leader Mahmoud Abbas": the leader, not the party
		}
		if src != nil && m.Country == src.Country {
			// "relations between Iran and Syria": the other state of a list
			for _, o := range sc.expandList(m)[1:] {
				if o.Country != src.Country {
					return o
				}
			}
		}
		return m
	}
	return inGap
}

var borders = map[string]bool{"border": true, "frontier": true, "coast": true}

// ownSectors are the bodies a state acts with: its forces, police, spies and government.
var ownSectors = map[string]bool{"MIL": true, "COP": true, "SPY": true, "GOV": true, "": true}

var owners = map[string]bool{"its": true, "their": true, "our": true, "my": true}

// newPredicate reports a second verb joined to the first between tokens i and j: "the Cabinet
// met on Sunday and decided to …": what follows is not the first verb's object.
func (sc *sentenceCtx) newPredicate(i, j int) bool {
	// "thanked and congratulated X": two verbs of one object, nothing between the first and "and"
	for k := i + 1; k+1 < j; k++ {
		if w := sc.toks[k].Lower; (w == "and" || w == "but") && sc.mentionAt(k+1) == nil && sc.isVerbish(k+1) && !strings.HasSuffix(sc.toks[k+1].Lower, "ing") {
			return true
		}
	}
	return false
}

// accusedAfter returns the actor named after "over", "about" or "against" that follows the
// addressee m of a complaint, within a few words.
func (sc *sentenceCtx) accusedAfter(m *actor.Mention) *actor.Mention {
	for k := m.Last; k < len(sc.toks) && k < m.Last+5; k++ {
		if w := sc.toks[k].Lower; w == "over" || w == "about" || w == "against" {
			for _, n := range sc.mentions {
				if n.First > k && n.First <= k+4 && n.Country != "" && !n.Pronoun {
					return n
				}
			}
			return nil
		}
	}
	return nil
}

// bomber returns the maker of a bombing the sentence does not name ("a roadside bomb near
// Samarra", "a car bomb in Beirut"): an armed group (REB) of the state where it happened, the
// way event coders code an insurgent attack; nil when the sentence tells of no explosive or
// no place.
func (sc *sentenceCtx) bomber(s text.Sentence, tr *trigger) *actor.Mention {
	explosive := false
	for _, t := range sc.toks {
		if w := t.Lower; strings.HasPrefix(w, "bomb") || strings.HasPrefix(w, "explos") || w == "ied" || w == "ieds" ||
			w == "minefield" || w == "landmine" || w == "landmines" || w == "mine" && tr.m.p.rule.Type == "ASSAULT" {
			explosive = true
			break
		}
	}
	if !explosive {
		return nil
	}
	country := ""
	for _, m := range sc.mentions {
		if m.Person == nil && !m.Pronoun && m.Country != "" && len(m.Country) == 3 && (sc.placed(m) && m.IsState() || m.Adjective && m.Last < len(sc.toks) && placeNouns[sc.toks[m.Last].Lower]) {
			country = m.Country // "in Beirut", "outside the Iraqi city of Basra"
			break
		}
	}
	for _, m := range sc.mentions {
		if country == "" && m.IsState() {
			country = m.Country // "of mostly Christian eastern Beirut"
		}
	}
	if country == "" {
		if sc.st.placeSent.Sentence() != s.Text {
			sc.st.placeSent.Set(s.Text)
		}
		if p, _, ok := sc.st.c.Places.FindNearIn(&sc.st.placeSent, tr.start-s.Start); ok {
			country = p.Country // "near the town of Samarra"
		}
	}
	if country == "" {
		return nil
	}
	return &actor.Mention{First: tr.m.first, Last: tr.m.first, Start: tr.start, End: tr.start, Country: country, Sector: "REB"}
}

var placeNouns = map[string]bool{"city": true, "town": true, "village": true, "capital": true, "port": true,
	"province": true, "region": true, "border": true}

// recode returns another rule for an act its source makes another type: a state's protest is an
// accusation ("Taipei protested Beijing's military pressure"); drills held by a compound subject
// are joint exercises (guideline 10b). Nil when the pattern's rule stands.
func (sc *sentenceCtx) recode(tr *trigger, src *actor.Mention) *Rule {
	ps := sc.st.c.Patterns
	switch r := tr.m.p.rule; {
	case r.Type == "PROTEST" && src.Sector == "GOV" && (src.IsState() || src.Person != nil) && tr.m.p.form != formNone:
		return ps.plain["ACCUSE"]
	case r.Type == "MOBILIZE" && drills(tr.m.p.text) && sc.partner(src) != nil:
		return ps.plain["COOPERATE"]
	}
	return nil
}

func drills(phrase string) bool {
	return strings.Contains(phrase, "drill") || strings.Contains(phrase, "exercise") || strings.Contains(phrase, "maneuver") || strings.Contains(phrase, "manoeuvre")
}

// actNouns name an act already told of: "condemned the launch".
var actNouns = map[string]bool{"launch": true, "attack": true, "attacks": true, "strike": true,
	"strikes": true, "killing": true, "killings": true, "arrest": true, "arrests": true, "move": true,
	"decision": true, "test": true, "invasion": true, "offensive": true, "bombing": true, "raid": true,
	"raids": true, "shelling": true, "incursion": true, "execution": true, "crackdown": true,
	"seizure": true, "expulsion": true, "sanctions": true, "deployment": true, "detention": true,
	"deal": true, "agreement": true, "accord": true, "truce": true, "ceasefire": true}

// referredAct returns the source of the act a charge or a praise speaks of when the words after
// the trigger name an act rather than an actor ("condemned the launch", "welcomed Monday's
// decision"): the latest act of the document a charge can be about (force, coercion, sanctions,
// threats, deployments), or any act for praise. Nil when the words name no act.
func (st *docState) referredAct(toks []text.Token, tr *trigger, typ string) (by, with *actor.Mention) {
	k := tr.m.last
	if actNouns[toks[k-1].Lower] {
		k-- // the phrase holds the act: "welcomed the move"
	}
	for k < len(toks) && k < tr.m.last+4 {
		w := toks[k].Lower
		if actNouns[w] {
			break
		}
		if w != "the" && w != "this" && w != "that" && w != "latest" && w != "recent" && w != "'s" && w != "last" && !weekdays[w] && w != "missile" && w != "military" && w != "air" && w != "nuclear" {
			return nil, nil
		}
		k++
	}
	if k >= len(toks) || !actNouns[toks[k].Lower] {
		return nil, nil
	}
	mention := func(a Actor) *actor.Mention {
		return &actor.Mention{First: tr.m.last, Last: tr.m.last, Start: tr.end, End: tr.end,
			Text: a.Text, Name: a.Name, Country: a.Country, Sector: a.Sector}
	}
	for i := len(st.events) - 1; i >= 0; i-- {
		e := st.events[i]
		if e.Negated || e.Source.Country == "" {
			continue
		}
		if typ == "SUPPORT" || e.Type == "ASSAULT" || e.Type == "COERCE" || e.Type == "SANCTION" || e.Type == "THREATEN" || e.Type == "MOBILIZE" {
			by = mention(e.Source)
			if typ == "SUPPORT" && e.Target != nil && (e.Type == "AGREE" || e.Type == "CONSULT" || e.Type == "COOPERATE" || e.Type == "SUPPORT") {
				with = mention(*e.Target) // a deal welcomed: both its parties
			}
			return by, with
		}
	}
	return nil, nil
}

// between returns the two actors of "between A and B" right after a noun or gerund (the
// fighting, the clashes, the talks), or nil.
func (sc *sentenceCtx) between(tr *trigger) (*actor.Mention, *actor.Mention) {
	f := tr.m.p.form
	if f != formNone && f != formIng || tr.m.last >= len(sc.toks) || sc.toks[tr.m.last].Lower != "between" {
		return nil, nil
	}
	a := sc.mentionAt(tr.m.last + 1)
	if a == nil {
		a = sc.mentionAt(tr.m.last + 2) // between the two
	}
	if a == nil || a.Country == "" {
		return nil, nil
	}
	b := sc.partner(a)
	if b == nil || b.First < a.First || b.Country == "" || sameActor(a, b) {
		return nil, nil
	}
	return a, b
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

// reports reports an actor followed by a speech verb, one word apart at most: ", the army
// said", "Thai military sources said".
func (sc *sentenceCtx) reports(m *actor.Mention) bool {
	last := m.Last
	if last+2 < len(sc.toks) && sc.toks[last].Lower == "(" && sc.toks[last+2].Lower == ")" {
		last += 3 // "Human Rights Watch (HRW) said"
	}
	for k := last; k < len(sc.toks) && k <= last+1; k++ {
		if sc.st.c.Patterns.speech[sc.toks[k].Lower] {
			return true
		}
		if k > last || sc.mentionAt(k) != nil || !isWord(sc.toks[k]) {
			break
		}
	}
	return false
}

// backgroundBetween reports a phrase of time or cause between tokens i and j: what follows
// "after", "following" or "because of" is the setting of the act, not its target ("reimposed
// blockades in the West Bank following the shooting of two Israelis").
func (sc *sentenceCtx) backgroundBetween(i, j int) bool {
	for k := i; k < j && k+1 < len(sc.toks); k++ {
		// ", as authorities in Croatia cracked down…": another clause; ", a charge Kabul denies":
		// an apposition about the act
		if w := sc.toks[k+1].Lower; sc.toks[k].Lower == "," && (subordinators[w] || (w == "a" || w == "an") && k+1 < j-1) {
			return true
		}
		// "after four years": a length of time, not an earlier act
		if causeWords[sc.toks[k].Lower] && !text.IsNumber(sc.toks[k+1]) && !numberWords[sc.toks[k+1].Lower] {
			return true
		}
	}
	return false
}

var subordinators = map[string]bool{"as": true, "while": true, "when": true, "whereas": true,
	"although": true, "though": true, "because": true, "since": true, "after": true, "before": true}

// isVerbishAfter reports a verb within two words after mention m: m is a subject.
func (sc *sentenceCtx) isVerbishAfter(m *actor.Mention) bool {
	for k := m.Last; k < len(sc.toks) && k < m.Last+2; k++ {
		if sc.isVerbish(k) || auxiliaries[sc.toks[k].Lower] {
			return true
		}
	}
	return false
}

// tellVerbs are speech verbs with an object, the one told: "told reporters", "assured Iran".
var tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true,
	"assured": true, "assures": true, "informed": true, "informs": true, "reminded": true}

// endsWithPreposition reports a phrase that takes its object after a preposition ("fire * at",
// "raid on"): the actor right after it is that object, not a place.
func endsWithPreposition(phrase string) bool {
	i := strings.LastIndexByte(phrase, ' ')
	if i < 0 {
		return false
	}
	switch phrase[i+1:] {
	case "at", "on", "against", "with", "to", "into", "upon", "toward", "towards":
		return true // not "in": "ethnic cleansing in Montenegro" is a place
	}
	return false
}

// clauseStarts before an actor open a clause of which it is the subject.
var clauseStarts = map[string]bool{"as": true, "while": true, "whereas": true, "when": true}

// causeWords open a phrase that names an earlier act, the cause or occasion of the one coded.
var causeWords = map[string]bool{"following": true, "after": true, "since": true, "before": true,
	"because": true, "retaliation": true, "despite": true}

var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "several": true, "months": true, "years": true, "weeks": true, "days": true}

// placed reports a mention named as a place: after "in", "at", "near", across compass words
// ("in southeastern Turkey", "in Western Cambodia").
func (sc *sentenceCtx) placed(m *actor.Mention) bool {
	k := m.First - 1
	for k >= 0 && (compass[sc.toks[k].Lower] || strings.HasSuffix(sc.toks[k].Lower, "eastern") || strings.HasSuffix(sc.toks[k].Lower, "western")) {
		k--
	}
	return k >= 0 && locatives[sc.toks[k].Lower]
}

var compass = map[string]bool{"north": true, "northern": true, "south": true, "southern": true,
	"east": true, "eastern": true, "west": true, "western": true, "central": true}

// population returns the civilians of the place named after tr ("in Algiers"), or nil.
func (sc *sentenceCtx) population(tr *trigger) *actor.Mention {
	for _, m := range sc.mentions {
		if m.First >= tr.m.last && (sc.backgroundBetween(tr.m.last, m.First) || sc.newPredicate(tr.m.last, m.First)) {
			break // "…, as police in Chad arrested protesters": another clause's place
		}
		if m.First >= tr.m.last && sc.placed(m) && m.Country != "" && m.Person == nil {
			return &actor.Mention{First: m.First, Last: m.Last, Start: m.Start, End: m.End, Text: m.Text,
				Country: m.Country, Sector: "CVL"}
		}
	}
	return nil
}

// beBefore reports a form of "be" just before token i (allowing an adverb).
func (sc *sentenceCtx) beBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if beForms[sc.toks[k].Lower] {
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
		for start > 0 && skippable[sc.toks[start-1].Lower] {
			start--
		}
		// `…," the Iranian lawmaker said` / `…, officials said Thursday`
		if m.Last < len(sc.toks) && sc.st.c.Patterns.speech[sc.toks[m.Last].Lower] && opens(start-1) {
			return m
		}
		// `…," said President al-Assad`
		if start > 1 && sc.st.c.Patterns.speech[sc.toks[start-1].Lower] && opens(start-2) {
			return m
		}
	}
	return nil
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

// conjuncts returns the members of the coordinated phrase m belongs to ("Iran, Russia and
// Turkey"), or just m.
func (sc *sentenceCtx) conjuncts(m *actor.Mention) []*actor.Mention {
	k := -1
	for i, x := range sc.mentions {
		if x == m {
			k = i
		}
	}
	if k < 0 {
		return []*actor.Mention{m}
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
		return []*actor.Mention{m}
	}
	var out []*actor.Mention
	for _, x := range sc.mentions[first : last+1] {
		if x.Country != "" && indexCountry(out, x) < 0 {
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
		if w := sc.toks[k].Lower; w != "," && w != "and" && !skippable[w] {
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
		case !skippable[w]:
			return false
		}
	}
	return and
}

// bothSides reports a mention of "the two sides", "both countries".
func (sc *sentenceCtx) bothSides(m *actor.Mention) bool {
	if m == nil || m.Country != "" && m.Person == nil && !m.Group {
		return false
	}
	t := strings.ToLower(m.Text)
	if m.First > 0 && m.First <= len(sc.toks) && sc.mentionAt(m.First) == m {
		t = sc.toks[m.First-1].Lower + " " + t // (a mention of this sentence, not of one before)
	}
	for _, w := range []string{"two sides", "both sides", "two countries", "both countries", "two leaders",
		"two officials", "two ministers", "two presidents", "both leaders", "two delegations",
		"both delegations", "two governments", "both governments", "two neighbours", "two neighbors",
		"two"} {
		if strings.HasSuffix(t, w) {
			return sc.st.lastMeet[0] != nil
		}
	}
	return false
}

// expand turns "the two sides" into both sides of the latest meeting.
func (sc *sentenceCtx) expand(m *actor.Mention) []*actor.Mention {
	if sc.bothSides(m) {
		return sc.st.lastMeet[:]
	}
	return []*actor.Mention{m}
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

// expandList returns m and the actors coordinated with it: "the United States, the Zionist
// regime and their regional allies".
func (sc *sentenceCtx) expandList(m *actor.Mention) []*actor.Mention {
	out := []*actor.Mention{m}
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
			if w != "," && w != "and" && w != "or" && !skippable[w] && !(w == "as" || w == "well") || w == "a" || w == "an" {
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
		if same := indexCountry(out, next); same >= 0 {
			// the Iranian nation and the Islamic Republic: one actor, the state (guideline 11)
			if next.Sector == "GOV" && next.Person == nil && out[same].Person == nil {
				out[same] = next
			}
			continue
		}
		out = append(out, next)
	}
}
