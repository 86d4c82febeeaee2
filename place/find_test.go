package place

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/ingest/ingesttest"
	"github.com/dyad-events/dyad/text"
)

func TestFind(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		sentence string
		hint     string
		want     string // name and country; "" when no place
		at       string // the text at the returned offset
	}{
		{"The two ministers met in Damascus on Thursday.", "", "Damascus SYR", "Damascus"},
		{"Jaishankar met Wang Yi on the sidelines of the SCO summit in Goa.", "", "Goa IND", "Goa"},
		{"The Syrian president made the remarks in a meeting with senior Iranian lawmaker, Alaeddin Boroujerdi, in Damascus on Thursday.", "", "Damascus SYR", "Damascus"},
		{"Zarif arrived in Beirut on Friday.", "", "Beirut LBN", "Beirut"},
		{"Putin paid a visit to Ankara last week.", "", "Ankara TUR", "Ankara"},
		{"The minister flew to Kiev for talks.", "", "Kyiv UKR", "Kiev"},
		{"Erdogan visited Tehran in October.", "", "Tehran IRN", "Tehran"},
		{"Clashes broke out near Aleppo.", "", "Aleppo SYR", "Aleppo"},
		{"Protesters gathered outside Cairo's main courthouse.", "", "Cairo EGY", "Cairo"},
		{"A car bomb exploded in the northern city of Kirkuk.", "", "Kirkuk IRQ", "Kirkuk"},
		{"Fighting raged in Syria's Idlib province.", "", "Idlib SYR", "Idlib"},
		{"They met in the Syrian capital, Damascus, on Monday.", "", "Damascus SYR", "Damascus"},
		{"They met in the Syrian capital on Monday.", "", "Damascus SYR", "Syrian"},
		{"The talks were held in the capital of Oman.", "", "Muscat OMN", "Oman"},
		{"Officials met in Washington, D.C., on Friday.", "", "Washington, D.C. USA", "Washington"},
		{"The accord was signed in Rio de Janeiro.", "", "Rio de Janeiro BRA", "Rio de Janeiro"},
		{"Ministers met at Sao Paulo's city hall.", "", "São Paulo BRA", "Sao Paulo"},
		{"Israeli forces raided homes in the Gaza Strip.", "", "Gaza Strip PSE", "Gaza Strip"},
		{"The summit took place in Singapore.", "", "Singapore SGP", "Singapore"},
		// the country hint decides between places of the same name
		{"Rival militias clashed in Tripoli.", "", "Tripoli LBY", "Tripoli"},
		{"Rival militias clashed in Tripoli.", "LBN", "Tripoli LBN", "Tripoli"},
		// but does not pick a town over a capital it dwarfs
		{"Pompeo met Assad's envoy in Damascus.", "USA", "Damascus SYR", "Damascus"},
		// no place
		{"The two countries signed an agreement in Syria.", "", "", ""},
		{"Iran and Syria signed a deal in Kuwait.", "", "", ""},
		{"The ceasefire was agreed in March 2001.", "", "", ""},
		{"The UN called for aid in Africa.", "", "", ""},
		{"Damascus accused Ankara of aggression.", "", "", ""},
		{"SANA reported the attack in detail.", "", "", ""},
		{"He spoke in support of the Palestinian cause.", "", "", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		p, at, ok := g.Find(tt.sentence, tt.hint)
		got := ""
		if ok {
			got = p.Name + " " + p.Country
		}
		if got != tt.want {
			t.Errorf("Find(%q, %q) = %q, want %q", tt.sentence, tt.hint, got, tt.want)
			continue
		}
		if ok && !strings.HasPrefix(tt.sentence[at:], tt.at) {
			t.Errorf("Find(%q): offset %d at %q, want %q", tt.sentence, at, tt.sentence[at:], tt.at)
		}
	}
}

