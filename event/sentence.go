package event

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/place"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/when"
)

// trigger is a pattern found in a sentence, with what its context says about it.
type trigger struct {
	m          match
	start, end int // byte offsets
	negated    bool
	intended   string   // for a promise or threat: the type of the act promised
	threat     bool     // an intent to use force: THREATEN rather than AGREE
	framed     bool     // the content of a framing phrase, not coded on its own
	content    *trigger // for a framing phrase: the act it frames
	as         *Rule    // the rule the act is coded by when not its pattern's (see recode)
	future     bool     // said with "will" or "would": an act still to come
	typ        actType  // the type of its pattern's rule (not of the rule it is recoded as): pattern.typ
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

// actType is an event type as a small number (typeOf), so that the coding of an act tests its
// rule's type once rather than comparing strings again and again.
type actType uint8

// The event types, numbered from 1 in the order of Types; noType is none of them.
const (
	noType actType = iota
	agreeType
	consultType
	supportType
	concedeType
	cooperateType
	aidType
	retreatType
	requestType
	accuseType
	rejectType
	threatenType
	protestType
	sanctionType
	mobilizeType
	coerceType
	assaultType
)

// typeOf returns the number of the event type named t, noType for a name not in Types (the
// constants above are in the order of Types).
func typeOf(t string) actType {
	return actType(slices.Index(Types, t) + 1)
}

// typeSet is a set of event types, one bit for each.
type typeSet uint32

// has reports whether t is in the set. (t&31 is t, as every type's number is below 32: it spares
// the test of a shift past the set's width that Go makes otherwise, in a test asked of every act.)
func (s typeSet) has(t actType) bool {
	return s&(1<<(t&31)) != 0
}

// toCounterpart are the verbal acts that, naming no one, are addressed to the other side of
// the meeting where they are made (a call, praise, a promise); an accusation is not.
const toCounterpart typeSet = 1<<requestType | 1<<supportType | 1<<agreeType

// withEachOther are the acts a compound subject does with each other when it names no one else
// ("Czechia and Albania upgraded their ties", "failed to reach an agreement"); other acts go to a
// third party, or to no one ("the United States and Britain urged restraint", "Canada and the EU
// announced sanctions").
const withEachOther typeSet = 1<<consultType | 1<<agreeType | 1<<cooperateType | 1<<supportType

// eachOther reports an act a compound subject does with each other (withEachOther), or a failure
// to agree ("failed to reach an agreement"); a refusal of no one named is no one's ("Poland and
// Bulgaria refused to pay in roubles" is not a refusal of each other). t is the type of r.
func eachOther(tr *trigger, t actType) bool {
	return withEachOther.has(t) || t == rejectType && strings.HasPrefix(tr.m.p.text, "+fail")
}

// ownForces are the acts done with the source's own forces: their target is the other state
// named, wherever ("strengthened its forces in Lebanon", "withdrew troops from Panama").
const ownForces typeSet = 1<<mobilizeType | 1<<retreatType | 1<<aidType

// placeTargets are the material acts whose target, when no actor is named, is the people of
// the place where they happen.
const placeTargets typeSet = 1<<threatenType | 1<<coerceType | 1<<assaultType | 1<<sanctionType |
	1<<concedeType | 1<<retreatType | 1<<aidType

// targetOptional types are coded without a target when none is named (PLOVER allows it): a
// promise ("promised to democratize the country"), a deployment.
const targetOptional typeSet = 1<<agreeType | 1<<mobilizeType | 1<<retreatType | 1<<requestType

// violent types turn an intent into a threat (formats.md: a declared intent to use force).
var violent = map[string]bool{"ASSAULT": true, "COERCE": true, "MOBILIZE": true}

// verbal types are acts of speech: their source is the speaker.
const verbal typeSet = 1<<supportType | 1<<accuseType | 1<<requestType | 1<<rejectType |
	1<<agreeType | 1<<threatenType | 1<<concedeType

// read is the first pass over a document's sentences, stage by stage so that each stage's code
// runs over the whole document at once rather than turn by turn with the others': the tokens of
// every sentence, their words' entries in the pattern tables and the knowledge base (one look-up
// for both: lexicon), then their actor mentions in order (a mention may refer back to those
// before it: "he", "the two presidents"), their time expressions, the context cues they count,
// and their triggers. The coding of each sentence
// (sentence) follows, then the placing of every event (Coder.code).
//
// This is the same as coding sentence by sentence because no stage of the first pass reads what
// coding writes: the coding reads the actor.Doc only for its subject, which read keeps as it was
// after each sentence's mentions; a sentence's mentions are not changed by later sentences (a
// learned person's country may be set later, but coding reads a person's terms only for an office
// holder of the knowledge base, never for a learned one);
// and placing reads only the event, its sentence and what earlier placings set (scene).
func (st *docState) read(sents []text.Sentence) {
	staleToks, staleRead := len(st.allToks), len(st.read1) // (the last document's: clearStale)
	st.allToks, st.read1 = st.allToks[:0], st.read1[:0]
	// one buffer for the lower-case forms of the document's capitalised words (a guess: such words
	// are about a quarter of news text), the scratch's, which the document before used: the tokens'
	// Lower strings share its bytes (text.AppendTokensFolded), and nothing keeps a token, nor a
	// string of one, once its document is coded (the events copy what they keep: see
	// TestEventsKeptAcrossDocuments). Reused, its memory is warm rather than new and cold for each document.
	folded := st.folded[:0]
	if need := len(st.doc.Text)/3 + 16; cap(folded) < need {
		folded = make([]byte, 0, need+need/4)
	}
	// every token's entry in the pattern tables and, from the same look-up, its word in the
	// knowledge base for the mentions (a Coder put together without NewCoder looks each table up),
	// for the whole document at once once it is split into tokens (lexicon.lookUpDoc)
	oneLookUp := st.c.words.of(st.c)
	st.allLex, st.allWords = st.allLex[:0], st.allWords[:0]
	// which sentences hold no digit and no time word (when.Quiet), told by the same look-up: the
	// reading of time expressions passes over them
	var quietBuf [64]bool
	quiet := quietBuf[:0]
	// the context cues are counted by the same look-up when the pattern tables hold them
	// (Patterns.addCues); those of a dateline are taken back below
	var cues *counter
	if oneLookUp && st.c.Patterns.cues == st.c.Contexts {
		cues = st.contexts
	}
	// the tokens of every sentence in one call (room for them reserved once: about one every
	// five bytes), and where each sentence's end (on the stack for most documents)
	var endsBuf [128]int
	var ends []int
	var last []byte // the buffer the last forms went to: folded, or a larger one when it filled
	st.allToks, last, ends = text.AppendDocTokens(slices.Grow(st.allToks, len(st.doc.Text)/5+1), folded, endsBuf[:0], st.doc.Text, sents)
	st.folded = folded
	if cap(last) > cap(folded) {
		st.folded = last
	}
	start := 0
	for _, end := range ends {
		st.read1 = append(st.read1, sentenceRead{start: start, first: start, end: end, words: ^lexFlag(0)})
		start = end
	}
	var loud int // the sentences that are not quiet
	if oneLookUp {
		quiet, loud = st.c.words.lookUpDoc(st.scratch, cues, sents, quiet)
	} else {
		for _, r := range st.read1 {
			quiet = append(quiet, false)
			loud++
			st.allLex = st.c.Patterns.lookUp(st.allLex, st.allToks[r.start:r.end])
		}
	}
	clearStale(st.allToks, staleToks)
	clearStale(st.read1, staleRead)
	for idx := range st.read1 {
		r := &st.read1[idx]
		// the dateline opens the first sentence, or the first after a heading ("KHARTOUM, May 3 -")
		if idx <= 2 {
			toks := st.allToks[r.start:r.end]
			if idx == 0 || len(toks) > 2 && (toks[1].Lower == "," || toks[1].Lower == "(") && len(toks[0].Text) > 2 && toks[0].Text == strings.ToUpper(toks[0].Text) {
				r.first += text.Dateline(toks)
				if cues != nil && r.first > r.start {
					cues.takeBack(toks, st.allLex[r.start:r.end], r.first-r.start)
				}
			}
		}
		if r.first < r.end {
			if oneLookUp {
				r.mentions = st.actors.MentionsOf(st.allToks[r.first:r.end], st.allWords[r.first:r.end:r.end])
			} else {
				r.mentions = st.actors.Mentions(st.allToks[r.first:r.end])
			}
			st.capitalsElsewhere(r.mentions)
			r.subject = st.actors.Subject()
		}
	}
	// the time expressions of every sentence in one slice (a guess: one in each sentence that is
	// not quiet), each sentence's capped so that no append to it writes over the next's; the
	// scratch block's, which the next document reuses (an event copies the date it keeps)
	times := slices.Grow(st.timeMemory[:0], loud)
	pub := st.pub // (read once for the document)
	for idx, s := range sents {
		if !quiet[idx] {
			r := &st.read1[idx]
			n := len(times)
			if times = when.AppendFindTokens(times, s, st.allToks[r.start:r.end], pub); len(times) > n {
				r.times = times[n:len(times):len(times)]
			}
		}
	}
	st.timeMemory = times
	if cues == nil { // (else counted above)
		for i := range st.read1 {
			r := &st.read1[i]
			if st.c.Patterns.cues == st.c.Contexts {
				st.contexts.add(st.allToks[r.first:r.end], st.allLex[r.first:r.end])
			} else {
				st.contexts.add(st.allToks[r.first:r.end], nil) // (a Coder put together without NewCoder)
			}
		}
	}
	st.allBlocked = st.flags(&st.allBlocked, len(st.allToks))
	st.allTrs, st.targets = st.allTrs[:0], st.targets[:0]
	for idx := range st.read1 {
		st.triggers(&st.read1[idx])
	}
}

// triggers finds the triggers of the sentence r (its words that begin a pattern's phrase,
// longest first from the left, never inside an actor mention) and marks the tokens of its actor
// mentions in allBlocked.
func (st *docState) triggers(r *sentenceRead) {
	toks, lex, blocked, mentions := st.allToks[r.first:r.end:r.end], st.allLex[r.first:r.end:r.end], st.allBlocked[r.first:r.end:r.end], r.mentions
	r.trs = len(st.allTrs)
	for k, m := range mentions {
		for i := m.First; i < m.Last; i++ {
			blocked[i] = true
		}
		if k+1 < len(mentions) && mentions[k+1].First == m.Last+1 && toks[m.Last].Lower == "," && m.Name != "" && mentions[k+1].Name == m.Name {
			// "the UN refugee agency, UNHCR, …": one actor named twice, its commas part of it
			blocked[m.Last] = true
			if n := mentions[k+1]; n.Last < len(toks) && toks[n.Last].Lower == "," {
				blocked[n.Last] = true
			}
		}
	}
	// triggers, longest first from the left, never inside an actor mention
	rd := &st.reading
	rd.set(toks, lex, blocked)
	for i := 0; i < len(toks); {
		if lex[i].first == nil || blocked[i] { // (most words begin no pattern)
			i++
			continue
		}
		if m, ok := find(rd, i); ok {
			if background(toks, lex, &m) || dateWord(toks, m.first) {
				i++
				continue
			}
			st.allTrs = append(st.allTrs, st.newTrigger(trigger{m: m, start: toks[m.first].Start, end: toks[m.last-1].End, typ: m.p.typ}))
			i = m.last
			continue
		}
		i++
	}
	r.trsEnd = len(st.allTrs)
}

// sentenceRead is what the first pass (read) found in a sentence: its tokens (allToks[start:end],
// those after a dateline from first; their entries in the pattern tables are allLex[start:end]),
// its actor mentions, the document's subject after them and its time expressions.
type sentenceRead struct {
	start, first, end int
	mentions          []*actor.Mention
	subject           *actor.Mention
	times             []when.Expr
	trs, trsEnd       int // its triggers: allTrs[trs:trsEnd]
	// the flags of all its words together (fill, through lookUpDoc), every flag when not looked up by the
	// lexicon: a kind of word whose flag is not among them is not in the sentence, so that
	// readActs need not look for it
	words lexFlag
}

// readActs works out what the coding of each act needs to know of its sentence, for every
// sentence of the document at once: its context (negation, intent, framing:
// context) and the tokens that name a topic of talks (topics, in topicBuf for the whole
// document). None of it reads what coding writes. Done stage by stage, the code of these steps
// and that of the coding each stay in the instruction cache from one sentence to the next, where
// taken turn by turn they did not fit in it together.
func (st *docState) readActs() {
	topic := st.flags(&st.topicBuf, len(st.allToks))
	// one context for every sentence, its parts set sentence by sentence rather than a new one
	// made for each (which the compiler built aside, then copied); on the stack, as no method
	// keeps it, so that setting its pointers costs no write barrier (context and topics set none
	// of its parts)
	sc := sentenceCtx{st: st, rd: &st.reading}
	for idx := range st.read1 {
		r := &st.read1[idx] // (not a copy: most sentences are passed over)
		if r.trs == r.trsEnd {
			continue // no act (most sentences)
		}
		toks, lex := st.allToks[r.first:r.end:r.end], st.allLex[r.first:r.end:r.end]
		trs := st.allTrs[r.trs:r.trsEnd:r.trsEnd]
		blocked := st.allBlocked[r.first:r.end:r.end]
		sc.toks, sc.lex, sc.blocked, sc.mentions, sc.trs = toks, lex, blocked, r.mentions, trs
		sc.noCondition = r.words&ifWord == 0
		for k, tr := range trs {
			sc.context(tr, trs[k+1:])
		}
		// a sentence with no word that opens a topic phrase and no act of support, whose
		// "thanked for" opens one too, has no topic: topics would mark nothing (most sentences).
		// (The reading is set only for topics, the one step here that matches phrases: topicAt.)
		if r.words&topicWord != 0 || hasType(trs, supportType) {
			st.reading.set(toks, lex, blocked)
			sc.topics(trs, topic[r.first:r.end:r.end], topicsRead(trs, len(toks)))
		}
	}
}

// sentence codes the sentence s, the idx-th, from what read found in it: its tokens after any
// dateline (st.toks, which place look-ups read, has the dateline's too), mentions and triggers,
// and what readActs found of its acts. Its views of the document's blocks end where the sentence
// ends (three-index slices), so that an append never runs into the next sentence's.
func (st *docState) sentence(idx int, s text.Sentence) {
	r := &st.read1[idx]
	toks := st.allToks[r.first:r.end:r.end]
	if len(toks) == 0 {
		return
	}
	st.subject = r.subject
	if r.trs == r.trsEnd && st.trace == nil {
		return // no act to code (most sentences): nothing to set up
	}
	lex := st.allLex[r.first:r.end:r.end]
	mentions := r.mentions
	trs := st.allTrs[r.trs:r.trsEnd:r.trsEnd]
	// (on the stack: no method keeps it; no reading: the coding matches no pattern, readActs did;
	// set part by part, as a literal was built aside and then copied)
	var sc sentenceCtx
	sc.st, sc.toks, sc.lex, sc.blocked, sc.mentions, sc.trs = st, toks, lex, st.allBlocked[r.first:r.end:r.end], mentions, trs
	if st.trace != nil {
		st.traceSentence(idx, s, toks, mentions)
		st.tracePhrases(trs)
	}
	if len(trs) == 0 {
		return // nothing to code
	}
	topic := st.topicBuf[r.first:r.end:r.end]
	sc.topic = topic
	var prevSubj *actor.Mention
	var prev *trigger
	prevEnd, insideEnd := 0, 0 // insideEnd: the end of the last act found inside another's object
	for k, tr := range trs {
		// a charge in a discussed topic is still a charge (guideline 9)
		if tr.framed {
			st.skipped(tr, "not coded on its own: what the phrase before it frames (its intent)")
			continue
		}
		if topic[tr.m.first] && !tr.m.p.rule.Named && !sc.ownParticipants(tr) {
			st.skipped(tr, "not coded: a topic of talks, a condition or a purpose")
			continue
		}
		if k+1 < len(trs) && tr.m.last+1 == trs[k+1].m.first && sc.toks[tr.m.last].Lower == "by" && trs[k+1].m.p.form == formIng {
			// "retaliated by expelling two diplomats": the act is the means named after "by"
			st.skipped(tr, "not coded: the act after it says what was done")
			continue
		}
		// an act named inside the object of another act is part of it: "police prevented
		// the demonstration staged by students", "will never forget Iran's support"
		subj := sc.subject(tr)
		if prevEnd > 0 && !sc.joined(prevEnd, tr.m.first) && !tr.m.p.rule.Named &&
			(subj != nil && subj == prevSubj || tr.m.p.form == formNone || sc.adjectiveObject(subj, prevEnd, tr)) ||
			insideEnd > 0 && sc.coordinate(insideEnd, tr.m.first) {
			// "support a resolution that aims to tighten sanctions and impose a blockade": an act
			// coordinated with one inside the object is inside it too
			st.skipped(tr, "not coded: inside the object of the act before it")
			insideEnd = tr.m.last
			continue
		}
		insideEnd = 0
		// "sanctions against Russia, targeting companies in China": a participle after a comma
		// that describes the noun act before it, of another type
		if prev != nil && prev.m.p.form == formNone && tr.m.p.form == formIng && tr.m.first > 0 &&
			sc.toks[tr.m.first-1].Lower == "," && prev.typ != tr.typ && tr.m.first-prev.m.last <= 6 {
			st.skipped(tr, "not coded: it describes the act before it")
			continue
		}
		before := len(st.events)
		sc.code(idx, s, tr, subj)
		if len(st.events) == before && st.trace != nil {
			st.skipped(tr, "no event: no actor to be its source, or no target for a type that needs one")
		}
		prevSubj, prevEnd, prev = subj, tr.m.last, tr
	}
}

// traceSentence notes, when tracing, the sentence's text, tokens and actor mentions. (The
// tracing is out of line, as are tracePhrases and skipped, so that sentence's machine code,
// run for every sentence with an act, holds only what coding does.)
func (st *docState) traceSentence(idx int, s text.Sentence, toks []text.Token, mentions []*actor.Mention) {
	st.note("sentence %d: %s", idx, s.Text)
	var words []string
	for _, t := range toks {
		words = append(words, t.Text)
	}
	st.note("  tokens: %s", strings.Join(words, " | "))
	for _, m := range mentions {
		how := "from the dictionaries"
		switch {
		case m.Pronoun && strings.EqualFold(m.Text, "they"):
			how = "a pronoun for the group that opens the sentence"
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

// tracePhrases notes, when tracing, the acts found in the sentence.
func (st *docState) tracePhrases(trs []*trigger) {
	for _, tr := range trs {
		st.note("  phrase %q = %s %s (%s)", st.doc.Text[tr.start:tr.end], tr.m.p.rule.Type, tr.m.p.rule.Mode, tr.m.p.rule.Where)
	}
}

// skipped notes, when tracing, why the act tr makes no event. (Not inlined: sentence calls it in
// five places, each rarely taken.)
//
//go:noinline
func (st *docState) skipped(tr *trigger, why string) {
	if st.trace != nil { // (note's arguments would be boxed, on the heap, even when not tracing)
		st.note("  - %q: %s", st.doc.Text[tr.start:tr.end], why)
	}
}

// isCapital reports a state named by its capital city: "Tripoli", "Paris".
func (st *docState) isCapital(m *actor.Mention) bool {
	_, ok := st.capitalNamed(m)
	return ok
}

// capitalNamed returns the capital m names its state by, if it does.
func (st *docState) capitalNamed(m *actor.Mention) (place.Place, bool) {
	if !m.IsState() || m.Person != nil || m.Country == "" {
		return place.Place{}, false
	}
	capital, ok := st.c.Places.Capital(m.Country)
	return capital, ok && strings.EqualFold(capital.Name, strings.TrimPrefix(m.Text, "the "))
}

// verbBetween reports an auxiliary, a speech verb or a comma between tokens i and j.
func (sc *sentenceCtx) verbBetween(i, j int) bool {
	for k := i; k < j; k++ {
		if w := sc.toks[k].Lower; w == "," || sc.is(k, auxiliaryWord) || sc.said(k) {
			return true
		}
	}
	return false
}

// capitalsElsewhere moves a capital's name to a city of the same name in another state the
// sentence names, when its own state is not named: "rival militias in Tripoli … the north
// Lebanese port" is Tripoli in Lebanon. The city must have at least a twentieth of the capital's
// people (as the gazetteer's own choice between places of one name).
func (st *docState) capitalsElsewhere(mentions []*actor.Mention) {
	for _, m := range mentions {
		if !m.IsState() || m.Person != nil || m.Country == "" {
			continue // (named by no capital: capitalNamed, asked below only where it matters)
		}
		other, own := "", false
		for _, o := range mentions {
			if o == m || o.Country == "" || actor.NonState(o.Country) {
				continue
			}
			if !o.IsState() && !o.Adjective && o.Person == nil && o.Name == "" {
				continue // (a group's state may come from the capital itself: "militias in Tripoli")
			}
			if o.Country == m.Country {
				own = true
				break
			} else if other == "" {
				other = o.Country
			}
		}
		if own || other == "" {
			continue
		}
		capital, ok := st.capitalNamed(m)
		if !ok || st.c.Places.CapitalAlone(m.Country, m.Text) {
			// (most capitals have no namesake elsewhere to move to: told without a probe of
			// the gazetteer's large table of names, as LookupIn would make)
			continue
		}
		if p, ok := st.c.Places.LookupIn(m.Text, other); ok && p.Country == other && p.Population*20 >= capital.Population {
			// and the unnamed groups placed by it ("rival militias in Tripoli")
			old := m.Country
			for _, o := range mentions {
				if o.Country == old && (o == m || o.Person == nil && o.Name == "" && !o.IsState() && !o.Adjective) {
					o.Country = other
				}
			}
		}
	}
}

// dateWord reports a month that reads like a verb in a date: "March 12", "12 March".
// (Small enough for the compiler to write it out where it is called: it is asked of every act
// found, and most are no month.)
func dateWord(toks []text.Token, i int) bool {
	w := toks[i].Lower
	return (w == "march" || w == "may") && besideNumber(toks, i)
}

// besideNumber reports a capitalised token i right before or after a number.
func besideNumber(toks []text.Token, i int) bool {
	return toks[i].IsCapitalized() && (i+1 < len(toks) && text.IsNumber(toks[i+1]) || i > 0 && text.IsNumber(toks[i-1]))
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "our": true, "my": true, "your": true, "this": true, "that": true,
	"in": true, "of": true, "for": true, "with": true, "'s": true}

// usedAsVerb rejects a verb pattern whose first word stands as a noun: "in support of",
// "the attack" (the noun patterns of the file cover those uses).
func usedAsVerb(toks []text.Token, lex []*wordEntry, m *match) bool {
	if m.p.form == formNone || m.first == 0 {
		return true
	}
	prev := toks[m.first-1].Lower
	if prev == "-" {
		return false // foreign-backed, anti-terror fight
	}
	switch m.p.form {
	case formS:
		return !lex[m.first-1].is(determinerWord)
	case formBase:
		// a bare verb follows its subject, "to", a modal, a negation or an adverb
		return !lex[m.first-1].is(determinerWord) && (lex[m.first-1].is(baseLicensorWord) || strings.HasSuffix(prev, "ly") || !isWord(toks[m.first-1]) || toks[m.first-1].IsCapitalized())
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
func background(toks []text.Token, lex []*wordEntry, m *match) bool {
	if m.p.form != formNone && m.p.form != formIng {
		return false
	}
	// "in the fight against terrorism", "in its war on": the setting of another act
	if m.p.form == formNone && m.first >= 2 && toks[m.first-2].Lower == "in" && lex[m.first-1].is(determinerWord) {
		return true
	}
	for k := m.first - 1; k >= 0 && k >= m.first-3; k-- {
		if lex[k].is(backgroundWord) {
			// "after meeting Sudanese leader Burhan": a gerund right after after/before/since
			// tells of an act of its own; "during the war", "after the attack" set the scene
			w := toks[k].Lower
			return !(m.p.form == formIng && k == m.first-1 && (w == "after" || w == "before" || w == "since"))
		}
		if !lex[k].is(skippableWord) && !isAdjectiveLike(toks[k]) {
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
	lex      []*wordEntry // the entry of each token's word in the pattern tables (Patterns.lookUp)
	blocked  []bool       // the tokens read blocked (triggers): those of actor mentions, and commas
	rd       *reading     // the sentence as the pattern matcher reads it (for topics, in readActs; nil when coding)
	mentions []*actor.Mention
	topic    []bool         // the tokens that name a topic of talks, not an act (see topics)
	lastTgt  *actor.Mention // the target of the latest event coded in the sentence
	lastType actType        // and its type
	trs      []*trigger     // the sentence's acts, in order
	// no word of the sentence opens a condition (sentenceRead.words), so that conditionAfter
	// need not look; false when not known
	noCondition bool
}

// context sets negation, intent and framing of tr (its type, tr.typ, set); later are the
// triggers after it.
//
// Its loops stop at a comma or an actor: at a blocked token (sc.blocked), which is part of an
// actor mention or a comma (triggers), rather than at one mentionAt finds in the mentions.
func (sc *sentenceCtx) context(tr *trigger, later []*trigger) {
	toks, blocked := sc.toks, sc.blocked
	first := tr.m.first
	// negation and modals: up to four words before the trigger, not across an actor or comma
	// (each word's classes read once; its text only at a mark: markWord)
	for i := first - 1; i >= 0 && i >= first-4; i-- {
		c := sc.lex[i].class
		if c&markWord != 0 && toks[i].Lower == "," || blocked[i] {
			break
		}
		if c&negatorWord != 0 {
			tr.negated = true
		}
		if c&modalWord != 0 {
			tr.future = true
		}
		if c&modalWord != 0 && tr.typ != agreeType && tr.typ != threatenType && tr.typ != rejectType { // ("would not allow": a refusal now)
			tr.intended = tr.m.p.rule.Type
			tr.threat = violent[tr.intended]
		}
	}
	// "will provide 25,000 tons of food aid": a noun act that is the object of a future verb
	if tr.m.p.form == formNone && tr.intended == "" && tr.typ != agreeType && tr.typ != threatenType {
		for i := first - 1; i >= 0 && i >= first-8; i-- {
			// (a comma is a clause opener too: clauseOpeners)
			c := sc.lex[i].class
			if c&clauseOpenerWord != 0 && toks[i].Lower != "-" || blocked[i] || c&negatorWord != 0 {
				break
			}
			if c&modalWord != 0 {
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
				if tr.intended == "MOBILIZE" && sc.peacekeepingAfter(nx.m.last) {
					// "offered to send troops … as part of a peacekeeping mission": help, no threat
					tr.intended, tr.threat = "AID", false
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
	if hostile.has(tr.typ) && sc.conditionAfter(tr.m.last, "if") && sc.modalBefore(first) {
		tr.intended, tr.threat = tr.m.p.rule.Type, true
	}
	// a promise framed without content is a promise to cooperate
	if tr.typ == agreeType && tr.intended == "" && strings.Contains(tr.m.p.text, " to") {
		tr.intended = "COOPERATE"
	}
}

// hasType reports whether one of trs is of type t.
func hasType(trs []*trigger, t actType) bool {
	for _, tr := range trs {
		if tr.typ == t {
			return true
		}
	}
	return false
}

// topicsRead returns how many of the first tokens of a sentence of n tokens, with the acts trs,
// the coding asks whether they are in a topic: up to the first token of its last act (sentence),
// or every token when one of them is a meeting, whose target (object) must not be in a topic.
func topicsRead(trs []*trigger, n int) int {
	limit := 0
	for _, tr := range trs {
		if tr.typ == consultType {
			return n
		}
		limit = max(limit, tr.m.first+1)
	}
	return limit
}

// topics marks in in, false for each token of the sentence, the tokens before limit that name a
// topic of talks rather than an act: from a topic phrase ("discussed", "the importance of",
// "congratulated X on") to the end of its clause. (The tokens from limit on are left as they are:
// no one reads them, topicsRead.)
func (sc *sentenceCtx) topics(trs []*trigger, in []bool, limit int) {
	on := false
	// what someone is thanked, praised or congratulated for is a topic too: the tokens, in order
	// (the triggers are, and each token is the first after its trigger)
	var thanksBuf [8]int
	thanks := thanksBuf[:0]
	for _, tr := range trs {
		if tr.typ != supportType { // (its pattern's rule's type: not recoded before coding)
			continue
		}
		for k := tr.m.last; k < len(sc.toks) && k < tr.m.last+12; k++ {
			if w := sc.toks[k].Lower; (w == "on" || w == "for" || w == "over") && sc.mentionAt(k) == nil {
				thanks = append(thanks, k)
				break
			}
		}
	}
	next := 0 // thanks[next:] are at or after token i
	for i := 0; i < limit; i++ {
		for next < len(thanks) && thanks[next] < i {
			next++
		}
		if !on {
			// outside a topic only a word that opens one, or one thanked for, changes anything
			stop := limit
			if next < len(thanks) {
				stop = min(stop, thanks[next])
			}
			for i < stop && sc.lex[i].topic == nil {
				i++ // (in[i] is false already)
			}
			if i == limit {
				break
			}
		}
		e := sc.lex[i]
		if next < len(thanks) && thanks[next] == i {
			on = true
		}
		if e.is(topicEndWord) && sc.endsTopic(i, trs) {
			on = false
		}
		if !on && e.topic != nil {
			if end := topicAt(sc.rd, i); end > i {
				on = true
				i = end - 1
				continue
			}
		}
		in[i] = on
	}
}

// topicEnds are the words that may end a topic: the words endsTopic tests (keep the two in step;
// topics asks endsTopic only at a token of one of them).
var topicEnds = map[string]bool{";": true, "\"": true, "\u201c": true, "\u201d": true, ",": true,
	"and": true, "but": true}

// endsTopic reports a topic's end at token i: a semicolon, a quote, a new clause (", said", "and
// condemned", ", the army has…", ", while"), a gerund act after a comma.
func (sc *sentenceCtx) endsTopic(i int, trs []*trigger) bool {
	t := sc.toks[i].Lower
	return t == ";" || t == "\"" || t == "\u201c" || t == "\u201d" ||
		t == "," && i+1 < len(sc.toks) && (sc.said(i+1) || strings.HasSuffix(sc.toks[i+1].Lower, "ing") && sc.startsAct(i+1, trs)) ||
		(t == "and" || t == "but") && i+1 < len(sc.toks) && (sc.said(i+1) || sc.startsFiniteAct(i+1, trs)) ||
		t == "," && (sc.subjectClause(i+1) || i+1 < len(sc.toks) && sc.is(i+1, contrastWord))
}

// adjectiveObject reports a noun act right after the act before it, with only a state's
// adjective between: "struck Iranian targets" names what was struck, not an Iranian act.
func (sc *sentenceCtx) adjectiveObject(subj *actor.Mention, prevEnd int, tr *trigger) bool {
	return subj != nil && subj.Adjective && subj.Last == tr.m.first && subj.First <= prevEnd+1 && subj.First >= prevEnd
}

// peacekeepingAfter reports peacekeepers named within a dozen words after token i, in its clause.
func (sc *sentenceCtx) peacekeepingAfter(i int) bool {
	for k := i; k < len(sc.toks) && k < i+12; k++ {
		w := sc.toks[k].Lower
		if w == ";" || w == "," && k+1 < len(sc.toks) && sc.said(k+1) {
			return false
		}
		if strings.HasPrefix(w, "peacekeep") {
			return true
		}
	}
	return false
}

// contrasts open a clause of another speaker or subject: "…, while the army said…".
var contrasts = map[string]bool{"while": true, "whereas": true, "although": true, "though": true}

// subjectClause reports a clause opening at token i with its own subjects and verb: "(With the
// signing of a memorandum on X,) the government and the rebels have agreed…".
func (sc *sentenceCtx) subjectClause(i int) bool {
	k, n := i, 0
	for k < len(sc.toks) {
		if m := sc.mentionAt(k); m != nil && m.First == k {
			k, n = m.Last, n+1
			continue
		}
		if w := sc.toks[k].Lower; n > 0 && (w == "and" || w == ",") && k+1 < len(sc.toks) && sc.mentionAt(k+1) != nil {
			k++
			continue
		}
		break
	}
	return n > 0 && k < len(sc.toks) && (sc.is(k, auxiliaryWord) || sc.isVerbish(k))
}

// coordinate reports that only "and", "or" or a comma stand between tokens i and j: "tighten
// sanctions and impose a blockade".
func (sc *sentenceCtx) coordinate(i, j int) bool {
	if j <= i || j-i > 2 {
		return false
	}
	for k := i; k < j; k++ {
		if w := sc.toks[k].Lower; w != "and" && w != "or" && w != "," {
			return false
		}
	}
	return true
}

// joined reports whether the words between two acts coordinate them ("killed three and wounded
// two", ", killing …") rather than embed the second in the first.
func (sc *sentenceCtx) joined(i, j int) bool {
	for k := i; k < j && k < len(sc.toks); k++ {
		switch w := sc.toks[k].Lower; {
		case w == "and" || w == "," || w == ";" || w == "but" || w == "then" || w == "while" || w == "as":
			return true
		case sc.said(k):
			return true
		case w == "by" && k == j-1 && j < len(sc.toks) && strings.HasSuffix(sc.toks[j].Lower, "ing"):
			return true // "retaliated by launching an investigation": the means, an act of its own
		}
	}
	return false
}

// crossesPhrase reports a time or circumstance phrase between tokens i and j ("agreed to a
// ceasefire after two days of fighting").
func (sc *sentenceCtx) crossesPhrase(i, j int) bool {
	for k := i; k < j && k < len(sc.toks); k++ {
		if w := sc.toks[k].Lower; sc.is(k, backgroundWord) || w == "," || w == "because" || w == "if" || w == "unless" {
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

// conditionAfter reports a clause opened by word ("unless", "if": one of conditions) after
// token i. It reads the words' classes, 8 bytes a token, rather than each token's text, a cache
// line a token, and compares the text only at a word of conditions.
func (sc *sentenceCtx) conditionAfter(i int, word string) bool {
	if sc.noCondition {
		return false // (most sentences)
	}
	for k := i; k < len(sc.lex); k++ {
		if sc.lex[k].class&conditionWord != 0 && sc.toks[k].Lower == word {
			return true
		}
	}
	return false
}

// conditions are the words that open a condition (conditionAfter).
var conditions = map[string]bool{"if": true, "unless": true}

// hostile acts made conditional on the other side are threats.
const hostile typeSet = 1<<assaultType | 1<<coerceType | 1<<mobilizeType | 1<<sanctionType | 1<<protestType

// modalBefore reports a modal of intent or possibility up to four words before token i, within
// the clause: "will", "would", "may", "might", "could".
func (sc *sentenceCtx) modalBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := sc.toks[k].Lower
		if w == "," || sc.mentionAt(k) != nil {
			return false
		}
		if sc.is(k, modalWord) || w == "may" || w == "might" || w == "could" {
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

// is reports whether the word of token k is in a list of class c. (sc.lex holds no nil entry,
// noEntry for a word of no table, as TestLookUpNeverNil holds: it is asked for most words of a
// sentence with an act, and the test for nil was a third of it.)
func (sc *sentenceCtx) is(k int, c wordClass) bool {
	return sc.lex[k].class&c != 0
}

// said reports a speech verb at token k.
func (sc *sentenceCtx) said(k int) bool {
	return sc.lex[k].speech
}

func (sc *sentenceCtx) mentionAt(i int) *actor.Mention {
	for _, m := range sc.mentions {
		if m.First <= i && i < m.Last {
			return m
		}
	}
	return nil
}

// draft is what code has found so far of the events of one trigger.
type draft struct {
	r              *Rule          // the rule they are coded by (tr.rule once recoded)
	typ            actType        // its type
	src, tgt       *actor.Mention // their source and target
	also           *actor.Mention // a second target: the other party of a deal welcomed
	srcHow, tgtHow how            // how the source and target were found (confidence)
	passive        bool           // the source is the agent of a passive verb ("was received by X")
}

// code makes the events of one trigger, whose subject is subj (sc.subject).
//
// Its rarely taken branches are methods of their own (refusalToYield, meetingSet, betweenTwo,
// passive, objectTarget, guessTarget, authoritiesTarget, mediated), so that the tests that choose
// a branch lie together: code runs for every act, and with those bodies inline its machine code
// was 13 KB (now under 5 KB), more than the instruction cache keeps from one act to the next.
func (sc *sentenceCtx) code(idx int, s text.Sentence, tr *trigger, subj *actor.Mention) {
	d := draft{r: tr.m.p.rule, typ: tr.typ, srcHow: howSubject, tgtHow: howObject}
	if tr.negated && tr.future && (d.typ == concedeType || d.typ == retreatType) {
		sc.refusalToYield(tr, &d)
	}
	if d.r.Named {
		sc.named(idx, s, tr)
		return
	}
	if d.r.Demand {
		sc.demand(idx, s, tr)
		return
	}
	if sc.charge(idx, s, tr) {
		return
	}
	if d.r.Mutual && (sc.toks[tr.m.first].Lower == "during" || sc.toks[tr.m.first].Lower == "at") {
		sc.meetingSet(idx, s, tr)
		return
	}
	if a, b := sc.between(tr); a != nil && (d.typ == assaultType || d.r.Mutual) {
		sc.betweenTwo(idx, s, tr, d.typ, a, b)
		return
	}
	d.src = sc.speakerFor(subj, tr)
	// passive voice: "was received by X"; without an agent, "three civilians were killed"
	if (tr.m.p.form == formPast || tr.m.p.form == formParticiple) && (sc.beBefore(tr.m.first) || sc.reducedPassive(tr)) {
		if sc.passive(idx, s, tr, &d) {
			return
		}
	}
	if d.r.Mode == "phone" && tr.m.p.text == "+call" && sc.mentionAt(tr.m.last) == nil {
		return // "called the agreement a failure": not a phone call, which names whom it calls
	}
	if d.src != nil {
		if as, t := sc.recode(tr, d.src); as != nil {
			tr.as, d.r, d.typ = as, as, t
		}
	}
	if !d.passive {
		d.tgt = sc.object(tr, d.src)
		if objectTypes.has(d.typ) {
			sc.objectTarget(tr, &d)
		}
	}
	if d.src == nil && verbal.has(d.typ) {
		d.src = sc.attribution(tr)
		d.srcHow = howAttribution
	}
	if d.src == nil && d.typ == assaultType {
		d.src, d.srcHow = sc.bomber(s, tr), howGuessed // "a roadside bomb killed three soldiers"
	}
	if d.src == nil || d.src.Country == "" && !sc.bothSides(d.src) {
		return
	}
	if d.r.Mutual {
		// "Algeria and Tunisia discussed…": only between the members of a compound subject
		d.tgt = nil
		if !sc.bothSides(d.src) && sc.partner(d.src) == nil {
			return
		}
	}
	if (d.typ == consultType || d.typ == agreeType || d.typ == cooperateType) && d.r.Mode != "third-party" {
		if p := sc.partner(d.src); p != nil {
			// "Jordan and Britain have agreed": between the two, the first named first
			d.tgt = p
			if p.First < d.src.First {
				d.src, d.tgt = p, d.src
			}
		}
	}
	if d.r.Swap && !d.passive && d.tgt != nil {
		d.src, d.tgt = d.tgt, d.src
	}
	if d.tgt == nil && tr.m.p.form == formIng && sc.lastTgt != nil && sc.countAfter(tr.m.last) {
		// "opened fire on demonstrators, killing one person and arresting 12": those counted
		// are of the ones the act before was aimed at
		if d.typ == sc.lastType {
			return // "fired on the crowd, killing three": one assault
		}
		d.tgt, d.tgtHow = sc.lastTgt, howGuessed
	}
	if d.tgt == nil && !d.r.Self && !sc.bothSides(d.src) {
		if !sc.guessTarget(idx, s, tr, &d) {
			return
		}
	}
	if authorityTypes.has(d.typ) {
		sc.authoritiesTarget(tr, &d)
	}
	if d.r.Mode == "third-party" && d.tgt != nil && sc.bothSides(d.tgt) {
		sc.mediated(idx, s, tr, d.src)
		return
	}
	if d.tgt != nil && sameActor(d.src, d.tgt) {
		return
	}
	// each source with each target: "the two sides", each side in turn; "Iran, Russia and Turkey
	// condemned X", each of them
	src, tgt := d.src, d.tgt
	var srcBuf, tgtBuf [4]*actor.Mention // (most acts have one source and one target)
	sources := sc.expand(srcBuf[:0], src)
	if len(sources) == 1 && (tgt != nil && !sc.coordinated(src, tgt) && !sc.coordinated(tgt, src) || tgt == nil && d.typ == requestType) {
		sources = sc.conjuncts(srcBuf[:0], src) // "Bolivia and Chile urged restraint": each of them, of no one
	}
	targets := append(tgtBuf[:0], tgt)
	if tgt != nil {
		targets = sc.expandList(tgtBuf[:0], tgt)
	}
	if d.also != nil {
		targets = append(targets, d.also)
	}
	for _, a := range sources {
		for _, b := range targets {
			if b == nil && len(sources) == 2 && !d.r.Self && (toCounterpart.has(d.typ) || d.typ == consultType || d.r.Mutual) {
				b = sc.st.counterpart(a) // "the two sides highlighted the need…": each to the other
			}
			if b == nil && !d.r.Self && !targetOptional.has(d.typ) {
				continue
			}
			if b != nil && sameActor(a, b) {
				continue
			}
			if b == nil && a.Country == "" {
				continue
			}
			sc.st.add(idx, s, tr, a, b, confidence(tr, a, b, d.srcHow, d.tgtHow))
			if b != nil {
				sc.lastTgt, sc.lastType = b, d.typ
			}
		}
	}
	// the two sides of the latest meeting, or of an agreement when no meeting is told of ("Saudi
	// Arabia and Iran agreed … The two countries also agreed to…")
	if (d.typ == consultType && d.r.Mode != "phone" && d.r.Mode != "third-party" || d.typ == agreeType && sc.st.lastMeet[0] == nil) && d.tgt != nil && !tr.negated {
		sc.st.lastMeet = [2]*actor.Mention{d.src, d.tgt}
	}
}

// refusalToYield recodes a negated promise to yield: "would not meet the hostage-takers'
// demands", "will not withdraw" are a refusal to yield (CAMEO 124), not a promise that did not
// happen.
func (sc *sentenceCtx) refusalToYield(tr *trigger, d *draft) {
	if as := sc.st.c.Patterns.plain["REJECT/yield"]; as != nil {
		tr.as, d.r, d.typ = as, as, rejectType
		tr.negated, tr.future, tr.intended, tr.threat = false, false, "", false
	}
}

// meetingSet codes a meeting told of in a phrase set before a clause: "during a recent meeting in
// Sochi, Iran, Russia and Turkey stressed…" is between the parties that open the clause after it.
func (sc *sentenceCtx) meetingSet(idx int, s text.Sentence, tr *trigger) {
	parties := sc.setting(tr)
	if len(parties) == 2 {
		tr.as = sc.st.c.Patterns.plain["CONSULT"] // two parties: not multilateral
	}
	for i, a := range parties {
		for _, b := range parties[i+1:] {
			sc.st.add(idx, s, tr, a, b, confidence(tr, a, b, howSubject, howObject))
		}
	}
}

// betweenTwo codes "fighting between Azerbaijanis and Armenians", "talks between Iran and Iraq":
// the two named, each against (or with) the other.
func (sc *sentenceCtx) betweenTwo(idx int, s text.Sentence, tr *trigger, typ actType, a, b *actor.Mention) {
	sc.st.add(idx, s, tr, a, b, confidence(tr, a, b, howSubject, howObject))
	if typ == assaultType {
		sc.st.add(idx, s, tr, b, a, confidence(tr, b, a, howSubject, howObject))
	}
}

// passive codes an act told in the passive voice, its verb after a form of "be" or a reduced
// passive. With an agent ("was attacked by X") the agent becomes d's source and the subject its
// target (d.passive); without one, an act done to oneself, a charge, an assault or an arrest is
// coded here. It reports whether the act is done with (whether or not it made an event).
func (sc *sentenceCtx) passive(idx int, s text.Sentence, tr *trigger, d *draft) bool {
	r, typ, src := d.r, d.typ, d.src
	by := sc.byAgent(tr.m.first + 1)
	if by == nil && (r.Self || typ == retreatType && (r.Mode == "disarm" || r.Mode == "withdraw")) && src != nil && src.Country != "" {
		// "guerrillas have been demobilized", "the troops were withdrawn": an act done to
		// oneself, the subject its source
		sc.st.add(idx, s, tr, src, sc.disarmedTo(tr, src), confidence(tr, src, nil, howSubject, howNone))
		return true
	}
	if by == nil && typ == accuseType {
		// "companies accused of helping Moscow, EU officials said": the accused is the
		// subject; the accuser, if anyone, the one reporting it
		accuser := sc.attribution(tr)
		if accuser == nil && r.Mode == "investigate" {
			// "was put under investigation in Italy": the authorities of the place
			accuser = sc.authorities(tr)
		}
		if accuser != nil && src != nil {
			var buf [4]*actor.Mention // (most subjects are one actor)
			for _, a := range sc.conjuncts(buf[:0], src) {
				if !sameActor(accuser, a) {
					sc.st.add(idx, s, tr, accuser, a, confidence(tr, accuser, a, howAttribution, howObject))
				}
			}
		}
		return true
	}
	if by == nil && (typ == assaultType || typ == coerceType) {
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
			if bomber == nil && typ == coerceType {
				// "was arrested in Lebanon": by the authorities of the place
				bomber = sc.authorities(tr)
			}
			if bomber != nil {
				// (with no one to do it, "people were killed" is a fact, not a dyad)
				sc.st.add(idx, s, tr, bomber, victim, confidence(tr, bomber, victim, howGuessed, howObject))
			}
		}
		return true
	}
	if by != nil {
		d.passive = true
		if src == nil {
			// "a camp for Congolese refugees was attacked by…": the nearest actor before the verb
			for _, m := range sc.mentions {
				if m.Last <= tr.m.first && !m.Pronoun {
					src = m
				}
			}
		}
		d.tgt, d.src = src, by
		if r.Swap {
			d.src, d.tgt = d.tgt, d.src // "was received by the king": the visitor is the subject
		}
	}
	return false
}

// objectTypes are the types whose target objectTarget may change from the object of the verb.
const objectTypes typeSet = 1<<accuseType | 1<<supportType | 1<<assaultType | 1<<coerceType | 1<<rejectType

// objectTarget changes the target of an act of objectTypes from the object of its verb (d.tgt)
// where the object names an act, a city or an organisation rather than who the act is aimed at.
func (sc *sentenceCtx) objectTarget(tr *trigger, d *draft) {
	typ, r := d.typ, d.r
	if typ == accuseType || typ == supportType {
		// "condemned the launch", "welcomed the deal": the ones who did the act spoken of
		if by, with := sc.st.referredAct(sc.toks, tr, r.Type); by != nil && !sameActor(d.src, by) {
			d.tgt, d.also = by, with
		}
	}
	if (typ == assaultType || typ == coerceType && r.Mode == "restrict") && d.tgt != nil && d.tgt.First == tr.m.last && sc.st.isCapital(d.tgt) {
		// "shelled Juba", "would blockade Paris": a city under fire or siege is its people,
		// not the government its name may stand for
		c := *d.tgt
		c.Sector = "CVL"
		d.tgt = &c
	}
	if typ == coerceType && r.Mode == "deport" && d.tgt != nil && (actor.NonState(d.tgt.Country) || d.tgt.Sector == "GOV") {
		// "forced the UN refugee agency out of the country": an organisation or diplomats sent
		// away are expelled (SANCTION), people are deported
		if as := sc.st.c.Patterns.plain["SANCTION/expel"]; as != nil {
			tr.as, d.r, d.typ = as, as, sanctionType
		}
	}
	if typ == rejectType && d.tgt == nil {
		// "rejected the statement as interference": the one who made it
		if by := sc.st.referredSaying(sc.toks, tr, d.src); by != nil {
			d.tgt, d.tgtHow = by, howMeeting
		}
	}
	if typ == accuseType && d.tgt != nil && strings.HasSuffix(tr.m.p.text, " to") {
		// "complained to the UN over Israeli air raids": the UN hears it, Israel is accused
		if a := sc.accusedAfter(d.tgt); a != nil {
			d.tgt = a
		}
	}
}

// guessTarget looks for the target of an act that names none, for a source that is not "the
// two sides": the partner of a compound subject, the side disarmed to, the one pressing for what
// is refused, the other side of the meeting, the people of the place, the state's own people.
// It may make an event of its own ("India and Pakistan exchanged fire": each against the other)
// and may swap source and target. It reports false when the act is to make no event (a promise
// without a target, its maker not right before it).
func (sc *sentenceCtx) guessTarget(idx int, s text.Sentence, tr *trigger, d *draft) bool {
	r, typ, src := d.r, d.typ, d.src
	var tgt *actor.Mention
	tgtHow := d.tgtHow
	// "Czechia and Albania upgraded their ties": between the members of a compound subject
	// (not for a call or a charge: "the United States and Britain urged restraint")
	// (a ceasefire, CAMEO 196, is broken by one party of it against the other)
	if p := sc.partner(src); p != nil && (eachOther(tr, typ) || r.Mutual || r.Cameo == "196") && r.Mode != "third-party" {
		tgt = p
		if p.First < src.First {
			src, tgt = p, src
		}
		tgtHow = howPartner
		if typ == assaultType {
			// "India and Pakistan exchanged fire": each against the other
			sc.st.add(idx, s, tr, tgt, src, confidence(tr, tgt, src, howSubject, howPartner))
		}
	}
	if tgt == nil {
		if t := sc.disarmedTo(tr, src); t != nil {
			tgt, tgtHow = t, howGuessed
		}
	}
	if tgt == nil && typ == rejectType {
		// "declined to resign despite growing pressure by the anti-corruption commission":
		// the one pressing is the one refused
		tgt, tgtHow = sc.pressedBy(tr), howGuessed
	}
	if tgt == nil && toCounterpart.has(typ) {
		// said at a meeting with no one named: to the other side of that meeting
		tgt, tgtHow = sc.st.counterpart(src), howMeeting
	}
	if tgt == nil && placeTargets.has(typ) {
		// "imposed a curfew in Cizre", "fired at targets in Jericho": the people of the place
		tgt, tgtHow = sc.population(tr), howGuessed
	}
	home := typ == coerceType || typ == concedeType
	if tr.content != nil && (typ == threatenType || typ == agreeType) {
		// "said it was prepared to impose martial law": what is promised decides
		ct := tr.content.typ
		home = ct == coerceType || ct == concedeType
	}
	if tgt == nil && home && src.Country != "" && (src.Sector == "GOV" || src.Sector == "COP") && src.Last >= tr.m.first-6 {
		// "the government lifted the state of emergency": a state's measure at home
		tgt = &actor.Mention{First: tr.m.first, Last: tr.m.first, Start: tr.start, End: tr.start, Country: src.Country, Sector: "CVL"}
		tgtHow = howGuessed
	}
	if tgt == nil && (typ == agreeType || typ == rejectType || typ == requestType) {
		// "agreed to set up a research centre in Tokyo", "rejected a call for troops to be
		// deployed in East Timor", "called for new elections in Venezuela": a promise, refusal
		// or call about a place concerns its state (which body, the text does not say)
		if p := sc.population(tr); p != nil {
			p.Sector = ""
			tgt, tgtHow = p, howGuessed
		}
	}
	if tgt == nil && r.Mode == "investigate" {
		// "sent inspectors to a plant in central Iran": the state where the inquiry is made
		if p := sc.population(tr); p != nil {
			p.Sector = "GOV"
			tgt, tgtHow = p, howGuessed
		}
	}
	if tgt == nil && !(targetOptional.has(typ) && sc.near(src, tr)) {
		return false // a promise without a target only when its maker is right before it
	}
	d.src, d.tgt, d.tgtHow = src, tgt, tgtHow
	return true
}

// authorityTypes are the types whose target authoritiesTarget may set or change.
const authorityTypes typeSet = 1<<protestType | 1<<requestType | 1<<concedeType | 1<<coerceType

// authoritiesTarget finds the authorities a protest or demand is aimed at, and the state of those a
// state arrests: for an act of authorityTypes.
func (sc *sentenceCtx) authoritiesTarget(tr *trigger, d *draft) {
	r, typ, src := d.r, d.typ, d.src
	if d.tgt == nil && (typ == protestType || typ == requestType) {
		// "rioted … demanding a referendum on independence from Indonesian rule": at the ruler
		if m := sc.ruler(tr); m != nil && m.Country != src.Country {
			d.tgt, d.tgtHow = m, howGuessed
		}
	}
	if d.tgt == nil && (typ == protestType || typ == concedeType && r.Cameo == "082" && src.Sector != "GOV") && src.Country != "" {
		// a protest that names no one is aimed at the authorities of the place, else of the
		// protesters' own state; so is calling it off ("the teachers called off their strike")
		c := src.Country
		if p := sc.population(tr); p != nil {
			c = p.Country
		}
		if !actor.NonState(c) { // (a transnational group's own "state" has no authorities)
			d.tgt = &actor.Mention{First: tr.m.first, Last: tr.m.first, Start: tr.start, End: tr.start, Country: c, Sector: "GOV"}
			d.tgtHow = howGuessed
		}
	}
	if tgt := d.tgt; tgt != nil && typ == protestType && tgt.Sector != "GOV" && tgt.Country != "" && !actor.NonState(tgt.Country) && sc.actedOn(tgt) {
		// "in protest at the arrest of activists": at those who arrested them, the authorities
		d.tgt = &actor.Mention{First: tgt.First, Last: tgt.Last, Start: tgt.Start, End: tgt.End, Country: tgt.Country, Sector: "GOV"}
		d.tgtHow = howGuessed
	}
	if tgt := d.tgt; tgt != nil && typ == coerceType && tgt.CountryGuessed() && tgt.Country != src.Country && src.Country != "" && !actor.NonState(src.Country) {
		// "Mali's junta expelled a French diplomat and arrested two journalists": those a state
		// arrests, unnamed by state, are its own
		c := *tgt
		c.Country = src.Country
		d.tgt = &c
	}
}

// mediated codes "shuttling between the two delegations": the mediator src with each side of the
// talks.
func (sc *sentenceCtx) mediated(idx int, s text.Sentence, tr *trigger, src *actor.Mention) {
	for _, side := range sc.st.lastMeet {
		if !sameActor(src, side) {
			sc.st.add(idx, s, tr, src, side, confidence(tr, src, side, howSubject, howMeeting))
		}
	}
}

// disarmedTo returns the government of the state whose rebels disarm: the side they lay down
// their arms to ("guerrillas operating in Macedonia have been demobilized"). Nil for others.
func (sc *sentenceCtx) disarmedTo(tr *trigger, src *actor.Mention) *actor.Mention {
	if r := tr.m.p.rule; r.Type != "RETREAT" || r.Mode != "disarm" || src.Sector != "REB" || src.Country == "" || actor.NonState(src.Country) {
		return nil
	}
	return &actor.Mention{First: tr.m.first, Last: tr.m.first, Start: tr.start, End: tr.start, Country: src.Country, Sector: "GOV"}
}

// ruler returns the state a protest or demand names as ruling: "independence from Indonesian
// rule", "an end to the Israeli occupation", "secession from Serbia" (its government).
func (sc *sentenceCtx) ruler(tr *trigger) *actor.Mention {
	toks := sc.toks
	for _, m := range sc.mentions {
		if m.First < tr.m.last || m.Country == "" || actor.NonState(m.Country) || !m.IsState() && !m.Adjective {
			continue
		}
		ruled := m.Last < len(toks) && (toks[m.Last].Lower == "rule" || toks[m.Last].Lower == "occupation" || toks[m.Last].Lower == "domination")
		from := m.First >= 2 && toks[m.First-1].Lower == "from" && (toks[m.First-2].Lower == "independence" || toks[m.First-2].Lower == "secession")
		if ruled || from {
			return &actor.Mention{First: m.First, Last: m.Last, Start: m.Start, End: m.End, Text: m.Text, Country: m.Country, Sector: "GOV"}
		}
	}
	return nil
}

// pressedBy returns the actor whose pressure or calls a refusal defies: "despite pressure from X",
// "in the face of calls by X".
func (sc *sentenceCtx) pressedBy(tr *trigger) *actor.Mention {
	toks := sc.toks
	for k := tr.m.last; k < len(toks) && k < tr.m.last+12; k++ {
		if toks[k].Lower != "despite" && !(toks[k].Lower == "face" && k > 0 && toks[k-1].Lower == "the") {
			continue
		}
		for j := k + 1; j < len(toks) && j < k+6; j++ {
			if w := toks[j].Lower; (w == "from" || w == "by") && j > k+1 && pressures[toks[j-1].Lower] {
				if m := sc.mentionAt(j + 1); m != nil && m.Country != "" {
					return m
				}
				if j+2 < len(toks) && articles[toks[j+1].Lower] {
					if m := sc.mentionAt(j + 2); m != nil && m.Country != "" {
						return m
					}
				}
			}
		}
		return nil
	}
	return nil
}

var pressures = map[string]bool{"pressure": true, "calls": true, "demands": true, "appeals": true,
	"protests": true, "criticism": true, "requests": true, "pleas": true}

// countAfter reports a bare count of people at token i, ending its clause: "12", "one person",
// "at least 20 others".
func (sc *sentenceCtx) countAfter(i int) bool {
	toks := sc.toks
	if i+1 < len(toks) && (toks[i].Lower == "at" && toks[i+1].Lower == "least" || toks[i].Lower == "more" && toks[i+1].Lower == "than") {
		i += 2
	} else if i < len(toks) && (toks[i].Lower == "about" || toks[i].Lower == "some" || toks[i].Lower == "nearly") {
		i++
	}
	if i >= len(toks) || !text.IsNumber(toks[i]) && !numberWords[toks[i].Lower] || toks[i].Lower == "a" || toks[i].Lower == "an" {
		return false
	}
	i++
	if i < len(toks) && countedPeople[toks[i].Lower] {
		i++
	}
	return i >= len(toks) || toks[i].Lower == "," || toks[i].Lower == "." || toks[i].Lower == "and" || toks[i].Lower == "in" || toks[i].Lower == "on"
}

var countedPeople = map[string]bool{"person": true, "people": true, "persons": true, "others": true, "more": true}

// how says how the source or the target of an event was found, for its confidence: a small
// number rather than a word, so that a draft holds, copies and compares a byte.
type how uint8

const (
	howNone        how = iota // not found (no target)
	howSubject                // the subject of the phrase
	howObject                 // its object
	howAttribution            // the speaker, found after the fact
	howGuessed                // guessed (from the place, a bomb, the latest target)
	howMeeting                // the other side of the meeting the sentence tells of
	howPartner                // the other member of a compound subject
)

// confidence says how sure the coder is of an event, from how its parts were found: a named
// source that is the subject of the phrase and a target that is its object are sure; a speaker
// found after the fact, a pronoun, or a target guessed from the meeting or the place are less so;
// a long phrase is surer than one word.
//
// It counts in hundredths, whole numbers, and divides once at the end: every step is a multiple
// of 0.05, so this is the figure a sum of floats rounded to two places gave (TestConfidence holds
// it to that), with no rounding call.
func confidence(tr *trigger, src, tgt *actor.Mention, srcHow, tgtHow how) float64 {
	c := 60
	switch {
	case src == nil:
		c -= 20
	case srcHow == howAttribution:
		c -= 10
	case srcHow == howGuessed:
		c -= 25
	case src.Person != nil || src.IsState():
		c += 10 // a pronoun resolved to a person counts as the person
	}
	switch {
	case tgt == nil:
		c -= 10
	case tgtHow == howMeeting:
		// the other side of the meeting the sentence tells of: usually right
	case tgtHow == howGuessed:
		c -= 15
	case tgtHow == howObject && (tgt.Person != nil || tgt.IsState()):
		c += 10
	}
	if len(tr.m.p.words) > 1 {
		c += 5
	}
	return float64(max(5, min(95, c))) / 100
}

// named codes an act carried by a noun whose target is the actor the noun names, before it ("the
// U.S. economic terrorism", "Syria's territorial integrity") or after it ("plots hatched by the US
// and the West"): the speaker of the sentence accuses or supports that actor (guidelines 5, 9).
func (sc *sentenceCtx) named(idx int, s text.Sentence, tr *trigger) {
	var accusedBuf, speakerBuf [4]*actor.Mention // (most are one actor)
	accused := accusedBuf[:0]
	if m := sc.mentionAt(tr.m.first - 1); m != nil && !m.Pronoun {
		accused = append(accused, m)
	} else if tr.m.first >= 2 && sc.toks[tr.m.first-1].Lower == "'s" {
		if m := sc.mentionAt(tr.m.first - 2); m != nil && !m.Pronoun {
			accused = append(accused, m)
		}
	}
	if len(accused) == 0 {
		for _, m := range sc.mentions {
			if m.First >= tr.m.last && m.First <= tr.m.last+2 && !m.Pronoun {
				accused = sc.expandList(accused, m)
				break
			}
		}
	}
	if len(accused) == 0 {
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
		speaker = sc.st.subject
	}
	if speaker == nil {
		return
	}
	speakers := sc.expand(speakerBuf[:0], speaker)
	if len(speakers) == 1 {
		speakers = sc.conjuncts(speakerBuf[:0], speaker)
	}
	for _, src := range speakers {
		for _, a := range accused {
			if !sameActor(src, a) && a.Country != "" {
				sc.st.add(idx, s, tr, src, a, confidence(tr, src, a, howSubject, howObject))
			}
		}
	}
}

// stateActs are nouns of what authorities do to people: "the arrest of activists".
var stateActs = map[string]bool{"arrest": true, "arrests": true, "detention": true, "jailing": true,
	"imprisonment": true, "execution": true, "executions": true, "deportation": true,
	"expulsion": true, "sentencing": true, "conviction": true, "trial": true, "banning": true}

// actedOn reports m as the object of an act of the authorities named without its agent: "the
// arrest of a number of activists", not "the arrest of activists by the army".
func (sc *sentenceCtx) actedOn(m *actor.Mention) bool {
	for k := m.First - 1; k >= 1 && k >= m.First-5; k-- {
		if sc.mentionAt(k) != nil {
			return false
		}
		if sc.toks[k].Lower == "of" && stateActs[sc.toks[k-1].Lower] {
			for j := m.Last; j < len(sc.toks) && j < m.Last+3; j++ {
				if sc.toks[j].Lower == "by" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// setting returns the parties to a meeting told of in a phrase set before a clause ("during a
// recent meeting in Sochi, Iran, Russia and Turkey stressed…"): the compound subject right after
// the phrase's comma, when it names two or more actors with a state. Otherwise nil.
func (sc *sentenceCtx) setting(tr *trigger) []*actor.Mention {
	k := tr.m.first - 1
	if k >= 0 && sc.toks[k].Lower != "," && sc.toks[k].Lower != "that" && sc.toks[k].Lower != "and" {
		return nil // "Iran said at a summit": the phrase does not open a clause
	}
	for c := tr.m.last; c < len(sc.toks) && c < tr.m.last+10; c++ {
		if sc.toks[c].Lower != "," {
			continue
		}
		for _, m := range sc.mentions {
			if m.First == c+1 && !m.Pronoun {
				if ps := sc.conjuncts(nil, m); len(ps) >= 2 {
					return ps
				}
				return nil
			}
		}
	}
	return nil
}

// chargeRule codes the charge carried by a reporting verb: ACCUSE, allege.
var chargeRule = &Rule{Type: "ACCUSE", Mode: "allege", Cameo: "112", Goldstein: -2, Where: "event/sentence.go (a charge reported at the end of a sentence)"}

// charge codes "X is failing to uphold their rights, a rights group protested": the reporter
// accuses the subject of the clause it reports. It reports whether tr was such a verb.
func (sc *sentenceCtx) charge(idx int, s text.Sentence, tr *trigger) bool {
	if tr.m.last != tr.m.first+1 || !sc.is(tr.m.first, chargeVerbWord) {
		return false // (no speaker: charges asks for a charge verb at the end of the actor)
	}
	var speaker, accused *actor.Mention
	for _, m := range sc.mentions {
		if last := sc.afterInitials(m); last == tr.m.first && sc.charges(m, last) {
			speaker = m
		}
	}
	if speaker == nil {
		return false
	}
	for _, m := range sc.mentions {
		if m.First < speaker.First && !m.Pronoun && m.Country != "" && sc.clauseInitial(m) {
			accused = m
			break
		}
	}
	if accused != nil && speaker.Country != "" && !sameActor(speaker, accused) {
		c := *tr
		c.as = chargeRule
		sc.st.add(idx, s, &c, speaker, accused, confidence(&c, speaker, accused, howSubject, howObject))
	}
	return true
}

// demand codes an obligation laid on someone in reported speech: "Russia said Sudan must return the
// helicopter" is a REQUEST from Russia to Sudan. The content that follows is not coded on its own.
func (sc *sentenceCtx) demand(idx int, s text.Sentence, tr *trigger) {
	var obliged *actor.Mention
	if tr.m.p.form == formNone {
		// must: the actor just before it (its subject)
		for _, m := range sc.mentions {
			// ("the US and other developed nations must": the actor named first of the subject)
			if m.Last > tr.m.first || m.Pronoun {
				continue
			}
			if tr.m.first-m.Last <= 2 || tr.m.first-m.Last <= 5 && sc.toks[m.Last].Lower == "and" && !sc.verbBetween(m.Last+1, tr.m.first) {
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
	said := sc.lastSpeech(obliged.First) // (one pass for all the mentions)
	for _, m := range sc.mentions {
		if m.First < obliged.First && m != obliged && sc.clauseInitial(m) && said >= m.Last {
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
	sc.st.add(idx, s, tr, speaker, obliged, confidence(tr, speaker, obliged, howSubject, howObject))
}
