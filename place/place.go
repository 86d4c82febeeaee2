// Package place says where events happened. It embeds a gazetteer of the world's capitals, seats
// of government, first-order administrative seats and every city of 15,000 people or more, with
// a few regions the news names as places (Goa, the Gaza Strip, Crimea), and finds in text the
// place of an event ("met in Damascus on Thursday", "on the sidelines of the SCO summit in Goa",
// "in the Syrian capital") and the place of an article's dateline ("TEHRAN –").
//
// The gazetteer is built from GeoNames (https://www.geonames.org/), whose data is licensed under
// the Creative Commons Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/):
// data/cities.tsv is generated from GeoNames' cities1000 table by scripts/gen-gazetteer.sh (see
// README.md beside this file), data/extra.tsv is hand-written and data/countries.tsv comes from
// dyad's country table. Names match case-insensitively, with diacritics, hyphens and full stops
// ignored ("sao paulo" is São Paulo, "Washington DC" is Washington, D.C.); where several places
// share a name, the most populous wins unless a country is preferred.
package place

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/cities.tsv data/extra.tsv data/countries.tsv
var files embed.FS

// Place is a populated place (or a region) of the gazetteer.
type Place struct {
	Name       string  // as GeoNames writes it: "Kyiv", "São Paulo", "Washington, D.C."
	Country    string  // ISO 3166-1 alpha-3
	Lat, Lon   float64 // WGS84 degrees
	Population int     // 0 when unknown
}

// Kinds of places, as the data files write them.
const (
	kindOther   = ""
	kindCapital = "C" // national capital
	kindSeat    = "G" // seat of government that is not the capital (The Hague, La Paz)
	kindAdmin   = "A" // seat of a first-order administrative division
	kindRegion  = "R" // a region, not a city
)

// Gazetteer is the set of places with their names. It is read-only and safe for concurrent use.
type Gazetteer struct {
	places    []entry
	byName    map[string]nameEntry // folded name -> its places and the country it names
	capitals  capitalTable         // country -> its capital (else its seat of government)
	countries map[string]string    // folded country name -> alpha-3
	demonyms  map[string]string    // folded demonym -> alpha-3
	maxWords  int                  // the most words in a name
	// the longest key of byName or countries by the hash of its first word (see keyBound):
	// most keys read in text are no name, and this rules them out without a probe of a large map
	keyLens []uint8
	// the first bytes and lengths of demonyms' keys, which rule out most names that are none
	demonymLengths wordLengths
}

// nameEntry is what a folded name names: places, most populous first, and a country (its
// alpha-3 code; "" when none). A name of a country that is no place's has no places. Both are
// kept under one key so that a name read in text is looked up in one table, once (see namesAt).
type nameEntry struct {
	places  []int32
	country string
}

// keyLenBits is the size of Gazetteer.keyLens, a power of two well above the number of first
// words of names, so that few share a slot.
const keyLenBits = 17

// firstWord returns the first word of a folded key: up to its first space or comma.
func firstWord[S string | []byte](key S) S {
	for i := 0; i < len(key); i++ {
		if c := key[i]; c == ' ' || c == ',' {
			return key[:i]
		}
	}
	return key
}

// keyBound returns the length of the longest key of byName or countries whose first word is
// first, or more (another word may share its slot); 255 means any length.
func (g *Gazetteer) keyBound(first []byte) int {
	return int(g.keyLens[hashWord(first)>>(64-keyLenBits)])
}

// hashWord is FNV-1a of w.
func hashWord[S string | []byte](w S) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}

// boundKey records key in keyLens.
func (g *Gazetteer) boundKey(key string) {
	i := hashWord(firstWord(key)) >> (64 - keyLenBits)
	g.keyLens[i] = uint8(max(int(g.keyLens[i]), min(len(key), 255)))
}

type entry struct {
	Place
	kind    string
	names   []string // other names
	extra   bool     // from extra.tsv
	deleted bool     // replaced by a line of extra.tsv
}

var load = sync.OnceValues(func() (*Gazetteer, error) { return parse(files) })

// Load returns the embedded gazetteer. It is read once, on the first call (some tens of
// milliseconds), and shared by all callers.
func Load() (*Gazetteer, error) {
	return load()
}

// Lookup returns the place called name (a name or another name, in any case, with or without
// diacritics and a leading "the"), the most populous when several places have that name.
func (g *Gazetteer) Lookup(name string) (Place, bool) {
	return g.LookupIn(name, "")
}

