package actor

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/text"
)

// Mention is one reference to an actor in a sentence.
type Mention struct {
	First, Last int // token indexes in the sentence, Last exclusive
	Start, End  int // byte offsets in the document
	Text        string
	Country     string
	Sector      string
	Name        string // canonical name of a person or organisation
	Role        string
	Person      *Person
	Learned     bool
	Pronoun     bool   // he, she, his, her
	Possessive  bool   // followed by 's: Iran's readiness
	Group       bool   // a body or group rather than a person or state
	stateRef    bool   // "his country", "the Arab country"
	Adjective   bool   // a demonym standing as an adjective: "an Indian proposal"
	coordinated bool   // Hungarian (and Romanian officials): takes the sector of the next phrase
	stateName   bool   // a state named by its name or capital alone
	people      bool   // a people named by a demonym: "Syrians", "Bosnian Serbs"
	dated       bool   // the sector comes from the person's dated terms (see On)
	guessed     bool   // the country is the nearest actor's, not the text's for this one
	title       string // the sector the text's title gives, if any
	// DescStart and DescEnd give the byte span of a description after a name ("Ali Asghar Khaji,
	// a senior assistant … to Foreign Minister Zarif"), when there is one.
	DescStart, DescEnd int
}

// bothSides reports "the two sides", "both countries": several actors, resolved by the coder.
func (m *Mention) bothSides() bool {
	// each of the words ends in s: a text that ends in an ASCII byte other than s or S is none
	// of them (most), told without lowering the text
	if s := m.Text; s == "" || s[len(s)-1] < utf8.RuneSelf && s[len(s)-1]|('a'-'A') != 's' {
		return false
	}
	if s := m.Text; isASCII(s) {
		// (an ASCII text, most, is compared as it is, each byte folded: containsLower)
		return hasSuffixLower(s, "sides") || hasSuffixLower(s, "countries") || hasSuffixLower(s, "leaders") && containsLower(s, "two")
	}
	var buf [64]byte
	t := lowerText(buf[:0], m.Text)
	return bytes.HasSuffix(t, []byte("sides")) || bytes.HasSuffix(t, []byte("countries")) || bytes.HasSuffix(t, []byte("leaders")) && bytes.Contains(t, []byte("two"))
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasSuffixLower reports whether an ASCII s, lowered, ends in w, a word of lower-case ASCII
// letters (each byte folded as it is compared, as in containsLower).
func hasSuffixLower(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	s = s[len(s)-len(w):]
	for k := range len(w) {
		if s[k]|0x20 != w[k] {
			return false
		}
	}
	return true
}

// containsLower reports whether strings.ToLower(s) contains w, a word of one or more lower-case
// ASCII letters. An ASCII s (most texts) is searched as it is, each byte folded as it is
// compared (a byte folds to w's letter, c|0x20, only if it is that letter in either case),
// rather than lowered first into a buffer; another is lowered as ToLower writes it.
func containsLower(s, w string) bool {
	if !isASCII(s) {
		var buf [64]byte
		return bytes.Contains(lowerText(buf[:0], s), []byte(w))
	}
	for i := 0; i+len(w) <= len(s); i++ {
		k := 0
		for k < len(w) && s[i+k]|0x20 == w[k] {
			k++
		}
		if k == len(w) {
			return true
		}
	}
	return false
}

// lowerText returns strings.ToLower(s) as bytes, written into buf when s is ASCII and fits in
// its capacity (most mention texts): a test of a mention's words then makes no string.
func lowerText(buf []byte, s string) []byte {
	if len(s) > cap(buf) {
		return []byte(strings.ToLower(s))
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return []byte(strings.ToLower(s)) // (other letters: as ToLower writes them)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// civilBodies close the name of a civil body: "the Third World Water Forum".
var civilBodies = map[string]bool{"forum": true, "foundation": true, "association": true, "society": true,
	"network": true, "institute": true}

// ngoBodies head the name of a non-governmental body (not of its people: "activists" are of a
// place).
var ngoBodies = map[string]bool{"group": true, "groups": true, "organization": true, "organizations": true,
	"organisation": true, "organisations": true, "watchdog": true, "ngo": true, "ngos": true,
	"charity": true, "charities": true}

// local reports a body said to be of the place: "a local rights group".
func local(toks []text.Token, m *Mention) bool {
	for k := max(0, m.First-2); k < m.Last; k++ {
		if w := toks[k].Lower; w == "local" || w == "domestic" || w == "grassroots" {
			return true
		}
	}
	return false
}

// genericHeads name people by rank, not by body: the word before them says the sector.
var genericHeads = map[string]bool{"official": true, "officials": true, "leader": true, "leaders": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "chief": true, "head": true,
	"sources": true, "representative": true, "delegation": true, "members": true,
	"demonstrators": true, "protesters": true, "protestors": true, "marchers": true}

// adjectival group words are often modifiers ("military aid", "intelligence sharing"): followed by
// a plain noun they are not an actor.
var adjectival = map[string]bool{"military": true, "intelligence": true, "security": true,
	"police": true, "army": true,
	"media": true, "navy": true, "court": true, "presidency": true, "cabinet": true, "rebel": true,
	"terrorist": true, "militant": true, "civilian": true, "guerrilla": true, "general": true,
	"university": true, "assembly": true, "town": true, "village": true}

// functionWords may follow a group word that is a noun ("the military said", "the army in"); the
// irregular past tenses among them are verbs, not nouns it modifies ("the Cabinet met").
var functionWords = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true,
	"have": true, "had": true, "will": true, "would": true, "could": true, "should": true, "can": true,
	"may": true, "must": true, "and": true, "or": true, "but": true, "in": true, "on": true, "at": true,
	"of": true, "to": true, "for": true, "with": true, "by": true, "from": true, "that": true,
	"which": true, "who": true, "also": true, "not": true, "said": true, "says": true, "as": true,
	"into": true, "against": true, "after": true, "before": true, "during": true, "since": true,
	"did": true, "does": true, "do": true, "then": true, "still": true, "had't": true, "'s": true,
	"met": true, "told": true, "held": true, "sent": true, "took": true, "gave": true, "made": true,
	"went": true, "came": true, "began": true, "won": true, "lost": true, "left": true, "led": true,
	"fought": true, "struck": true, "shot": true, "hit": true, "beat": true, "drew": true,
	"saw": true, "found": true, "brought": true, "sought": true, "kept": true, "spoke": true,
	"wrote": true, "chose": true, "rose": true, "fled": true, "paid": true, "stood": true, "sold": true,
	"overran": true, "withdrew": true, "threw": true, "forbade": true, "bought": true, "built": true,
	"set": true, "put": true, "cut": true, "let": true, "quit": true, "spent": true, "swore": true}

// holdings are the places of a group: "a guerrilla stronghold" is the guerrillas' own.
var holdings = map[string]bool{"stronghold": true, "camp": true, "base": true, "hideout": true,
	"outpost": true, "post": true, "compound": true, "convoy": true, "checkpoint": true, "headquarters": true}

// militaryPlaces after a state's adjective are its forces' ("Russian positions").
var militaryPlaces = map[string]bool{"positions": true, "position": true, "bases": true, "base": true,
	"outposts": true, "outpost": true, "garrison": true, "garrisons": true, "lines": true, "trenches": true,
	"targets": true}

// modifiesNoun reports whether token i, after a group word, is a plain noun it modifies.
func (d *Doc) modifiesNoun(toks []text.Token, i int) bool {
	t := &toks[i]
	w := t.Lower
	if t.IsCapitalized() || d.is(i, isFunctionWord|isHolding) || len(w) < 3 {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

// openers are determiners that open an actor phrase.
var openers = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true,
	"their": true}

var countryDeterminers = map[string]bool{"his": true, "her": true, "the": true, "this": true, "that": true}

// placedIn returns the state of a place named right after m: "militants in Syria", "rebels in
// the Ivory Coast".
func (d *Doc) placedIn(toks []text.Token, ms []*Mention, m *Mention) string {
	i := m.Last
	if i+1 < len(toks) && d.is(i, isGroupPlace) {
		i++ // "terrorist camps in Pakistan": the group's places, then where they are
	}
	if i >= len(toks) || toks[i].Lower != "in" && toks[i].Lower != "of" {
		return ""
	}
	for _, n := range ms {
		if n.First > i && n.First <= i+3 && !n.Pronoun && n.Person == nil && n.stateName {
			return n.Country
		}
	}
	return ""
}

// placeInSentence returns the state of the place the sentence puts something "in" nearest to m.
func (d *Doc) placeInSentence(toks []text.Token, ms []*Mention, m *Mention) string {
	best, dist := "", len(toks)
	for _, n := range ms {
		k := n.First - 1
		for k > 0 && (d.isCompassAt(toks, k) || toks[k].Lower == "the") {
			k-- // "in southeastern Serbia", "in the north of"
		}
		if n.stateName && k >= 0 && k < n.First && (toks[k].Lower == "in" || toks[k].Lower == "near") {
			if n.First >= m.Last && commaBetween(toks, m.Last, n.First) {
				continue // "killing 20 people, officials in Nairobi said": another clause
			}
			gap := n.First - m.Last
			if gap < 0 {
				gap = m.First - n.Last
			}
			if gap < dist {
				best, dist = n.Country, gap
			}
		}
	}
	return best
}

func commaBetween(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Lower == "," {
			return true
		}
	}
	return false
}

// ethnic reports a people named as an ethnic group: "ethnic Albanians".
func (d *Doc) ethnic(toks []text.Token, m *Mention) bool {
	if d.anywhere(isEthnicWord) {
		for k := max(0, m.First-1); k < m.Last; k++ {
			if d.is(k, isEthnicWord) {
				return true
			}
		}
	}
	// "the Albanian population of the province", "the Russian minority in Latvia": a people
	// named as a part of some state's population
	return m.Person == nil && m.Last-1 > m.First && d.is(m.Last-1, isPeopleHead) && toks[m.Last-2].IsCapitalized()
}

// ethnicWords name a people as an ethnic group.
var ethnicWords = map[string]bool{"ethnic": true}

// peopleHeads name a people as part of a state's population.
var peopleHeads = map[string]bool{"population": true, "minority": true, "minorities": true,
	"community": true, "communities": true, "diaspora": true}

// nearestCountry gives a group named without its state ("terrorists") the state of the nearest
// actor in the sentence, looking back first.
func nearestCountry(ms []*Mention, k int) string {
	for i := k - 1; i >= 0; i-- {
		if ms[i].Country != "" && len(ms[i].Country) == 3 && !ms[i].Pronoun && !NonState(ms[i].Country) {
			return ms[i].Country
		}
	}
	for i := k + 1; i < len(ms); i++ {
		if ms[i].Country != "" && !ms[i].Pronoun && !NonState(ms[i].Country) {
			return ms[i].Country
		}
	}
	return ""
}

// NonState reports the code of a body above or across states (IGO, UNO, EUR, NGO, IMG, WST): a
// junta or a police force named near ECOWAS is not ECOWAS's.
func NonState(code string) bool {
	if len(code) != 3 {
		return false
	}
	return nonState(codeKey(code))
}

// nonState is NonState of a code given as codeKey writes it.
func nonState(k uint32) bool {
	// the code's three bytes as one number, compared with each in turn: a state's code (most)
	// fails every test, where a switch on the strings would branch on each code differently
	return k == keyIGO || k == keyUNO || k == keyEUR || k == keyNGO || k == keyIMG || k == keyWST
}

// The codes of NonState as codeKey writes them.
const (
	keyIGO = 'I'<<16 | 'G'<<8 | 'O'
	keyUNO = 'U'<<16 | 'N'<<8 | 'O'
	keyEUR = 'E'<<16 | 'U'<<8 | 'R'
	keyNGO = 'N'<<16 | 'G'<<8 | 'O'
	keyIMG = 'I'<<16 | 'M'<<8 | 'G'
	keyWST = 'W'<<16 | 'S'<<8 | 'T'
)

// codeKey returns a three-letter code's bytes as one number.
func codeKey(c string) uint32 {
	return uint32(c[0])<<16 | uint32(c[1])<<8 | uint32(c[2])
}

// IsState reports a state named as a whole, by its name or capital ("Turkey", "Damascus").
func (m *Mention) IsState() bool { return m.stateName }

// sectorOn returns the sector of a known person on a date: the post held that day (with no
// date, the latest); after the first term, a former official (ELI); before any office the
// knowledge base knows, only what the text's title says.
func sectorOn(p *Person, date, title string) string {
	t, held := p.At(date)
	return sectorOf(p, &t, held, date, dateKeyOf(date), title)
}

// sectorOf is sectorOn given the person's term on the date (At) and the date's dateKeyOf (day).
func sectorOf(p *Person, t *Term, held bool, date string, day dateKey, title string) string {
	switch {
	case held: // with no date, the latest post
		return t.Sector
	case begunBy(&p.Terms[0], date, day): // (before(p.Terms[0].Start, date))
		return "ELI" // out of office: a former official
	}
	return title
}

// On returns the country and sector of the actor on another date than the article's (an event
// told of in the past): a known person named without an office in the text is resolved anew;
// anything else is as the text says.
func (m *Mention) On(date string) (country, sector string) {
	if !m.dated || m.Person == nil || date == "" || len(m.Person.Terms) == 0 {
		return m.Country, m.Sector
	}
	if t, held := m.Person.At(date); held && t.Country != "" {
		country = t.Country
	} else {
		country = m.Country
	}
	return country, sectorOn(m.Person, date, m.title)
}

// CountryGuessed reports a group whose state the text does not give, taken from the nearest
// actor ("police", "journalists").
func (m *Mention) CountryGuessed() bool { return m.guessed }

// Code returns country + sector.
func (m *Mention) Code() string { return m.Country + m.Sector }

// atom is one dictionary phrase, or an unknown capitalised name, found in a sentence.
type atom struct {
	first, last int
	entry       *Entry // nil for an unknown name
}

// placeWords are prepositions of place that functionWords does not hold.
var placeWords = map[string]bool{"outside": true, "inside": true, "near": true, "behind": true,
	"opposite": true, "across": true, "around": true}

// aides are the posts named after the person served: "Trump envoy", "Putin aide".
var aides = map[string]bool{"envoy": true, "aide": true, "adviser": true, "advisor": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "lawyer": true}

// orgHeads after an organisation make the person named next its head.
var orgHeads = map[string]bool{"chief": true, "head": true, "commander": true, "leader": true}

// modifiers may stand inside an actor phrase without changing it.
var modifiers = map[string]bool{"senior": true, "top": true, "former": true, "deputy": true, "acting": true,
	"chief": true, "then": true, "new": true, "ousted": true, "deposed": true, "exiled": true,
	"toppled": true, "overthrown": true, "ex": true, "paramilitary": true, "peacekeeping": true, "main": true, "rival": true,
	"special": true, "personal": true, "presidential": true, "permanent": true, "visiting": true, "interim": true, "outgoing": true,
	"incoming": true, "caretaker": true, "high-ranking": true, "veteran": true, "influential": true,
	"powerful": true, "leading": true, "hardline": true, "moderate": true, "several": true, "two": true,
	"three": true, "some": true, "many": true, "local": true, "federal": true, "national": true,
	"state-run": true, "state": true, "state-owned": true, "official": true, "regional": true,
	"friendly": true, "defense": false, "-": true, "first": true, "general": false}

// nameParticles may stand inside a person's name in lower case.
var nameParticles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "bint": true,
	"de": true, "da": true, "van": true, "von": true, "der": true, "la": true, "-": true, "abu": true, "ould": true}

// notNames are capitalised words that do not start a name.
var notNames = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true,
	"during": true, "after": true, "before": true, "but": true, "and": true, "or": true, "he": true,
	"she": true, "it": true, "they": true, "we": true, "i": true, "his": true, "her": true, "their": true,
	"this": true, "that": true, "these": true, "those": true, "for": true, "with": true, "by": true,
	"from": true, "to": true, "of": true, "as": true, "while": true, "when": true, "meanwhile": true,
	"also": true, "however": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "islamic": true, "republic": true,
	"committee": true, "ministry": true, "council": true, "assembly": true, "photo": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "several": true, "some": true, "many": true, "hundreds": true,
	"thousands": true, "dozens": true, "tens": true, "up": true, "about": true, "around": true, "nearly": true,
	"angry": true, "senior": true, "top": true, "former": true, "ousted": true, "deposed": true,
	"exiled": true, "toppled": true, "overthrown": true, "both": true, "all": true, "other": true}

