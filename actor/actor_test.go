package actor

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/text"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func load(t *testing.T) *KB {
	t.Helper()
	kb, err := Load("")
	if err != nil {
		t.Fatalf("shipped knowledge base: %v", err)
	}
	return kb
}

// mentionsOf resolves the actors of one sentence written for the test.
func mentionsOf(kb *KB, date, sentence string) []*Mention {
	d := kb.NewDoc(date)
	s := text.Sentence{Start: 0, End: len(sentence), Text: sentence}
	return d.Mentions(text.Tokens(sentence, s))
}

func TestDatedResolution(t *testing.T) {
	kb := load(t)
	cases := []struct {
		date, sentence, text, country, sector, name string
	}{
		// the same name on two dates: in office, then a former official
		{"2015-06-01", "Rouhani spoke in Tehran.", "Rouhani", "IRN", "GOV", "Hassan Rouhani"},
		{"2022-06-01", "Rouhani spoke in Tehran.", "Rouhani", "IRN", "ELI", "Hassan Rouhani"},
		// before the first office the knowledge base knows: not a former official
		{"2010-06-01", "Raisi spoke in Tehran.", "Raisi", "IRN", "", "Ebrahim Raisi"},
		// no date: the person's office, never demoted
		{"", "Rouhani spoke in Tehran.", "Rouhani", "IRN", "GOV", "Hassan Rouhani"},
		// terms from two files of the knowledge base: interior minister, then president, then former
		{"2003-06-01", "Sarkozy spoke in Paris.", "Sarkozy", "FRA", "GOV", "Nicolas Sarkozy"},
		{"2010-06-01", "Sarkozy spoke in Paris.", "Sarkozy", "FRA", "GOV", "Nicolas Sarkozy"},
		{"2014-06-01", "Sarkozy spoke in Paris.", "Sarkozy", "FRA", "ELI", "Nicolas Sarkozy"},
		// a speaker of parliament, a central banker
		{"2012-06-01", "Larijani spoke in Tehran.", "Larijani", "IRN", "LEG", "Ali Larijani"},
		{"2019-06-01", "Jerome Powell spoke in Washington.", "Jerome Powell", "USA", "GOV", "Jerome Powell"},
		// a description by post, resolved to its holder on the day
		{"2019-06-01", "The Iranian parliament speaker spoke.", "The Iranian parliament speaker", "IRN", "LEG", "Ali Larijani"},
		// the Arabic article written another way than in the knowledge base
		{"2010-06-01", "President Omar El Bashir spoke.", "President Omar El Bashir", "SDN", "GOV", "Omar al-Bashir"},
		// older news (people/pre2000.tsv): a shared surname goes to whoever held office on the day
		{"1990-06-01", "Bush spoke in Washington.", "Bush", "USA", "GOV", "George H. W. Bush"},
		{"2005-06-01", "Bush spoke in Washington.", "Bush", "USA", "GOV", "George W. Bush"},
		{"1987-06-01", "Shevardnadze spoke in Moscow.", "Shevardnadze", "RUS", "GOV", "Eduard Shevardnadze"},
		{"1982-06-01", "Trudeau spoke in Ottawa.", "Trudeau", "CAN", "GOV", "Pierre Trudeau"},
		{"2020-06-01", "Trudeau spoke in Ottawa.", "Trudeau", "CAN", "GOV", "Justin Trudeau"},
		// an armed group that took power: what it is on the day (orgs.tsv dated lines)
		{"2019-06-01", "The Taliban attacked Kabul.", "The Taliban", "AFG", "REB", "Taliban"},
		{"2023-06-01", "The Taliban banned music.", "The Taliban", "AFG", "GOV", "Taliban"},
		// a rebel movement that came to govern a new state
		{"2003-06-01", "The SPLM/A attacked Juba.", "The SPLM/A", "SDN", "REB", "Sudan People's Liberation Movement"},
		{"2013-06-01", "The SPLM won the vote.", "The SPLM", "SSD", "GOV", "Sudan People's Liberation Movement"},
		// a spelling variant
		{"2022-01-01", "Raeisi met the envoy.", "Raeisi", "IRN", "GOV", "Ebrahim Raisi"},
		// the text's title wins over the knowledge base
		{"2017-10-05", "Syrian President Bashar al-Assad spoke.", "Syrian President Bashar al-Assad", "SYR", "GOV", "Bashar al-Assad"},
		// a description resolved to the office holder on that day
		{"2017-10-05", "The Syrian president spoke.", "The Syrian president", "SYR", "GOV", "Bashar al-Assad"},
		// military rank and office
		{"2017-10-19", "Iranian Chief of Staff Maj. Gen. Mohammad Bagheri arrived.", "Iranian Chief of Staff Maj. Gen. Mohammad Bagheri", "IRN", "MIL", "Mohammad Baqeri"},
		// states, capitals, groups, organisations
		{"", "Tehran accused Washington.", "Tehran", "IRN", "GOV", ""},
		{"", "The Kremlin said nothing.", "The Kremlin", "RUS", "GOV", ""},
		{"", "Israeli troops entered the town.", "Israeli troops", "ISR", "MIL", ""},
		{"", "NATO met in Brussels.", "NATO", "IGO", "IGO", "NATO"},
		// a one-word alias of a known person does not swallow another person's name
		{"2020-01-01", "Assad Khalil spoke.", "", "", "", ""},
		{"", "The Syrian government and nation resisted.", "The Syrian government and nation", "SYR", "GOV", ""},
	}
	for _, c := range cases {
		t.Run(c.date+" "+c.sentence, func(t *testing.T) {
			ms := mentionsOf(kb, c.date, c.sentence)
			if c.text == "" {
				if len(ms) > 0 {
					t.Fatalf("want no mention, got %q %s%s %q", ms[0].Text, ms[0].Country, ms[0].Sector, ms[0].Name)
				}
				return
			}
			if len(ms) == 0 {
				t.Fatalf("no mention found")
			}
			m := ms[0]
			if m.Text != c.text || m.Country != c.country || m.Sector != c.sector || m.Name != c.name {
				t.Errorf("got %q %s %s %q, want %q %s %s %q", m.Text, m.Country, m.Sector, m.Name, c.text, c.country, c.sector, c.name)
			}
		})
	}
}

