package event

// This file finds the target of an act: the object of its verb, the people of a place, the
// maker of an act told of, and the clauses and appositions where no target is looked for.

import (
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/text"
)

// object finds the target: the first actor after the trigger that is not the source, preferring
// one of another state; a place only right after a "place" trigger.
func (sc *sentenceCtx) object(tr *trigger, src *actor.Mention) *actor.Mention {
	if tr.content != nil && (tr.typ == agreeType || tr.typ == threatenType) {
		// "promised to continue military aid to Mozambique": the target of what is promised
		if m := sc.object(tr.content, src); m != nil {
			return m
		}
	}
	var inGap *actor.Mention // in the trigger's gap: "give Tanzania a grant", "preserving Syria's sovereignty"
	ownSide := ownForces.has(tr.typ) && tr.m.p.rule.Mode != "release" && src != nil
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
		if ownSide && m.Country == src.Country && (ownSectors[m.Sector] || inside && tr.typ == mobilizeType) {
			continue // "mobilized army reservists", "withdrew its forces", "trained hackers": the source's own
		}
		if sc.placed(m) && !((tr.m.p.rule.Place || endsWithPreposition(tr.m.p.text) && !m.IsState()) && m.First == tr.m.last) && !ownSide {
			continue
		}
		if (m.First > 0 && sc.is(m.First-1, ownerWord) || sc.is(m.First, ownerWord)) && !(m.Last < len(sc.toks) && sc.is(m.Last, relationWord)) {
			continue // "offered its troops": the source's own ("its EU partners" are others)
		}
		if sc.reports(m) {
			continue // ", the official news agency said": the reporter, not the target
		}
		if !inside && tr.typ == consultType && sc.topic != nil && sc.topic[m.First] && !sc.topic[tr.m.first] {
			continue // "met in Cairo to discuss the release of hostages": a topic, not the target
		}
		if m.Adjective && m.Last < len(sc.toks) && sc.is(m.Last, borderWord) {
			continue // "on the Thai border": a place
		}
		if sc.borderPlace(m) {
			continue // "villages near Macedonia's border with Bulgaria": a place
		}
		if m.Adjective && m.Last+1 < len(sc.toks) && sc.toks[m.Last].Lower == "-" && sc.toks[m.Last+1].Lower == "led" {
			continue // "the Russian-led CSTO": the body led, not its leader
		}
		if tr.typ == assaultType && src != nil && (src.Sector == "GOV" || src.Sector == "MIL") && m.Country == src.Country && m.Sector == "MIL" && m.Group && m.Person == nil {
			continue // "launched 40 drones at Kyiv": the means of the attack, not its target
		}
		if !inside && m.First >= 2 && sc.toks[m.First-2].Lower == "," && (sc.toks[m.First-1].Lower == "and" || sc.toks[m.First-1].Lower == "but") && m.First-2 >= tr.m.last && sc.isVerbishAfter(m) {
			break // "briefed foreign diplomats, and Rubio spoke…": another clause, with its own subject
		}
		if !inside && m.First > 0 && sc.is(m.First-1, clauseStartWord) && m.First-1 >= tr.m.last {
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
			var buf [4]*actor.Mention // (most lists are short)
			for _, o := range sc.expandList(buf[:0], m)[1:] {
				if o.Country != src.Country {
					return o
				}
			}
		}
		return m
	}
	return inGap
}

// borderPlace reports a state named as the far side of another state's border that places
// something: "near Macedonia's border with Bulgaria" (not "closed its border with Iran", where the
// border is what is acted on).
func (sc *sentenceCtx) borderPlace(m *actor.Mention) bool {
	k := m.First - 1
	if k < 3 || sc.toks[k].Lower != "with" || !borders[strings.TrimSuffix(sc.toks[k-1].Lower, "s")] || sc.toks[k-2].Lower != "'s" {
		return false // (a border of no one named, "deployed troops along the border with India", faces the target)
	}
	for j := k - 2; j >= 0 && j >= k-6; j-- {
		switch sc.toks[j].Lower {
		case "near", "along", "on", "at", "across", "from", "close", "by":
			return true
		case ",":
			return false
		}
	}
	return false
}