// referWords may refer to an actor named before: the pronouns (isPronoun) and "country" ("his
// country", "the Arab country").
var referWords = map[string]bool{"he": true, "she": true, "his": true, "her": true, "him": true, "they": true,
	"country": true}

// isPronoun reports he, she, his, her, him, they (each of them is in referWords too).
func isPronoun(w string) bool {
	switch w {
	case "he", "she", "his", "her", "him", "they":
		return true
	}
	return false
}

// Doc follows actors through one document: people learned from the text and the people
// mentioned most recently, for pronouns and descriptions.
type Doc struct {
	kb      *KB
	Date    string
	learned map[string][]candidate
	// whether a key of learned has each value of the low byte of its Hash, so that most tokens
	// are told that no learned phrase begins with them without a look-up
	learnedBits [256]bool
	people      []*Mention // person mentions in order, for pronouns and descriptions
	peopleBuf   [8]*Mention
	subject     *Mention // the first person of the latest sentence that named one
	lastState   string   // the state mentioned most recently
	// the states in the order the text first names them, with their mentions so far (named by
	// the text, not guessed); held in stateBuf until a document names more than it has room for
	states     []stateTally
	stateBuf   [8]stateTally
	all        []*Person // learned people in order of appearance
	atomBuf    []atom    // the atoms of the sentence, reused from sentence to sentence
	words      []Word    // the knowledge base's words of the sentence's tokens (zero: unknown)
	ownWords   []Word    // room for words when Mentions looks them up (MentionsOf's are the caller's)
	inSentence wordFlag  // the flags of any of them
	// the terms on the date of the people the document asked for first (at)
	terms  [12]personTerm
	nTerms int
	// the Date as holder compares it (dateKeyOf), once read, and the Date it was read from
	day     dateKey
	dayOf   string
	dayRead bool

	// Text is the document, when the tokens given to Mentions are offsets into it (else ""): the
	// mentions' Text is then sliced from it rather than built word by word. Whoever sets it
	// promises that each token's Text is Text[Start:End] (text.AppendTokens of a sentence of it,
	// given the sentence's offset, makes such tokens): the offsets are trusted, not the words
	// compared.
	Text string

	spare     []Mention  // mentions allocated for the document and not yet used (newMention)
	spareList []*Mention // room for lists of mentions not yet used (mentionList)
	noted     []*phrase  // the names whose surname is noted (noteSurname)
	notedBuf  [8]*phrase // room for noted
	// the blocks spare and spareList were cut from, kept when the Doc is released (Release) for
	// the next document, and how many of each the document has used
	mentionBlocks     [][]Mention
	listBlocks        [][]*Mention
	nMentions, nLists int

	spareSurnames  []surnamePhrase   // surname phrases allocated for the document and not yet used
	surnameBlocks  [][]surnamePhrase // the blocks they were cut from, kept as those of mentions
	nSurnameBlocks int
	moreStates     []stateTally // room for states kept from a document that named more than stateBuf holds
}

// newMention returns a new zero Mention. A document's mentions live as long as it does, so they
// are cut from blocks rather than allocated one by one: those of an earlier document of a
// released Doc (Release), else new ones, the first sized for the document's text (the bench
// corpus has a mention for every 37 bytes; a block of 40 bytes' worth leaves little unused), the
// next ones of 16.
func (d *Doc) newMention() *Mention {
	if len(d.spare) == 0 {
		if d.nMentions < len(d.mentionBlocks) {
			d.spare = d.mentionBlocks[d.nMentions]
		} else {
			n := 16
			if d.nMentions == 0 {
				n = min(max(n, len(d.Text)/40), 256)
			}
			d.spare = make([]Mention, n)
			d.mentionBlocks = append(d.mentionBlocks, d.spare)
		}
		d.nMentions++
	}
	m := &d.spare[0]
	d.spare = d.spare[1:]
	return m
}

// mentionList returns an empty list with room for n mentions, cut from a block of the
// document's: a sentence's list is kept as long as the document, like its mentions.
func (d *Doc) mentionList(n int) []*Mention {
	if len(d.spareList) < n {
		switch {
		case d.nLists < len(d.listBlocks) && len(d.listBlocks[d.nLists]) >= n:
			d.spareList = d.listBlocks[d.nLists] // an earlier document's
		case d.nLists < len(d.listBlocks):
			d.spareList = make([]*Mention, max(n, 256))
			d.listBlocks[d.nLists] = d.spareList
		default:
			d.spareList = make([]*Mention, max(n, 256))
			d.listBlocks = append(d.listBlocks, d.spareList)
		}
		d.nLists++
	}
	l := d.spareList[:0:n]
	d.spareList = d.spareList[n:]
	return l
}

// roleKey is a pair of strings, the key of the knowledge base's holders (byHead).
type roleKey struct{ a, b string }

// NewDoc starts a document whose events are resolved on date ("" when unknown). It is a Doc
// released by an earlier document (Release) when there is one.
func (kb *KB) NewDoc(date string) *Doc {
	d, _ := kb.docs.Get().(*Doc)
	if d == nil {
		d = &Doc{kb: kb, learned: map[string][]candidate{}}
	}
	d.Date = date
	d.states = d.stateBuf[:0]
	if d.moreStates != nil {
		d.states = d.moreStates
	}
	d.noted = d.notedBuf[:0]
	d.people = d.peopleBuf[:0]
	return d
}

// Release ends the Doc's document, so that NewDoc may start another with its room: the mentions
// and their lists, kept from one document to the next rather than allocated anew. Neither the
// Doc nor anything it returned (mentions, their lists, people learned) may be used after.
func (d *Doc) Release() {
	// nothing of the document is kept: its mentions, names and people. Only what it used is
	// cleared: the rest of each block is still zero, and the last block used (the first, of up
	// to 256 mentions, for most documents) is often mostly unused.
	clearUsed(d.mentionBlocks[:d.nMentions], len(d.spare))
	clearUsed(d.listBlocks[:d.nLists], len(d.spareList))
	clearUsed(d.surnameBlocks[:d.nSurnameBlocks], len(d.spareSurnames))
	clear(d.learned)
	clear(d.atomBuf[:cap(d.atomBuf)])
	var moreStates []stateTally
	if cap(d.states) > len(d.stateBuf) {
		moreStates = d.states[:0]
		clear(d.states[:cap(d.states)])
	}
	kb := d.kb
	*d = Doc{kb: kb, learned: d.learned, atomBuf: d.atomBuf[:0], ownWords: d.ownWords,
		mentionBlocks: d.mentionBlocks, listBlocks: d.listBlocks, surnameBlocks: d.surnameBlocks,
		moreStates: moreStates}
	kb.docs.Put(d)
}