func TestLearnedFromText(t *testing.T) {
	kb := load(t)
	d := kb.NewDoc("2017-10-05")
	doc := "The speaker met senior Iranian lawmaker, Kamran Dastani, in Damascus. Dastani said he was pleased."
	var all []*Mention
	for _, s := range text.Sentences(doc) {
		all = append(all, d.Mentions(text.Tokens(doc, s))...)
	}
	var learned []*Mention
	for _, m := range all {
		if m.Name == "Kamran Dastani" {
			learned = append(learned, m)
		}
	}
	if len(learned) != 3 { // the apposition, the surname, the pronoun
		t.Fatalf("want 3 mentions of the learned person, got %d: %v", len(learned), texts(all))
	}
	for _, m := range learned {
		if m.Country != "IRN" || m.Sector != "LEG" {
			t.Errorf("%q resolved to %s%s, want IRNLEG", m.Text, m.Country, m.Sector)
		}
	}
	if !learned[0].Learned || len(d.Learned()) != 1 {
		t.Errorf("the person is not marked as learned")
	}
}

func texts(ms []*Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestUserDictionaryOverrides(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "people"), 0o755)
	// a shipped person replaced, and a new one added
	os.WriteFile(filepath.Join(dir, "people", "mine.tsv"), []byte(
		"# test dictionary\n"+
			"Hassan Rouhani\tRouhani\tIRN\tLEG\tlawmaker\t2000-01-01\t\n"+
			"Ada Quill\tQuill\tNOR\tGOV\tforeign minister\t2030-01-01\t\n"), 0o644)
	kb, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m := mentionsOf(kb, "2015-06-01", "Rouhani spoke."); len(m) == 0 || m[0].Sector != "LEG" {
		t.Errorf("the user's entry did not override the shipped one: %v", m)
	}
	if m := mentionsOf(kb, "2031-01-01", "Quill spoke."); len(m) == 0 || m[0].Country != "NOR" || m[0].Sector != "GOV" {
		t.Errorf("the user's new person was not added: %v", m)
	}
	if p := kb.Person("Hassan Rouhani"); p == nil || len(p.Terms) != 1 {
		t.Errorf("shipped terms should be replaced, got %+v", p)
	}
}