func TestFindNear(t *testing.T) {
	g := gazetteer(t)
	s := "Lavrov, who arrived in Ankara on Monday, met Zarif in Tehran on Tuesday."
	tests := []struct {
		trigger string // the trigger's text; "" for none
		want    string
	}{
		{"", "Ankara"},        // the first
		{"arrived", "Ankara"}, // the first after the trigger
		{"met", "Tehran"},     // the first after the trigger
		{"Tuesday", "Tehran"}, // none after: the last before
		{"Lavrov", "Ankara"},  // before both
	}
	for _, tt := range tests {
		trigger := -1
		if tt.trigger != "" {
			trigger = strings.Index(s, tt.trigger)
		}
		p, _, ok := g.FindNear(s, trigger)
		if !ok || p.Name != tt.want {
			t.Errorf("FindNear(trigger %q) = %q, %v; want %q", tt.trigger, p.Name, ok, tt.want)
		}
	}
}

func TestDateline(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		text string
		want string // name and country; "" for none
	}{
		{"TEHRAN – Syrian President Bashar al-Assad has said his country fully supports Iran.", "Tehran IRN"},
		{"BEIJING, November 9. /TASS/. Chinese President Xi Jinping met ...", "Beijing CHN"},
		{"DAMASCUS (Reuters) - Syria's foreign minister said on Monday ...", "Damascus SYR"},
		{"MUSCAT, Oman (AP) — Oman's foreign minister met ...", "Muscat OMN"},
		{"Tehran, Oct 4, IRNA -- Iran's president said ...", "Tehran IRN"},
		{"NEW DELHI: India and China agreed ...", "New Delhi IND"},
		{"WASHINGTON, Oct. 4 (Xinhua) -- The United States ...", "Washington, D.C. USA"},
		{"Moscow. October 5. INTERFAX - Russia's foreign ministry ...", "Moscow RUS"},
		{"TRIPOLI, Lebanon (AP) — Gunmen clashed ...", "Tripoli LBN"},
		{"TRIPOLI (Reuters) - Rival militias clashed ...", "Tripoli LBY"},
		{"Ministers meet in Muscat\n\nMUSCAT – The foreign ministers ...", "Muscat OMN"}, // after a headline
		{"By Jane Doe\nAMMAN – Jordan's king ...", "Amman JOR"},
		{"  \n\nKABUL —The Taliban said ...", "Kabul AFG"},
		// not datelines
		{"Damascus is the oldest capital in the world.", ""},
		{"Damascus, Syria's capital, was quiet on Monday.", ""},
		{"Montenegro Municipality Association (AKK) officials demanded ...", ""},
		{"U.N. Secretary-General Kofi Annan announced on Monday ...", ""},
		{"President Bashar al-Assad says his country will never forget.", ""},
		{" date 2017-10-19 Alwaght- Syrian President Bashar al Assad ...", ""},
		{"SYRIA – The army said ...", ""}, // a country, not a place
		{"The talks were held in Muscat.\nMUSCAT – later that day ...", ""},
		{"", ""},
	}
	for _, tt := range tests {
		p, ok := g.Dateline(tt.text)
		got := ""
		if ok {
			got = p.Name + " " + p.Country
		}
		if got != tt.want {
			t.Errorf("Dateline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	var got []string
	for _, tk := range tokenize("In Syria's Nur-Sultan, D.C. (’s) “x”") {
		got = append(got, tk.text)
	}
	want := "In|Syria|'s|Nur-Sultan|,|D.C|.|(|’|s|)|“|x|”"
	if strings.Join(got, "|") != want {
		t.Errorf("tokenize = %q, want %q", strings.Join(got, "|"), want)
	}
}

func FuzzFind(f *testing.F) {
	g := gazetteer(f)
	for _, s := range []string{
		"The two ministers met in Damascus on Thursday.",
		"on the sidelines of the SCO summit in Goa",
		"They met in the Syrian capital, Damascus, on Monday.",
		"in the capital of Oman",
		"in Syria's Idlib",
		"visit to Washington, D.C.",
		"TEHRAN – Syrian President",
		"in \xff\xfe Sana’a",
		"in the",
		"at",
	} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, trigger int) {
		p, at, ok := g.FindNear(s, trigger)
		if !ok {
			if at != -1 && at != 0 {
				t.Errorf("FindNear(%q) found nothing at %d", s, at)
			}
		} else if at < 0 || at >= len(s) || p.Name == "" || len(p.Country) != 3 {
			t.Errorf("FindNear(%q) = %+v at %d", s, p, at)
		}
		if d, ok := g.Dateline(s); ok && (d.Name == "" || len(d.Country) != 3) {
			t.Errorf("Dateline(%q) = %+v", s, d)
		}
		if utf8.ValidString(s) {
			g.Lookup(s)
		}
	})
}