// clearUsed clears the blocks a document cut its mentions (or lists, or surname phrases) from,
// of which it used all but the last unused elements of the last block (the spare ones not cut
// yet): those were never written, so are zero still. (A block left before its end for a longer
// list, mentionList, is cleared whole.)
func clearUsed[T any](blocks [][]T, unused int) {
	for k, b := range blocks {
		if k == len(blocks)-1 {
			b = b[:len(b)-unused]
		}
		clear(b)
	}
}

// Mentions finds the actor mentions of one sentence, in order.
func (d *Doc) Mentions(toks []text.Token) []*Mention {
	d.findWords(toks)
	return d.mentions(toks)
}

// MentionsOf is Mentions for a caller that has looked up the tokens' words itself: words[i] is
// the Word of toks[i] (from KB.Words of the Doc's own knowledge base, whose word numbers it
// compares; the zero Word for a word the knowledge base does not know), so that a caller with a
// table of its own words beside the knowledge base's (the event coder) looks each token up once
// for both. The Doc reads words, and the caller must not change
// them, until the next call to Mentions or MentionsOf.
func (d *Doc) MentionsOf(toks []text.Token, words []Word) []*Mention {
	if len(words) != len(toks) {
		panic("actor: MentionsOf given words for a different number of tokens")
	}
	d.setWords(words)
	return d.mentions(toks)
}

// mentions finds the mentions of the sentence whose words are set (setWords).
func (d *Doc) mentions(toks []text.Token) []*Mention {
	atoms := d.atoms(toks)
	// room for the atoms' mentions and a few pronouns: no growth at every few mentions (the list
	// is the caller's to keep)
	out := d.mentionList(len(atoms) + 4)
	for i := 0; i < len(atoms); {
		k := -1
		// (bodyName's first tests, asked without a call: most atoms are no state, and most states
		// are followed by no atom, or by one that closes no body's name)
		if isState(atoms[i].entry) && mayNameBody(atoms, i) {
			k = bodyName(toks, atoms, i)
		}
		if k > i {
			// the Nigerian Union of Teachers: the state's body of that group
			if m := d.resolve(toks, []atom{atoms[i], atoms[k]}); m != nil {
				out = append(out, m)
			}
			i = k + 1
			continue
		}
		j := i + 1 // (chunk's answer when the next atom is parted from this one: most, told without a call)
		if j < len(atoms) && !d.parted(atoms[i], atoms[j]) {
			j = d.chunk(toks, atoms, i)
		}
		if j == i+1 && atoms[i].entry == nil {
			if m, post := d.describedName(toks, atoms, i); m != nil {
				out = append(out, m)
				j = post + 1 // the description is this person, not another actor
			} else if a := atoms[i]; a.last-a.first >= 2 && civilBodies[toks[a.last-1].Lower] {
				// "the Third World Water Forum": a civil body no state is named for
				name := joinText(toks[a.first:a.last])
				m := d.newMention()
				*m = Mention{First: a.first, Last: a.last, Start: toks[a.first].Start, End: toks[a.last-1].End,
					Text: name, Name: name, Country: "NGO", Sector: "NGO", Group: true}
				out = append(out, m)
			}
			i = j
			continue
		}
		var m *Mention
		switch e := atoms[i].entry; {
		case j == i+1 && e != nil && (e.Kind == KindCountry || e.Kind == KindCapital):
			m = d.loneState(toks, atoms[i])
		case groupPhrase(atoms[i:j]):
			m = d.groupMention(toks, atoms[i:j])
		default:
			m = d.resolve(toks, atoms[i:j])
		}
		if m != nil {
			out = append(out, m)
		}
		i = j
	}
	// pronouns, and states referred to as "his country", "the Arab country"
	for i := 0; i < len(toks) && d.anywhere(isReferWord); i++ { // (none in the sentence: no token to ask)
		if !d.is(i, isReferWord) || inside(out, i) {
			continue
		}
		t := &toks[i]
		if isPronoun(t.Lower) && !(i+1 < len(toks) && toks[i+1].Lower == "country") {
			m := d.newMention()
			*m = Mention{First: i, Last: i + 1, Start: t.Start, End: t.End, Text: t.Text, Pronoun: true}
			out = insert(out, m)
			continue
		}
		if t.Lower == "country" && i > 0 {
			j := i - 1
			if j > 0 && !countryDeterminers[toks[j].Lower] && !inside(out, j) {
				j-- // one adjective: the Arab country
			}
			if countryDeterminers[toks[j].Lower] && !inside(out, j) {
				m := d.newMention()
				*m = Mention{First: j, Last: i + 1, Start: toks[j].Start, End: t.End,
					Text: joinText(toks[j : i+1]), Sector: "GOV", stateRef: true}
				out = insert(out, m)
			}
		}
	}
	if len(out) == 0 {
		return out // (many sentences name no actor: none of what follows to run)
	}
	if d.anywhere(isAnd) { // (both passes ask for an "and" after a mention: none, no pass)
		out = joinAnd(toks, out)
	}
	var subject *Mention
	dropped := false // an unresolved "they"
	for k, m := range out {
		switch {
		case m.Pronoun && strings.EqualFold(m.Text, "they"):
			resolveThey(toks, m, out[:k])
			if m.Country == "" {
				dropped = true
				continue // unresolved: dropped below, as if never found
			}
		case m.Pronoun:
			d.resolvePronoun(m, out[:k])
		case m.stateRef:
			var buf [64]byte
			if t := lowerText(buf[:0], m.Text); bytes.HasPrefix(t, []byte("his ")) || bytes.HasPrefix(t, []byte("her ")) {
				var ref Mention
				d.resolvePronoun(&ref, out[:k])
				m.Country = ref.Country
			} else {
				m.Country = d.lastState
			}
		}
		// (ethnic asks for a word of either list: none in the sentence, no call)
		if m.people || m.Person == nil && d.anywhere(isEthnicWord|isPeopleHead) && d.ethnic(toks, m) {
			// "ethnic Albanians in south Serbia", "the Albanians of southern Serbia": a people
			// living in a state is coded as that state's civilians ("ethnic Albanian guerrillas
			// operating in Macedonia": that state's rebels)
			if c := d.placedIn(toks, out, m); c != "" {
				m.Country = c
			} else if d.ethnic(toks, m) {
				// "ethnic Albanians demonstrated … in southern Serbia": the state they live in
				m.Country = firstNonEmpty(d.placeInSentence(toks, out, m), m.Country)
			}
		}
		if m.Country == "" && (m.Person == nil || m.Learned) && !m.Pronoun && !m.bothSides() {
			// a group named without its state ("police", "the government"): the state of the
			// nearest actor in the sentence, else the state the article names most
			where := d.placedIn(toks, out, m)
			if where == "" && (m.Sector == "CVL" || m.Sector == "REF") {
				where = d.placeInSentence(toks, out, m) // "killed 23 people … in Tel Aviv"
			}
			switch {
			case where != "":
				m.Country = where
			case m.Person == nil && containsLower(m.Text, "peacekeep"):
				// "a regional peacekeeping force": peacekeepers no state is named for serve an
				// intergovernmental body
				m.Country = "IGO"
			case m.Person == nil && m.Sector == "NGO" && ngoBodies[toks[m.Last-1].Lower] && !local(toks, m):
				// "a human rights group protested": a non-governmental body no state is named for
				// is coded as one (formats.md: NGO among the actors that are not one state)
				m.Country = "NGO"
			case m.Sector == "REF":
				// refugees are seldom of the state that speaks of them before ("Japan pledged aid
				// for refugees from Karabakh"): the state the sentence places them in, else one
				// named after them
				m.Country = nearestCountry(out[k:], 0)
			default:
				m.Country, m.guessed = nearestCountry(out, k), true
				if m.Country == "" {
					m.Country = d.mainState() // only when needed: it reads every state counted
				}
			}
			if m.Learned && m.Person != nil && len(m.Person.Terms) > 0 && m.Person.Terms[0].Country == "" {
				m.Person.Terms[0].Country = m.Country
			}
		}
		if m.Country != "" && !m.Pronoun && !m.guessed && len(m.Country) == 3 {
			if k := codeKey(m.Country); !nonState(k) { // (the code's number, made once for both)
				d.lastState = m.Country
				d.countState(m.Country, k)
			}
		}
		if m.Last < len(toks) && d.is(m.Last, isPossessive) { // "'s"
			m.Possessive = true
		}
		if m.Person != nil && !m.Pronoun {
			d.people = append(d.people, m)
		}
		if m.Person != nil && subject == nil {
			subject = m
		}
	}
	// (each case asks for a member word or a comma: none in the sentence, no pass)
	for k := 0; k+1 < len(out) && d.anywhere(isMemberWord|isComma); k++ {
		m, n := out[k], out[k+1]
		if m.Person != nil || m.Pronoun || n.Person != nil || n.Pronoun || m.Sector == "" || n.Sector == "" {
			continue
		}
		switch {
		case d.is(m.Last-1, isMemberWord) && memberOf(toks[m.Last:n.First]) && !n.stateName && n.Sector != "GOV" && n.Sector != "CVL":
			// "activists from the Fatah Party", "members of the opposition": members act as
			// their body
			m.Country, m.Sector, m.guessed = firstNonEmpty(n.Country, m.Country), n.Sector, false
		case m.Group && n.Group && n.First == m.Last+1 && toks[m.Last].Lower == "," && !toks[m.Last-1].IsCapitalized() &&
			toks[n.First].IsCapitalized() && closesName(toks, n.Last, out, k+2):
			// "the main Hutu rebel group, Forces for Defence of Democracy (FDD),": a name in
			// apposition to a description is what it describes
			n.Country, n.Sector = firstNonEmpty(m.Country, n.Country), m.Sector
		}
	}
	if subject != nil {
		d.subject = subject
	}
	if !dropped {
		return out
	}
	kept := out[:0]
	for _, m := range out {
		if !(m.Pronoun && m.Country == "" && strings.EqualFold(m.Text, "they")) {
			kept = append(kept, m)
		}
	}
	return kept
}

// joinAnd gives a mention coordinated with the next ("Hungarian and Romanian officials") the
// next one's sector, and the whole phrase as its text, the words of the sentence that name it
// (the next keeps its own: "Romanian officials"); and joins a state to the group after "and"
// named without one ("U.S. and foreign forces"). It returns the list without the mentions so
// joined.
func joinAnd(toks []text.Token, out []*Mention) []*Mention {
	for k, m := range out {
		switch {
		case !m.coordinated:
		case k+1 < len(out) && out[k+1].First == m.Last+1:
			n := out[k+1]
			m.Sector, m.Role, m.Group = n.Sector, n.Role, n.Group
			m.Text, m.End = joinText(toks[m.First:n.Last]), n.End
		default:
			m.Adjective, m.Sector = true, "GOV"
		}
	}
	// "U.S. and foreign forces": a state joined to a group named without one is that state's group
	for k := 0; k+1 < len(out); k++ {
		m, n := out[k], out[k+1]
		if m.stateName && m.Last < len(toks) && toks[m.Last].Lower == "and" && n.First <= m.Last+3 &&
			n.Country == "" && n.Person == nil && !n.Pronoun && n.Sector != "" && n.Sector != "GOV" {
			m.Sector, m.Role, m.Last, m.End = n.Sector, n.Role, n.Last, n.End
			m.Text = joinText(toks[m.First:m.Last])
			out = append(out[:k+1], out[k+2:]...)
		}
	}
	return out
}