// LookupIn returns the most populous place called name in country (ISO 3166-1 alpha-3), or the
// most populous place of that name anywhere when country has none: LookupIn("Tripoli", "LBN") is
// Tripoli in Lebanon, LookupIn("Tripoli", "") the Libyan capital.
func (g *Gazetteer) LookupIn(name, country string) (Place, bool) {
	var buf [64]byte // most names fold in it, without allocating
	list := g.byName[string(lookupKey(buf[:0], name))].places
	if len(list) == 0 {
		return Place{}, false
	}
	for _, i := range list {
		if g.places[i].Country == country {
			return g.places[i].Place, true
		}
	}
	return g.places[list[0]].Place, true
}

// lookupKey appends to b the key of byName that LookupIn looks name up by: folded, without a
// leading "the".
func lookupKey(b []byte, name string) []byte {
	return bytes.TrimPrefix(appendFold(b, name), []byte("the "))
}

// CapitalAlone reports that name, when it is the name of the capital of country, names no place
// elsewhere that rivals it: that for every other country, LookupIn(name, other) is not a place of
// other with at least a twentieth of the capital's people. It tells from the capital's name,
// folded once when the gazetteer was built, with no probe of the large table of names; false
// when country has no capital, or name does not fold to the capital's name, where it cannot
// tell.
func (g *Gazetteer) CapitalAlone(country, name string) bool {
	t := &g.capitals
	if len(country) != 3 {
		return false
	}
	i := t.slot(packCode(country))
	if !t.alone[i] {
		return false // (an empty slot is not alone)
	}
	var buf [64]byte
	return string(lookupKey(buf[:0], name)) == t.key[i]
}

// setAlone sets the key and alone of each capital of t (see CapitalAlone).
func (g *Gazetteer) setAlone(t *capitalTable) {
	for s, code := range t.codes {
		if code == 0 {
			continue
		}
		c := &g.places[t.at[s]]
		key := string(lookupKey(nil, c.Name))
		alone := true
		for _, i := range g.byName[key].places {
			if q := &g.places[i]; q.Country != c.Country && q.Population*20 >= c.Population {
				alone = false
			}
		}
		t.key[s], t.alone[s] = key, alone
	}
}

// Capital returns the capital of country (ISO 3166-1 alpha-3), or its seat of government when
// the gazetteer knows no capital for it.
func (g *Gazetteer) Capital(country string) (Place, bool) {
	i, ok := g.capitals.find(country)
	if !ok {
		return Place{}, false
	}
	return g.places[i].Place, true
}

// capitalTable maps country codes (ISO 3166-1 alpha-3) to the index of their capital: an
// open-addressing table of a few kilobytes keyed by the code's three bytes, without hashing a
// string, since Capital is asked for every mention of a state.
type capitalTable struct {
	codes [capitalSlots]uint32 // the packed code (see packCode); 0: an empty slot
	at    [capitalSlots]int32
	// the capital's name as LookupIn folds it (lookupKey), and whether it is alone: no place of
	// that name in another country has a twentieth of its people (see CapitalAlone)
	key   [capitalSlots]string
	alone [capitalSlots]bool
}

// capitalSlots is the size of a capitalTable: a power of two, at least twice the number of
// countries (TestCapitalTable).
const (
	capitalBits  = 9
	capitalSlots = 1 << capitalBits
)

// packCode packs a three-byte code into a non-zero number, for a capitalTable.
func packCode(code string) uint32 {
	return 1<<24 | uint32(code[0]) | uint32(code[1])<<8 | uint32(code[2])<<16
}

// slot returns the slot of key, a packed code, in t: where it is, else the empty slot where it
// would go.
func (t *capitalTable) slot(key uint32) int {
	i := int(key * 2654435761 >> (32 - capitalBits))
	for t.codes[i] != 0 && t.codes[i] != key {
		i = (i + 1) & (capitalSlots - 1)
	}
	return i
}

// find returns the capital of country.
func (t *capitalTable) find(country string) (int32, bool) {
	if len(country) != 3 {
		return 0, false // the data files' codes have three bytes
	}
	key := packCode(country)
	i := t.slot(key)
	return t.at[i], t.codes[i] == key
}

// set makes i the capital of country, a code of three bytes.
func (t *capitalTable) set(country string, i int32) {
	key := packCode(country)
	s := t.slot(key)
	t.codes[s], t.at[s] = key, i
}