// TestKeysAt checks that the names folded once from a token are the names folded one by one, up
// to the last word a name may reach (on the shared documents too, when they are there).
func TestKeysAt(t *testing.T) {
	g := gazetteer(t)
	sentences := []string{
		"in Washington, D.C. on Monday",
		"in São Paulo's old town",
		"near Ho Chi Minh City. Then",
		"at Rio de  Janeiro - Palikir",
		"in Nur-Sultan’s Şanlıurfa, Kraków and İstanbul",
		"in , , , A",
		"in Damascus on Thursday with the Syrian foreign minister, who",
		"in Kansas City, Missouri, where",
		"in , . Paris", ". , A, B. C D E F G H I J", "in (Rome)", "- Rome", "Rome -",
	}
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		for _, s := range text.Sentences(d.Text) {
			sentences = append(sentences, s.Text)
		}
	}
	for _, s := range sentences {
		toks := tokenize(s)
		for j := range toks {
			keys := g.keysAt(nil, nil, s, toks, j)
			last := lastToken(g, toks, j)
			if want := last - j + 1; len(keys.ends) > want || len(keys.ends) < want && keys.mayBeKey(len(keys.ends)-1) {
				// (keysAt stops at a key too long to be a name: the keys after it are longer)
				t.Errorf("%q from %d: %d keys, want %d", s, j, len(keys.ends), want)
				continue
			}
			fw := firstWord(fold(s[toks[j].start:toks[last].end]))
			if toks[j].word && (keys.first != len(fw) || keys.bound != g.keyBound([]byte(fw))) {
				t.Errorf("%q from %d: first word %d bytes, bound %d; want %q, %d", s, j, keys.first, keys.bound, fw, g.keyBound([]byte(fw)))
			}
			for k, end := range keys.ends {
				if !toks[j+k].word {
					if end != -1 {
						t.Errorf("%q: the key up to %q is %d, want -1", s, toks[j+k].text, end)
					}
					continue
				}
				want := fold(s[toks[j].start:toks[j+k].end])
				if got := string(keys.folded[:end]); got != want {
					t.Errorf("%q: the key of %q is %q, want %q", s, s[toks[j].start:toks[j+k].end], got, want)
				}
			}
		}
	}
}

// lastToken returns the index of the last token that a name starting at toks[j] may reach: at
// most maxWords words, with commas and full stops between them but no other punctuation (as
// keysAt read them once).
func lastToken(g *Gazetteer, toks []token, j int) int {
	k, words := j, 0
	for i := j; i < len(toks) && words < g.maxWords; i++ {
		t := &toks[i]
		if !t.word && t.text != "," && t.text != "." {
			break
		}
		if t.word {
			words++
			k = i
		}
	}
	return k
}

// TestKeyBound checks that keyLens bounds every key of the gazetteer, and that mayBeKey rules
// out no key of it on the shared documents (when they are there).
func TestKeyBound(t *testing.T) {
	g := gazetteer(t)
	for _, m := range []map[string]bool{mapKeys(g.byName), mapKeys(g.countries)} {
		for key := range m {
			if b := g.keyBound([]byte(firstWord(key))); b < len(key) && b != 255 {
				t.Errorf("keyBound of %q is %d", key, b)
			}
		}
	}
	sentences := []string{"in Washington, D.C. on Monday", "in São Paulo's old town", "at Rio de  Janeiro - Palikir",
		"in Nur-Sultan’s Şanlıurfa, Kraków and İstanbul", "the United States' Kansas City, Missouri"}
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		for _, s := range text.Sentences(d.Text) {
			sentences = append(sentences, s.Text)
		}
	}
	keys, ruledOut := 0, 0
	for _, s := range sentences {
		toks := tokenize(s)
		for j := range toks {
			if !toks[j].word {
				continue
			}
			nk := g.keysAt(nil, nil, s, toks, j)
			for k, end := range nk.ends {
				if end < 0 {
					continue
				}
				keys++
				if nk.mayBeKey(k) {
					continue
				}
				ruledOut++
				key := string(nk.folded[:end])
				_, name := g.byName[key]
				_, country := g.countries[key]
				if name || country {
					t.Errorf("%q: mayBeKey rules out %q", s, key)
				}
			}
		}
	}
	t.Logf("mayBeKey ruled out %d of %d keys", ruledOut, keys)
}