// memberWords name the members of a body: "activists from the Fatah Party".
var memberWords = map[string]bool{"activists": true, "members": true, "supporters": true,
	"followers": true, "loyalists": true, "militants": true, "fighters": true, "cadres": true,
	"partisans": true, "sympathizers": true, "sympathisers": true}

// closesName reports that the capitalised words from token i on end a name at a bracket or a
// comma, before any other actor (the next is out[next]): "Forces| for Defence of Democracy (".
func closesName(toks []text.Token, i int, out []*Mention, next int) bool {
	for ; i < len(toks); i++ {
		if next < len(out) && i >= out[next].First {
			return false
		}
		switch w := toks[i].Lower; {
		case w == "(" || w == ",":
			return true
		case w == "of" || w == "for" || w == "the" || w == "and" || toks[i].IsCapitalized() && isWordTok(toks[i]):
		default:
			return false
		}
	}
	return false
}

// memberOf reports the words between members and their body: "from", "of", then at most four
// words that are not actors ("of the banned", "from the defeated Fatah").
func memberOf(gap []text.Token) bool {
	if len(gap) == 0 || len(gap) > 5 || gap[0].Lower != "of" && gap[0].Lower != "from" {
		return false
	}
	for _, t := range gap[1:] {
		if !isWordTok(t) || functionWords[t.Lower] && t.Lower != "the" {
			return false
		}
	}
	return true
}

func inside(ms []*Mention, i int) bool {
	for _, m := range ms {
		if m.First <= i && i < m.Last {
			return true
		}
	}
	return false
}

func insert(ms []*Mention, m *Mention) []*Mention {
	i := len(ms)
	for i > 0 && ms[i-1].First > m.First {
		i--
	}
	ms = append(ms, nil)
	copy(ms[i+1:], ms[i:])
	ms[i] = m
	return ms
}

// atoms finds the dictionary phrases (longest first) and unknown capitalised names.
func (d *Doc) atoms(toks []text.Token) []atom {
	// (the atoms are appended to d.atomBuf itself, not to a local slice: its three words would
	// be moved to the stack and back at every call of the loop)
	d.atomBuf = d.atomBuf[:0]
	words := d.words[:len(toks)]
	for i := 0; i < len(toks); {
		if i > 0 && words[i-1].flags&isBracket != 0 && d.endsAtom(i-1) {
			// "Hizbollah (Party of God)", "Montenegro Municipality Association (AKK)": a gloss or
			// the initials of the name before it, not another actor
			for i < len(toks) && toks[i].Lower != ")" {
				i++
			}
			i++ // past the closing bracket: always a step forward, even for "()"
			continue
		}
		// most tokens are plain words (plainWord), passed over here by a loop that calls nothing,
		// so that it keeps what it reads in registers; it stops at an opening bracket, which is
		// plain, so that the test above is asked of the token after it
		for i < len(toks) {
			s := toks[i].Text
			if s == "" || wordFlag(notPlainFirst[s[0]])|words[i].flags&(opensLower|isNameParticle|isBracket) != 0 {
				break
			}
			i++
		}
		if i == len(toks) {
			break
		}
		if words[i].flags&isBracket != 0 && d.plainWord(toks, i) { // (the only plain word the loop stops at)
			i++
			continue
		}
		// whether the token is capitalised, as IsCapitalized says (which is not inlined), told
		// without a call when its first byte is ASCII
		s := toks[i].Text
		upper := s != "" && (s[0] < utf8.RuneSelf && s[0]-'A' < 26 || s[0] >= utf8.RuneSelf && toks[i].IsCapitalized())
		// most look-ups are of a word that begins no phrase in its case, or one phrase of itself
		// alone (alone): lookupAt's answer, told here without a call when no phrase learned from
		// the text may begin with the word (learnedBits). The count of the token's list is read
		// as shortList reads it (a count with narrowedList set is more than one: lookupAt).
		var best *candidate
		w := &words[i]
		at, n := w.at, uint32(w.nCap)
		if !upper {
			at, n = at+n&listCount, uint32(w.nLower)
		}
		switch {
		case n > 1 || d.mayBeLearned(&toks[i]):
			best = d.lookupAt(toks, i, upper)
		case n == 1:
			if c := &d.kb.cands[at]; c.alone && (upper || !c.capital) {
				best = c
			} else {
				best = d.lookupAt(toks, i, upper)
			}
		}
		// (notThisActor's tests each begin with a word of the flags of aroundWords: a sentence with
		// none of them, most, asks none of its phrases)
		if best != nil && d.anywhere(aroundWords) && d.wordsAround(len(toks), i, i+int(best.n)) != 0 && d.notThisActor(toks, i, i+int(best.n), best.entry) {
			i += int(best.n)
			continue
		}
		if best != nil {
			if best.entry.Kind == KindPerson && best.n > 1 && !best.entry.Person.Learned {
				d.noteSurname(best, toks, i)
			}
			d.atomBuf = append(d.atomBuf, atom{i, i + int(best.n), best.entry})
			i += int(best.n)
			continue
		}
		// (a name word is capitalised: no run begins with a token that is not, told without a call)
		j := i
		if upper {
			j = d.nameRun(toks, i)
		}
		if j > i {
			// a known phrase inside the run ends it: "Ethnic Albanians"
			for k := i + 1; k < j; k++ {
				if d.lookup(toks, k) != nil {
					j = k
					break
				}
			}
			d.atomBuf = append(d.atomBuf, atom{i, j, nil})
			i = j
			continue
		}
		i++
	}
	return d.atomBuf
}

// endsAtom reports that the last atom found so far ends just before token i and is an unknown name or
// an organisation (whose gloss or initials follow in brackets).
func (d *Doc) endsAtom(i int) bool {
	out := d.atomBuf
	return len(out) > 0 && out[len(out)-1].last == i && (out[len(out)-1].entry == nil || out[len(out)-1].entry.Kind == KindOrg)
}

// plainWord reports a token that can neither begin a phrase nor be a name word, told quickly
// (most tokens are such): written in lower-case ASCII, neither a particle nor the first word of
// a phrase that needs no capital.
func (d *Doc) plainWord(toks []text.Token, i int) bool {
	s := toks[i].Text
	if s == "" {
		return false
	}
	// one test of the first byte's class and the word's flags together, not one branch for each
	return wordFlag(notPlainFirst[s[0]])|d.words[i].flags&(opensLower|isNameParticle) == 0
}

// notPlainFirst marks the first bytes of a word that is not plain (plainWord): an ASCII capital,
// or the first byte of a character that is not ASCII.
var notPlainFirst = func() (t [256]uint8) {
	for c := range t {
		if 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			t[c] = 1
		}
	}
	return t
}()

// stanceWords before a hyphen and a state name a stance towards that state, not the state:
// "pro-Iranian", "anti-Syria".
var stanceWords = map[string]bool{"pro": true, "anti": true, "non": true}

// backers after a state and a hyphen name who stands behind a group, not the group's state:
// "Syrian-backed militia", "Iranian-funded".
var backers = map[string]bool{"backed": true, "sponsored": true, "funded": true, "supported": true,
	"armed": true, "trained": true, "allied": true, "aligned": true, "inspired": true, "financed": true}

// compassWords open place names: "West Darfur", "Western Cambodia", "East Africa".
var compassWords = map[string]bool{"west": true, "western": true, "east": true, "eastern": true,
	"north": true, "northern": true, "south": true, "southern": true, "central": true}

// isCompassAt reports a word of direction at token k: "north", "southern", "southeastern"
// (compassWords asked by the word's flag, not of the map).
func (d *Doc) isCompassAt(toks []text.Token, k int) bool {
	w := toks[k].Lower
	return d.is(k, isCompassWord) || strings.HasSuffix(w, "eastern") || strings.HasSuffix(w, "western")
}

// notThisActor reports a dictionary phrase at toks[i:j] that does not name its actor here: a
// state in a stance ("pro-Iranian") or behind a group ("Syrian-backed"), a compass word that
// opens a place name ("West Darfur"), a state's initials on a currency ("US$50").
func (d *Doc) notThisActor(toks []text.Token, i, j int, e *Entry) bool {
	if d.wordsAround(len(toks), i, j) == 0 {
		return false
	}
	// (the rare word first)
	if i >= 2 && d.is(i-2, isStanceWord) && toks[i-1].Lower == "-" && isState(e) {
		return true
	}
	if j+1 < len(toks) && d.is(j+1, isBacker) && toks[j].Lower == "-" && isState(e) {
		return true
	}
	if j == i+1 && d.is(i, isCompassWord) && j < len(toks) && toks[j].IsCapitalized() {
		return true
	}
	if e.Kind == KindCountry && j < len(toks) && (toks[j].Text == "$" || toks[j].Lower == "dollars") {
		return true
	}
	if j == i+1 && toks[i].Lower == "national" {
		// "a US national has been…" is a citizen; "National Security", "national television"
		// qualify the word that follows
		return toks[i].IsCapitalized() || j < len(toks) && isWordTok(toks[j]) && !d.is(j, isFunctionWord)
	}
	return false
}

// aroundWords are the flags wordsAround asks for.
const aroundWords = isCompassWord | isNational | isStanceWord | isCurrency | isBacker

// wordsAround returns the flags of the words notThisActor's tests begin with, around a phrase
// at toks[i:j] of a sentence of n tokens: 0 for most phrases, which none of them stands around.
// (It is small enough to be inlined: atoms asks it before it calls notThisActor.)
func (d *Doc) wordsAround(n, i, j int) wordFlag {
	near := d.words[i].flags & (isCompassWord | isNational)
	if i >= 2 {
		near |= d.words[i-2].flags & isStanceWord
	}
	if j < n {
		near |= d.words[j].flags & isCurrency
	}
	if j+1 < n {
		near |= d.words[j+1].flags & isBacker
	}
	return near
}

// lookup returns the longest dictionary or learned phrase that stands at token i, or nil.
func (d *Doc) lookup(toks []text.Token, i int) *candidate {
	return d.lookupAt(toks, i, toks[i].IsCapitalized())
}

// lookupAt is lookup given whether the token is capitalised (upper), asked once for the tests
// of its phrases.
func (d *Doc) lookupAt(toks []text.Token, i int, upper bool) *candidate {
	var best *candidate
	// the knowledge base's phrases are sorted longest first (KB.sortPhrases): once one has
	// matched, the shorter ones that follow cannot win
	// the number of the next word (0 at the sentence's end, where no phrase of two words fits)
	var nextID uint32
	if i+1 < len(toks) {
		nextID = d.words[i+1].id
	}
	cs, ok := d.shortList(i, upper) // (candidates, with its common case inlined)
	if !ok {
		cs = d.narrowed(toks, i, upper)
	}
	for k := range cs {
		c := &cs[k]
		if best != nil && c.n < best.n {
			break
		}
		// a phrase of one word that needs no exact case, and no capital or has one, matches
		// (matches' own answer): most of the phrases tried, told without a call; so does a
		// longer one whose second word the knowledge base knows but is not the next word's
		if c.n > 1 && c.next[0] != 0 && c.next[0] != nextID {
			continue
		}
		if (c.n != 1 || c.exact || c.capital && !upper) && !d.matches(c, toks, i, upper) {
			continue
		}
		if c.n == 1 && c.entry.Kind == KindPerson && d.partOfOtherName(toks, i) && !d.titleBefore(toks, i) {
			continue // "Gabriel Boric" is not Sigmar Gabriel
		}
		if best == nil || c.n > best.n || d.better(c.entry, best.entry) {
			best = c
		}
	}
	// learned names must be capitalised, unless they open with a particle
	if !d.mayBeLearned(&toks[i]) || !upper && !d.is(i, isNameParticle) {
		return best
	}
	cs = d.learned[toks[i].Lower]
	for k := range cs {
		c := &cs[k]
		if best != nil && c.n < best.n || !d.matches(c, toks, i, upper) {
			continue
		}
		if c.n == 1 && c.entry.Kind == KindPerson && d.partOfOtherName(toks, i) && !d.titleBefore(toks, i) {
			continue // "Gabriel Boric" is not Sigmar Gabriel
		}
		if best == nil || c.n > best.n || d.better(c.entry, best.entry) {
			best = c
		}
	}
	return best
}

