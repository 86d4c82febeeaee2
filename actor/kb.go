// Package actor knows who is who: states, their capitals and demonyms, organisations, sector
// words and office holders with dated terms. It finds actor mentions in a sentence's tokens and
// resolves each to a country and sector on the event's date.
//
// The knowledge base is a set of tab-separated files (see data/): the shipped defaults are
// embedded in the binary; a user directory given to Load adds files and overrides entries.
package actor

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/text"
)

//go:embed data
var shipped embed.FS

// Sectors lists the sector codes of formats.md.
var Sectors = map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "OPP": true,
	"REB": true, "BUS": true, "MED": true, "NGO": true, "IGO": true, "CVL": true, "REL": true, "ELI": true,
	"REF": true, "LAB": true, "EDU": true, "SPY": true}

var codeRe = regexp.MustCompile(`^[A-Z]{3}$`)
var dateRe = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`)

// Kind says what a dictionary phrase stands for.
type Kind uint8

// Phrase kinds.
const (
	KindCountry Kind = iota + 1 // a state's name
	KindCapital                 // a capital or seat of power standing for the government
	KindDemonym                 // Syrian, Iranians
	KindOrg                     // a named organisation
	KindOffice                  // a post one person holds
	KindGroup                   // a body or group of people
	KindTitle                   // Mr., Maj. Gen., Ayatollah
	KindPerson                  // a known person
)

// Entry is what a phrase means.
//
// (Its fields are in the order that puts what the look-up of a phrase and the resolution of a
// mention read first, Kind, the flags and the names, in its first 64 bytes, one cache line
// where the entry starts on one, and Where, which the coding does not read, last: most of the
// knowledge base's entries are not in the cache when a document names them.)
type Entry struct {
	Kind Kind

	adjectival bool // a group or office word often used as a modifier (adjectival)
	// a group or office word in genericHeads, memberWords, aides
	genericHead, memberWord, aide bool
	hasPost                       bool // an office or group word, whose post is post
	// an organisation of the knowledge base with no dated line (orgs.tsv): OrgOn gives its own
	// country and sector on any date, told without looking its name up (Doc.resolve)
	undated bool

	Country string  // state or organisation code
	Sector  string  // sector code, or "" when the phrase says nothing of it
	Name    string  // canonical name (states, organisations, people)
	Person  *Person // for KindPerson

	// for an office or group word: its Name as a post (indexPosts), so that a document asks
	// for its holders (Doc.holder) without looking the name up
	post postClass

	Where string // file:line it came from
}

// Person is a named individual with dated offices.
type Person struct {
	// (the fields a mention reads, Doc.resolve and Doc.at, come first, within 41 bytes: in an
	// 80-byte object they share a cache line half the time, where Learned after Aliases never did)
	Name    string
	Terms   []Term
	Learned bool // learned from the text, not from the knowledge base
	family  int8 // whether the states of all its terms name family name first (familyFirst)

	Aliases []string
}

// Person.family values: the states of all the terms name people family name first, or none
// does; else the term on the day must be found.
const (
	allFamilyFirst = 1
	noFamilyFirst  = -1
)

// Term is one office held from Start to End (ISO dates at day, month or year precision; End ""
// means still in office).
type Term struct {
	// Start and End as holderOn and termAt compare them (endKeyOf), for the terms of the files
	// (zero for a term made elsewhere, whose dates are compared as text)
	start, end dateKey

	Country, Sector, Role string
	Start, End            string
	Where                 string

	// What a mention reads of a person's terms (Doc.at: the date keys of each, then the country,
	// sector and role of the one held) comes first, in 64 bytes; this pads a Term to 128 bytes,
	// so that in a slice of terms (whose array the allocator places on a 64-byte boundary, its
	// size being a multiple of 128) those 64 bytes are one cache line: a person seldom mentioned
	// is resolved with one miss for its term, not two or three.
	_ [16]byte
}

// KB is a loaded knowledge base.
type KB struct {
	phrases map[string][]*phrase // by first folded token
	words   *text.WordMap[Word]  // every word of the phrases and of the word lists, once loaded
	// the candidates of every first word's phrases, where its Word says (placeLists), and the
	// long lists by the first two words
	cands []candidate
	pairs pairTable
	docs  sync.Pool            // Docs released (Doc.Release), for NewDoc
	posts map[string]postClass // every post of a term and every sector word, for roleMatch
	// the office and group words, as loadSectors reads them (for indexPosts, which clears it)
	sectorWords []*Entry
	postHeads   [][]string             // the posts of each head word (postClass.head)
	postRows    []postRow              // for each post (postClass.row), RoleMatch of it and those of its head word
	people      map[string]*Person     // by canonical name
	orgTerms    map[string][]Term      // dated lines of orgs.tsv, by canonical name
	orgs        []*Entry               // the organisations of orgs.tsv, while loading (Load)
	holders     map[string][]*Person   // office holders by country
	byHead      map[roleKey][]roleTerm // holders' terms by {country, roleHead of the role}, in the order of holders
	headTerms   [][]countryTerms       // the same by head word (postClass.head), then country
	Countries   map[string]string      // code → name

	// the keys of phrases in the order they were first added (add), for sortPhrases
	firstWords []string
}

type phrase struct {
	toks      []string // folded tokens
	exactCase []bool   // token must be written exactly in this case (acronyms)
	capital   bool     // first token must be capitalised in the text
	entry     *Entry
}

// LoadError is a problem in a knowledge-base file, with its position.
type LoadError struct {
	File string
	Line int
	Msg  string
}

func (e *LoadError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Errors collects every problem found in the files, not just the first.
type Errors []*LoadError

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Load reads the shipped knowledge base and then, if userDir is not empty, every *.tsv file in it
// (a file named like a shipped one replaces it; people/NAME.tsv files add or replace people).
func Load(userDir string) (*KB, error) {
	return loadDir(userDir, false)
}

// LoadDictionaries is Load reading, of the *.tsv files in dir, only the dictionaries
// (IsDictionary) and leaving out the others, such as event patterns kept beside them: for a
// check of a directory that holds both.
func LoadDictionaries(dir string) (*KB, error) {
	return loadDir(dir, true)
}

// IsDictionary tells whether rel, a path relative to a dictionary directory ("/"-separated),
// names an actor dictionary: countries.tsv, orgs.tsv, sectors.tsv or people/*.tsv.
func IsDictionary(rel string) bool {
	switch {
	case rel == "countries.tsv", rel == "orgs.tsv", rel == "sectors.tsv":
		return true
	}
	return strings.HasPrefix(rel, "people/") && strings.HasSuffix(rel, ".tsv")
}

// loadDir is Load; with dictOnly, as LoadDictionaries.
func loadDir(userDir string, dictOnly bool) (*KB, error) {
	files := map[string]func() (io.ReadCloser, error){}
	err := fs.WalkDir(shipped, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tsv") {
			return err
		}
		rel := strings.TrimPrefix(p, "data/")
		files[rel] = func() (io.ReadCloser, error) { return shipped.Open(p) }
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading embedded knowledge base: %w", err)
	}
	var userPeople []string
	if userDir != "" {
		err := filepath.WalkDir(userDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".tsv") {
				return nil
			}
			rel, _ := filepath.Rel(userDir, p)
			rel = filepath.ToSlash(rel)
			if dictOnly && !IsDictionary(rel) {
				return nil
			}
			files[rel] = func() (io.ReadCloser, error) { return os.Open(p) }
			if strings.HasPrefix(rel, "people/") {
				userPeople = append(userPeople, rel)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading dictionary directory: %w", err)
		}
	}
	kb := &KB{phrases: map[string][]*phrase{}, people: map[string]*Person{}, holders: map[string][]*Person{}, Countries: map[string]string{},
		orgTerms: map[string][]Term{}}
	var errs Errors
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	// shipped people first, a user's people last so that they replace shipped entries
	sort.Slice(names, func(i, j int) bool {
		ui, uj := contains(userPeople, names[i]), contains(userPeople, names[j])
		if ui != uj {
			return uj
		}
		return names[i] < names[j]
	})
	replaced := map[string]bool{}
	for _, n := range names {
		rc, err := files[n]()
		if err != nil {
			return nil, fmt.Errorf("opening %s: %w", n, err)
		}
		label := n
		if userDir != "" && (contains(userPeople, n) || fileExistsIn(userDir, n)) {
			label = filepath.Join(userDir, n)
		}
		var fileErrs Errors
		switch {
		case n == "countries.tsv":
			fileErrs = kb.loadCountries(rc, label)
		case n == "orgs.tsv":
			fileErrs = kb.loadOrgs(rc, label)
		case n == "sectors.tsv":
			fileErrs = kb.loadSectors(rc, label)
		case strings.HasPrefix(n, "people/"):
			fileErrs = kb.loadPeople(rc, label, contains(userPeople, n), replaced)
		default:
			fileErrs = Errors{{File: label, Line: 0, Msg: "unknown dictionary file (want countries.tsv, orgs.tsv, sectors.tsv or people/*.tsv)"}}
		}
		rc.Close()
		errs = append(errs, fileErrs...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	kb.internCodes()
	kb.indexPosts(kb.indexPeople())
	kb.sortPhrases()
	for _, e := range kb.orgs {
		e.undated = len(kb.orgTerms[e.Name]) == 0
	}
	kb.orgs = nil // (needed no more)
	return kb, nil
}

// postClass places a post among those of its head word (roleHead), for KB.roleMatch: two posts
// of different head words never match.
type postClass struct {
	head int32 // its head word's posts: KB.postHeads[head]
	i    int32 // its place among them
	row  int32 // its answers: KB.postRows[row]
}

// postRow holds RoleMatch(desc, b) for a post desc and each post b of its head word, in the
// order of KB.postHeads, worked out the first time a document asks (most posts never describe
// one: working out all of them would lengthen the start-up by milliseconds).
type postRow struct {
	once  sync.Once
	match []bool
	// the terms of the holders of the post (as roleTerms gives them) by country (codeKey),
	// worked out the first time a document asks (KB.postTerms)
	holdersOnce sync.Once
	holders     map[uint32][]roleTerm
}

// countryTerms are the terms of a country's office holders whose posts have one head word.
type countryTerms struct {
	country uint32 // codeKey of the country
	terms   []roleTerm
}

// indexPosts places every post of the knowledge base among those of its head word: the roles of
// the terms (as indexPeople wrote them) and the names of the sector words (which are the
// descriptions), the posts a document asks RoleMatch of.
func (kb *KB) indexPosts(roles map[string]roleForm) {
	for _, e := range kb.sectorWords {
		if _, ok := roles[e.Name]; !ok {
			r := normRole(e.Name)
			roles[e.Name] = roleForm{r, roleHead(r)}
		}
	}
	if _, ok := roles[""]; !ok {
		roles[""] = roleForm{}
	}
	heads := map[string]int32{}
	kb.posts = make(map[string]postClass, len(roles))
	kb.postRows = make([]postRow, 0, len(roles))
	for r, f := range roles {
		k, ok := heads[f.head]
		if !ok {
			k = int32(len(kb.postHeads))
			heads[f.head] = k
			kb.postHeads = append(kb.postHeads, nil)
		}
		kb.posts[r] = postClass{k, int32(len(kb.postHeads[k])), int32(len(kb.postRows))}
		kb.postHeads[k] = append(kb.postHeads[k], r)
		kb.postRows = append(kb.postRows, postRow{})
	}
	for _, e := range kb.sectorWords {
		e.post, e.hasPost = kb.posts[e.Name], true
		// its name the very string the post is kept under (a term's role, kept once by
		// internCodes, or the first such word's): a mention's role is often the word's name, and
		// a look-up of it in kb.posts then hashes bytes the cache keeps and compares pointers
		e.Name = kb.postHeads[e.post.head][e.post.i]
	}
	kb.headTerms = make([][]countryTerms, len(kb.postHeads))
	for k, ts := range kb.byHead {
		h := heads[k.b] // (every role of a term is among the posts)
		kb.headTerms[h] = append(kb.headTerms[h], countryTerms{codeKey(k.a), ts})
	}
	kb.sectorWords = nil // (needed no more)
}

// roleMatch is RoleMatch, answered from the knowledge base's tables (indexPosts) for the posts it
// knows, which are all those a document asks of: the descriptions are sector words, and the
// posts those of terms or sector words.
func (kb *KB) roleMatch(desc, role string) bool {
	a, ok := kb.posts[desc]
	if !ok {
		return RoleMatch(desc, role) // (a post asked of Holder from outside)
	}
	return kb.postMatch(a, desc, role)
}

// postMatch is roleMatch of a description the knowledge base knows (a is its class), such as
// the post of an office or group word (Entry.post).
func (kb *KB) postMatch(a postClass, desc, role string) bool {
	b, ok := kb.posts[role]
	switch {
	case !ok:
		return RoleMatch(desc, role)
	case a.head != b.head:
		return false
	}
	row := &kb.postRows[a.row]
	row.once.Do(func() {
		row.match = make([]bool, len(kb.postHeads[a.head]))
		for j, r := range kb.postHeads[a.head] {
			row.match[j] = RoleMatch(desc, r)
		}
	})
	return row.match[b.i]
}

// sortPhrases orders the phrases of each first word longest first (keeping the file order among
// phrases of one length), so that a look-up can stop at the first length shorter than its best,
// and makes the table of words.
func (kb *KB) sortPhrases() {
	words := map[string]*Word{}
	wordOf := func(s string) *Word {
		w := words[s]
		if w == nil {
			w = &Word{id: uint32(len(words) + 1)}
			words[s] = w
		}
		return w
	}
	for _, l := range flaggedLists {
		for s, in := range l.list {
			if in {
				wordOf(s).flags |= l.flag
			}
		}
	}
	for _, ps := range kb.phrases {
		for _, p := range ps {
			for _, t := range p.toks {
				wordOf(t) // the second words index the phrases of the first (firstPhrases)
			}
		}
	}
	var pairs []pairSlot
	// the lists are placed in KB.cands in the order their first words were added (KB.firstWords),
	// not the map's: the words of states, capitals, demonyms, organisations, office and group words
	// (some 2,200 words, whose candidates most look-ups read) before those of people's names (some
	// 8,500, each seldom named; Load adds them last, in indexPeople). The common candidates are
	// so together in under 200 KiB rather than each in a cache line shared with a person's.
	for _, s := range kb.firstWords {
		ps := kb.phrases[s]
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
		w := wordOf(s)
		first, lower := wordLists(ps, w.flags, words)
		if len(lower.all) > 0 {
			w.flags |= opensLower
		}
		pairs = kb.placeLists(w, &first, &lower, pairs)
	}
	kb.pairs = newPairTable(pairs)
	table := make(map[string]Word, len(words))
	for s, w := range words {
		table[s] = *w
	}
	kb.words = text.WordMapOf(table)
}

// internCodes makes the state and sector codes of the knowledge base's entries and terms, and
// the roles of its terms, share their bytes with every other copy of the same value, in one block
// of memory: the codes (a few hundred) first, in about 2 KiB, then the roles. As read from the
// files, each was a piece of its own line, scattered over the heap, so that every use of a code
// that reads its bytes (codeKey, a comparison or a map look-up by country or role) reached a
// cache line of its own, seldom cached; in the block, the codes in common use stay cached. (Load
// calls it before indexPeople and indexPosts, which key maps by country and by role.)
func (kb *KB) internCodes() {
	var fields, codes []*string // codes: those of fields that hold a code
	for _, w := range kb.firstWords {
		for _, p := range kb.phrases[w] {
			codes = append(codes, &p.entry.Country, &p.entry.Sector)
		}
	}
	addTerms := func(ts []Term) {
		for i := range ts {
			codes = append(codes, &ts[i].Country, &ts[i].Sector)
			fields = append(fields, &ts[i].Role)
		}
	}
	for _, p := range kb.people {
		addTerms(p.Terms)
	}
	for _, ts := range kb.orgTerms {
		addTerms(ts)
	}
	internStrings(append(codes, fields...), len(codes))
}

// internStrings sets each of fields to the same value held in one string made for them all,
// each distinct value once: those of the first nCodes fields first, then the others', each part
// in the order of the values. It returns that string.
func internStrings(fields []*string, nCodes int) string {
	at := map[string]string{}
	var parts [2][]string
	for k, f := range fields {
		if _, ok := at[*f]; !ok {
			at[*f] = ""
			part := 0
			if k >= nCodes {
				part = 1
			}
			parts[part] = append(parts[part], *f)
		}
	}
	var b strings.Builder
	for _, part := range parts {
		slices.Sort(part)
		for _, s := range part {
			b.WriteString(s)
		}
	}
	block := b.String()
	i := 0
	for _, part := range parts {
		for _, s := range part {
			at[s] = block[i : i+len(s)]
			i += len(s)
		}
	}
	for _, f := range fields {
		*f = at[*f]
	}
	return block
}

// wordLists returns the phrases ps of a first word whose flags are given (sorted longest first),
// indexed for a capitalised token and for one in lower case: those that need no capital, or
// all of them for a name particle ("al-Assad").
func wordLists(ps []*phrase, flags wordFlag, words map[string]*Word) (first, lower firstPhrases) {
	first = newFirstPhrases(ps, words)
	if flags&isNameParticle != 0 {
		return first, first // a particle may open a name in lower case: every phrase of it may match
	}
	var l []*phrase
	for _, p := range ps {
		if !p.capital {
			l = append(l, p)
		}
	}
	return first, newFirstPhrases(l, words)
}

// placeLists writes the candidates of word w's phrases (first for a capitalised token, lower for
// one in lower case) into the knowledge base's one array of candidates (KB.cands), and sets
// where w finds them. A short list stands at w.at (the capitalised one first), so that a look-up
// reaches its candidates straight from the Word, with no header between; so do the phrases of
// one word of a long list, which is narrowed by the second word: its lists for each second word
// are found in the table of pairs, whose slots placeLists returns appended to pairs. (When
// either list at w.at is too long for the Word to count, both are in the table of pairs too:
// tooManyListed.)
func (kb *KB) placeLists(w *Word, first, lower *firstPhrases, pairs []pairSlot) []pairSlot {
	lists := [2]struct {
		fp   *firstPhrases
		n    *uint16
		flag wordFlag
		cs   []candidate // what a next word that narrows none is given
	}{{fp: first, n: &w.nCap, flag: capBySecond}, {fp: lower, n: &w.nLower, flag: lowerBySecond}}
	listed := true // whether the Word can count both lists
	for k := range lists {
		l := &lists[k]
		l.cs = l.fp.all
		if l.fp.seconds != nil {
			w.flags |= l.flag
			l.cs = l.fp.single
		}
		listed = listed && len(l.cs) < tooManyListed&listCount
	}
	add := func(key uint64, cs []candidate) {
		if len(cs) > 0 {
			pairs = append(pairs, pairSlot{key: key, at: uint32(len(kb.cands)), n: uint32(len(cs))})
			kb.cands = append(kb.cands, cs...)
		}
	}
	w.at = uint32(len(kb.cands))
	for k, l := range lists {
		if listed {
			*l.n = uint16(len(l.cs))
			if w.flags&l.flag != 0 {
				*l.n |= narrowedList
			}
			kb.cands = append(kb.cands, l.cs...) // (both at w.at, before any list for a second word)
		} else {
			*l.n = tooManyListed
			add(pairKey(w.id, 0, k == 1), l.cs)
		}
	}
	for k, l := range lists {
		for j, w2 := range l.fp.seconds {
			add(pairKey(w.id, w2, k == 1), l.fp.bySecond[j])
		}
	}
	return pairs
}

// tooManyListed is the count of both lists of a Word (Word.nCap, Word.nLower) when one of them
// has too many candidates for it to count: they are in the table of pairs, for the next word 0.
const tooManyListed = 1<<16 - 1

// The count of a list in a Word (Word.nCap, Word.nLower) is the number of candidates at the
// Word (listCount) and narrowedList, set for a list that is not all there: one narrowed by the
// next word (capBySecond, lowerBySecond) or counted tooManyListed. A look-up tests that one bit
// to know it has the common short list.
const (
	narrowedList = 1 << 15
	listCount    = narrowedList - 1
)

// pairSlot is a slot of the table of pairs: the candidates of a first word (for a capitalised
// token or one in lower case) narrowed by the word after it (0: none or one that narrows none,
// the phrases of one word).
type pairSlot struct {
	key   uint64 // pairKey; 0 for an empty slot
	at, n uint32 // the candidates: KB.cands[at : at+n]
}

// pairKey is the key of the candidates of the first word numbered first, narrowed by the word
// numbered second, for a token in lower case or not.
func pairKey(first, second uint32, lower bool) uint64 {
	k := uint64(first)<<33 | uint64(second)<<1
	if lower {
		k |= 1
	}
	return k // (never 0: the first word's number is at least 1)
}

// pairTable is an open-addressed hash table of pairSlots: one probe of one slot for most
// look-ups, rather than a search of the second words of the first word's list and a reach to
// the list found.
type pairTable struct {
	slots []pairSlot
	shift uint // 64 - log2(len(slots))
}

// newPairTable returns the table of the slots ps, at most half full.
func newPairTable(ps []pairSlot) pairTable {
	bits := uint(4)
	for 1<<bits < 2*len(ps) {
		bits++
	}
	t := pairTable{slots: make([]pairSlot, 1<<bits), shift: 64 - bits}
	for _, p := range ps {
		i := t.home(p.key)
		for t.slots[i].key != 0 {
			i = (i + 1) & uint64(len(t.slots)-1)
		}
		t.slots[i] = p
	}
	return t
}

// home returns the slot a key is first looked for in.
func (t *pairTable) home(key uint64) uint64 {
	return key * 0x9e3779b97f4a7c15 >> t.shift
}

// find returns the slot of key, or the zero slot (no candidates).
func (t *pairTable) find(key uint64) pairSlot {
	mask := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == key {
			return *s
		}
		if s.key == 0 {
			return pairSlot{}
		}
	}
}

// newFirstPhrases indexes the phrases of one first word (sorted longest first).
func newFirstPhrases(ps []*phrase, words map[string]*Word) firstPhrases {
	fp := firstPhrases{all: newCandidates(ps, words)}
	if len(ps) < minSecondPhrases {
		return fp
	}
	var single []*phrase
	bySecond := map[uint32][]*phrase{}
	for _, p := range ps {
		if len(p.toks) == 1 {
			single = append(single, p)
		}
	}
	for _, p := range ps {
		if len(p.toks) > 1 {
			w2 := words[p.toks[1]].id
			bySecond[w2] = append(bySecond[w2], p)
		}
	}
	fp.single = newCandidates(single, words)
	fp.seconds = slices.Sorted(maps.Keys(bySecond))
	fp.bySecond = make([][]candidate, len(fp.seconds))
	for k, w2 := range fp.seconds {
		fp.bySecond[k] = newCandidates(append(bySecond[w2], single...), words)
	}
	return fp
}

// firstPhrases are the phrases that begin with one word, longest first, narrowed by the next.
type firstPhrases struct {
	// for a long list: the ids of the second words of the longer phrases, in order, and for
	// each the phrases that go on with it, then those of one word (first, with all: what a
	// look-up reads of a short list)
	seconds  []uint32
	bySecond [][]candidate
	all      []candidate
	single   []candidate // for a long list: the phrases of one word
}

// minSecondPhrases is the number of phrases of a first word from which they are indexed by the
// second.
const minSecondPhrases = 4

// candidate is a phrase as a look-up first tests it, kept in the list of its first word: most
// phrases are ruled in or out by these few bytes, without reaching the phrase and its words
// elsewhere in memory.
type candidate struct {
	p     *phrase
	entry *Entry // p.entry
	// the numbers (Word.id) of the phrase's second and third words, where it has them, so that
	// they are compared with the numbers of the sentence's words (Doc.words) rather than as
	// strings; 0 for a word the knowledge base does not know (a name learned from the text)
	next    [2]uint32
	n       uint16 // len(p.toks)
	capital bool   // p.capital
	exact   bool   // some word of p must be written exactly in its case (p.exactCase)
	// a phrase of one word, in no exact case, that names no person: it stands at any token of
	// its word in the case it asks for (capital), with no other test (Doc.atoms' quick look-up)
	alone bool
}

// newCandidates returns the candidates of phrases whose words are all in words.
func newCandidates(ps []*phrase, words map[string]*Word) []candidate {
	if len(ps) == 0 {
		return nil
	}
	out := make([]candidate, len(ps))
	for k, p := range ps {
		out[k] = newCandidate(p, func(w string) uint32 { return words[w].id })
	}
	return out
}

// newCandidate returns the candidate of phrase p, given the number of each word (0 for one the
// knowledge base does not know).
func newCandidate(p *phrase, id func(string) uint32) candidate {
	if len(p.toks) > 1<<16-1 {
		panic("actor: a phrase of more than 65535 words")
	}
	c := candidate{p: p, entry: p.entry, n: uint16(len(p.toks)), capital: p.capital}
	for j, w := range p.toks[1:min(len(p.toks), 3)] {
		c.next[j] = id(w)
	}
	for _, e := range p.exactCase {
		c.exact = c.exact || e
	}
	c.alone = c.n == 1 && !c.exact && p.entry.Kind != KindPerson
	return c
}

// candidates returns the phrases that may match at token i of the sentence (a subsequence of
// the phrases of its word, in their order), or none. A word not capitalised is given only the
// phrases that may begin in lower case (wordLists): the others could not match it. upper is
// whether the token is capitalised.
func (d *Doc) candidates(toks []text.Token, i int, upper bool) []candidate {
	if cs, ok := d.shortList(i, upper); ok {
		return cs
	}
	return d.narrowed(toks, i, upper)
}

// shortList returns the candidates of token i and true when they are the common short list that
// stands at its Word, read with one test of the count's narrowedList bit and small enough to be
// inlined where it is asked (lookupAt); else false, for a list narrowed by the next word.
func (d *Doc) shortList(i int, upper bool) ([]candidate, bool) {
	w := &d.words[i]
	at, n := w.at, uint32(w.nCap)
	if !upper {
		at, n = at+n&listCount, uint32(w.nLower)
	}
	if n&narrowedList != 0 {
		return nil, false
	}
	return d.kb.cands[at : at+n : at+n], true // (none, for a word that opens no phrase in this case)
}

// narrowed is candidates for a long list (its count in the Word has narrowedList): the phrases
// that go on with the next word (a word the knowledge base does not know, number 0, goes on with
// none), else those of one word, which stand at the Word or, when it could not count them
// (tooManyListed), in the table of pairs.
func (d *Doc) narrowed(toks []text.Token, i int, upper bool) []candidate {
	w := &d.words[i]
	at, n, bySecond := w.at, uint32(w.nCap), w.flags&capBySecond
	if !upper {
		at, n, bySecond = at+n&listCount, uint32(w.nLower), w.flags&lowerBySecond
	}
	if bySecond != 0 && i+1 < len(toks) && d.words[i+1].id != 0 {
		if s := d.kb.pairs.find(pairKey(w.id, d.words[i+1].id, !upper)); s.n > 0 {
			return d.kb.cands[s.at : s.at+s.n : s.at+s.n]
		}
	}
	if n == tooManyListed {
		s := d.kb.pairs.find(pairKey(w.id, 0, !upper))
		return d.kb.cands[s.at : s.at+s.n : s.at+s.n]
	}
	n &= listCount
	return d.kb.cands[at : at+n : at+n]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func fileExistsIn(dir, rel string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil
}

// eachRow calls fn with the fields of every non-comment line.
func eachRow(r io.Reader, file string, want int, fn func(line int, f []string) *LoadError, orWant ...int) Errors {
	var errs Errors
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != want && !slices.Contains(orWant, len(f)) {
			errs = append(errs, &LoadError{file, n, fmt.Sprintf("want %d tab-separated fields, found %d", want, len(f))})
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if e := fn(n, f); e != nil {
			e.File, e.Line = file, n
			errs = append(errs, e)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &LoadError{file, n + 1, err.Error()})
	}
	return errs
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// loadCountries reads the file of states. (Their codes, like every entry's and term's, are made
// to share one block of memory after loading: internCodes.)
func (kb *KB) loadCountries(r io.Reader, file string) Errors {
	return eachRow(r, file, 5, func(n int, f []string) *LoadError {
		code := f[0]
		if !codeRe.MatchString(code) {
			return &LoadError{Msg: fmt.Sprintf("country code %q is not three capital letters", code)}
		}
		if f[1] == "" {
			return &LoadError{Msg: "empty country name"}
		}
		where := fmt.Sprintf("%s:%d", file, n)
		kb.Countries[code] = f[1]
		names := append([]string{f[1]}, split(f[2])...)
		for _, nm := range names {
			kb.add(nm, &Entry{Kind: KindCountry, Country: code, Sector: "GOV", Name: f[1], Where: where}, true)
		}
		for _, d := range split(f[3]) {
			kb.add(d, &Entry{Kind: KindDemonym, Country: code, Name: f[1], Where: where}, true)
		}
		for _, c := range split(f[4]) {
			kb.add(c, &Entry{Kind: KindCapital, Country: code, Sector: "GOV", Name: f[1], Where: where}, true)
		}
		return nil
	})
}

// loadOrgs reads the file of organisations.
func (kb *KB) loadOrgs(r io.Reader, file string) Errors {
	return eachRow(r, file, 4, func(n int, f []string) *LoadError {
		if !codeRe.MatchString(f[0]) {
			return &LoadError{Msg: fmt.Sprintf("country code %q is not three capital letters", f[0])}
		}
		if !Sectors[f[1]] {
			return &LoadError{Msg: fmt.Sprintf("unknown sector %q", f[1])}
		}
		if f[2] == "" {
			return &LoadError{Msg: "empty organisation name"}
		}
		if len(f) == 6 {
			// a dated line: what the organisation is between two dates ("Taliban … AFG GOV from
			// 2021-08-15"); its names come from its undated line
			if !dateRe.MatchString(f[4]) || f[5] != "" && !dateRe.MatchString(f[5]) {
				return &LoadError{Msg: fmt.Sprintf("dates %q, %q are not YYYY, YYYY-MM or YYYY-MM-DD", f[4], f[5])}
			}
			kb.orgTerms[f[2]] = append(kb.orgTerms[f[2]], Term{Country: f[0], Sector: f[1], Start: f[4], End: f[5],
				Where: fmt.Sprintf("%s:%d", file, n)})
			return nil
		}
		e := &Entry{Kind: KindOrg, Country: f[0], Sector: f[1], Name: f[2], Where: fmt.Sprintf("%s:%d", file, n)}
		kb.orgs = append(kb.orgs, e)
		for _, nm := range append([]string{f[2]}, split(f[3])...) {
			kb.add(nm, e, true)
		}
		return nil
	}, 6)
}

// OrgOn returns the country and sector of organisation e on a date: those of its dated line that
// covers the date, else its own.
func (kb *KB) OrgOn(e *Entry, date string) (country, sector string) {
	if date != "" {
		for _, t := range kb.orgTerms[e.Name] {
			if covers(t, date) {
				return t.Country, t.Sector
			}
		}
	}
	return e.Country, e.Sector
}

func (kb *KB) loadSectors(r io.Reader, file string) Errors {
	return eachRow(r, file, 3, func(n int, f []string) *LoadError {
		if f[0] == "" {
			return &LoadError{Msg: "empty phrase"}
		}
		var k Kind
		switch f[2] {
		case "office":
			k = KindOffice
		case "group":
			k = KindGroup
		case "title":
			k = KindTitle
		default:
			return &LoadError{Msg: fmt.Sprintf("kind %q is not office, group or title", f[2])}
		}
		sector := f[1]
		if sector == "-" && k == KindTitle || sector == "-" && k == KindOffice {
			sector = ""
		} else if !Sectors[sector] {
			return &LoadError{Msg: fmt.Sprintf("unknown sector %q", sector)}
		}
		// a phrase written with a capital must be capitalised in the text ("General")
		r0 := f[0][0]
		e := &Entry{Kind: k, Sector: sector, Name: f[0], Where: fmt.Sprintf("%s:%d", file, n), adjectival: adjectival[f[0]],
			genericHead: genericHeads[f[0]], memberWord: memberWords[f[0]], aide: aides[f[0]]}
		kb.add(f[0], e, 'A' <= r0 && r0 <= 'Z')
		if k == KindOffice || k == KindGroup {
			kb.sectorWords = append(kb.sectorWords, e)
		}
		return nil
	})
}

// loadPeople reads a file of people and their terms. (The country, sector and role of a term,
// which every mention of the person copies and later compares, hashes and writes, are made to
// share one block of memory after loading: internCodes.)
func (kb *KB) loadPeople(r io.Reader, file string, user bool, replaced map[string]bool) Errors {
	return eachRow(r, file, 7, func(n int, f []string) *LoadError {
		name := f[0]
		if name == "" {
			return &LoadError{Msg: "empty name"}
		}
		if !codeRe.MatchString(f[2]) {
			return &LoadError{Msg: fmt.Sprintf("country code %q is not three capital letters", f[2])}
		}
		if !Sectors[f[3]] {
			return &LoadError{Msg: fmt.Sprintf("unknown sector %q", f[3])}
		}
		if !dateRe.MatchString(f[5]) {
			return &LoadError{Msg: fmt.Sprintf("start date %q is not YYYY, YYYY-MM or YYYY-MM-DD", f[5])}
		}
		if f[6] != "" && !dateRe.MatchString(f[6]) {
			return &LoadError{Msg: fmt.Sprintf("end date %q is not YYYY, YYYY-MM or YYYY-MM-DD", f[6])}
		}
		if f[6] != "" && f[6] < f[5][:min(len(f[5]), len(f[6]))] {
			return &LoadError{Msg: fmt.Sprintf("end date %s is before start date %s", f[6], f[5])}
		}
		p := kb.people[name]
		if p == nil || (user && !replaced[name]) {
			p = &Person{Name: name}
			kb.people[name] = p
			if user {
				replaced[name] = true
			}
		}
		for _, a := range split(f[1]) {
			if !contains(p.Aliases, a) {
				p.Aliases = append(p.Aliases, a)
			}
		}
		p.Terms = append(p.Terms, Term{Country: f[2], Sector: f[3], Role: f[4], Start: f[5], End: f[6],
			Where: fmt.Sprintf("%s:%d", file, n), start: dateKeyOf(f[5]), end: endKeyOf(f[6])})
		return nil
	})
}

// indexPeople adds every person's names to the phrase index, and returns the roles of their
// terms as roleTerms compares them.
func (kb *KB) indexPeople() map[string]roleForm {
	roles := map[string]roleForm{} // the roles of the terms, as roleTerms compares them
	names := make([]string, 0, len(kb.people))
	for n := range kb.people {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := kb.people[n]
		sort.SliceStable(p.Terms, func(i, j int) bool { return p.Terms[i].Start < p.Terms[j].Start })
		p.family = allFamilyFirst
		if !familyFirst[p.Terms[0].Country] {
			p.family = noFamilyFirst
		}
		for _, t := range p.Terms {
			if familyFirst[t.Country] != (p.family == allFamilyFirst) {
				p.family = 0 // mixed
			}
		}
		for _, t := range p.Terms {
			if _, ok := roles[t.Role]; !ok {
				r := normRole(t.Role)
				roles[t.Role] = roleForm{r, roleHead(r)}
			}
			k := t.Country
			if len(kb.holders[k]) == 0 || kb.holders[k][len(kb.holders[k])-1] != p {
				kb.holders[k] = append(kb.holders[k], p)
			}
		}
		e := &Entry{Kind: KindPerson, Name: p.Name, Person: p, Where: p.Terms[0].Where}
		seen := map[string]bool{}
		for _, a := range append([]string{p.Name}, p.Aliases...) {
			for _, v := range articleVariants(a) {
				if !seen[strings.ToLower(v)] {
					seen[strings.ToLower(v)] = true
					kb.add(v, e, true)
				}
			}
		}
	}
	kb.byHead = map[roleKey][]roleTerm{}
	for country, ps := range kb.holders {
		for _, p := range ps {
			for i := range p.Terms {
				if t := &p.Terms[i]; t.Country == country {
					k := roleKey{country, roles[t.Role].head}
					kb.byHead[k] = append(kb.byHead[k], roleTerm{p: p, t: t}) // (dates: withDates)
				}
			}
		}
	}
	return roles
}

// add indexes a phrase. Proper names must be capitalised in the text; their all-capital tokens
// (acronyms such as US) must be written so.
func (kb *KB) add(s string, e *Entry, proper bool) {
	toks := text.AppendTokens(nil, s, 0)
	if len(toks) > 1 && toks[0].Lower == "the" {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return
	}
	p := &phrase{entry: e, capital: proper, exactCase: make([]bool, len(toks))}
	for i, t := range toks {
		p.toks = append(p.toks, t.Lower)
		if proper && len(t.Text) >= 2 && strings.ToUpper(t.Text) == t.Text && strings.ToLower(t.Text) != t.Text {
			p.exactCase[i] = true
		}
	}
	if kb.phrases[p.toks[0]] == nil {
		kb.firstWords = append(kb.firstWords, p.toks[0])
	}
	kb.phrases[p.toks[0]] = append(kb.phrases[p.toks[0]], p)
}

// Person returns the person with this canonical name, or nil.
func (kb *KB) Person(name string) *Person { return kb.people[name] }

// Shipped returns the embedded data files, for `dyad dict` and documentation.
func Shipped() fs.FS { sub, _ := fs.Sub(shipped, "data"); return sub }

// articleVariants returns a name with the Arabic article written the ways the news writes it:
// "Omar al-Bashir" is also "Omar el-Bashir", "Omar al Bashir" and "Omar El Bashir".
func articleVariants(name string) []string {
	out := []string{name}
	lower := strings.ToLower(name)
	for _, art := range []string{"al-", "el-"} {
		i := strings.Index(lower, art)
		if i < 0 || i > 0 && lower[i-1] != ' ' {
			continue
		}
		rest := name[i+len(art):]
		other := "el-"
		if art == "el-" {
			other = "al-"
		}
		out = append(out, name[:i]+other+rest, name[:i]+art[:2]+" "+rest, name[:i]+other[:2]+" "+rest)
	}
	return out
}