// Country returns the ISO 3166-1 alpha-3 code of a country's name ("Oman", "the United
// States", "Syrian Arab Republic"), as dyad's country table writes them.
func (g *Gazetteer) Country(name string) (string, bool) {
	var buf [64]byte
	c, ok := g.countries[string(appendFold(buf[:0], name))]
	return c, ok
}

// resolve picks among the places called key: the most populous, unless one of the preferred
// countries has a place of that name with at least a twentieth of its population (Tripoli in
// Lebanon when Lebanon is preferred, but not Damascus, Maryland, for the United States).
func (g *Gazetteer) resolve(key string, prefer []string) (int32, bool) {
	return g.pick(g.byName[key].places, prefer)
}

// pick chooses among the places of one name (see resolve).
func (g *Gazetteer) pick(list []int32, prefer []string) (int32, bool) {
	if len(list) == 0 {
		return 0, false
	}
	top := g.places[list[0]].Population
	for _, i := range list {
		p := &g.places[i]
		if p.Population*20 < top {
			break
		}
		for _, c := range prefer {
			if c != "" && p.Country == c {
				return i, true
			}
		}
	}
	return list[0], true
}

// parse reads the gazetteer's files.
func parse(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{countries: map[string]string{}, demonyms: map[string]string{},
		keyLens: make([]uint8, 1<<keyLenBits)}
	if err := eachLine(fsys, "data/countries.tsv", 3, g.addCountry); err != nil {
		return nil, err
	}
	g.demonymLengths = *lengthsOf(g.demonyms)
	g.places = make([]entry, 0, 32<<10)
	if err := eachLine(fsys, "data/cities.tsv", 7, func(f []string) error {
		e, err := readEntry(f)
		if err != nil {
			return err
		}
		if f[3] == "" {
			return fmt.Errorf("no coordinates")
		}
		g.places = append(g.places, e)
		return nil
	}); err != nil {
		return nil, err
	}
	// the generated places by country and name, for the amendments of extra.tsv: only those of
	// the countries it amends
	amended := map[string]bool{}
	if err := eachLine(fsys, "data/extra.tsv", 7, func(f []string) error {
		amended[f[2]] = true
		return nil
	}); err != nil {
		return nil, err
	}
	named := map[string][]int32{}
	for i := range g.places {
		p := &g.places[i]
		if !amended[p.Country] {
			continue
		}
		for n := range p.allNames() {
			k := p.Country + "\x00" + fold(n)
			named[k] = append(named[k], int32(i))
		}
	}
	if err := eachLine(fsys, "data/extra.tsv", 7, func(f []string) error {
		return g.addExtra(f, named)
	}); err != nil {
		return nil, err
	}
	g.index()
	return g, nil
}

// allNames yields the name of e, then its other names.
func (e *entry) allNames() func(yield func(string) bool) {
	return func(yield func(string) bool) {
		if !yield(e.Name) {
			return
		}
		for _, n := range e.names {
			if !yield(n) {
				return
			}
		}
	}
}

func (g *Gazetteer) addCountry(f []string) error {
	if len(f[0]) != 3 {
		return fmt.Errorf("country code %q is not ISO 3166-1 alpha-3", f[0])
	}
	for _, n := range split(f[1]) {
		key := fold(n)
		for _, k := range []string{key, strings.TrimPrefix(key, "the ")} {
			g.countries[k] = f[0]
			g.boundKey(k)
		}
	}
	for _, n := range split(f[2]) {
		g.demonyms[fold(n)] = f[0]
	}
	return nil
}

// readEntry reads the 7 columns of a place.
func readEntry(f []string) (entry, error) {
	e := entry{Place: Place{Name: f[0], Country: f[2]}, names: split(f[1]), kind: f[6]}
	if e.Name == "" {
		return e, fmt.Errorf("empty name")
	}
	if len(e.Country) != 3 {
		return e, fmt.Errorf("country %q is not ISO 3166-1 alpha-3", e.Country)
	}
	switch e.kind {
	case kindOther, kindCapital, kindSeat, kindAdmin, kindRegion:
	default:
		return e, fmt.Errorf("unknown kind %q", e.kind)
	}
	if f[3] == "" && f[4] == "" && f[5] == "" {
		return e, nil // an amendment
	}
	var err error
	if e.Lat, err = parseFloat(f[3]); err != nil || e.Lat < -90 || e.Lat > 90 {
		return e, fmt.Errorf("bad latitude %q", f[3])
	}
	if e.Lon, err = parseFloat(f[4]); err != nil || e.Lon < -180 || e.Lon > 180 {
		return e, fmt.Errorf("bad longitude %q", f[4])
	}
	if e.Population, err = strconv.Atoi(f[5]); err != nil || e.Population < 0 {
		return e, fmt.Errorf("bad population %q", f[5])
	}
	return e, nil
}