// mayBeLearned reports whether a phrase learned from the text may begin with token t: only if
// the bit of its word is set (for most, none is).
func (d *Doc) mayBeLearned(t *text.Token) bool {
	return d.learnedBits[uint8(t.Hash())]
}

// addLearned adds a phrase learned from the text. When it is the first of its word, its word's
// list is room (if not nil: an empty list the caller allocated with the phrase).
func (d *Doc) addLearned(ph *phrase, room []candidate) {
	w := ph.toks[0]
	d.learnedBits[uint8(text.HashWord(w))] = true
	l := d.learned[w]
	if l == nil {
		l = room
	}
	d.learned[w] = append(l, newCandidate(ph, func(w string) uint32 {
		known, _ := d.kb.words.Find(&text.Token{Lower: w})
		return known.id
	}))
}

// better breaks a tie between two people who share a name (the entries of two phrases): the
// one in office on the document's date, else the one whose term is nearer to it.
func (d *Doc) better(p, q *Entry) bool {
	if p.Kind != KindPerson || q.Kind != KindPerson || p.Person == q.Person {
		return false
	}
	_, heldP := p.Person.At(d.Date)
	_, heldQ := q.Person.At(d.Date)
	if heldP != heldQ {
		return heldP
	}
	return lastStart(p.Person) > lastStart(q.Person)
}

func lastStart(p *Person) string {
	if len(p.Terms) == 0 {
		return ""
	}
	return p.Terms[len(p.Terms)-1].Start
}

// titleBefore reports an office or title word right before token i ("FM Muallem").
func (d *Doc) titleBefore(toks []text.Token, i int) bool {
	if i == 0 || i+1 < len(toks) && d.isNameWord(toks, i+1) {
		return false
	}
	for _, p := range d.kb.phrases[toks[i-1].Lower] {
		if len(p.toks) == 1 && (p.entry.Kind == KindOffice || p.entry.Kind == KindTitle) && matches(p, toks, i-1) {
			return true
		}
	}
	return false
}

// partOfOtherName reports whether the one-word name at i stands next to other capitalised name
// words, so that it is part of someone else's name.
func (d *Doc) partOfOtherName(toks []text.Token, i int) bool {
	if i+1 < len(toks) && d.isNameWord(toks, i+1) {
		return true
	}
	if i+2 < len(toks) && d.is(i+1, isNameParticle) && toks[i+1].Lower != "-" && d.isNameWord(toks, i+2) {
		return true
	}
	return i > 0 && d.isNameWord(toks, i-1) && !titleLike(toks[i-1].Lower)
}

// titleLike words may stand before a surname without being a given name.
func titleLike(w string) bool {
	switch w {
	case "president", "minister", "king", "prince", "general", "premier", "chancellor", "sheikh",
		"ayatollah", "mr", "mrs", "ms", "dr", "emir", "sultan", "queen", "pope", "secretary", "senator",
		"speaker", "leader", "gen", "maj", "col", "lt", "admiral", "marshal", "judge", "governor":
		return true
	}
	return false
}

// matches is matches(c.p, toks, i) for the sentence whose words are d.words, told from the
// candidate alone when the words' numbers rule the phrase out, or when it is one word that needs
// no exact case. upper is whether token i is capitalised.
func (d *Doc) matches(c *candidate, toks []text.Token, i int, upper bool) bool {
	n := int(c.n)
	if i+n > len(toks) {
		return false
	}
	if c.capital && !upper && !d.is(i, isNameParticle) {
		return false
	}
	if n == 1 {
		return !c.exact || exactCase(&toks[i])
	}
	// a word the knowledge base knows is the phrase's word if it has its number; a word it
	// does not know (number 0) is compared as a string below
	k := 1
	for ; k < n && k <= len(c.next) && c.next[k-1] != 0; k++ {
		if d.words[i+k].id != c.next[k-1] {
			return false
		}
	}
	if k < n {
		p := c.p
		for ; k < n; k++ {
			if toks[i+k].Lower != p.toks[k] {
				return false
			}
		}
	}
	if c.exact {
		for k := range n {
			if c.p.exactCase[k] && !exactCase(&toks[i+k]) {
				return false
			}
		}
	}
	return true
}

// exactCase reports whether token t is written in capitals, as an acronym of the dictionary
// must be (no letter of it changes in upper case).
func exactCase(t *text.Token) bool {
	return strings.ToUpper(t.Text) == t.Text
}

// matches reports whether phrase p stands at token i. The phrase begins with the word of token
// i (its callers find phrases by that word): the words after it are compared.
func matches(p *phrase, toks []text.Token, i int) bool {
	if i+len(p.toks) > len(toks) {
		return false
	}
	if p.capital && !toks[i].IsCapitalized() && !nameParticles[toks[i].Lower] {
		return false
	}
	for k, w := range p.toks {
		t := &toks[i+k]
		if k > 0 && t.Lower != w {
			return false
		}
		if p.exactCase[k] && !exactCase(t) {
			return false
		}
	}
	return true
}

// nameRun returns the end of a run of capitalised words starting at i (i when there is none).
func (d *Doc) nameRun(toks []text.Token, i int) int {
	if !d.isNameWord(toks, i) {
		return i
	}
	j := i + 1
	for j < len(toks) {
		if d.isNameWord(toks, j) {
			j++
			continue
		}
		// al-Assad, bin Salman: a particle between name words
		if d.is(j, isNameParticle) && j+1 < len(toks) && (d.isNameWord(toks, j+1) || d.is(j+1, isNameParticle) && j+2 < len(toks) && d.isNameWord(toks, j+2)) {
			j += 2
			continue
		}
		break
	}
	return j
}

// isNameWord reports whether token i may be a word of a name: capitalised, of letters (and
// hyphens and apostrophes), not one of notNames.
func (d *Doc) isNameWord(toks []text.Token, i int) bool {
	t := &toks[i]
	if t.Text == "" {
		return false
	}
	// capitalised: an ASCII capital, told without decoding the rune, or another upper-case letter
	if c := t.Text[0]; c < utf8.RuneSelf && (c < 'A' || c > 'Z') || c >= utf8.RuneSelf && !t.IsCapitalized() || d.is(i, isNotName) {
		return false
	}
	if sh := t.Shape; sh != 0 && sh&(text.ShapeDigit|text.ShapeOther) == 0 {
		return true // ASCII letters alone, as its Shape says (most names), without reading them
	}
	for _, r := range t.Text {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 || r == '-' || r == '\'') {
			return false
		}
	}
	return true
}

func isState(e *Entry) bool {
	return e != nil && (e.Kind == KindCountry || e.Kind == KindCapital || e.Kind == KindDemonym)
}

func isSectorWord(e *Entry) bool {
	return e != nil && (e.Kind == KindOffice || e.Kind == KindGroup)
}

// chunk returns the end (exclusive) of the actor phrase that starts with atoms[i].
func (d *Doc) chunk(toks []text.Token, atoms []atom, i int) int {
	j := i + 1
	for j < len(atoms) {
		prev, next := atoms[j-1], atoms[j]
		if d.parted(prev, next) || !d.joins(toks, prev, next, atoms[i:j]) {
			break
		}
		j++
	}
	return j
}

// parted reports two atoms that joins would not join, told from the word after the first
// without a call (most pairs of atoms): a word between them, the first, that is neither a
// modifier nor a gap word, when they are more than two words apart or the first atom is no
// title, demonym or group (joins' two exceptions: "Maj. Gen.", "Irish nationalist guerrillas").
func (d *Doc) parted(prev, next atom) bool {
	if next.first == prev.last || d.is(prev.last, isModifier|isGapWord) {
		return false
	}
	if next.first-prev.last > 2 {
		return true
	}
	e := prev.entry
	return e == nil || e.Kind != KindTitle && e.Kind != KindDemonym && e.Kind != KindGroup
}

// gapWords may stand between two atoms of one actor, besides modifiers: "leader of the
// opposition", "Iran's foreign minister".
var gapWords = map[string]bool{"of": true, "the": true, "'s": true, ",": true, "and": true, "in": true}

// joins decides whether atom next continues the phrase ending with prev, given the tokens between.
func (d *Doc) joins(toks []text.Token, prev, next atom, sofar []atom) bool {
	gap := toks[prev.last:next.first]
	pe, ne := prev.entry, next.entry
	if pe != nil && pe.Kind == KindTitle && len(gap) == 1 && gap[0].Lower == "." {
		return !anyPerson(sofar) // Maj. Gen. Baqeri
	}
	for k := range gap {
		if pe != nil && (pe.Kind == KindDemonym || pe.Kind == KindGroup && pe.Sector == "CVL") && isSectorWord(ne) && len(gap) <= 2 {
			break // checked below
		}
		if !d.is(prev.last+k, isModifier|isGapWord) {
			return false
		}
	}
	// (looked for only now: most pairs of atoms are parted by some other word)
	hasPerson := anyPerson(sofar)
	// "Irish nationalist guerrillas", "French paper workers": up to two plain words between a
	// state's adjective and the group it qualifies
	// ("Ibo traditional elders": a people's name qualifies the group the same way)
	if pe != nil && (pe.Kind == KindDemonym || pe.Kind == KindGroup && pe.Sector == "CVL") && isSectorWord(ne) && len(gap) <= 2 && len(gap) > 0 && !hasPerson {
		plain := true
		for k, t := range gap {
			// "Georgians rallied outside parliament": a verb or a preposition is not an adjective
			if t.IsCapitalized() || !isWordTok(t) || d.is(prev.last+k, isFunctionWord|isPlaceWord) || strings.HasSuffix(t.Lower, "ed") {
				plain = false
			}
		}
		if plain {
			return true
		}
		// "Vietnamese-led forces", "Saudi-led coalition": the state leads the group
		if len(gap) == 2 && gap[0].Lower == "-" && (gap[1].Lower == "led" || gap[1].Lower == "commanded") {
			return true
		}
	}
	gs := gapText(gap)
	switch {
	case gs == "" || d.allModifiers(prev.last, next.first):
		// adjacent: Syrian President Bashar al-Assad; Iranian Chief of Staff Maj. Gen. Baqeri
		if pe != nil && pe.Kind == KindPerson && ne != nil && ne.Kind == KindOffice && ne.aide && len(gap) == 0 {
			return true // "a Trump envoy", "a Putin aide": someone who serves the person
		}
		if hasPerson {
			return false
		}
		if ne == nil || ne.Kind == KindPerson {
			return pe == nil || pe.Kind != KindPerson
		}
		if isState(pe) && isState(ne) {
			// Bosnian Serbs, Iraqi Kurds: a people of a state
			return pe.Kind == KindDemonym && ne.Kind == KindDemonym
		}
		if ne.Kind == KindCountry || ne.Kind == KindCapital {
			return false
		}
		return true
	case gs == "of" || gs == "of the":
		// Speaker of the Syrian People's Assembly; the army of Syria
		return (isSectorWord(pe) || pe != nil && pe.Kind == KindTitle) && ne != nil && ne.Kind != KindPerson && ne.Kind != KindTitle && !hasPerson
	case gs == "'s":
		// Iran's foreign minister, parliament's committee
		return pe != nil && (isState(pe) || pe.Kind == KindOrg) && isSectorWord(ne)
	case gs == "in":
		// an office placed in its state: the Supreme Leader … in Iran Ali Khamenei
		return !hasPerson && isSectorWord(pe) && pe.Kind == KindOffice && ne != nil && ne.Kind == KindCountry && !hasState(sofar)
	case gs == "and":
		// conjoined parts of one actor: the Syrian government and nation
		return !hasPerson && pe != nil && pe.Kind == KindGroup && ne != nil && ne.Kind == KindGroup
	case gs == ",":
		// apposition: senior Iranian lawmaker, Alaeddin Boroujerdi
		return !hasPerson && isSectorWord(pe) && pe.Kind == KindOffice && (ne == nil || ne.Kind == KindPerson || ne.Kind == KindTitle || ne.Kind == KindOffice)
	}
	return false
}

