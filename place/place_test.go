package place

import (
	"bufio"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

func gazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// countryRows reads dyad's country table: code, names, other names, demonyms, capitals.
func countryRows(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open("../actor/data/countries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 193 {
		t.Fatalf("%d countries in countries.tsv, want every UN member", len(rows))
	}
	return rows
}

// TestCapitals checks that every state of dyad's country table (the UN members and observers,
// Kosovo, Taiwan) has its capital in the gazetteer, as the table's capitals column names it.
func TestCapitals(t *testing.T) {
	g := gazetteer(t)
	for _, row := range countryRows(t) {
		code, capitals := row[0], split(row[4])
		cap, ok := g.Capital(code)
		if !ok {
			t.Errorf("%s (%s): no capital", code, row[1])
			continue
		}
		if cap.Country != code || cap.Lat == 0 && cap.Lon == 0 {
			t.Errorf("%s: capital %+v", code, cap)
		}
		// the capitals column may be empty (Singapore) or name a seat of power (the Holy See's
		// Apostolic Palace) rather than a city named after the state (Vatican City)
		named := len(capitals) == 0
		for _, n := range append([]string{row[1]}, split(row[2])...) {
			named = named || fold(n) == fold(cap.Name)
		}
		for _, c := range capitals {
			if p, ok := g.LookupIn(c, code); ok && p == cap {
				named = true
			}
		}
		if !named {
			t.Errorf("%s: capital %q is none of countries.tsv's %q", code, cap.Name, capitals)
		}
	}
}

// TestCountriesInSync checks that data/countries.tsv is the one the generator writes from
// actor/data/countries.tsv (else: ./scripts/gen-gazetteer.sh --offline).
func TestCountriesInSync(t *testing.T) {
	g := gazetteer(t)
	for _, row := range countryRows(t) {
		for _, n := range append([]string{row[1]}, split(row[2])...) {
			if c, ok := g.Country(n); !ok || c != row[0] {
				t.Errorf("country name %q: %q, want %s; run ./scripts/gen-gazetteer.sh --offline", n, c, row[0])
			}
		}
		for _, d := range split(row[3]) {
			if c := g.demonyms[fold(d)]; c != row[0] {
				t.Errorf("demonym %q: %q, want %s; run ./scripts/gen-gazetteer.sh --offline", d, c, row[0])
			}
		}
	}
}

func TestLoad(t *testing.T) {
	g := gazetteer(t)
	if n := len(g.places); n < 25000 {
		t.Errorf("%d places, want every city of 15,000 people or more", n)
	}
	again, _ := Load()
	if again != g {
		t.Error("Load read the gazetteer twice")
	}
}

func TestLookup(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		name, country string
		want          string // name, country
		ok            bool
	}{
		{"Damascus", "", "Damascus SYR", true},
		{"DAMASCUS", "", "Damascus SYR", true},
		{"damascus", "USA", "Damascus USA", true}, // Maryland, when asked for
		{"Tripoli", "", "Tripoli LBY", true},
		{"Tripoli", "LBN", "Tripoli LBN", true},
		{"Tripoli", "FRA", "Tripoli LBY", true}, // none in France: the most populous
		{"Hyderabad", "PAK", "Hyderabad PAK", true},
		{"Kiev", "", "Kyiv UKR", true},
		{"Sao Paulo", "", "São Paulo BRA", true},
		{"Washington", "", "Washington, D.C. USA", true},
		{"Washington DC", "", "Washington, D.C. USA", true},
		{"Geneva", "", "Genève CHE", true},
		{"Astana", "", "Astana KAZ", true},
		{"Nur-Sultan", "", "Astana KAZ", true},
		{"Nur Sultan", "", "Astana KAZ", true},
		{"Sana'a", "", "Sanaa YEM", true},
		{"Sana’a", "", "Sanaa YEM", true},
		{"the Gaza Strip", "", "Gaza Strip PSE", true},
		{"Goa", "", "Goa IND", true},
		{"Bombay", "", "Mumbai IND", true},
		{"New Delhi", "", "New Delhi IND", true},
		{"Rome", "", "Rome ITA", true},
		{"Nowhere Springs", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		p, ok := g.LookupIn(tt.name, tt.country)
		got := ""
		if ok {
			got = p.Name + " " + p.Country
		}
		if ok != tt.ok || got != tt.want {
			t.Errorf("LookupIn(%q, %q) = %q, %v; want %q, %v", tt.name, tt.country, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCapital(t *testing.T) {
	g := gazetteer(t)
	for code, want := range map[string]string{"SYR": "Damascus", "OMN": "Muscat", "ISR": "Jerusalem",
		"PSE": "Ramallah", "BOL": "Sucre", "NLD": "Amsterdam", "KAZ": "Astana", "USA": "Washington, D.C."} {
		if p, ok := g.Capital(code); !ok || p.Name != want {
			t.Errorf("Capital(%s) = %q, %v; want %q", code, p.Name, ok, want)
		}
	}
	if p, ok := g.Capital("XXX"); ok {
		t.Errorf("Capital(XXX) = %v", p)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"São Paulo":         "sao paulo",
		"Washington, D.C.":  "washington, dc",
		"Nur-Sultan":        "nur sultan",
		"  Sana’a ":         "sana'a",
		"Zürich":            "zurich",
		"Şanlıurfa":         "sanliurfa",
		"Kraków":            "krakow",
		"İstanbul":          "istanbul",
		"Rio de  Janeiro":   "rio de janeiro",
		"Saint John’s":      "saint john's",
		"Palikir - Center":  "palikir center",
		"Ho Chi Minh City.": "ho chi minh city",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseFloat holds parseFloat to strconv.ParseFloat on decimals of up to seventeen digits and
// on other strings.
func TestParseFloat(t *testing.T) {
	check := func(s string) {
		got, err := parseFloat(s)
		want, werr := strconv.ParseFloat(s, 64)
		if (err == nil) != (werr == nil) || err == nil && math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("parseFloat(%q) = %v, %v; strconv: %v, %v", s, got, err, want, werr)
		}
	}
	for _, s := range []string{"", "-", ".", "-.", "0", "-0", "1.", ".5", "-.5", "007.50", "+1", "1e5", "1.2.3",
		"90", "-180", "12.13282", "-86.2504", "123456789012345", "1234567890123456", "0.000000000000001", " 1", "1_0"} {
		check(s)
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 1000000 {
		n := strconv.FormatUint(r.Uint64N(1<<r.IntN(58)), 10)
		if k := r.IntN(len(n) + 1); k < len(n) {
			n = n[:k] + "." + n[k:]
		}
		if r.IntN(2) == 0 {
			n = "-" + n
		}
		check(n)
	}
}

// FuzzParseFloat compares parseFloat with strconv.ParseFloat on arbitrary strings.
func FuzzParseFloat(f *testing.F) {
	f.Add("-86.2504")
	f.Add("1.")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseFloat(s)
		want, werr := strconv.ParseFloat(s, 64)
		if (err == nil) != (werr == nil) || err == nil && math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("parseFloat(%q) = %v, %v; strconv: %v, %v", s, got, err, want, werr)
		}
	})
}

// TestFoldOnASCII holds foldOn, which reads ASCII by a table, to foldRunes, and folding in two
// steps to folding at once, on random strings.
func TestFoldOnASCII(t *testing.T) {
	pieces := []string{"a", "Z", "0", " ", "  ", "-", ".", ",", "'", "`", "’", "é", "Ş", "\u0301", "ß", "(", "x"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 200000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		start := r.IntN(2)
		prefix := []byte("q")[:start]
		space := r.IntN(2) == 0
		got, gotSpace := foldOn(append([]byte(nil), prefix...), start, space, s)
		want, wantSpace := foldRunes(append([]byte(nil), prefix...), start, space, s)
		if string(got) != string(want) || gotSpace != wantSpace {
			t.Fatalf("foldOn(%q, %d, %v, %q) = %q, %v; foldRunes: %q, %v", prefix, start, space, s, got, gotSpace, want, wantSpace)
		}
	}
}

// TestCapitalTable checks that the table of capitals is at most half full, and has a capital for
// each country that has one among the places, and none for a code of another length.
func TestCapitalTable(t *testing.T) {
	g := gazetteer(t)
	n := 0
	for _, c := range g.capitals.codes {
		if c != 0 {
			n++
		}
	}
	if n > capitalSlots/2 {
		t.Errorf("%d capitals in %d slots", n, capitalSlots)
	}
	for _, p := range g.places {
		if p.deleted || p.kind != kindCapital && p.kind != kindSeat {
			continue
		}
		if c, ok := g.Capital(p.Country); !ok || c.Country != p.Country {
			t.Errorf("Capital(%q) = %v, %v", p.Country, c, ok)
		}
	}
	for _, code := range []string{"", "SY", "SYRI", "XXX"} {
		if c, ok := g.Capital(code); ok {
			t.Errorf("Capital(%q) = %v", code, c)
		}
	}
}

// TestCapitalAlone holds CapitalAlone to LookupIn: for the name of every capital in several
// spellings, and names of other places, where it reports the capital alone, LookupIn finds no
// place of another country with a twentieth of the capital's people (as event's
// capitalsElsewhere asks); and some capitals are alone (or it saves nothing), some not.
func TestCapitalAlone(t *testing.T) {
	g := gazetteer(t)
	countries := map[string]bool{}
	for _, p := range g.places {
		if !p.deleted {
			countries[p.Country] = true
		}
	}
	alone, not := 0, 0
	for country := range countries {
		capital, ok := g.Capital(country)
		if !ok {
			if g.CapitalAlone(country, "Paris") {
				t.Errorf("CapitalAlone(%q) with no capital", country)
			}
			continue
		}
		for _, name := range []string{capital.Name, strings.ToUpper(capital.Name), strings.ToLower(capital.Name),
			"the " + capital.Name, "The " + capital.Name, capital.Name + ".", "Tripoli", "Paris", "Springfield", ""} {
			if !g.CapitalAlone(country, name) {
				if name == capital.Name {
					not++
				}
				continue
			}
			if name == capital.Name {
				alone++
			}
			for other := range countries {
				if other == country {
					continue
				}
				if p, ok := g.LookupIn(name, other); ok && p.Country == other && p.Population*20 >= capital.Population {
					t.Errorf("CapitalAlone(%q, %q), but LookupIn finds %v in %s (the capital: %v)", country, name, p, other, capital)
				}
			}
		}
	}
	if alone == 0 || not == 0 {
		t.Errorf("%d capitals alone, %d not", alone, not)
	}
	t.Logf("%d capitals alone, %d not", alone, not)
}