// parseFloat is strconv.ParseFloat(s, 64), read by hand for a decimal of at most fifteen digits
// as the data files write coordinates ("-86.2504"): its digits n, a whole number that a float64
// holds exactly, divided by 10^k, which one also holds, is rounded once, to the nearest float64 of
// the decimal, as ParseFloat rounds it.
func parseFloat(s string) (float64, error) {
	neg, i := false, 0
	if i < len(s) && s[i] == '-' {
		neg, i = true, 1
	}
	var n uint64
	digits, places, point := 0, 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			n = n*10 + uint64(c-'0')
			digits++
			if point {
				places++
			}
		case c == '.' && !point:
			point = true
		default:
			return strconv.ParseFloat(s, 64)
		}
	}
	if digits == 0 || digits > 15 || point && places == 0 {
		return strconv.ParseFloat(s, 64)
	}
	f := float64(n) / pow10[places]
	if neg {
		f = -f
	}
	return f, nil
}

// pow10 are the powers of ten that a float64 holds exactly, up to those parseFloat needs.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// addExtra applies a line of extra.tsv: an amendment of a generated place (no coordinates) or a
// new place that replaces the generated places it names.
func (g *Gazetteer) addExtra(f []string, named map[string][]int32) error {
	e, err := readEntry(f)
	if err != nil {
		return err
	}
	var matched []int32
	for n := range e.allNames() {
		for _, i := range named[e.Country+"\x00"+fold(n)] {
			if !g.places[i].deleted {
				matched = append(matched, i)
			}
		}
	}
	if f[3] == "" {
		if len(matched) == 0 {
			return fmt.Errorf("no generated place of %s is called %q", e.Country, e.Name)
		}
		p := &g.places[matched[0]]
		if p.Name != e.Name {
			p.names = append(p.names, p.Name)
			p.Name = e.Name
		}
		p.names = append(p.names, e.names...)
		if e.kind != kindOther {
			p.kind = e.kind
		}
		p.extra = true
		return nil
	}
	for _, i := range matched {
		g.places[i].deleted = true
	}
	e.extra = true
	g.places = append(g.places, e)
	return nil
}

// index builds the name index and the capitals.
func (g *Gazetteer) index() {
	n := 0 // the names, for the size of the index
	for i := range g.places {
		n += 1 + len(g.places[i].names)
	}
	g.byName = make(map[string]nameEntry, n+len(g.countries))
	var shared []string // the names of several places, to sort
	for i := range g.places {
		p := &g.places[i]
		if p.deleted {
			continue
		}
		for n := range p.allNames() {
			k := fold(n)
			if k == "" {
				continue
			}
			list := g.byName[k].places
			if len(list) > 0 && list[len(list)-1] == int32(i) {
				continue // another name of this place that folds alike
			}
			if len(list) == 1 {
				shared = append(shared, k)
			}
			g.byName[k] = nameEntry{places: append(list, int32(i))}
			g.boundKey(k)
			g.maxWords = max(g.maxWords, strings.Count(k, " ")+1)
		}
		if p.kind == kindCapital || p.kind == kindSeat {
			j, ok := g.capitals.find(p.Country)
			if !ok || g.betterCapital(p, &g.places[j]) {
				g.capitals.set(p.Country, int32(i))
			}
		}
	}
	for k, c := range g.countries {
		e := g.byName[k]
		e.country = c
		g.byName[k] = e
	}
	for _, k := range shared {
		list := g.byName[k].places
		sort.SliceStable(list, func(a, b int) bool {
			return g.places[list[a]].Population > g.places[list[b]].Population
		})
	}
	g.setAlone(&g.capitals)
}

// betterCapital tells whether p is rather the capital than q: a capital over a seat of
// government, one of extra.tsv over a generated one, then the more populous.
func (g *Gazetteer) betterCapital(p, q *entry) bool {
	if (p.kind == kindCapital) != (q.kind == kindCapital) {
		return p.kind == kindCapital
	}
	if p.extra != q.extra {
		return p.extra
	}
	return p.Population > q.Population
}