func mapKeys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// TestIsUpper compares isUpper with strings.ToUpper.
func TestIsUpper(t *testing.T) {
	for _, w := range []string{"", "A", "a", "SANA", "Sana", "U.S", "D.C", "1", "ÉTATS", "Égypte", "ΑΘΗΝΑ",
		"Αθήνα", "ǅ", "ǄX", "ß", "\xff", "A\xffB", "\uFFFD", "A\uFFFDB", "İSTANBUL", "ı", "ﬁ", "AL-ASSAD'S"} {
		if got, want := isUpper(w), w == strings.ToUpper(w); got != want {
			t.Errorf("isUpper(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzIsUpper compares isUpper with strings.ToUpper on arbitrary text.
func FuzzIsUpper(f *testing.F) {
	f.Add("SANA")
	f.Add("A\xffÉ\uFFFDǅ")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isUpper(w), w == strings.ToUpper(w); got != want {
			t.Errorf("isUpper(%q) = %v, want %v", w, got, want)
		}
	})
}

// TestWordLengths checks that the tables that rule out words before a probe of a map rule out
// none of its keys, nor an empty word or one of 64 bytes or more.
func TestWordLengths(t *testing.T) {
	g := gazetteer(t)
	for _, set := range []struct {
		name    string
		keys    []string
		lengths *wordLengths
	}{
		{"fillers", keysOf(fillers), fillerLengths},
		{"notPlaces", keysOf(notPlaces), notPlaceLengths},
		{"demonyms", keysOf(g.demonyms), &g.demonymLengths},
	} {
		if len(set.keys) == 0 {
			t.Errorf("%s: no keys", set.name)
		}
		for _, k := range set.keys {
			if !set.lengths.may([]byte(k)) {
				t.Errorf("%s: %q ruled out", set.name, k)
			}
		}
		for _, w := range []string{"", strings.Repeat("x", 64), strings.Repeat("é", 40)} {
			if !set.lengths.may([]byte(w)) {
				t.Errorf("%s: %q ruled out", set.name, w)
			}
		}
	}
	if fillerLengths.may([]byte("damascus")) && fillerLengths.may([]byte("aleppo")) {
		t.Errorf("fillerLengths rules out neither damascus nor aleppo")
	}
}

func keysOf[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func FuzzWordLengths(f *testing.F) {
	g := gazetteer(f)
	for _, s := range []string{"the", "syrian", "may", "damascus", "", "government held"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		_, filler := fillers[w]
		_, notPlace := notPlaces[w]
		_, demonym := g.demonyms[w]
		if filler && !fillerLengths.may([]byte(w)) || notPlace && !notPlaceLengths.may([]byte(w)) ||
			demonym && !g.demonymLengths.may([]byte(w)) {
			t.Errorf("%q ruled out", w)
		}
	})
}

// findNearRef is FindNearIn as it reads every cue of p: the first place after the trigger, else
// the last before (without a trigger, the first).
func findNearRef(g *Gazetteer, p *Prepared, trigger int, countries []string) (Place, int, bool) {
	var best Place
	bestAt, found := -1, false
	for _, i := range p.cues {
		pl, at, ok := g.afterCue(p.sentence, p.toks, i+1, countries)
		if !ok || found && (trigger < 0 || bestAt >= trigger) {
			continue
		}
		best, bestAt, found = pl, at, true
	}
	return best, bestAt, found
}

// TestFindNearIn holds FindNearIn, which returns at once for a sentence with no word that
// locates and keeps what it reads after each for the sentence's other events, to findNearRef:
// on sentences with and without such words, prepared from text tokens one after the other in one
// Prepared as the event coder does, for several triggers and countries.
func TestFindNearIn(t *testing.T) {
	g := gazetteer(t)
	doc := strings.Join([]string{
		"Lavrov, who arrived in Ankara on Monday, met Zarif in Tehran on Tuesday.",
		"Damascus accused Ankara of aggression.",
		"Rival militias clashed in Tripoli.",
		"The two countries signed an agreement in Syria.",
		"Putin paid a visit to Ankara last week.",
		"He said nothing.",
		"They met in the Syrian capital on Monday.",
		"SANA reported the attack in detail.",
	}, " ")
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		doc += "\n\n" + d.Text
	}
	var ps Prepared
	empty, located := 0, 0
	for _, s := range text.Sentences(doc) {
		ps.SetTokens(s, text.Tokens(doc, s))
		ref := Prepare(s.Text)
		if len(ps.cues) == 0 {
			empty++
		}
		for _, countries := range [][]string{nil, {"LBN"}, {"USA", "SYR"}, {"LBN"}} {
			for _, trigger := range []int{-1, 0, len(s.Text) / 2, len(s.Text)} {
				p, at, ok := g.FindNearIn(&ps, trigger, countries...)
				wp, wat, wok := findNearRef(g, ref, trigger, countries)
				if wok && !ps.MayLocate() {
					t.Fatalf("%q: MayLocate false, but %v at %d", s.Text, wp, wat)
				}
				if p != wp || at != wat || ok != wok {
					t.Fatalf("FindNearIn(%q, %d, %v) = %v, %d, %v; want %v, %d, %v", s.Text, trigger, countries, p, at, ok, wp, wat, wok)
				}
				if ok {
					located++
				}
			}
		}
	}
	if empty == 0 || located == 0 {
		t.Errorf("%d sentences with no cue, %d places found: the test reads too few of either", empty, located)
	}
}

// TestNamesAt holds namesAt, which looks each key up once for both a place and a country, to
// the two readings it stands for: the longest key that names a place (not in notPlaces), and
// the longest that names a country (in countries), each read on its own from the longest key.
func TestNamesAt(t *testing.T) {
	g := gazetteer(t)
	sentences := []string{"in Washington, D.C. on Monday", "in Syria's Aleppo", "in the United States",
		"at Rio de Janeiro", "in Kuwait City", "in Kuwait", "in Singapore", "in Monaco", "in Georgia, Tbilisi",
		"in May", "in the Middle East", "in Saudi Arabia's Riyadh", "in Mexico City", "in New York",
		"in Lebanon's Tripoli", "in Tripoli", "in Panama City, Panama", "in Jordan", "in Chad"}
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		for _, s := range text.Sentences(d.Text) {
			sentences = append(sentences, s.Text)
		}
	}
	found := 0
	for _, s := range sentences {
		toks := tokenize(s)
		for j := range toks {
			if !toks[j].word {
				continue
			}
			keys := g.keysAt(nil, nil, s, toks, j)
			for _, prefer := range [][]string{nil, {"LBN"}, {"USA", "SYR"}} {
				pi, end, ok, country, cend, isCountry := g.namesAt(&keys, prefer)
				var p Place
				if ok {
					p = g.places[pi].Place
				}
				// the longest name of a place
				var wp Place
				wend, wok := 0, false
				for k := len(keys.ends) - 1; k >= 0; k-- {
					if !keys.mayBeKey(k) {
						continue
					}
					key := keys.folded[:keys.ends[k]]
					if notPlaces[string(key)] {
						continue
					}
					if i, ok := g.pick(g.byName[string(key)].places, prefer); ok {
						wp, wend, wok = g.places[i].Place, keys.j+k, true
						break
					}
				}
				// the longest name of a country
				wcountry, wcend, wisCountry := "", 0, false
				for k := len(keys.ends) - 1; k >= 0; k-- {
					if !keys.mayBeKey(k) {
						continue
					}
					if c, ok := g.countries[string(keys.folded[:keys.ends[k]])]; ok {
						wcountry, wcend, wisCountry = c, keys.j+k, true
						break
					}
				}
				if p != wp || end != wend || ok != wok || country != wcountry || cend != wcend || isCountry != wisCountry {
					t.Fatalf("%q at %d: namesAt = %v %d %v %q %d %v, want %v %d %v %q %d %v", s, j,
						p, end, ok, country, cend, isCountry, wp, wend, wok, wcountry, wcend, wisCountry)
				}
				if ok && isCountry {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Errorf("no key named both a place and a country: the test reads too few")
	}
}

// TestByNameCountries checks that the byName entry of every key of countries has its country,
// and that no other entry has one.
func TestByNameCountries(t *testing.T) {
	g := gazetteer(t)
	for k, e := range g.byName {
		if c := g.countries[k]; e.country != c {
			t.Errorf("byName[%q].country = %q, want %q", k, e.country, c)
		}
	}
	for k := range g.countries {
		if _, ok := g.byName[k]; !ok {
			t.Errorf("byName has no entry for the country %q", k)
		}
	}
}

// isNameRef is isName as it read every word: by its first rune, and its runes.
func isNameRef(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	return utf8.RuneCountInString(w) <= 1 || !isUpper(w)
}

// TestIsName holds isName, which reads a word with an ASCII capital first by its bytes, to
// isNameRef.
func TestIsName(t *testing.T) {
	for _, w := range []string{"", "D", "d", "Damascus", "SANA", "Sana", "S\u00e3o", "S\u00c3O", "\u00c9", "\u00c9vian",
		"\u00c9VIAN", "A1", "A-B", "U.S", "X\xff", "\xff", "1st", "\u00e9", "A\u00e9", "ZZ", "Z'S", "Z's", "AB\u00c9"} {
		if got, want := isName(w), isNameRef(w); got != want {
			t.Errorf("isName(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzIsName compares isName with isNameRef on arbitrary words.
func FuzzIsName(f *testing.F) {
	f.Add("Damascus")
	f.Add("SANA")
	f.Add("A\u00e9")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isName(w), isNameRef(w); got != want {
			t.Errorf("isName(%q) = %v, want %v", w, got, want)
		}
	})
}

// TestPlainKeysAtPrefix checks that plainKeysAt, where it can tell the keys at the start of a line
// from its first two words (as readDateline asks it), tells those keysAt tells from all the words
// a name may have the long way (foldKeysAt).
func TestPlainKeysAtPrefix(t *testing.T) {
	g := gazetteer(t)
	lines := []string{"TEHRAN – Syrian", "NEW DELHI: India", "Kuwait City, Kuwait", "Damascus. Then", "Paris, , France",
		"Rio de Janeiro", "Syria's Aleppo", "Washington, D.C. on", "X", "X,", "X .", "Al-Quds Al-Arabi", "Abu  Dhabi",
		"Sao Tome", "A spokesman said", "Kraków, Poland", "Moscow.Russia", "Moscow .Russia"}
	for _, d := range ingesttest.SharedDocs(t, "../../shared") {
		for _, s := range text.Sentences(d.Text) {
			lines = append(lines, s.Text)
		}
	}
	told := 0
	for _, line := range lines {
		keys, ok := g.plainKeysAt(nil, nil, line, appendFirstTokens(nil, line, 2), 0)
		if !ok || len(keys.ends) > 1 && keys.mayBeKey(len(keys.ends)-1) {
			continue // (readDateline reads on)
		}
		told++
		want := g.foldKeysAt(nil, nil, line, appendFirstTokens(nil, line, g.maxWords), 0)
		last := want.ends[len(want.ends)-1]
		if !slices.Equal(keys.ends, want.ends) || keys.first != want.first || keys.bound != want.bound ||
			string(keys.folded[:max(last, 0)]) != string(want.folded[:max(last, 0)]) {
			t.Errorf("%q: plainKeysAt %q %v %d %d, keysAt %q %v %d %d", line, keys.folded, keys.ends, keys.first, keys.bound,
				want.folded, want.ends, want.first, want.bound)
		}
	}
	if told < len(lines)/4 {
		t.Errorf("plainKeysAt told the keys of only %d of %d lines", told, len(lines))
	}
}

// afterCue is afterCueAt with the place itself rather than its index, for the tests.
func (g *Gazetteer) afterCue(s string, toks []token, j int, countries []string) (Place, int, bool) {
	i, at, ok := g.afterCueAt(s, toks, j, countries)
	if !ok {
		return Place{}, at, false
	}
	return g.places[i].Place, at, true
}