func TestLoadErrorsHaveLines(t *testing.T) {
	cases := []struct {
		file, content, want string
	}{
		{"countries.tsv", "# c\nSYR\tSyria\t\tSyrian\tDamascus\nsy\tSyria\t\t\t\n", "countries.tsv:3: country code \"sy\""},
		{"sectors.tsv", "president\tGOV\toffice\nwarlord\tWAR\tgroup\n", "sectors.tsv:2: unknown sector \"WAR\""},
		{"orgs.tsv", "IGO\tIGO\tNATO\n", "orgs.tsv:1: want 4 tab-separated fields, found 3"},
		{"people/x.tsv", "\n\nA B\tB\tIRN\tGOV\tpresident\t2013-13\t\n", "x.tsv:3: start date \"2013-13\""},
		{"people/y.tsv", "A B\tB\tIRN\tGOV\tpresident\t2013-08-03\t2012\n", "y.tsv:1: end date 2012 is before start date"},
		{"stray.tsv", "a\tb\n", "unknown dictionary file"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, filepath.FromSlash(c.file))
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(c.content), 0o644)
			_, err := Load(dir)
			if err == nil {
				t.Fatal("no error for a broken file")
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error %T, want actor.Errors", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

// TestGoldenMentions resolves the actors of the example articles and compares them with
// testdata/*.golden; run with -update after a deliberate change.
func TestGoldenMentions(t *testing.T) {
	kb := load(t)
	var docs []ingest.Document
	err := ingest.Read([]string{filepath.Join("..", "examples")}, nil, func(d ingest.Document) error {
		docs = append(docs, d)
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("reading examples: %v", e) })
	if err != nil || len(docs) == 0 {
		t.Fatalf("no example articles: %v", err)
	}
	for _, doc := range docs {
		var b strings.Builder
		date := ""
		if len(doc.Published) >= 10 {
			date = doc.Published[:10]
		}
		d := kb.NewDoc(date)
		for i, s := range text.Sentences(doc.Text) {
			for _, m := range d.Mentions(text.Tokens(doc.Text, s)) {
				fmt.Fprintf(&b, "%d\t%d-%d\t%q\t%s\t%s\t%q\n", i, m.Start, m.End, m.Text, m.Country, m.Sector, m.Name)
			}
		}
		golden := filepath.Join("testdata", doc.ID+".mentions.golden")
		if *update {
			os.WriteFile(golden, []byte(b.String()), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./actor -update to create it)", err)
		}
		if b.String() != string(want) {
			t.Errorf("%s: mentions differ from %s:\n%s", doc.ID, golden, b.String())
		}
	}
}

func TestShippedDataLoads(t *testing.T) {
	kb := load(t)
	if len(kb.Countries) < 195 {
		t.Errorf("%d states in countries.tsv, want every UN member and observer plus Kosovo and Taiwan", len(kb.Countries))
	}
	for _, code := range []string{"XKX", "TWN", "PSE", "VAT", "SYR", "IRN"} {
		if kb.Countries[code] == "" {
			t.Errorf("state %s missing", code)
		}
	}
}

// TestRecords groups every mention of an actor, descriptions and pronouns included, and ties a
// description met before the name to the person named later.
func TestRecords(t *testing.T) {
	kb := load(t)
	doc := "Zarif meets Syrian parliament speaker\n" +
		"Iranian Foreign Minister Mohammad Javad Zarif met Speaker of the Syrian People's Assembly Hammoudeh al-Sabbagh in Damascus. " +
		"The Iranian foreign minister said he was pleased. Ali Reza Kamali, a senior aide to Zarif, attended."
	recs := kb.Records("d1", doc, "2017-10-05")
	byName := map[string]Record{}
	for _, r := range recs {
		byName[r.Name] = r
	}
	zarif := byName["Mohammad Javad Zarif"]
	if got := mentionTexts(zarif); !contains(got, "The Iranian foreign minister") || !contains(got, "he") || !contains(got, "Zarif") {
		t.Errorf("Zarif's mentions %v lack the description, the pronoun or the heading's name", got)
	}
	sabbagh := byName["Hammouda Sabbagh"]
	if sabbagh.Country != "SYR" || sabbagh.Sector != "LEG" || !contains(mentionTexts(sabbagh), "Syrian parliament speaker") {
		t.Errorf("Sabbagh: %+v", sabbagh)
	}
	kamali := byName["Ali Reza Kamali"]
	if !kamali.Learned || kamali.Country != "IRN" || kamali.Sector != "GOV" {
		t.Errorf("Kamali should be learned as IRN GOV from his description: %+v", kamali)
	}
	for _, r := range recs {
		for _, m := range r.Mentions {
			if doc[m.Start:m.End] != m.Text {
				t.Errorf("mention %q has offsets %d-%d that slice %q", m.Text, m.Start, m.End, doc[m.Start:m.End])
			}
		}
	}
}

// TestCoordinatedText: a mention coordinated with the next ("Hungarian and Romanian officials")
// has as its text the phrase as the sentence writes it, which its offsets slice (formats.md:
// the surface form in this sentence), not words put together ("Hungarian officials").
func TestCoordinatedText(t *testing.T) {
	kb := load(t)
	for _, c := range []struct{ sentence, want string }{
		{"Senior Hungarian and Romanian officials agreed to open the border.",
			"Senior Hungarian and Romanian officials HUN GOV|Romanian officials ROU GOV"},
		{"The Turkish and Greek sides of the island agreed to talks.",
			"The Turkish and Greek sides TUR GOV|Greek sides GRC GOV"},
		{"French and Egyptian warships launched war games.",
			"French and Egyptian warships FRA MIL|Egyptian warships EGY MIL"},
		// the next mention has no role: no space is left at the end ("the Syrian ")
		{"The sanctions hurt the Syrian and Iranian peoples.",
			"the Syrian and Iranian SYR GOV|Iranian IRN GOV"},
	} {
		var got []string
		for _, m := range mentionsOf(kb, "2019-05-01", c.sentence) {
			got = append(got, m.Text+" "+m.Country+" "+m.Sector)
			if c.sentence[m.Start:m.End] != m.Text {
				t.Errorf("%q: mention %q has offsets %d-%d that slice %q", c.sentence, m.Text, m.Start, m.End, c.sentence[m.Start:m.End])
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%q: got %q, want %q", c.sentence, strings.Join(got, "|"), c.want)
		}
	}
}

func mentionTexts(r Record) []string {
	var out []string
	for _, m := range r.Mentions {
		out = append(out, m.Text)
	}
	return out
}

func TestRoleMatch(t *testing.T) {
	cases := []struct {
		desc, role string
		want       bool
	}{
		{"president", "president", true},
		{"president", "vice president", false},
		{"prime minister", "foreign minister", false},
		{"foreign minister", "foreign minister", true},
		{"defense minister", "defence minister", true},
		{"minister", "foreign minister", true},
		{"parliament speaker", "speaker of the people's assembly", true},
		{"speaker", "speaker of parliament", true},
		{"interior minister", "defence minister", false},
		{"parliament speaker", "speaker", true},
	}
	for _, c := range cases {
		if got := RoleMatch(c.desc, c.role); got != c.want {
			t.Errorf("RoleMatch(%q, %q) = %v, want %v", c.desc, c.role, got, c.want)
		}
	}
}

// TestRoleWords checks the word helpers of RoleMatch against the strings they stand for.
func TestRoleWords(t *testing.T) {
	for _, s := range []string{"", " ", "vice president", "deputy", "the deputy prime minister",
		"vicepresident", "vice\tpresident", "speaker of the people's assembly", "minister ",
		" minister of state", "former  deputy\u00a0minister", "assistant"} {
		for _, w := range []string{"vice", "deputy", "former", "assistant", "minister"} {
			if got, want := hasWord(s, w), strings.Contains(" "+s+" ", " "+w+" "); got != want {
				t.Errorf("hasWord(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
		want := ""
		r := s
		if i := strings.Index(r, " of "); i > 0 {
			r = r[:i]
		}
		if f := strings.Fields(r); len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := roleHead(s); got != want {
			t.Errorf("roleHead(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestThey(t *testing.T) {
	kb := load(t)
	cases := []struct {
		sentence, want string // want: the code "they" resolves to, "" when it is dropped
	}{
		{"Two Chadian suicide bombers killed 12 people when they blew themselves up.", "TCDREB"},
		{"Rebels in Mali said they had seized the town.", "MLIREB"},
		{"Iran and Syria said they would boost ties.", ""}, // a list is not one group
		{"Egypt said they were wrong.", ""},                // a state is "it"
		{"They attacked the army.", ""},                    // nothing before it
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			got := ""
			for _, m := range mentionsOf(kb, "2019-05-01", c.sentence) {
				if strings.EqualFold(m.Text, "they") {
					got = m.Country + m.Sector
				}
			}
			if got != c.want {
				t.Errorf("they = %q, want %q", got, c.want)
			}
		})
	}
}

// TestSliceText checks that a mention's text sliced from the document is the text joinText
// builds from its tokens, whatever stands between them.
func TestSliceText(t *testing.T) {
	for _, doc := range []string{
		"Syrian President Bashar al-Assad met them.",
		"The  Syrian\npresident's envoy, Mr. X, said so.",
		"Iran’s foreign minister\t(Zarif) met U.S. officials",
		"a",
	} {
		toks := text.AppendTokens(nil, doc, 0)
		for _, d := range []*Doc{{Text: doc}, {}} {
			for first := 0; first < len(toks); first++ {
				for last := first + 1; last <= len(toks); last++ {
					if got, want := d.sliceText(toks, first, last), joinText(toks[first:last]); got != want {
						t.Errorf("%q, tokens %d to %d: sliceText = %q, want %q", doc, first, last, got, want)
					}
				}
			}
		}
	}
}

// TestReferWords holds referWords, which the pronoun pass asks first, to isPronoun: a pronoun
// missing from referWords would never be resolved.
func TestReferWords(t *testing.T) {
	for _, w := range []string{"he", "she", "his", "her", "him", "they", "it", "its", "them", "their", "we", "country"} {
		if isPronoun(w) && !referWords[w] {
			t.Errorf("%q is a pronoun (isPronoun) but not in referWords", w)
		}
	}
	for w := range referWords {
		if w != "country" && !isPronoun(w) {
			t.Errorf("%q is in referWords but not a pronoun (isPronoun)", w)
		}
	}
}

// TestCandidates holds a candidate to its phrase: what it keeps, and matches telling what the
// phrase's matches tells, on the phrase written in lower case, capitalised, in capitals and
// with a word changed.
func TestCandidates(t *testing.T) {
	kb := load(t)
	checked, matched := 0, 0
	// the knowledge base's phrases, and names learned from a text, whose words it may not know
	learned := []*phrase{{toks: []string{"qzxw"}}, {toks: []string{"wang", "qzxw"}}, {toks: []string{"qzxw", "al", "-", "qzxv"}},
		{toks: []string{"ali", "qzxw", "khamenei"}}, {toks: []string{"ali", "khamenei", "qzxw", "said"}}}
	for _, p := range learned {
		p.capital, p.exactCase, p.entry = true, make([]bool, len(p.toks)), &Entry{Kind: KindPerson}
	}
	for _, ps := range append(slices.Collect(maps.Values(kb.phrases)), learned) {
		for _, p := range ps {
			c := newCandidate(p, func(w string) uint32 {
				known, _ := kb.words.Find(&text.Token{Lower: w})
				return known.id
			})
			if c.p != p || c.entry != p.entry || int(c.n) != len(p.toks) || c.capital != p.capital || c.exact != slices.Contains(p.exactCase, true) {
				t.Fatalf("candidate of %q: %+v", p.toks, c)
			}
			s := strings.Join(p.toks, " ")
			variants := []string{s, strings.ToUpper(s[:1]) + s[1:], strings.ToUpper(s), "x " + s, s + " said"}
			if len(p.toks) > 1 {
				// a word the knowledge base knows, and one it does not
				up := strings.ToUpper(s[:1]) + s[1:]
				variants = append(variants, strings.Replace(up, " "+p.toks[1], " other", 1), strings.Replace(up, " "+p.toks[1], " qzxu", 1))
			}
			if len(p.toks) > 2 {
				variants = append(variants, strings.ToUpper(s[:1])+strings.Replace(s[1:], " "+p.toks[2], " other", 1))
			}
			for _, v := range variants {
				toks := text.AppendTokens(nil, v, 0)
				d := kb.NewDoc("")
				d.findWords(toks)
				for i := range toks {
					if toks[i].Lower != p.toks[0] {
						continue
					}
					if got, want := d.matches(&c, toks, i, toks[i].IsCapitalized()), matches(p, toks, i); got != want {
						t.Errorf("%q at %d of %q: candidate says %v, phrase %v", s, i, v, got, want)
					} else if got {
						matched++
					}
					checked++
				}
			}
		}
	}
	if checked < 1000 || matched < checked/4 || matched > checked*3/4 {
		t.Errorf("%d cases checked, %d matched: too few, or too few of either answer", checked, matched)
	}
}

// TestWords holds what the table of words gives for a word to what the knowledge base knows.
func TestWords(t *testing.T) {
	kb := load(t)
	ids := map[uint32]string{}
	words := wordsOf(kb)
	for s, ps := range kb.phrases {
		for _, w := range append([]string{s}, ps[0].toks...) {
			r, ok := kb.words.Find(&text.Token{Lower: w})
			if !ok || r.id == 0 || ids[r.id] != "" && ids[r.id] != w {
				t.Fatalf("word %q: %v %+v (id of %q)", w, ok, r, ids[r.id])
			}
			ids[r.id] = w
			if w == s && r.nCap == 0 && r.flags&capBySecond == 0 {
				t.Fatalf("word %q: %+v, want its %d phrases", w, r, len(ps))
			}
			if w == s {
				if _, lower := wordLists(ps, r.flags, words); (len(lower.all) > 0) != (r.flags&opensLower != 0) {
					t.Errorf("word %q: opensLower is not whether it has lower-case phrases", w)
				}
			}
		}
	}
	if r, ok := kb.words.Find(&text.Token{Lower: "the"}); !ok || r.flags&isOpener == 0 {
		t.Errorf(`"the": %v %+v, want an opener`, ok, r)
	}
	if r, ok := kb.words.Find(&text.Token{Lower: "zzqx"}); ok || r != (Word{}) {
		t.Errorf(`"zzqx": %v %+v, want nothing`, ok, r)
	}
}

// TestMainState holds countState and mainState to a map and a list of the states in order,
// through more states than the document's own room holds.
func TestMainState(t *testing.T) {
	codes := []string{"IRN", "SYR", "IRN", "USA", "RUS", "SYR", "SYR", "TUR", "ISR", "IRQ", "LBN", "JOR",
		"EGY", "SAU", "QAT", "USA", "USA", "USA", "IRN", "IRN", "ARE", "LBN"}
	d := load(t).NewDoc("")
	counts, order := map[string]int{}, []string{}
	for i, c := range codes {
		d.countState(c, codeKey(c))
		if counts[c] == 0 {
			order = append(order, c)
		}
		counts[c]++
		want := ""
		for _, s := range order {
			if want == "" || counts[s] > counts[want] {
				want = s
			}
		}
		if got := d.mainState(); got != want {
			t.Fatalf("after %d states %v: mainState = %q, want %q", i+1, codes[:i+1], got, want)
		}
	}
	if len(d.states) != len(order) {
		t.Errorf("%d states counted, want %d", len(d.states), len(order))
	}
	if (&Doc{}).mainState() != "" {
		t.Errorf("a document that names no state has a main state")
	}
}

// atOracle is Person.At as it was written before termAt: the term itself, found by value.
func atOracle(p *Person, date string) (Term, bool) {
	if len(p.Terms) == 0 {
		return Term{}, false
	}
	if date == "" {
		best := p.Terms[len(p.Terms)-1]
		for _, t := range p.Terms {
			if t.End == "" {
				best = t
			}
		}
		return best, true
	}
	best, held := -1, false
	for i := range p.Terms {
		if covers(p.Terms[i], date) {
			if !held || rank(p.Terms[i].Role) < rank(p.Terms[best].Role) {
				best = i
			}
			held = true
		}
	}
	if held {
		return p.Terms[best], true
	}
	nearest := p.Terms[0]
	for _, t := range p.Terms {
		if before(t.Start, date) {
			nearest = t
		}
	}
	return nearest, false
}

// TestDocAt holds Person.At and a document's memo of it (Doc.at) to atOracle, for every person
// of the knowledge base on dates before, inside, between and after their terms, asked twice, and
// for more people than the memo has room for.
func TestDocAt(t *testing.T) {
	kb := load(t)
	dates := map[string]bool{"": true, "1950-01-01": true, "2100": true}
	for _, p := range kb.people {
		for _, tm := range p.Terms {
			dates[tm.Start], dates[tm.End] = true, true
			if len(tm.Start) >= 4 {
				dates[tm.Start[:4]+"-12-31"] = true
			}
		}
	}
	people := slices.Collect(maps.Values(kb.people))
	people = append(people, &Person{Name: "no term"}, &Person{Name: "learned", Learned: true, Terms: []Term{{Country: "IRN", Sector: "GOV", Role: "x"}}})
	n := 0
	for date := range dates {
		if n++; n > 60 && date != "" {
			continue // enough dates: every person on each
		}
		d := kb.NewDoc(date)
		for round := 0; round < 2; round++ {
			for _, p := range people {
				want, wantHeld := atOracle(p, date)
				if got, held := p.At(date); got != want || held != wantHeld {
					t.Fatalf("%s on %q: At = %+v %v, want %+v %v", p.Name, date, got, held, want, wantHeld)
				}
				if got, held := d.at(p); *got != want || held != wantHeld {
					t.Fatalf("%s on %q (round %d): Doc.at = %+v %v, want %+v %v", p.Name, date, round, *got, held, want, wantHeld)
				}
			}
		}
	}
}

// TestRoleMatchTable holds the knowledge base's tables of RoleMatch (KB.roleMatch) to RoleMatch,
// for the posts of the knowledge base's people and sector words, each description against the
// posts of its head word and others, asked twice, from several goroutines at once (the rows are
// worked out on first use), and for posts the knowledge base does not know.
func TestRoleMatchTable(t *testing.T) {
	kb := load(t)
	seen := map[string]bool{"": true}
	for _, p := range kb.people {
		for _, tm := range p.Terms {
			seen[tm.Role] = true
		}
	}
	for _, ps := range kb.phrases {
		for _, p := range ps {
			if p.entry.Kind == KindOffice || p.entry.Kind == KindGroup {
				seen[p.entry.Name] = true
			}
		}
	}
	roles := slices.Sorted(maps.Keys(seen))
	for _, r := range roles {
		if _, ok := kb.posts[r]; !ok {
			t.Errorf("post %q is not in the tables", r)
		}
	}
	byHead := map[string][]string{}
	for _, r := range roles {
		h := roleHead(normRole(r))
		byHead[h] = append(byHead[h], r)
	}
	unknown := []string{"Foreign Minister", "deputy foreign minister of the interior", "qzxw minister", "the president"}
	errs := make(chan string, 8)
	var matched atomic.Int64
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, desc := range roles {
				if i%4 != g && i%3 != 0 {
					continue // (a third of the descriptions asked by every goroutine at once)
				}
				asked := append(slices.Clone(byHead[roleHead(normRole(desc))]), roles[i:min(len(roles), i+20)]...)
				asked = append(asked, unknown...)
				for round := 0; round < 2; round++ {
					for _, role := range asked {
						for _, pair := range [][2]string{{desc, role}, {role, desc}} {
							want := RoleMatch(pair[0], pair[1])
							if got := kb.roleMatch(pair[0], pair[1]); got != want {
								select {
								case errs <- fmt.Sprintf("roleMatch(%q, %q) = %v, want %v", pair[0], pair[1], got, want):
								default:
								}
								return
							}
							if want {
								matched.Add(1)
							}
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if matched.Load() < 1000 {
		t.Errorf("only %d pairs matched: too few to tell", matched.Load())
	}
}

// TestNotedSurnames names twenty people of the knowledge base in one document, each by the full
// name and then by the surname alone: every surname is the person's (noteSurname's phrases and
// lists, cut from blocks of the document's, stay each its own past a block).
func TestNotedSurnames(t *testing.T) {
	kb := load(t)
	var people []*Person
	for _, name := range slices.Sorted(maps.Keys(kb.people)) {
		p := kb.people[name]
		ws := strings.Fields(name)
		last := strings.ToLower(ws[len(ws)-1])
		if len(ws) != 2 || p.family != noFamilyFirst || len(kb.phrases[last]) > 0 || !isASCIIWord(ws[0]) || !isASCIIWord(ws[1]) {
			continue
		}
		people = append(people, p)
		if len(people) == 20 {
			break
		}
	}
	if len(people) < 20 {
		t.Fatalf("only %d people to name", len(people))
	}
	d := kb.NewDoc("")
	say := func(s string) []*Mention {
		return d.Mentions(text.AppendTokens(nil, s, 0))
	}
	for _, p := range people {
		if ms := say(p.Name + " spoke."); len(ms) != 1 || ms[0].Person != p {
			t.Fatalf("%q: %v", p.Name, ms)
		}
	}
	for _, p := range people {
		ws := strings.Fields(p.Name)
		if ms := say(ws[1] + " said."); len(ms) != 1 || ms[0].Person != p {
			t.Errorf("%q after %q: %+v", ws[1], p.Name, ms)
		}
	}
}

func isASCIIWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return len(w) > 2 && w[0] >= 'A' && w[0] <= 'Z'
}

// TestLowerText holds lowerText to strings.ToLower: ASCII, other letters (İ lowers to i), texts
// longer than the buffer, and invalid UTF-8.
func TestLowerText(t *testing.T) {
	for _, s := range []string{"", "The Two Sides", "both COUNTRIES", "two leaders", "Leaders of the TWO countrİes",
		"İSTANBUL", "Ärzte", "\xff\xfeSIDES", "\u212aelvin", strings.Repeat("Peacekeepers ", 10), "his country", "Her Country"} {
		for _, n := range []int{0, 8, 64} {
			if got, want := string(lowerText(make([]byte, 0, n), s)), strings.ToLower(s); got != want {
				t.Errorf("lowerText(%q) with room for %d = %q, want %q", s, n, got, want)
			}
		}
		m := &Mention{Text: s}
		l := strings.ToLower(s)
		want := strings.HasSuffix(l, "sides") || strings.HasSuffix(l, "countries") || strings.HasSuffix(l, "leaders") && strings.Contains(l, "two")
		if m.bothSides() != want {
			t.Errorf("bothSides(%q) = %v, want %v", s, !want, want)
		}
	}
}

// TestLoadDictionaries loads a directory that holds event patterns beside a dictionary: Load
// reports the patterns as an unknown dictionary file, LoadDictionaries leaves them out and still
// reports a broken dictionary line.
func TestLoadDictionaries(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "people"), 0o755)
	os.WriteFile(filepath.Join(dir, "patterns.tsv"), []byte("ASSAULT\t-\t190\t-10\t-\t+attack\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "people", "mine.tsv"), []byte("A B\tB\tIRN\tGOV\tpresident\t2013-01-01\t\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "unknown dictionary file") {
		t.Errorf("Load: %v, want an unknown dictionary file", err)
	}
	if _, err := LoadDictionaries(dir); err != nil {
		t.Errorf("LoadDictionaries: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "people", "mine.tsv"), []byte("A B\tB\tIRN\tGOB\tpresident\t2013-01-01\t\n"), 0o644)
	if _, err := LoadDictionaries(dir); err == nil || !strings.Contains(err.Error(), "mine.tsv:1:") {
		t.Errorf("LoadDictionaries of a broken file: %v, want mine.tsv:1", err)
	}
	for rel, want := range map[string]bool{"countries.tsv": true, "people/x.tsv": true, "patterns.tsv": false, "people.tsv": false} {
		if IsDictionary(rel) != want {
			t.Errorf("IsDictionary(%q) = %v", rel, !want)
		}
	}
}