// eachLine calls fn with the columns of each line of a data file that is not blank or a comment.
// The columns share the memory of the file, read whole; fn may keep them, but not the slice.
func eachLine(fsys fs.FS, name string, cols int, fn func([]string) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("place: %w", err)
	}
	data := string(b)
	f := make([]string, 0, cols)
	for n := 1; data != ""; n++ {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		f = f[:0]
		for len(f) < cols-1 {
			i := strings.IndexByte(line, '\t')
			if i < 0 {
				break
			}
			f = append(f, line[:i])
			line = line[i+1:]
		}
		f = append(f, line)
		if len(f) != cols || strings.IndexByte(line, '\t') >= 0 {
			return fmt.Errorf("place: %s:%d: %d columns, want %d", name, n, len(f)+strings.Count(line, "\t"), cols)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("place: %s:%d: %w", name, n, err)
		}
	}
	return nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// folded tells whether fold leaves s as it is: lower-case ASCII letters, digits and apostrophes.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'') {
			return false
		}
	}
	return true
}

// fold writes a name the way the index keys it: lower case, Latin letters without diacritics,
// typographic apostrophes as ', full stops dropped ("D.C." is "dc"), a comma kept, and any other
// run of spaces, hyphens and punctuation as one space.
func fold(s string) string {
	if folded(s) {
		return s
	}
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// appendFold appends fold(s) to b.
func appendFold(b []byte, s string) []byte {
	if folded(s) {
		return append(b, s...)
	}
	b, _ = foldOn(b, len(b), false, s)
	return b
}

// foldOn appends fold(s) to b as the rest of a name whose start in b is start, space telling
// whether a space is due before the next letter; it returns b and whether a space is due after
// s. Folding reads left to right: folding s[:i] then s[i:] this way is fold(s), and the first
// step alone gives fold(s[:i]).
func foldOn(b []byte, start int, space bool, s string) ([]byte, bool) {
	// ASCII, by a table, up to the first character outside it
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldRunes(b, start, space, s[i:])
		}
		switch o := asciiFold[c]; o {
		case 0:
			space = true
		case '.':
		case ',':
			if len(b) > start {
				b = append(b, ',')
				space = true
			}
		default:
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = append(b, o)
		}
	}
	return b, space
}

// asciiFold is what foldRunes makes of each ASCII character: itself for a lower-case letter or
// a digit, its lower case for a capital, ' for an apostrophe, '.' for a full stop (dropped),
// ',' for a comma, 0 for the others (a space).
var asciiFold = func() (out [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		if b, _ := foldRunes(nil, 0, false, string(rune(c))); len(b) == 1 {
			out[c] = b[0]
		}
	}
	out['.'], out[','] = '.', ','
	return out
}()

// foldRunes is foldOn character by character.
func foldRunes(b []byte, start int, space bool, s string) ([]byte, bool) {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = append(b, byte(r))
		case 'A' <= r && r <= 'Z':
			// an ASCII capital, as below without the table of Latin letters
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = append(b, byte(r)+'a'-'A')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			r = unicode.ToLower(r)
			if l, ok := latin[r]; ok {
				b = append(b, l...)
			} else {
				b = utf8.AppendRune(b, r)
			}
		case isApostrophe(r):
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = append(b, '\'')
		case r == '.' || unicode.Is(unicode.Mn, r):
		case r == ',':
			if len(b) > start {
				b = append(b, ',')
				space = true
			}
		default:
			space = true
		}
	}
	return b, space
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '`', '\u00b4', '\u02bb', '\u02bc', '\u02be', '\u02bf':
		return true
	}
	return false
}

// latin maps the lower-case Latin letters with diacritics (and a few ligatures) to ASCII.
var latin = func() map[rune]string {
	pairs := []string{
		"àáâãäåāăąǎạảấầẩẫậắằẳẵặ", "a", "çćĉċč", "c", "ďđð", "d", "èéêëēĕėęěẹẻẽếềểễệ", "e",
		"ĝğġģ", "g", "ĥħ", "h", "ìíîïĩīĭįıǐỉị", "i", "ĵ", "j", "ķ", "k", "ĺļľŀł", "l",
		"ñńņňŉ", "n", "òóôõöøōŏőǒọỏốồổỗộớờởỡợơ", "o", "ŕŗř", "r", "śŝşšș", "s", "ţťŧț", "t",
		"ùúûüũūŭůűųǔụủứừửữựư", "u", "ŵ", "w", "ýÿŷỳỵỷỹ", "y", "źżž", "z",
	}
	m := map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'þ': "th", 'ĳ': "ij"}
	for i := 0; i < len(pairs); i += 2 {
		for _, r := range pairs[i] {
			m[r] = pairs[i+1]
		}
	}
	return m
}()
