package event

import (
	"bufio"
	"cmp"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/text"
)

//go:embed data
var shipped embed.FS

// Types are the PLOVER event types.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Modes lists the PLOVER modes of each type (formats.md).
var Modes = map[string][]string{
	"CONSULT":  {"visit", "third-party", "multilateral", "phone"},
	"RETREAT":  {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
	"REQUEST":  {"assist", "change", "yield", "meet"},
	"REJECT":   {"assist", "change", "yield", "meet"},
	"ACCUSE":   {"disapprove", "investigate", "allege"},
	"THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
	"PROTEST":  {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
	"SANCTION": {"convict", "expel", "withdraw", "discontinue"},
	"MOBILIZE": {"troops", "weapons", "police", "militia"},
	"COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
		"misinformation", "cyber"},
	"ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
		"explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}

// Rule is one line of patterns.tsv: an event type with the phrases that express it.
type Rule struct {
	Type, Mode, Cameo string
	Goldstein         float64
	Swap, Frame       bool
	Place, Self       bool
	Named, Demand     bool
	Mutual            bool
	Where             string // file:line

	// The JSON an event coded by the rule writes for its type and mode (from `","type":"` to
	// `","intent":`) and for its CAMEO code (from `,"cameo":"` to `","goldstein":`), prepared
	// when the rule is loaded if they have nothing to escape (else empty), so that
	// appendJSONHead copies them instead of testing the same strings on every event; and the
	// strings they were prepared from, which an event's fields must equal (a Rule changed after
	// loading, or an event's field set since, takes the path that tests them).
	jsonTypeMode, jsonCameo   string
	jsonType, jsonMode, jsonC string
	// jsonMiddle is all an event writes from `","type":"` to its Goldstein score, when it has
	// no intention and is not negated and its score is jsonG, the rule's when loaded (most
	// events): one copy (see appendJSONHead)
	jsonMiddle string
	jsonG      float64
}

// form says which form of a verb a pattern word is.
type form uint8

const (
	formNone       form = iota // not a verb (a noun phrase such as "talks with")
	formBase                   // meet
	formS                      // meets
	formPast                   // met (past tense and participle alike)
	formParticiple             // written only as a participle: given, taken
	formIng                    // meeting
)

// pattern is one inflected phrase of a rule.
type pattern struct {
	words []string // folded words; "*" for a gap
	nums  []uint32 // the number of each word (wordEntry.num), gap for a gap: what matchAt compares
	form  form     // form of the first word
	text  string   // the phrase as written in the file
	rule  *Rule
	typ   actType // the type of its rule as a number (typeOf(rule.Type)), worked out once here
	ord   int     // its place among the patterns of its first word, in file order
}

// Patterns is a compiled pattern set.
type Patterns struct {
	byFirst map[string][]*pattern
	plain   map[string]*Rule // the first rule of each type (and of each "type/mode") in the file without flags, for acts recoded as another type
	speech  map[string]bool  // speech verbs, every form
	topics  map[string][]*pattern
	// the number of each word of a phrase of byFirst and topics (wordEntry.num), from 1 in the
	// order the files first have them, so that the masks of the indexes are the same from run to
	// run; only while loading (index puts them in the entries)
	numbers map[string]uint32

	// every word of a phrase of the tables above or that they hold as a speech verb, that the
	// package's word lists hold (wordLists) or that begins a context cue (addCues), with what they
	// hold for it: looked up once for each token of a sentence (lookUp), not table by table
	words map[string]*wordEntry
	table *text.WordMap[*wordEntry] // words, found by each token's hash
	cues  *Contexts                 // the contexts whose cues the entries hold too (addCues)
}

// wordEntry is what the pattern tables, the word lists and the context cues hold for one word.
type wordEntry struct {
	first  *firstIndex  // the patterns that begin with the word (byFirst), indexed for find
	topic  *firstIndex  // the topic phrases that begin with it, indexed for topicAt
	speech bool         // a speech verb
	verb   bool         // the first word of a pattern in the form of a verb
	class  wordClass    // the word lists of the package it is in
	cues   *contextCues // the context cues that begin with it (addCues)
	// a word of a phrase of the pattern tables (topics too) has a number, from 1 (0: a word of
	// none), and a bit, 1<<(num%64) (0 for a word of none), which a firstIndex's masks are made of
	num uint32
	bit uint64
}

// gap is the number of a gap ("*") in pattern.nums: that of no word.
const gap = 0

// wordBit returns the bit of the word numbered num (wordEntry.bit).
func wordBit(num uint32) uint64 {
	return 1 << (num % 64)
}

// is reports whether e's word is in a list of class c. A nil entry is in none.
func (e *wordEntry) is(c wordClass) bool {
	return e != nil && e.class&c != 0
}

// wordClass is a set of the word lists of the package (clauseOpeners, auxiliaries…): each token's
// lists are looked up once with its entry in the pattern tables and then tested as bits.
type wordClass uint64

const (
	articleWord wordClass = 1 << iota
	auxiliaryWord
	backgroundWord
	baseLicensorWord
	beFormWord
	borderWord
	causeWord
	chargeVerbWord
	clauseOpenerWord
	clauseStartWord
	clauseWord
	compassWord
	contrastWord
	currencyWord
	determinerWord
	locativeWord
	modalWord
	negatorWord
	numberWord
	ownerWord
	placeNounWord
	prepositionWord
	quantityWord
	relationWord
	skippableWord
	subordinatorWord
	tellVerbWord
	weekdayWord
	adjectiveEdWord
	topicEndWord
	conditionWord
	markWord
)

// wordLists are the lists of the package's files each class is made of.
var wordLists = map[wordClass]map[string]bool{
	articleWord: articles, auxiliaryWord: auxiliaries, backgroundWord: backgroundWords,
	baseLicensorWord: baseLicensors, beFormWord: beForms, borderWord: borders, causeWord: causeWords,
	chargeVerbWord: chargeVerbs, clauseOpenerWord: clauseOpeners, clauseStartWord: clauseStarts,
	clauseWord: clauseWords, compassWord: compass, contrastWord: contrasts,
	currencyWord: currencies, determinerWord: determiners,
	locativeWord: locatives, modalWord: modals, negatorWord: negators, numberWord: numberWords,
	ownerWord: owners, placeNounWord: placeNouns, prepositionWord: prepositions,
	quantityWord: quantity, relationWord: relations, skippableWord: skippable,
	subordinatorWord: subordinators, tellVerbWord: tellVerbs, weekdayWord: weekdays,
	adjectiveEdWord: adjectiveEd, topicEndWord: topicEnds, conditionWord: conditions,
	markWord: marks,
}

// marks are the punctuation marks that the passes over a sentence test by their text (a comma, a
// hyphen): they test a token's class first, which they read anyway, and its text only at a mark.
var marks = map[string]bool{",": true, "-": true}

// noEntry is the entry lookUp gives a word of no table, rather than nil, so that the passes over
// a sentence's tokens read a token's entry with no test for nil first.
var noEntry = &wordEntry{}

// lookUp appends to lex the entry of each token's word, noEntry for a word of no table.
func (ps *Patterns) lookUp(lex []*wordEntry, toks []text.Token) []*wordEntry {
	for i := range toks {
		e, _ := ps.table.Find(&toks[i])
		if e == nil {
			e = noEntry
		}
		lex = append(lex, e)
	}
	return lex
}

// number sets p.nums, numbering the words of p that have no number yet.
func (ps *Patterns) number(p *pattern) {
	p.nums = make([]uint32, len(p.words))
	for k, w := range p.words {
		if w == "*" {
			continue // (gap)
		}
		num, ok := ps.numbers[w]
		if !ok {
			num = uint32(len(ps.numbers) + 1)
			ps.numbers[w] = num
		}
		p.nums[k] = num
	}
}

// index fills words from the tables; their patterns must be numbered (number).
func (ps *Patterns) index() {
	ps.words = map[string]*wordEntry{}
	entry := func(w string) *wordEntry {
		if ps.words[w] == nil {
			ps.words[w] = &wordEntry{}
		}
		return ps.words[w]
	}
	for w, num := range ps.numbers {
		e := entry(w)
		e.num = num
		e.bit = wordBit(num)
	}
	ps.numbers = nil // (the entries have them now)
	for w, fi := range indexFirst(ps.byFirst) {
		e := entry(w)
		e.first = fi
		for _, p := range ps.byFirst[w] {
			e.verb = e.verb || p.form != formNone
		}
	}
	for w, fi := range indexFirst(ps.topics) {
		entry(w).topic = fi
	}
	byNum := make(map[uint32]*wordEntry, len(ps.words))
	for _, e := range ps.words {
		if e.num != 0 {
			byNum[e.num] = e
		}
	}
	for _, e := range ps.words {
		for _, fi := range []*firstIndex{e.first, e.topic} {
			if fi != nil && len(fi.third.keys) == 1 {
				fi.thirdOne = byNum[fi.third.keys[0]]
			}
		}
	}
	for c, words := range wordLists {
		for w, in := range words {
			if in {
				entry(w).class |= c
			}
		}
	}
	for w := range ps.speech {
		if !strings.Contains(w, " ") { // (a phrase of several words is never one token's word)
			entry(w).speech = true
		}
	}
	ps.table = text.WordMapOf(ps.words)
}

// addCues adds to the entries the context cues of cs, which the coding of a sentence then counts
// with the same look-up (see counter.add).
func (ps *Patterns) addCues(cs *Contexts) {
	for w, c := range cs.cues {
		if ps.words[w] == nil {
			ps.words[w] = &wordEntry{}
		}
		ps.words[w].cues = c
	}
	ps.table = text.WordMapOf(ps.words)
	ps.cues = cs
}

// firstIndex holds the patterns that begin with one word, narrowed by the tokens after it. Every
// pattern has its place in the file order (ord), which breaks ties in find as the file order did.
type firstIndex struct {
	// the bits (wordEntry.bit) of the keys of second and third: a token whose bit is not in them is
	// no key (first, so that with always they share the cache line the index is reached by)
	secondMask, thirdMask uint64
	always                []*pattern // one word long, or a gap then a gap: tried at every match of the first word
	second                byWord     // first word, then this word
	third                 byWord     // first word, a gap, then this word
	// the entry of third's word when it has only one ("+say * was behind", "+tell * to"): candidates
	// looks for it by comparing the tokens' entries with it, reading no entry
	thirdOne *wordEntry
}

// byWord holds patterns by the number of one of their words (wordEntry.num).
type byWord struct {
	keys []uint32   // the numbers of the words, in increasing order
	from []int32    // the patterns of keys[k] are pats[from[k]:from[k+1]]
	pats []*pattern // the patterns, key by key
}

// of returns the patterns of the word numbered num, if any.
func (b *byWord) of(num uint32) []*pattern {
	k, ok := slices.BinarySearch(b.keys, num)
	if !ok {
		return nil
	}
	return b.pats[b.from[k]:b.from[k+1]]
}

// add adds p under the word numbered num; the keys must come in increasing order.
func (b *byWord) add(num uint32, p *pattern) {
	if n := len(b.keys); n == 0 || b.keys[n-1] != num {
		if n == 0 {
			b.from = append(b.from, 0) // where the first key's patterns start
		}
		b.keys = append(b.keys, num)
		b.from = append(b.from, int32(len(b.pats))) // where its patterns end: none yet
	}
	b.pats = append(b.pats, p)
	b.from[len(b.keys)] = int32(len(b.pats))
}

// indexFirst indexes the patterns of each first word; their words must be numbered (nums).
func indexFirst(byFirst map[string][]*pattern) map[string]*firstIndex {
	out := make(map[string]*firstIndex, len(byFirst))
	for w, ps := range byFirst {
		fi := &firstIndex{}
		out[w] = fi
		var second, third []*pattern
		for k, p := range ps {
			p.ord = k
			switch {
			case len(p.words) < 2 || p.words[1] == "*" && (len(p.words) < 3 || p.words[2] == "*"):
				fi.always = append(fi.always, p)
			case p.words[1] == "*":
				third = append(third, p)
			default:
				second = append(second, p)
			}
		}
		// by key, and in the file order under each key
		slices.SortStableFunc(second, func(a, b *pattern) int { return cmp.Compare(a.nums[1], b.nums[1]) })
		slices.SortStableFunc(third, func(a, b *pattern) int { return cmp.Compare(a.nums[2], b.nums[2]) })
		for _, p := range second {
			fi.second.add(p.nums[1], p)
			fi.secondMask |= wordBit(p.nums[1])
		}
		for _, p := range third {
			fi.third.add(p.nums[2], p)
			fi.thirdMask |= wordBit(p.nums[2])
		}
	}
	return out
}

// reading is a sentence as the pattern matcher reads it.
type reading struct {
	toks    []text.Token
	lex     []*wordEntry // the entry of each token's word in the tables (Patterns.lookUp), never nil
	blocked []bool       // the tokens inside actor mentions, which a gap may not cross
	reach   []int32      // for each token, maxGap from it plus one once worked out, else 0
	// whether reach is the sentence's: set clears it only when maxGap is first asked for (most
	// sentences have none worked out)
	reachSet bool
}

// set makes rd read a sentence, reusing its memory.
func (rd *reading) set(toks []text.Token, lex []*wordEntry, blocked []bool) {
	rd.toks, rd.lex, rd.blocked = toks, lex, blocked
	rd.reachSet = false
}

// setReach sets reach to a cleared slice as long as the sentence's tokens, and one more (a gap
// may open after the last token).
func (rd *reading) setReach() {
	n := len(rd.toks) + 1
	if cap(rd.reach) < n {
		rd.reach = make([]int32, n, n+n/2)
	}
	rd.reach = rd.reach[:n]
	clear(rd.reach)
	rd.reachSet = true
}

// candidates calls try with each group of the patterns of fi (the index of token i's word) that
// may match at token i, never with an empty group: those tried at every match of the word, those
// of the next token's word, and those with a gap second ("+launch * attack") whose third word
// stands within the gap's reach after token i. The groups are handed over as they stand in the
// index rather than copied into one list: most words have no candidate or one, and the copying
// was most of the cost.
func (rd *reading) candidates(fi *firstIndex, i int, try func(ps []*pattern)) {
	if len(fi.always) > 0 {
		try(fi.always)
	}
	lex := rd.lex
	if i+1 >= len(lex) {
		return
	}
	if next := lex[i+1]; fi.secondMask&next.bit != 0 {
		if ps := fi.second.of(next.num); len(ps) > 0 {
			try(ps)
		}
	}
	if fi.thirdMask == 0 {
		return
	}
	if one := fi.thirdOne; one != nil {
		// the one third word's first token after token i, if within the gap's reach (as below)
		for k := i + 1; k < len(lex); k++ {
			if lex[k] == one {
				if k-(i+1) <= surelyWithin || k < i+2+rd.maxGap(i+1) {
					try(fi.third.pats)
				}
				return
			}
		}
		return
	}
	// the first token of each third word after token i, within the gap's reach: the reach is
	// worked out only once a token past the first four after token i may be a third word (the
	// first four are within every gap's reach: surelyWithin), and then ends the scan (rather
	// than the next token that may be a third word, or the sentence's end)
	end, reached := len(lex), false
	for k := i + 1; k < end; k++ {
		e := lex[k]
		if fi.thirdMask&e.bit == 0 {
			continue
		}
		if !reached && k-(i+1) > surelyWithin {
			end, reached = min(len(lex), i+2+rd.maxGap(i+1)), true
			if k >= end {
				break
			}
		}
		if !rd.within(e.num, i+1, k-1) {
			if ps := fi.third.of(e.num); len(ps) > 0 {
				try(ps)
			}
		}
	}
}

// PatternError is a problem in a pattern file, with its position.
type PatternError struct {
	File string
	Line int
	Msg  string
}

func (e *PatternError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var cameoRe = regexp.MustCompile(`^[0-2][0-9]{1,3}$`)

// PatternFiles are the files of a directory of patterns (LoadPatterns, LoadContexts), the
// --patterns directory of the command line.
var PatternFiles = []string{"patterns.tsv", "verbs.tsv", "speech.tsv", "topics.tsv", "contexts.tsv"}

// LoadPatterns reads the shipped pattern files, or those in dir when a file of the same name is
// there (patterns.tsv, verbs.tsv, speech.tsv).
func LoadPatterns(dir string) (*Patterns, error) {
	open := func(name string) (io.ReadCloser, string, error) {
		if dir != "" {
			p := filepath.Join(dir, name)
			if f, err := os.Open(p); err == nil {
				return f, p, nil
			}
		}
		f, err := shipped.Open("data/" + name)
		return f, "event/data/" + name, err
	}
	irregular := map[string][2][]string{}
	{
		f, name, err := open("verbs.tsv")
		if err != nil {
			return nil, err
		}
		err = eachLine(f, name, func(n int, line string) error {
			fl := strings.Split(line, "\t")
			if len(fl) != 3 {
				return fmt.Errorf("want 3 tab-separated fields (lemma, past, participle), found %d", len(fl))
			}
			irregular[strings.TrimSpace(fl[0])] = [2][]string{strings.Split(fl[1], "|"), strings.Split(fl[2], "|")}
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	ps := &Patterns{byFirst: map[string][]*pattern{}, speech: map[string]bool{}, topics: map[string][]*pattern{},
		numbers: map[string]uint32{},
		plain:   map[string]*Rule{}}
	{
		f, name, err := open("topics.tsv")
		if err != nil {
			return nil, err
		}
		err = eachLine(f, name, func(n int, line string) error {
			for _, p := range expand(strings.TrimSpace(line), irregular) {
				ps.number(p)
				ps.topics[p.words[0]] = append(ps.topics[p.words[0]], p)
			}
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	{
		f, name, err := open("speech.tsv")
		if err != nil {
			return nil, err
		}
		err = eachLine(f, name, func(n int, line string) error {
			for _, v := range expand(strings.TrimSpace(line), irregular) {
				ps.speech[strings.Join(v.words, " ")] = true
			}
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	f, name, err := open("patterns.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]string{}
	err = eachLine(f, name, func(n int, line string) error {
		fl := strings.Split(line, "\t")
		if len(fl) != 6 {
			return fmt.Errorf("want 6 tab-separated fields (type, mode, cameo, goldstein, flags, phrases), found %d", len(fl))
		}
		r := &Rule{Type: fl[0], Mode: fl[1], Cameo: fl[2], Where: fmt.Sprintf("%s:%d", name, n)}
		if !contains(Types, r.Type) {
			return fmt.Errorf("unknown event type %q", r.Type)
		}
		if r.Mode == "-" {
			r.Mode = ""
		} else if !contains(Modes[r.Type], r.Mode) {
			return fmt.Errorf("mode %q is not a mode of %s (%s)", r.Mode, r.Type, strings.Join(Modes[r.Type], ", "))
		}
		if !cameoRe.MatchString(r.Cameo) {
			return fmt.Errorf("CAMEO code %q is not 2 to 4 digits", r.Cameo)
		}
		g, err := strconv.ParseFloat(fl[3], 64)
		if err != nil || g < -10 || g > 10 {
			return fmt.Errorf("the Goldstein score %q is not a number from -10 to 10", fl[3])
		}
		r.Goldstein = g
		r.prepareJSON()
		if fl[4] != "-" {
			for _, flag := range strings.Split(fl[4], ",") {
				switch strings.TrimSpace(flag) {
				case "swap":
					r.Swap = true
				case "frame":
					r.Frame = true
				case "place":
					r.Place = true
				case "self":
					r.Self = true
				case "named":
					r.Named = true
				case "demand":
					r.Demand = true
				case "mutual":
					r.Mutual = true
				default:
					return fmt.Errorf("unknown flag %q (want swap, frame, place, self, named, demand or mutual)", flag)
				}
			}
		}
		for _, ph := range strings.Split(fl[5], "|") {
			ph = strings.TrimSpace(ph)
			if ph == "" {
				return fmt.Errorf("empty phrase")
			}
			if strings.HasPrefix(ph, "*") || strings.HasSuffix(ph, "*") {
				return fmt.Errorf("phrase %q starts or ends with a gap", ph)
			}
			if ps.plain[r.Type] == nil && fl[4] == "-" {
				ps.plain[r.Type] = r
			}
			if k := r.Type + "/" + r.Mode; ps.plain[k] == nil && fl[4] == "-" && r.Mode != "" {
				ps.plain[k] = r
			}
			if prev, dup := seen[ph]; dup {
				return fmt.Errorf("phrase %q is already defined at %s", ph, prev)
			}
			seen[ph] = r.Where
			for _, p := range expand(ph, irregular) {
				p.rule, p.typ = r, typeOf(r.Type)
				ps.number(p)
				ps.byFirst[p.words[0]] = append(ps.byFirst[p.words[0]], p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	ps.index()
	return ps, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// eachLine calls fn for every line that is not blank or a comment; errors carry file:line.
func eachLine(r io.Reader, name string, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return &PatternError{File: name, Line: n, Msg: err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return &PatternError{File: name, Line: n + 1, Msg: err.Error()}
	}
	return nil
}

// expand turns a phrase into its inflected patterns: "+meet with" → meet with, meets with, met
// with, meeting with.
func expand(ph string, irregular map[string][2][]string) []*pattern {
	var words []string
	var verb string
	var prefix []string // "test-fire": the words before the inflected one
	for i, w := range strings.Fields(ph) {
		if strings.HasPrefix(w, "+") && i == 0 {
			verb = strings.TrimPrefix(w, "+")
			if toks := text.AppendTokens(nil, verb, 0); len(toks) > 1 {
				for _, t := range toks[:len(toks)-1] {
					prefix = append(prefix, t.Lower)
				}
				verb = toks[len(toks)-1].Lower
			}
			words = append(words, verb)
			continue
		}
		if w == "*" {
			words = append(words, "*")
			continue
		}
		for _, t := range text.AppendTokens(nil, w, 0) {
			words = append(words, t.Lower)
		}
	}
	if verb == "" {
		return []*pattern{{words: words, form: formNone, text: ph}}
	}
	var out []*pattern
	for _, f := range inflect(verb, irregular) {
		w := append(append(append([]string(nil), prefix...), f.word), words[1:]...)
		form := f.form
		if len(prefix) > 0 {
			form = formNone // "test-fired": the hyphenated whole is never a bare noun
		}
		out = append(out, &pattern{words: w, form: form, text: ph})
	}
	return out
}

type inflected struct {
	word string
	form form
}

// inflect returns the forms of an English verb.
func inflect(v string, irregular map[string][2][]string) []inflected {
	if v == "be" {
		return []inflected{{"be", formBase}, {"is", formS}, {"are", formBase}, {"was", formPast},
			{"were", formPast}, {"been", formParticiple}, {"being", formIng}, {"'s", formS}}
	}
	out := []inflected{{v, formBase}, {sForm(v), formS}, {ingForm(v), formIng}}
	if irr, ok := irregular[v]; ok {
		for _, p := range irr[0] {
			if p = strings.TrimSpace(p); len(v) > 0 && p == v+v[len(v)-1:]+"ed" {
				out[2].word = v + v[len(v)-1:] + "ing" // expel, expelled: expelling
			}
			if p == v {
				out[0].form = formPast // shut, cut, hit: news uses the past far more
				continue
			}
			out = append(out, inflected{p, formPast})
		}
		for _, p := range irr[1] {
			if !containsForm(out, strings.TrimSpace(p)) {
				out = append(out, inflected{strings.TrimSpace(p), formParticiple})
			}
		}
		return out
	}
	return append(out, inflected{edForm(v), formPast})
}

func containsForm(fs []inflected, w string) bool {
	for _, f := range fs {
		if f.word == w {
			return true
		}
	}
	return false
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func sForm(v string) string {
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "o"):
		return v + "es"
	case len(v) > 1 && v[len(v)-1] == 'y' && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

// doubles reports whether a one-syllable verb ending consonant-vowel-consonant doubles its last
// letter (ban → banned); longer verbs that do so are listed in verbs.tsv.
func doubles(v string) bool {
	n := len(v)
	if n < 3 || isVowel(v[n-1]) || strings.IndexByte("wxy", v[n-1]) >= 0 || !isVowel(v[n-2]) || isVowel(v[n-3]) {
		return false
	}
	groups := 0
	for i := 0; i < n; i++ {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			groups++
		}
	}
	return groups == 1
}

func edForm(v string) string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case n > 1 && v[n-1] == 'y' && !isVowel(v[n-2]):
		return v[:n-1] + "ied"
	case doubles(v):
		return v + v[n-1:] + "ed"
	}
	return v + "ed"
}

func ingForm(v string) string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:n-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee") && !strings.HasSuffix(v, "ye") && !strings.HasSuffix(v, "oe") && n > 2:
		return v[:n-1] + "ing"
	case doubles(v):
		return v + v[n-1:] + "ing"
	}
	return v + "ing"
}

// match is a pattern found in a sentence.
type match struct {
	first, last int // token range
	p           *pattern
}

// outranks reports whether m is a better match than best at the same token: more tokens, then more
// words, then the first in the file among equals.
func (m match) outranks(best match) bool {
	span, bspan := m.last-m.first, best.last-best.first
	if span != bspan {
		return span > bspan
	}
	if len(m.p.words) != len(best.p.words) {
		return len(m.p.words) > len(best.p.words)
	}
	return m.p.ord <= best.p.ord
}

// find returns the longest pattern starting at token i, if any.
func find(rd *reading, i int) (match, bool) {
	fi := rd.lex[i].first
	if fi == nil || len(fi.always) == 0 && fi.thirdMask == 0 && (i+1 >= len(rd.lex) || fi.secondMask&rd.lex[i+1].bit == 0) {
		return match{}, false // (no candidate, as for many of the words that begin a phrase: "on", "have")
	}
	// the longest match (in tokens, then in words), the first in the file among equals: the best
	// of all candidates whatever the order they are tried in (outranks orders them all)
	var best match
	found := false
	rd.candidates(fi, i, func(ps []*pattern) {
		for _, p := range ps {
			// (its first word is token i's)
			var end int
			var ok bool
			switch nums := p.nums; {
			case len(nums) == 1:
				end, ok = i+1, true // one word: no call to match nothing
			case len(nums) > 2 && nums[1] == gap && nums[2] != gap:
				// a gap, then a word that candidates found within the gap's reach (the third
				// words' index): matchAt without testing that again
				end, ok = rd.afterGap(nums[2:], i+1, unknownReach)
			default:
				end, ok = rd.matchAt(nums[1:], i+1)
			}
			if !ok {
				continue
			}
			if found && !(match{i, end, p}).outranks(best) {
				continue
			}
			if usedAsVerb(rd.toks, rd.lex, &match{i, end, p}) {
				best, found = match{i, end, p}, true
			}
		}
	})
	return best, found
}

// topicAt returns the end of a topic-introducing phrase at token i, or -1.
func topicAt(rd *reading, i int) int {
	fi := rd.lex[i].topic
	if fi == nil {
		return -1
	}
	end := -1
	rd.candidates(fi, i, func(ps []*pattern) {
		for _, p := range ps {
			if e, ok := rd.matchAt(p.nums[1:], i+1); ok && e > end { // (its first word is token i's)
				end = e
			}
		}
	})
	return end
}

// matchAt matches the words numbered nums (pattern.nums) against the tokens from i, returning
// the end of the match.
func (rd *reading) matchAt(nums []uint32, i int) (int, bool) {
	lex := rd.lex
	// the words up to the first gap, one token each, in a loop rather than a call a word (most
	// phrases have no gap)
	for len(nums) > 0 && nums[0] != gap {
		if i >= len(lex) || lex[i].num != nums[0] {
			return 0, false
		}
		nums, i = nums[1:], i+1
	}
	if len(nums) == 0 {
		return i, true
	}
	// a gap: the rest after each of the gap's lengths, shortest first
	if len(nums) > 1 && nums[1] != gap {
		// the word after the gap among the tokens every gap reaches, else among those this one
		// does: the reach worked out only for the latter (most phrases tried fail here, and at once)
		if rd.within(nums[1], i, i+surelyWithin) {
			return rd.afterGap(nums[1:], i, unknownReach)
		}
		most := rd.maxGap(i)
		if most <= surelyWithin || !rd.within(nums[1], i+surelyWithin+1, i+most) {
			return 0, false
		}
		return rd.afterGap(nums[1:], i, most)
	}
	most := rd.maxGap(i)
	for g := 0; g <= most; g++ { // (a gap then a gap, "+hand * * over")
		if end, ok := rd.matchAt(nums[1:], i+g); ok {
			return end, true
		}
		if i+g >= len(lex) || !gapWord(rd.toks, lex, i+g, rd.blocked) {
			return 0, false
		}
	}
	return 0, false
}

// afterGap matches the words numbered nums, the first of them a word, after a gap that opens at
// token i and reaches most tokens (maxGap), returning the end of the match: the rest after each
// of the gap's lengths, shortest first, tried only where the word after the gap stands (anywhere
// else it fails at that word). most may be unknownReach: the reach is then worked out only if the
// gap grows past surelyWithin tokens (most matches end or fail before).
func (rd *reading) afterGap(nums []uint32, i, most int) (int, bool) {
	lex := rd.lex
	next := nums[0]
	from, to := 0, most // the gap's lengths tried in turn
	if most == unknownReach {
		to = surelyWithin // (then the rest, up to the reach)
	}
	for {
		for g := from; g <= to; g++ {
			if i+g < len(lex) && lex[i+g].num == next {
				if end, ok := rd.matchAt(nums, i+g); ok {
					return end, true
				}
			}
			if i+g >= len(lex) || !gapWord(rd.toks, lex, i+g, rd.blocked) {
				return 0, false
			}
		}
		if most != unknownReach {
			return 0, false
		}
		most = rd.maxGap(i)
		from, to = surelyWithin+1, most
	}
}

// within reports whether the word numbered num is that of one of the tokens from i to last.
func (rd *reading) within(num uint32, i, last int) bool {
	lex := rd.lex
	for k := i; k <= min(last, len(lex)-1); k++ {
		if lex[k].num == num {
			return true
		}
	}
	return false
}

// gapWord reports whether token i may stand in a gap: a word, or an actor ("expressed
// Tehran's readiness to", "gave Tanzania a grant"); not punctuation.
func gapWord(toks []text.Token, lex []*wordEntry, i int, blocked []bool) bool {
	if w := toks[i].Lower; w != "" && (w[0]-'a' < 26 || w[0]-'0' < 10) {
		return true // a word (isWord), told by its first byte as most are, before the rarer cases
	}
	if toks[i].Lower == "'s" || blocked[i] || hyphenAt(toks, i) || lex[i].is(currencyWord) {
		return true // ("approved a $3 billion loan": a currency sign is part of the amount)
	}
	return isWord(toks[i])
}

// hyphenAt reports a hyphen inside a word: "night-time", "30-day". It is small enough for the
// compiler to write it out where it is called, so that a token that is no hyphen costs no call.
func hyphenAt(toks []text.Token, i int) bool {
	return toks[i].Lower == "-" && joinsWords(toks, i)
}

// joinsWords reports whether token i stands between two words.
func joinsWords(toks []text.Token, i int) bool {
	return i > 0 && i+1 < len(toks) && isWord(toks[i-1]) && isWord(toks[i+1])
}

// surelyWithin is how many tokens every gap reaches when the sentence goes on that far: maxGap(i)
// is at least min(3, the tokens from i on), as each word it counts is one token or more. A gap of
// at most that many tokens is tried with no maxGap worked out, and so is a word that far after
// the gap's start (a gap of g tokens, where g > the tokens from i on, fails at the sentence's end
// whatever its reach).
const surelyWithin = 3

// unknownReach stands for a gap's reach (maxGap) not worked out yet (afterGap).
const unknownReach = -1

// maxGap is three words, an actor or a hyphenated word counting as one word. It is worked out
// once for each token of the sentence.
func (rd *reading) maxGap(i int) int {
	if !rd.reachSet {
		rd.setReach()
	}
	if rd.reach[i] > 0 {
		return int(rd.reach[i]) - 1
	}
	toks, lex, blocked := rd.toks, rd.lex[:len(rd.toks)], rd.blocked[:len(rd.toks)]
	n, words := 0, 0
	// (each test as before, in the same order; what a token's tests read is read once, in locals,
	// and the next token's entry only when there is one)
	for k := i; k < len(toks) && words < 3; k = i + n {
		if blocked[k] {
			for i+n < len(toks) && blocked[i+n] {
				n++
			}
			words++
			continue
		}
		if k+2 < len(toks) && lex[k+1].class&markWord != 0 && hyphenAt(toks, k+1) { // (its text read only at a mark)
			n += 3 // "night-time"
			words++
			continue
		}
		c := lex[k].class
		t := &toks[k]
		switch {
		case c&articleWord != 0:
			n++ // "captured a stronghold": an article is not a word of the gap
		case startsNumber(t) && text.IsNumber(*t):
			n++ // "trained more than 500 hackers": a count is not a word of the gap
		case (t.Lower == "more" || t.Lower == "fewer") && k+1 < len(toks) && toks[k+1].Lower == "than":
			n += 2 // "more than"
		case k+1 < len(toks) && c&quantityWord != 0 && toks[k+1].Lower == "of": // (the class first: read above)
			n += 2 // "captured part of", "holding thousands of": a quantity is not a word of the gap
		default:
			n++
			words++
		}
	}
	rd.reach[i] = int32(n) + 1
	return n
}

// startsNumber reports whether t begins with a digit, as every number does (text.IsNumber): most
// tokens are ruled out without reading on.
func startsNumber(t *text.Token) bool {
	return t.Text != "" && t.Text[0]-'0' < 10
}

var currencies = map[string]bool{"$": true, "€": true, "£": true, "¥": true}

var articles = map[string]bool{"a": true, "an": true, "the": true}

func isWord(t text.Token) bool {
	for _, r := range t.Lower {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			return true
		}
	}
	return false
}