var borders = map[string]bool{"border": true, "frontier": true, "coast": true}

// ownSectors are the bodies a state acts with: its forces, police, spies and government.
var ownSectors = map[string]bool{"MIL": true, "COP": true, "SPY": true, "GOV": true, "": true}

// relations after a possessed actor name others tied to the possessor: "its EU partners".
var relations = map[string]bool{"partners": true, "partner": true, "allies": true, "ally": true,
	"neighbours": true, "neighbors": true, "neighbour": true, "neighbor": true, "counterparts": true,
	"counterpart": true, "rivals": true, "rival": true, "enemies": true, "foes": true}

var owners = map[string]bool{"its": true, "their": true, "our": true, "my": true}

// newPredicate reports a second verb joined to the first between tokens i and j: "the Cabinet
// met on Sunday and decided to …": what follows is not the first verb's object.
func (sc *sentenceCtx) newPredicate(i, j int) bool {
	// "thanked and congratulated X": two verbs of one object, nothing between the first and "and"
	for k := i + 1; k+1 < j; k++ {
		// (both open a clause, clauseOpeners: the text read only at such a word)
		if sc.is(k, clauseOpenerWord) && (sc.toks[k].Lower == "and" || sc.toks[k].Lower == "but") && sc.mentionAt(k+1) == nil && sc.isVerbish(k+1) && !strings.HasSuffix(sc.toks[k+1].Lower, "ing") {
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
		if m.Person == nil && !m.Pronoun && m.Country != "" && len(m.Country) == 3 && (sc.placed(m) && m.IsState() || m.Adjective && m.Last < len(sc.toks) && sc.is(m.Last, placeNounWord)) {
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
			sc.st.placeSent.SetTokens(s, sc.st.toks)
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

// recode returns another rule, with its type, for an act its source makes another type: a state's
// protest is an accusation ("Taipei protested Beijing's military pressure"); drills held by a
// compound subject are joint exercises (guideline 10b); troops arriving are deployed, peacekeepers
// protect. Nil when the pattern's rule stands.
func (sc *sentenceCtx) recode(tr *trigger, src *actor.Mention) (*Rule, actType) {
	ps := sc.st.c.Patterns
	switch r, typ := tr.m.p.rule, tr.typ; {
	case typ == protestType && src.Sector == "GOV" && (src.IsState() || src.Person != nil) && tr.m.p.form != formNone:
		return ps.plain["ACCUSE"], accuseType
	case typ == mobilizeType && drills(tr.m.p.text) && sc.partner(src) != nil:
		return ps.plain["COOPERATE"], cooperateType
	case typ == consultType && r.Mode == "visit" && src.Person == nil && src.Sector == "MIL" && sc.peacekeepers(src):
		return peacekeeping, aidType
	case typ != rejectType && sc.outOfQuestion(tr) && ps.plain["REJECT"] != nil:
		return ps.plain["REJECT"], rejectType // "removing the sanctions on Burma is out of the question"
	case typ == requestType && tr.m.p.text == "+order":
		if nx := sc.orderedAct(tr); nx != nil {
			return nx.m.p.rule, nx.typ // "ordered the newspaper to suspend publication": the order is the coercion
		}
	case typ == consultType && r.Mode == "visit" && src.Person == nil && src.Sector == "MIL" && ps.plain["MOBILIZE"] != nil:
		return ps.plain["MOBILIZE"], mobilizeType // "a contingent of Kenyan troops arrived in Somalia": a deployment, not a visit
	}
	return nil, noType
}

// outOfQuestion reports an act named as the subject of "is out of the question": refused.
func (sc *sentenceCtx) outOfQuestion(tr *trigger) bool {
	if f := tr.m.p.form; f != formIng && f != formNone {
		return false
	}
	toks := sc.toks
	for k := tr.m.last; k+3 < len(toks) && k < tr.m.last+10; k++ {
		if toks[k].Lower == "," || toks[k].Lower == ";" {
			return false
		}
		if toks[k].Lower == "out" && toks[k+1].Lower == "of" && toks[k+2].Lower == "the" && toks[k+3].Lower == "question" {
			return true
		}
	}
	return false
}

// orderedAct returns the coercive act an order imposes on the one ordered ("ordered X to close
// its offices", "to suspend publication"), or nil.
func (sc *sentenceCtx) orderedAct(tr *trigger) *trigger {
	for _, nx := range sc.trs {
		if nx.m.first < tr.m.last {
			continue
		}
		if nx.m.first-tr.m.last > 10 || nx.m.first == 0 || sc.toks[nx.m.first-1].Lower != "to" || sc.hasBreak(tr.m.last, nx.m.first) {
			return nil
		}
		if t := nx.m.p.rule.Type; t == "COERCE" || t == "SANCTION" {
			return nx
		}
		return nil
	}
	return nil
}

// peacekeeping codes the arrival of peacekeepers: AID, CAMEO 074 (military protection or
// peacekeeping).
var peacekeeping = &Rule{Type: "AID", Cameo: "074", Goldstein: 8.5, Place: true, Where: "event/object.go (peacekeepers arriving)"}

// peacekeepers reports a force named as peacekeepers: "UN peacekeepers", "NATO peacekeeping
// troops", "blue helmets".
func (sc *sentenceCtx) peacekeepers(m *actor.Mention) bool {
	for k := max(0, m.First-2); k < m.Last; k++ {
		if w := sc.toks[k].Lower; strings.HasPrefix(w, "peacekeep") || w == "helmets" {
			return true
		}
	}
	return false
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

// sayingNouns name what someone said: a refusal of one ("rejected the statement") is aimed at
// whoever said it.
var sayingNouns = map[string]bool{"statement": true, "statements": true, "call": true, "calls": true,
	"demand": true, "demands": true, "accusation": true, "accusations": true, "allegation": true,
	"allegations": true, "claim": true, "claims": true, "proposal": true, "offer": true, "remarks": true,
	"criticism": true, "charges": true, "charge": true, "ultimatum": true, "request": true}

// sayings are the types of the acts sayingNouns can refer to.
var sayings = map[string]bool{"REQUEST": true, "ACCUSE": true, "AGREE": true, "THREATEN": true,
	"SUPPORT": true, "REJECT": true}

// referred makes a mention, at the end of tr, of an actor of an event coded before.
func referred(a Actor, tr *trigger) *actor.Mention {
	return &actor.Mention{First: tr.m.last, Last: tr.m.last, Start: tr.end, End: tr.end,
		Text: a.Text, Name: a.Name, Country: a.Country, Sector: a.Sector}
}

// referredSaying returns the maker of the document's latest verbal act aimed at the one who
// refuses, when the refusal's object is a saying with no maker named ("rejected the statement as
// interference"), or nil.
func (st *docState) referredSaying(toks []text.Token, tr *trigger, src *actor.Mention) *actor.Mention {
	k := tr.m.last
	for k < len(toks) && k < tr.m.last+3 && (toks[k].Lower == "the" || toks[k].Lower == "this" || toks[k].Lower == "that" || toks[k].Lower == "these" || toks[k].Lower == "latest") {
		k++
	}
	if k >= len(toks) || !sayingNouns[toks[k].Lower] || k+1 < len(toks) && (toks[k+1].Lower == "of" || toks[k+1].Lower == "by" || toks[k+1].Lower == "from") {
		return nil
	}
	for i := len(st.events) - 1; i >= 0; i-- {
		e := st.events[i]
		if e.Negated || e.Source.Country == "" || !sayings[e.Type] || src == nil || e.Source.Country == src.Country ||
			e.Target == nil || e.Target.Country != src.Country {
			continue // (only a saying aimed at the one who rejects it)
		}
		return referred(e.Source, tr)
	}
	return nil
}

// namesAct reports a noun that names an act or a meeting.
func namesAct(w string) bool { return actNouns[w] || meetingNouns[w] }

// meetingNouns name a meeting: a charge or a praise of one is aimed at both its sides.
var meetingNouns = map[string]bool{"visit": true, "trip": true, "meeting": true, "summit": true, "talks": true}

// referredAct returns the source of the act a charge or a praise speaks of when the words after
// the trigger name an act rather than an actor ("condemned the launch", "welcomed Monday's
// decision"): the latest act of the document a charge can be about (force, coercion, sanctions,
// threats, deployments), or any act for praise; for a meeting ("criticised the visit"), the latest
// meeting's two sides. Nil when the words name no act.
func (st *docState) referredAct(toks []text.Token, tr *trigger, typ string) (by, with *actor.Mention) {
	k := tr.m.last
	if namesAct(toks[k-1].Lower) {
		k-- // the phrase holds the act: "welcomed the move"
	}
	for k < len(toks) && k < tr.m.last+4 {
		w := toks[k].Lower
		if namesAct(w) {
			break
		}
		if w != "the" && w != "this" && w != "that" && w != "latest" && w != "recent" && w != "'s" && w != "last" && !weekdays[w] && w != "missile" && w != "military" && w != "air" && w != "nuclear" {
			return nil, nil
		}
		k++
	}
	if k >= len(toks) || !namesAct(toks[k].Lower) {
		return nil, nil
	}
	mention := func(a Actor) *actor.Mention { return referred(a, tr) }
	meeting := meetingNouns[toks[k].Lower]
	if meeting && k+1 < len(toks) && (toks[k+1].Lower == "of" || toks[k+1].Lower == "by" || toks[k+1].Lower == "to" || toks[k+1].Lower == "between" || toks[k+1].Lower == "with") {
		return nil, nil // "the visit of Raisi to Damascus": the text names its sides
	}
	for i := len(st.events) - 1; i >= 0; i-- {
		e := st.events[i]
		if e.Negated || e.Source.Country == "" {
			continue
		}
		if meeting {
			// "criticised the visit": the visitor and the host
			if e.Type == "CONSULT" && e.Target != nil {
				return mention(e.Source), mention(*e.Target)
			}
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

// reports reports an actor followed by a speech verb, one word apart at most: ", the army
// said", "Thai military sources said".
func (sc *sentenceCtx) reports(m *actor.Mention) bool {
	last := sc.afterInitials(m)
	if sc.charges(m, last) {
		return true
	}
	for k := last; k < len(sc.toks) && k <= last+1; k++ {
		if sc.said(k) {
			return true
		}
		if k > last || sc.mentionAt(k) != nil || !isWord(sc.toks[k]) {
			break
		}
	}
	return false
}

// afterInitials returns the token after mention m and its initials in brackets, if any: "Human
// Rights Watch (HRW)| said".
func (sc *sentenceCtx) afterInitials(m *actor.Mention) int {
	last := m.Last
	if last+2 < len(sc.toks) && sc.toks[last].Lower == "(" && sc.toks[last+2].Lower == ")" {
		last += 3
	}
	return last
}

// chargeVerbs report speech that accuses: "…, a rights group protested".
var chargeVerbs = map[string]bool{"charged": true, "alleged": true, "protested": true,
	"complained": true, "charges": true, "alleges": true, "protests": true, "complains": true}

// clauseWords open a clause of their own: ", and Iran protested" is not a report.
var clauseWords = map[string]bool{"and": true, "or": true, "but": true, "which": true, "who": true,
	"that": true, "while": true, "as": true, "when": true, "after": true, "before": true, "then": true}

// charges reports an actor after a comma whose verb, at the end of the sentence, charges the
// clause before it: "Croatia is failing to uphold their rights, a rights group protested
// Wednesday". last is the token after the actor (and its initials in brackets).
func (sc *sentenceCtx) charges(m *actor.Mention, last int) bool {
	if last >= len(sc.toks) || !sc.is(last, chargeVerbWord) {
		return false
	}
	k := m.First - 1 // back over "a human" in ", a human rights group protested"
	for k >= 0 && k >= m.First-3 && isWord(sc.toks[k]) && !sc.toks[k].IsCapitalized() && !sc.said(k) && !sc.is(k, clauseWord) {
		k--
	}
	if k < 0 || sc.toks[k].Lower != "," {
		return false
	}
	for _, o := range sc.mentions {
		if o.First > last {
			return false // "…, protested the arrest of X": an act with its own object
		}
	}
	return true
}

// backgroundBetween reports a phrase of time or cause between tokens i and j: what follows
// "after", "following" or "because of" is the setting of the act, not its target ("reimposed
// blockades in the West Bank following the shooting of two Israelis").
func (sc *sentenceCtx) backgroundBetween(i, j int) bool {
	for k := i; k < j && k+1 < len(sc.toks); k++ {
		// ", as authorities in Croatia cracked down…": another clause; ", a charge Kabul denies":
		// an apposition about the act
		// (the text read only at a mark: markWord)
		if sc.is(k, markWord) && sc.toks[k].Lower == "," && (sc.is(k+1, subordinatorWord) || sc.is(k+1, articleWord) && sc.toks[k+1].Lower != "the" && k+1 < j-1) {
			return true
		}
		// "impose martial law as street battles raged in Baghdad": a clause of its own, with its
		// subject and a finite verb
		if k > 0 && sc.is(k, clauseStartWord) && sc.toks[k-1].Lower != "," && sc.finiteVerbSoon(k+1, j) {
			return true
		}
		// "after four years": a length of time, not an earlier act
		if sc.is(k, causeWord) && !text.IsNumber(sc.toks[k+1]) && !sc.is(k+1, numberWord) {
			return true
		}
	}
	return false
}

// finiteVerbSoon reports a verb in the past tense or a form of "be" or "have" within four words
// from token i, before token j and before any actor: "as street battles raged".
func (sc *sentenceCtx) finiteVerbSoon(i, j int) bool {
	for k := i; k < j && k < i+4; k++ {
		w := sc.toks[k].Lower
		if w == "," || sc.blocked[k] { // (blocked: an actor's token, or a comma)
			return false
		}
		if k > i && (sc.is(k, beFormWord) || w == "has" || w == "have" || w == "had" || strings.HasSuffix(w, "ed") && sc.isVerbish(k)) {
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
		if sc.isVerbish(k) || sc.is(k, auxiliaryWord) {
			return true
		}
	}
	return false
}

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
	for k >= 0 && (sc.is(k, compassWord) || strings.HasSuffix(sc.toks[k].Lower, "eastern") || strings.HasSuffix(sc.toks[k].Lower, "western")) {
		k--
	}
	if k >= 1 && sc.is(k, placeNounWord) {
		// "in East Timor's capital Dili": a place named after its kind and state (a city named
		// "the capital Kabul" may stand for the government and is left as it is)
		if sc.toks[k-1].Lower == "'s" && k >= 2 && sc.mentionAt(k-2) != nil {
			k = sc.mentionAt(k-2).First - 1
		}
	}
	return k >= 0 && sc.is(k, locativeWord)
}

var compass = map[string]bool{"north": true, "northern": true, "south": true, "southern": true,
	"east": true, "eastern": true, "west": true, "western": true, "central": true}

// authorities returns the government of the state named as the place of tr ("was arrested in
// Lebanon"), or nil: an arrest or an inquiry with no agent is the doing of the state it happens in.
func (sc *sentenceCtx) authorities(tr *trigger) *actor.Mention {
	p := sc.population(tr)
	if p == nil || actor.NonState(p.Country) {
		return nil
	}
	for _, m := range sc.mentions {
		if m.First == p.First && !m.IsState() {
			return nil // "in Gaza", "in the camp": a place, not a state that acts
		}
	}
	p.Sector = "GOV"
	return p
}

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