// gapText returns the words between two atoms (gap) one space apart, as the cases of joins
// compare them ("of the"), when they are one of those cases; else " ", which is none of them.
// Only "of the" of the cases has a space, so that of two words or more only "of" and "the" make
// one: the others are told without joining them into a new string.
func gapText(gap []text.Token) string {
	switch {
	case len(gap) == 0:
		return ""
	case len(gap) == 1:
		return gap[0].Lower
	case len(gap) == 2 && gap[0].Lower == "of" && gap[1].Lower == "the":
		return "of the"
	}
	return " "
}

// anyPerson reports whether a person or an unknown name is among the atoms.
func anyPerson(atoms []atom) bool {
	for _, a := range atoms {
		if a.entry == nil || a.entry.Kind == KindPerson {
			return true
		}
	}
	return false
}

// bodyNouns are the nouns that head the name of a civil body: "Union" in "the Nigerian Union of
// Teachers".
var bodyNouns = map[string]bool{"union": true, "association": true, "federation": true,
	"confederation": true, "congress": true, "organisation": true, "organization": true,
	"syndicate": true, "society": true, "league": true, "alliance": true, "guild": true,
	"chamber": true, "order": true, "forum": true, "network": true, "coalition": true}

// bodyName returns the index of the group atom that closes a body's name opened by the state
// atom i ("the Nigerian Union of Teachers"), or -1. Only unknown capitalised words stand between.
func bodyName(toks []text.Token, atoms []atom, i int) int {
	if !isState(atoms[i].entry) {
		return -1
	}
	for k := i + 1; k < len(atoms) && k <= i+3; k++ {
		if e := atoms[k].entry; e != nil {
			if isSectorWord(e) && e.Kind == KindGroup && toks[atoms[k].first].IsCapitalized() && orgName(toks[atoms[i].last:atoms[k].first]) {
				return k
			}
			return -1
		}
	}
	return -1
}

// mayNameBody reports whether bodyName may find a body's name opened by atom i: there is an atom
// after it, which is an unknown name (bodyName looks further) or a group two words or more
// after it (orgName's least: "Union of").
func mayNameBody(atoms []atom, i int) bool {
	if i+1 >= len(atoms) {
		return false
	}
	n := atoms[i+1]
	return n.entry == nil || n.entry.Kind == KindGroup && n.first-atoms[i].last >= 2
}

// orgName reports the middle of a body's name between its state and the group it gathers:
// capitalised words with a head noun, then "of" or "for" ("Union of", "'s National Association
// of the"). The state and the group then make one actor: the state's, in the group's sector.
func orgName(gap []text.Token) bool {
	if len(gap) > 0 && gap[0].Lower == "'s" {
		gap = gap[1:]
	}
	n := len(gap)
	if n > 0 && gap[n-1].Lower == "the" {
		n--
	}
	if n < 2 || gap[n-1].Lower != "of" && gap[n-1].Lower != "for" {
		return false
	}
	head := false
	for _, t := range gap[:n-1] {
		if !t.IsCapitalized() || !isWordTok(t) {
			return false
		}
		head = head || bodyNouns[t.Lower]
	}
	return head
}

func isWordTok(t text.Token) bool {
	for _, r := range t.Lower {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return t.Lower != "" && t.Lower != "-"
}

func wordBetween(toks []text.Token, i, j int, w string) bool {
	for k := i; k < j && k < len(toks); k++ {
		if toks[k].Lower == w {
			return true
		}
	}
	return false
}

func hasState(atoms []atom) bool {
	for _, a := range atoms {
		if isState(a.entry) {
			return true
		}
	}
	return false
}

// allModifiers reports whether tokens i to j (exclusive) are all modifiers.
func (d *Doc) allModifiers(i, j int) bool {
	for k := i; k < j; k++ {
		if !d.is(k, isModifier) {
			return false
		}
	}
	return true
}

// loneState is resolve of a state named alone ("Iran", "Damascus"; a third of the phrases), told
// from its entry.
func (d *Doc) loneState(toks []text.Token, a atom) *Mention {
	// (the new mention is zero: its fields are set one by one, as a literal would be built aside
	// and copied whole)
	m := d.newMention()
	m.First, m.Last, m.End = a.first, a.last, toks[a.last-1].End
	m.Country, m.Sector, m.Group, m.stateName = a.entry.Country, "GOV", true, true
	d.open(toks, m)
	return m
}

// groupPhrase reports a phrase of a group word, alone or after a demonym ("police", "Syrian
// troops"; half the phrases resolve is asked of), which groupMention resolves.
func groupPhrase(atoms []atom) bool {
	switch len(atoms) {
	case 1:
		return atoms[0].entry != nil && atoms[0].entry.Kind == KindGroup
	case 2:
		return atoms[0].entry != nil && atoms[0].entry.Kind == KindDemonym && atoms[1].entry != nil && atoms[1].entry.Kind == KindGroup
	}
	return false
}

// groupMention is resolve of a group word, alone or after a demonym (groupPhrase), told from
// the entries: the group, of the demonym's state (none when alone), in the group's sector.
func (d *Doc) groupMention(toks []text.Token, atoms []atom) *Mention {
	g := atoms[len(atoms)-1]
	first, last := atoms[0].first, g.last
	e := g.entry
	if e.adjectival && last < len(toks) && d.modifiesNoun(toks, last) || e.Name == "counterpart" {
		// "military aid", "U.S. military aid"; a group named like the post resolve gives the
		// subject's sector (a dictionary's own)
		return d.resolve(toks, atoms)
	}
	country := ""
	if len(atoms) == 2 {
		country = atoms[0].entry.Country
	}
	sector := e.Sector
	switch {
	case sector == "CVL" && (e.Name == "leaders" || e.Name == "leader"):
		sector = "ELI" // "Yoruba leaders": the elites of a people
	case sector == "" && country != "":
		sector = "GOV"
	case sector == "":
		return d.resolve(toks, atoms) // (no group word of the files has no sector)
	}
	m := d.newMention() // (zero: its fields are set one by one, as in loneState)
	m.First, m.Last, m.End = first, last, toks[last-1].End
	m.Country, m.Sector, m.Role, m.Group = country, sector, e.Name, true
	d.open(toks, m)
	return m
}

// phraseParts is what resolve reads from a phrase's atoms, in a struct of its own rather than a
// dozen locals: Go keeps a struct this size in memory, where the calls of resolve's loop over
// the atoms leave it, rather than moving each value between registers and the stack at every
// atom.
type phraseParts struct {
	country, stateCountry string // the country of the phrase's words, and of its state's name
	office, title         string // the sector of its head, and of a title
	orgSector, role       string // the sector of its body, and the name of its head
	person                *Person
	roleWord              *Entry // the word of role
	unknown               int    // the unknown names among the atoms
	u                     atom   // the last of them
	// whether the phrase names only groups, a group of the government, a post, the head of a body
	groupOnly, govGroup, post, headOfOrg bool
}

// resolve turns a phrase's atoms into a mention.
func (d *Doc) resolve(toks []text.Token, atoms []atom) *Mention {
	first, last := atoms[0].first, atoms[len(atoms)-1].last
	// (the kind first: it stands at the start of the entry, which finding the phrase has read,
	// where the flag stands 80 bytes on, often in a line of its own that a person's or a state's
	// phrase need not read)
	if a := atoms[len(atoms)-1]; a.entry != nil && (a.entry.Kind == KindGroup || a.entry.Kind == KindOffice) && a.entry.adjectival && last < len(toks) && d.modifiesNoun(toks, last) {
		if len(atoms) == 1 {
			return nil // "military aid", "police custody"
		}
		return d.resolve(toks, atoms[:len(atoms)-1]) // "U.S. military aid": the state
	}
	if a := atoms[0]; a.entry != nil && a.entry.Kind == KindTitle && len(atoms) == 1 && (last >= len(toks) || !toks[last].IsCapitalized()) {
		return nil // "a major offensive": a rank with no name after it
	}
	m := d.newMention() // (zero: its fields are set one by one, as in loneState)
	m.First, m.Last, m.Start, m.End = first, last, toks[first].Start, toks[last-1].End
	r := phraseParts{groupOnly: true} // (what the atoms say: phraseParts)
	prevLast := first
	for _, a := range atoms {
		e := a.entry
		gapStart := prevLast
		prevLast = a.last
		if e == nil {
			r.unknown, r.u = r.unknown+1, a
			r.groupOnly = false
			continue
		}
		switch e.Kind {
		case KindCountry, KindCapital, KindDemonym:
			if r.stateCountry == "" {
				r.stateCountry = e.Country
			}
		case KindOrg:
			oc, os := e.Country, e.Sector // (OrgOn's answer for most: no dated line)
			if !e.undated {
				oc, os = d.kb.OrgOn(e, d.Date)
			}
			if r.country == "" {
				r.country = oc
			}
			if r.orgSector == "" {
				r.orgSector = os
			}
			// "Sudanese army chief X", "Hamas leader X": the head of the body, of its sector
			for k := a.last; k < len(toks) && k < a.last+2; k++ {
				if d.is(k, isOrgHead) {
					r.headOfOrg = true
				}
			}
			if m.Name == "" {
				m.Name = e.Name
			}
		case KindOffice, KindGroup:
			r.govGroup = r.govGroup || e.Kind == KindGroup && e.Sector == "GOV"
			// the head of the phrase: the last of adjacent sector words ("official Syrian
			// newspaper"), the first before "of" ("Speaker of the People's Assembly"); a generic
			// head keeps the sector before it ("intelligence officials" are SPY); members are of
			// their body ("activists of the opposition")
			if r.office == "" || r.roleWord != nil && r.roleWord.memberWord && e.Kind == KindGroup && e.Sector != "" || e.Sector != "" && !wordBetween(toks, gapStart, a.first, "of") && !wordBetween(toks, gapStart, a.first, "and") && !e.genericHead {
				r.office = firstNonEmpty(e.Sector, r.office)
				r.role, r.roleWord = e.Name, e
				if e.Kind == KindOffice {
					r.groupOnly, r.post = false, true
				}
			}
		case KindTitle:
			if r.title == "" {
				r.title = e.Sector
			}
			r.groupOnly = false
		case KindPerson:
			r.person = e.Person
			r.groupOnly = false
		}
	}
	if r.stateCountry != "" {
		r.country = r.stateCountry
	}
	if a := atoms[len(atoms)-1]; r.office == "CVL" && a.entry != nil && (a.entry.Name == "leaders" || a.entry.Name == "leader") {
		r.office, r.govGroup = "ELI", false // "Yoruba leaders", "community leaders": the elites of a people
	}
	if a := atoms[len(atoms)-1]; r.person != nil && len(atoms) > 1 && a.entry != nil && a.entry.Kind == KindOffice && a.entry.aide {
		// "Trump envoy": the envoy, of the person's state, not the person
		t, _ := d.at(r.person)
		r.country = firstNonEmpty(r.country, t.Country)
		r.person = nil
	}
	// an unknown name after an office or title: a person introduced by the text
	if r.person == nil && r.unknown > 0 {
		// (a body's word before a name makes no person of it: "Zambia Farmers Union")
		if r.u.last != last || (!r.post && r.title == "") || (r.country == "" && r.office != "" && r.title == "") {
			// a name standing alone, or not at the end of the phrase: not an actor we can code
			if len(atoms) == 1 {
				return nil
			}
			// keep what the rest says, without the name
			if r.u.first == first {
				if r.unknown > 1 || len(atoms) < 2 {
					return nil
				}
				// "Three Afghan soldiers": a capitalised word before the actor phrase
				return d.resolve(toks, atoms[1:])
			}
			m.Last = r.u.first
			for m.Last > first && !isWordToken(toks[m.Last-1]) {
				m.Last--
			}
			m.End = toks[m.Last-1].End
		} else {
			name := joinText(toks[r.u.first:r.u.last])
			r.person = d.learn(name, toks[r.u.first:r.u.last], r.country, firstNonEmpty(r.office, r.title), r.role)
		}
	}
	m.Text = ""
	if r.person != nil {
		m.Person = r.person
		m.Name = r.person.Name
		m.Learned = r.person.Learned
		t, held := d.at(r.person)
		if r.country == "" {
			r.country = t.Country
		}
		m.Role = t.Role
		m.title = r.title
		switch {
		case r.office != "":
			m.Sector = r.office
		case r.headOfOrg && r.orgSector != "" && r.orgSector != "IGO":
			m.Sector = r.orgSector
		case r.person.Learned:
			m.Sector = t.Sector
		default:
			m.Sector, m.dated = sectorOf(r.person, t, held, d.Date, d.dayKey(), r.title), true
		}
		if r.role != "" {
			m.Role = r.role
		}
	} else {
		m.Group = r.groupOnly
		m.Role = r.role
		m.Sector = firstNonEmpty(r.office, r.orgSector, r.title)
		if r.groupOnly && r.govGroup {
			m.Sector = "GOV" // the Iranian nation and government: one actor, the state
		}
		if m.Sector == "" && len(atoms) == 2 && atoms[0].entry != nil && atoms[1].entry != nil &&
			atoms[0].entry.Kind == KindDemonym && atoms[1].entry.Kind == KindDemonym {
			m.Sector, m.people = "CVL", true // Bosnian Serbs: civilians of the first state
		}
		if m.Sector == "" && r.country != "" {
			if r.stateCountry != "" && len(atoms) == 1 && atoms[0].entry.Kind == KindDemonym {
				// a lone demonym: the plural noun ("Syrians") is an actor; the adjective ("an Indian
				// proposal") names the state, but only as the object of an act
				if !strings.HasSuffix(toks[first].Lower, "s") || strings.HasSuffix(toks[first].Lower, "ss") {
					m.Adjective = true
					m.Sector = "GOV"
					if last < len(toks) && militaryPlaces[toks[last].Lower] {
						m.Sector = "MIL" // "shelled Russian positions": the state's forces
					}
					// coordinated with the next phrase: Hungarian and Romanian officials
					if last+2 < len(toks) && toks[last].Lower == "and" {
						m.Adjective = false
						m.Sector = ""
						m.coordinated = true
					}
				} else {
					m.Sector, m.people = "CVL", true
				}
			} else {
				m.Sector = "GOV"
				m.stateName = r.stateCountry != "" && len(atoms) == 1
			}
		}
		if r.country == "" && m.Sector == "" {
			return nil
		}
		// a description of one office holder: the Syrian president → Bashar al-Assad
		if r.role == "counterpart" && d.subject != nil {
			m.Sector = d.subject.Sector // his Syrian counterpart: the same post in the other state
		} else if !r.groupOnly && r.role != "" {
			// a description of one post holder: "the Syrian president", "the Leader"
			if p := d.recent(r.country, r.roleWord); p != nil {
				m.Person, m.Name = p.Person, p.Name
				if r.country == "" {
					r.country, m.Sector = p.Country, p.Sector
				}
			} else if p := d.holder(r.country, r.roleWord); p != nil {
				m.Person, m.Name = p, p.Name
			}
		}
	}
	m.Country = r.country
	d.open(toks, m)
	if !m.Group && m.Sector != "" && d.outOfOffice(toks, m.First, first) {
		m.Sector = "ELI" // "former prime minister X", "ousted President Y": the text says so
	}
	return m
}

// open gives m the words that open its phrase ("The Syrian president", "his Syrian
// counterpart", "senior Iranian lawmaker"), and sets its Start and Text.
func (d *Doc) open(toks []text.Token, m *Mention) {
	for m.First > 0 && d.is(m.First-1, isPhraseOpener) {
		m.First--
	}
	m.Start = toks[m.First].Start
	m.Text = d.sliceText(toks, m.First, m.Last)
}

// formerWords before an office or a name put its holder out of office.
var formerWords = map[string]bool{"former": true, "ousted": true, "deposed": true, "exiled": true,
	"toppled": true, "overthrown": true, "ex": true}

// outOfOffice reports a former-word among the words that open a phrase (toks[i:j]), or just
// before them across a party or a country ("Former Socialist prime minister").
func (d *Doc) outOfOffice(toks []text.Token, i, j int) bool {
	if !d.anywhere(isFormerWord) {
		return false
	}
	for k := i; k < j; k++ {
		if d.is(k, isFormerWord) {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if d.is(k, isFormerWord) {
			return true
		}
		if !toks[k].IsCapitalized() && toks[k].Lower != "-" {
			return false
		}
	}
	return false
}

func isWordToken(t text.Token) bool {
	return t.Lower != "," && t.Lower != "of" && t.Lower != "the" && t.Lower != "'s"
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func joinText(toks []text.Token) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].Text
	}
	n := 0
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			n++
		}
		n += len(t.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// sliceText returns joinText(toks[first:last]): the span of the document's text when its
// tokens stand one space apart or next to each other there, without building a string. It
// trusts the tokens' offsets, as Doc.Text's contract says (each token's Text is
// Text[Start:End]): only the bytes between the tokens are read, not the tokens' own.
func (d *Doc) sliceText(toks []text.Token, first, last int) string {
	if last-first == 1 {
		return toks[first].Text // (what joinText writes, and what the text holds where it stands)
	}
	start, end := toks[first].Start, toks[last-1].End
	// (each test is one that seldom fails, so that its branch is foretold: joinText is the answer
	// whenever one does; the offsets are checked against the text's length, so that tokens of
	// another text make no slice out of range)
	if d.Text == "" || uint(start) > uint(end) || uint(end) > uint(len(d.Text)) {
		return joinText(toks[first:last])
	}
	for i := first + 1; i < last; i++ {
		at := toks[i].Start
		gap := at - toks[i-1].End
		if gap == 0 {
			continue
		}
		if gap != 1 || uint(at-1) >= uint(len(d.Text)) || d.Text[at-1] != ' ' { // a gap must be one space
			return joinText(toks[first:last])
		}
	}
	return d.Text[start:end]
}

// describedName learns a person whose name is followed by a description: "Ali Asghar Khaji, a
// senior assistant … to Foreign Minister Mohammad Javad Zarif". The description's post gives the
// sector; its state, or that of the actor it names, the country.
func (d *Doc) describedName(toks []text.Token, atoms []atom, i int) (*Mention, int) {
	u := atoms[i]
	k := u.last
	if k+1 >= len(toks) || toks[k].Lower != "," || i+1 >= len(atoms) {
		return nil, 0
	}
	// the description: an article, then up to four plain words or state adjectives before the post
	k++
	if w := toks[k].Lower; w != "a" && w != "an" && w != "the" {
		// "Salaheddine Sidhoum, Algeria's leading human rights activist": a state's possessive
		if a := atoms[i+1]; !(a.first == k && isState(a.entry) && a.last < len(toks) && toks[a.last].Lower == "'s") {
			return nil, 0
		}
	}
	var post *atom
	postIndex := 0
	country := ""
	for n := i + 1; n < len(atoms) && atoms[n].first <= k+6; n++ {
		e := atoms[n].entry
		if e == nil {
			return nil, 0
		}
		if isState(e) && country == "" {
			country = e.Country
			continue
		}
		if e.Kind == KindOffice || e.Kind == KindGroup {
			post, postIndex = &atoms[n], n
			// the state of the actor the description names: "… to Foreign Minister Zarif"
			for m := n + 1; m < len(atoms) && atoms[m].first <= post.last+8 && country == ""; m++ {
				if e2 := atoms[m].entry; e2 != nil {
					if e2.Kind == KindPerson {
						t, _ := e2.Person.At(d.Date)
						country = t.Country
					} else if e2.Country != "" && (isState(e2) || e2.Kind == KindOrg) {
						country = e2.Country
					}
				}
			}
			break
		}
	}
	if post == nil || post.entry.Kind != KindOffice {
		return nil, 0 // "Cessation of Hostilities, the Sudanese government": a body, not a person's post
	}
	for t := k + 1; t < post.first; t++ {
		if toks[t].IsCapitalized() && d.lookup(toks, t) == nil || functionWords[toks[t].Lower] && toks[t].Lower != "of" && toks[t].Lower != "'s" {
			return nil, 0
		}
	}
	name := joinText(toks[u.first:u.last])
	p := d.learn(name, toks[u.first:u.last], country, firstNonEmpty(post.entry.Sector, "GOV"), post.entry.Name)
	m := d.newMention()
	*m = Mention{First: u.first, Last: u.last, Start: toks[u.first].Start, End: toks[u.last-1].End,
		Text: name, Country: country, Sector: firstNonEmpty(post.entry.Sector, "GOV"), Name: name,
		Role: post.entry.Name, Person: p, Learned: true}
	// the description, up to the next comma, is a mention of the same person
	m.DescStart = toks[k].Start
	m.DescEnd = post.last
	for m.DescEnd < len(toks) && toks[m.DescEnd].Lower != "," && toks[m.DescEnd].Lower != "." {
		m.DescEnd++
	}
	m.DescEnd = toks[m.DescEnd-1].End
	return m, postIndex
}

// learn adds a person introduced by the text, so that later mentions of the full name or the
// surname resolve to the same person for the rest of the document.
// familyFirst are the states whose people the news names family name first: "Wang Yi", "Kim
// Jong Un".
var familyFirst = map[string]bool{"CHN": true, "TWN": true, "HKG": true, "MAC": true, "KOR": true,
	"PRK": true, "VNM": true, "KHM": true}

// noteSurname lets the rest of the document name a known person by the family name alone
// ("Chinese Foreign Minister Wang Yi … Wang said"), as it does for people learned from the text.
// The person's name, candidate c, stands at token i of the sentence. (Its entry and length are
// read from the candidate, which the look-up has just read: the phrase itself, elsewhere in
// memory, is not reached.)
func (d *Doc) noteSurname(c *candidate, toks []text.Token, i int) {
	p := c.p
	for _, q := range d.noted {
		if q == p {
			return // as before: the same word, already noted
		}
	}
	e := c.entry
	k := i + int(c.n) - 1
	if e.Person.familyFirst(d.Date) {
		k = i
	}
	w := toks[k].Lower
	if !toks[k].IsCapitalized() || len(w) < 2 || d.is(k, isNameParticle) || w == "-" {
		return
	}
	d.noted = append(d.noted, p)
	for _, c := range d.learned[w] {
		if c.n == 1 {
			return // already noted (or a learned person's)
		}
	}
	// the phrase, its one-word lists and its list of candidates cut from a block of the
	// document's (they live as long as it does)
	if len(d.spareSurnames) == 0 {
		if d.nSurnameBlocks < len(d.surnameBlocks) {
			d.spareSurnames = d.surnameBlocks[d.nSurnameBlocks] // an earlier document's
		} else {
			d.spareSurnames = make([]surnamePhrase, 8)
			d.surnameBlocks = append(d.surnameBlocks, d.spareSurnames)
		}
		d.nSurnameBlocks++
	}
	sp := &d.spareSurnames[0]
	d.spareSurnames = d.spareSurnames[1:]
	sp.tok[0] = w
	sp.phrase = phrase{entry: e, capital: true, exactCase: sp.exact[:], toks: sp.tok[:]}
	d.addLearned(&sp.phrase, sp.cand[:0:1])
}

// surnamePhrase is the phrase of a surname noted by noteSurname, with room for its lists and,
// when it is the first phrase of its word, its word's list of learned candidates.
type surnamePhrase struct {
	phrase
	tok   [1]string
	exact [1]bool
	cand  [1]candidate
}

// familyFirst reports whether the news names the person family name first on date: whether
// the state of the term then is one of familyFirst.
func (p *Person) familyFirst(date string) bool {
	switch p.family {
	case allFamilyFirst:
		return true
	case noFamilyFirst:
		return false
	}
	t, _ := p.At(date)
	return familyFirst[t.Country]
}

func (d *Doc) learn(name string, toks []text.Token, country, sector, role string) *Person {
	p := &Person{Name: name, Learned: true,
		Terms: []Term{{Country: country, Sector: sector, Role: role, Where: "text"}}}
	d.all = append(d.all, p)
	e := &Entry{Kind: KindPerson, Name: name, Person: p, Where: "text"}
	forms := [][]text.Token{toks}
	if len(toks) > 1 {
		k := len(toks) - 1
		for k > 0 && toks[k-1].Lower == "-" || k > 0 && nameParticles[toks[k-1].Lower] {
			k--
		}
		forms = append(forms, toks[k:])
	}
	for _, f := range forms {
		ph := &phrase{entry: e, capital: true, exactCase: make([]bool, len(f))}
		for _, t := range f {
			ph.toks = append(ph.toks, t.Lower)
		}
		d.addLearned(ph, nil)
	}
	return p
}

// recent returns the latest person mention of this country (any, when "") whose person holds
// the post of an office or group word (holds).
func (d *Doc) recent(country string, e *Entry) *Mention {
	for i := len(d.people) - 1; i >= 0; i-- {
		m := d.people[i]
		if (country == "" || m.Country == country) && d.holds(m, e) {
			return m
		}
	}
	return nil
}

// holds reports whether the person of m holds the post of an office or group word, as the text
// or the knowledge base says.
func (d *Doc) holds(m *Mention, e *Entry) bool {
	if d.roleIs(e, m.Role) {
		return true
	}
	if m.Person != nil {
		t, _ := d.at(m.Person)
		return t.Role != m.Role && d.roleIs(e, t.Role) // (the same role: no, as above)
	}
	return false
}

// roleIs is KB.roleMatch of the name of an office or group word, asked by its post.
func (d *Doc) roleIs(e *Entry, role string) bool {
	if !e.hasPost {
		return d.kb.roleMatch(e.Name, role)
	}
	return d.kb.postMatch(e.post, e.Name, role)
}

// at is p.At(d.Date), remembered for the first people the document asks of (a person mention
// asks several times, resolved and then as a description's candidate, holds). It gives the term
// where it stands in p.Terms, read anew each time: a learned person's term takes its country
// from the text later on. A person with no term has the zero term (not to be written to).
func (d *Doc) at(p *Person) (*Term, bool) {
	for i := range d.terms[:d.nTerms] {
		if pt := &d.terms[i]; pt.p == p {
			if pt.i < 0 {
				return &noTerm, false
			}
			return &p.Terms[pt.i], pt.held
		}
	}
	i, held := p.termAt(d.Date, d.dayKey())
	if d.nTerms < len(d.terms) {
		d.terms[d.nTerms] = personTerm{p, int32(i), held}
		d.nTerms++
	}
	if i < 0 {
		return &noTerm, false
	}
	return &p.Terms[i], held
}

// noTerm is the term of a person who has none.
var noTerm Term

// personTerm is a person's term on the document's date (Doc.at): its index in p.Terms (-1 for
// none), and whether the person holds it then.
type personTerm struct {
	p    *Person
	i    int32
	held bool
}

// holder is KB.Holder on the document's date of the post of an office or group word. It is not
// remembered for the document: a document seldom asks for the same post twice (on the bench
// corpus, one time in thirty), and a memo of its own cost more to make than it saved.
func (d *Doc) holder(country string, e *Entry) *Person {
	if !e.hasPost || country == "" || d.Date == "" {
		return d.kb.Holder(country, e.Name, d.Date)
	}
	return holderOn(d.kb.postTerms(e.post, country), d.dayKey(), d.Date)
}

// dayKey returns dateKeyOf(d.Date), read once.
func (d *Doc) dayKey() dateKey {
	if !d.dayRead || d.dayOf != d.Date {
		d.day, d.dayOf, d.dayRead = dateKeyOf(d.Date), d.Date, true
	}
	return d.day
}

// RoleMatch reports whether a post described as desc ("the Syrian parliament speaker", "the
// president") is the post role ("speaker of the people's assembly", "president"): the same head
// word, and no vice or deputy in one but not the other.
func RoleMatch(desc, role string) bool {
	return normRolesMatch(normRole(desc), normRole(role))
}

// normRolesMatch is RoleMatch of a description and a post already written by normRole.
func normRolesMatch(d, r string) bool {
	if d == "" || r == "" {
		return false
	}
	if d == r {
		return true
	}
	if roleHead(d) != roleHead(r) {
		return false
	}
	for _, w := range []string{"vice", "deputy", "former", "assistant"} {
		if hasWord(d, w) != hasWord(r, w) {
			return false
		}
	}
	// the words before the head must agree: a "prime minister" is not a "foreign minister";
	// "parliament speaker" is the "speaker of the people's assembly"
	rw := strings.Fields(strings.ReplaceAll(r, "'s", ""))
	if len(rw) == 1 {
		return true // a bare "speaker" may be any speaker
	}
	for _, w := range strings.Fields(preHead(d)) {
		if !containsWord(rw, w) && !(legislature[w] && anyWord(rw, legislature)) {
			return false
		}
	}
	return true
}

// legislature words name one body in different ways.
var legislature = map[string]bool{"parliament": true, "parliamentary": true, "assembly": true,
	"majlis": true, "congress": true, "duma": true, "knesset": true, "house": true, "legislature": true}

// preHead returns the words of a post before its head ("foreign" of "foreign minister").
func preHead(r string) string {
	if i := strings.Index(r, " of "); i > 0 {
		r = r[:i]
	}
	if i := strings.LastIndex(r, " "); i > 0 {
		return r[:i]
	}
	return ""
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

func anyWord(ws []string, set map[string]bool) bool {
	for _, x := range ws {
		if set[x] {
			return true
		}
	}
	return false
}

func normRole(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "defense", "defence")
	s = strings.ReplaceAll(s, "vice-", "vice ")
	return s
}

// roleHead is the word that names a post: the one before "of" ("speaker of parliament"), else
// the last ("foreign minister").
func roleHead(r string) string {
	if i := strings.Index(r, " of "); i > 0 {
		r = r[:i]
	}
	// the last of strings.Fields(r), without making the list
	r = strings.TrimRightFunc(r, unicode.IsSpace)
	if i := strings.LastIndexFunc(r, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(r[i:])
		r = r[i+n:]
	}
	return r
}

// hasWord reports whether w (a word without spaces) stands in s between spaces or at an end of
// s: strings.Contains(" "+s+" ", " "+w+" ") without making the strings.
func hasWord(s, w string) bool {
	for from := 0; from <= len(s)-len(w); {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		if (i == 0 || s[i-1] == ' ') && (i+len(w) == len(s) || s[i+len(w)] == ' ') {
			return true
		}
		from = i + 1
	}
	return false
}

// resolvePronoun ties he/his to the person named earlier in the sentence, else to the first
// person of the latest sentence that named one (its likely subject).
// resolveThey gives "they" the group that is the subject of its sentence ("suicide bombers
// killed 23 people when they blew themselves up"); a list ("Iran and Syria said they…") or a
// state is left unresolved.
func resolveThey(toks []text.Token, m *Mention, before []*Mention) {
	if len(before) == 0 {
		return
	}
	b := before[0]
	listed := len(before) > 1 && b.Last < len(toks) && (toks[b.Last].Lower == "and" || toks[b.Last].Lower == ",") && before[1].First <= b.Last+1
	if b.Pronoun || b.Person != nil || b.stateName || b.Country == "" || listed {
		return
	}
	m.Country, m.Sector, m.Role, m.Group = b.Country, b.Sector, b.Role, true
}

func (d *Doc) resolvePronoun(m *Mention, before []*Mention) {
	p := d.subject
	for _, b := range before {
		if b.Person != nil && !b.Pronoun {
			p = b
			break
		}
	}
	if strings.EqualFold(m.Text, "him") && p != nil {
		// "X spoke with Y and urged him to…": an object pronoun is not its clause's subject but
		// the person named last before it, else the one named before the subject
		var q *Mention
		for _, b := range before {
			if b.Person != nil && !b.Pronoun && b.Person != p.Person {
				q = b
			}
		}
		for k := len(d.people) - 1; q == nil && k >= 0; k-- {
			if d.people[k].Person != p.Person {
				q = d.people[k]
			}
		}
		if q != nil {
			p = q
		}
	}
	if p == nil {
		return
	}
	m.Person, m.Name, m.Country, m.Sector, m.Role = p.Person, p.Name, p.Country, p.Sector, p.Role
}

// mainState returns the state the document names most, the first named of those that tie (a
// headline's subject: "Mali junta expels French diplomat").
func (d *Doc) mainState() string {
	best := -1
	for k := range d.states {
		if best < 0 || d.states[k].n > d.states[best].n {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return d.states[best].code
}

// stateTally is a state the document names, with the number of its mentions so far.
type stateTally struct {
	code string
	key  uint32 // the code's three bytes as one number, compared without a call
	n    int32
}

// countState counts a mention of state c, a three-letter code whose codeKey is k (a document
// names a few states: a list is quicker to search than a map to hash).
func (d *Doc) countState(c string, k uint32) {
	for i := range d.states {
		if d.states[i].key == k {
			d.states[i].n++
			return
		}
	}
	d.states = append(d.states, stateTally{code: c, key: k, n: 1})
}

// Subject returns the first person of the latest sentence that named one, or nil.
func (d *Doc) Subject() *Mention { return d.subject }

// Learned returns the people learned from the text so far.
func (d *Doc) Learned() []*Person { return d.all }
