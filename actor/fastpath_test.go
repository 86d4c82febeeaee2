package actor

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/text"
)

// The fast paths of the mention finder, each held to the plainer code it replaced.

// fastPathTexts are sentences with the words the fast paths test for, in every position.
var fastPathTexts = []string{
	"Pro-Iranian militias and anti-Syria protesters met Syrian-backed fighters in West Darfur.",
	"The US$50 aid, 20 US dollars, and a US national: National Security officials said national television.",
	"Iran's Foreign Minister Mohammad Javad Zarif met al-Assad and the IGO, UNO, EUR, NGO, IMG and WST.",
	"Über-Präsident Émile said (the Hizbollah (Party of God)) 12 ... ¿Qué? — east Timor, Western Sahara.",
	"pro - Iran, Iran - backed, $ Iran $, dollars Iran dollars, national Iran national, West - Bank",
}

// oldNonState is NonState as a switch on the strings.
func oldNonState(code string) bool {
	switch code {
	case "IGO", "UNO", "EUR", "NGO", "IMG", "WST":
		return true
	}
	return false
}

func TestNonState(t *testing.T) {
	kb := load(t)
	codes := []string{"", "I", "IG", "IGOX", "igo", "IGO", "UNO", "EUR", "NGO", "IMG", "WST", "GO", "NGOs", "XXX"}
	for c := range kb.Countries {
		codes = append(codes, c)
	}
	nonStates := 0
	for _, c := range codes {
		if got, want := NonState(c), oldNonState(c); got != want {
			t.Errorf("NonState(%q) = %v, want %v", c, got, want)
		} else if got {
			nonStates++
		}
	}
	if nonStates < 6 {
		t.Errorf("only %d codes are not states", nonStates)
	}
}

// oldPlainWord is plainWord as it tested the first byte and the flags one at a time.
func oldPlainWord(d *Doc, toks []text.Token, i int) bool {
	s := toks[i].Text
	if s == "" || s[0] >= utf8.RuneSelf || s[0]-'A' < 26 {
		return false
	}
	return d.words[i].flags&(opensLower|isNameParticle) == 0
}

// oldNotThisActor is notThisActor without the first test of the words' flags.
func oldNotThisActor(d *Doc, toks []text.Token, i, j int, e *Entry) bool {
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
		return toks[i].IsCapitalized() || j < len(toks) && isWordTok(toks[j]) && !d.is(j, isFunctionWord)
	}
	return false
}

func TestFastPathsOfAtoms(t *testing.T) {
	kb := load(t)
	entries := []*Entry{{Kind: KindCountry}, {Kind: KindCapital}, {Kind: KindDemonym}, {Kind: KindOrg},
		{Kind: KindOffice}, {Kind: KindGroup}, {Kind: KindTitle}, {Kind: KindPerson}}
	plain, not := 0, 0
	for _, s := range fastPathTexts {
		toks := text.AppendTokens(nil, s, 0)
		toks = append(toks, text.Token{}) // an empty token
		d := kb.NewDoc("")
		d.findWords(toks)
		for i := range toks {
			if got, want := d.plainWord(toks, i), oldPlainWord(d, toks, i); got != want {
				t.Errorf("%q, token %d %q: plainWord = %v, want %v", s, i, toks[i].Text, got, want)
			}
			for j := i + 1; j <= len(toks) && j <= i+3; j++ {
				for _, e := range entries {
					if got, want := d.notThisActor(toks, i, j, e), oldNotThisActor(d, toks, i, j, e); got != want {
						t.Errorf("%q, tokens %d to %d, kind %d: notThisActor = %v, want %v", s, i, j, e.Kind, got, want)
					} else if got {
						not++
					}
				}
			}
			if d.plainWord(toks, i) {
				plain++
			}
		}
	}
	if plain < 20 || not < 10 {
		t.Errorf("%d plain words, %d phrases not their actor: too few cases of either", plain, not)
	}
}

// TestLoneState holds loneState to resolve.
func TestLoneState(t *testing.T) {
	kb := load(t)
	n := 0
	for _, s := range append(fastPathTexts, "The Iran said Damascus and Tehran, Syria's Damascus, the US, his Iraq, senior Baghdad.") {
		toks := text.AppendTokens(nil, s, 0)
		for _, doc := range []string{s, ""} {
			d := kb.NewDoc("2017-10-05")
			d.Text = doc
			d.findWords(toks)
			for _, a := range d.atoms(toks) {
				if a.entry == nil || a.entry.Kind != KindCountry && a.entry.Kind != KindCapital {
					continue
				}
				got, want := d.loneState(toks, a), d.resolve(toks, []atom{a})
				if got == nil || want == nil || *got != *want {
					t.Errorf("%q at %d: loneState %+v, resolve %+v", s, a.first, got, want)
				}
				n++
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d lone states", n)
	}
}

// TestGroupMention holds groupMention to resolve, for every group word alone or after a
// demonym in the texts.
func TestGroupMention(t *testing.T) {
	kb := load(t)
	texts := append(fastPathTexts, "Syrian troops and police met Yoruba leaders, community leaders and the Iranian government.",
		"U.S. military aid, Russian military said, police custody, the army in, Turkish army units, Iraqi Kurdish leaders.",
		"Hungarian and Romanian officials, rebel groups and the Israeli security cabinet, Pakistani intelligence sharing.")
	// besides the words of the files, group words the files do not have: of civilians' leaders
	// (elites), with no sector, and adjectival
	others := []*Entry{{Kind: KindGroup, Sector: "CVL", Name: "leaders"}, {Kind: KindGroup, Sector: "CVL", Name: "leader"},
		{Kind: KindGroup, Name: "crowd"}, {Kind: KindGroup, Sector: "MIL", Name: "army", adjectival: true},
		{Kind: KindGroup, Sector: "GOV", Name: "counterpart"}}
	n := 0
	for _, s := range texts {
		toks := text.AppendTokens(nil, s, 0)
		for _, doc := range []string{s, ""} {
			d := kb.NewDoc("2017-10-05")
			d.Text = doc
			d.subject = &Mention{Sector: "LEG"} // (for "counterpart")
			d.findWords(toks)
			atoms := slices.Clone(d.atoms(toks))
			for i := range atoms {
				for j := i + 1; j <= len(atoms) && j <= i+2; j++ {
					if !groupPhrase(atoms[i:j]) {
						continue
					}
					phrase := slices.Clone(atoms[i:j])
					for _, e := range append([]*Entry{phrase[len(phrase)-1].entry}, others...) {
						phrase[len(phrase)-1].entry = e
						got, want := d.groupMention(toks, phrase), d.resolve(toks, phrase)
						if (got == nil) != (want == nil) || got != nil && *got != *want {
							t.Errorf("%q at %d to %d, %+v: groupMention %+v, resolve %+v", s, atoms[i].first, atoms[j-1].last, e, got, want)
						}
						n++
					}
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d group phrases", n)
	}
}

// TestWordFlags holds the flags that stand for a comparison of a token's word with one or two
// words to that comparison, and the passes that ask for an "and" (joinAnd) to sentences with one.
func TestWordFlags(t *testing.T) {
	kb := load(t)
	flags := []struct {
		flag  wordFlag
		words []string
	}{{isNational, []string{"national"}}, {isCurrency, []string{"$", "dollars"}}, {isAnd, []string{"and"}},
		{isPossessive, []string{"'s"}}, {isOrgHead, []string{"chief", "head", "commander", "leader"}},
		{isComma, []string{","}}}
	texts := append(fastPathTexts, "ethnic Albanians, the Albanian population of the province, activists from the Fatah Party, the Russian minority.",
		"Iran’s and Syria's AND And and. 'S dollar $$ Nationals", "Hungarian and Romanian officials met U.S. and foreign forces.",
		"The senior - a his her top former deputy general defense Special ex-minister their its an A",
		"Hamas leader, army chief, the Head of state, Commander heads leaders commanders chiefs",
		"terrorist camps in Pakistan, a camp, bases, the base, Posts, headquarters, headquarterss, campss, stronghold strongholds s")
	coordinated := 0
	for _, s := range texts {
		toks := text.AppendTokens(nil, s, 0)
		d := kb.NewDoc("")
		d.findWords(toks)
		for i := range toks {
			for _, f := range flags {
				if got, want := d.is(i, f.flag), slices.Contains(f.words, toks[i].Lower); got != want {
					t.Errorf("%q: token %q has flag %b %v, want %v", s, toks[i].Text, f.flag, got, want)
				}
			}
			// as Doc.open asked before
			w := toks[i].Lower
			// as placedIn asked before
			if got, want := d.is(i, isGroupPlace), holdings[w] || holdings[strings.TrimSuffix(w, "s")]; got != want {
				t.Errorf("%q: token %q is a group's place: %v, want %v", s, toks[i].Text, got, want)
			}
			if got, want := d.is(i, isPhraseOpener), openers[w] || modifiers[w] && w != "-"; got != want {
				t.Errorf("%q: token %q opens a phrase: %v, want %v", s, toks[i].Text, got, want)
			}
		}
		out := d.mentions(toks)
		for k, m := range out {
			// the passes of mentions asked only of sentences with one of the words they need
			if d.ethnic(toks, m) && !d.anywhere(isEthnicWord|isPeopleHead) {
				t.Errorf("%q: %q is ethnic in a sentence with no word that says so", s, m.Text)
			}
			if k+1 < len(out) && (d.is(m.Last-1, isMemberWord) || m.Last < len(toks) && toks[m.Last].Lower == ",") && !d.anywhere(isMemberWord|isComma) {
				t.Errorf("%q: %q is followed by a comma or ends with a member word in a sentence with neither", s, m.Text)
			}
			if m.coordinated {
				coordinated++
				if !d.anywhere(isAnd) {
					t.Errorf("%q: %q is coordinated in a sentence with no \"and\"", s, m.Text)
				}
			}
		}
	}
	if coordinated == 0 {
		t.Errorf("no coordinated mention")
	}
}

// TestApposition holds the pass over pairs of mentions, which runs only in sentences with a member
// word or a comma, to its comma case: a name in apposition to a description takes the description's
// country ("the main Syrian rebel group, Jabhat al-Nusra," is a Syrian group). Without the comma in
// the pass's guard, the name keeps its own code.
func TestApposition(t *testing.T) {
	kb := load(t)
	for _, c := range []struct{ text, name, country string }{
		{"The main Syrian rebel group, Jabhat al-Nusra, attacked police in Aleppo.", "Jabhat al-Nusra", "SYR"},
		{"The Islamist militant group, Nusra Front (JN), shelled army positions.", "Nusra Front", "IMG"},
		{"Jabhat al-Nusra attacked police in Aleppo.", "Jabhat al-Nusra", "IMG"},
	} {
		toks := text.AppendTokens(nil, c.text, 0)
		d := kb.NewDoc("")
		d.Text = c.text
		d.findWords(toks)
		found := false
		for _, m := range d.mentions(toks) {
			if m.Text == c.name {
				found = true
				if m.Country != c.country {
					t.Errorf("%q: %q is of %q, want %q", c.text, m.Text, m.Country, c.country)
				}
			}
		}
		if !found {
			t.Errorf("%q: no mention %q", c.text, c.name)
		}
	}
}

// TestSliceTextElsewhere holds sliceText to joinText for the tokens of texts that have other
// bytes than one space between words (tabs, line breaks, two spaces, none), with the Doc's Text
// as Doc.Text's contract has it (each token's Text is Text[Start:End]) or empty, or cut short
// (tokens past its end break the contract: they must be given joinText, not a slice out of
// range).
func TestSliceTextElsewhere(t *testing.T) {
	for _, doc := range []string{
		"Syrian President al-Assad met them.",
		"Syrian\tPresident  al-Assad\nmet them.",
		"Syrian President al-Assad's envoy (Mr. X), said so",
		"  Syrian President\r\nal-Assad met them .",
		"Iran’s foreign minister met U.S. officials",
	} {
		toks := text.AppendTokens(nil, doc, 0)
		for _, d := range []*Doc{{Text: doc}, {}, {Text: doc[:len(doc)/2]}} {
			for first := 0; first < len(toks); first++ {
				for last := first + 1; last <= len(toks); last++ {
					if got, want := d.sliceText(toks, first, last), joinText(toks[first:last]); got != want {
						t.Errorf("%q, Text %q, tokens %d to %d: sliceText = %q, want %q", doc, d.Text, first, last, got, want)
					}
				}
			}
		}
	}
}

// TestReleasedDocs holds Docs released and started again (Release, NewDoc) to new ones: the same
// mentions of every example article, whatever article the Doc was released by.
func TestReleasedDocs(t *testing.T) {
	var docs []ingest.Document
	err := ingest.Read([]string{filepath.Join("..", "examples")}, nil, func(d ingest.Document) error {
		docs = append(docs, d)
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("reading examples: %v", e) })
	if err != nil || len(docs) < 2 {
		t.Fatalf("example articles: %v", err)
	}
	// and articles that name people the knowledge base does not know
	docs = append(docs, ingest.Document{ID: "learned-1", Text: "Iranian lawmaker Ali Qzxmotahari said on Monday that Iran would talk. Qzxmotahari added that he met Syrian President Bashar al-Assad. Chinese Foreign Minister Wang Yi agreed. Wang said so."},
		ingest.Document{ID: "learned-2", Text: "Qzxmotahari, a senior adviser to Foreign Minister Zarif, met Wang. He said they agreed."},
		ingest.Document{ID: "states", Text: "Iran, Iraq, Syria, Turkey, Egypt, Jordan, Israel, Lebanon, Qatar, Oman and Yemen met. Police said so. Oman and Yemen agreed, police said."})
	// the mentions of a document, written out
	code := func(kb *KB, doc ingest.Document, release bool) string {
		var b strings.Builder
		d := kb.NewDoc("2017-10-05")
		d.Text = doc.Text
		for _, s := range text.Sentences(doc.Text) {
			for _, m := range d.Mentions(text.Tokens(doc.Text, s)) {
				c := *m
				c.Person = nil // (the two knowledge bases' people are not the same)
				fmt.Fprintf(&b, "%+v", c)
				if p := m.Person; p != nil {
					fmt.Fprintf(&b, " %q %v %+v", p.Name, p.Learned, p.Terms)
				}
				b.WriteByte('\n')
			}
		}
		if release {
			d.Release()
		}
		return b.String()
	}
	fresh, reused := load(t), load(t)
	for round := range 3 {
		for i := range docs {
			doc := docs[(i*(round+1))%len(docs)] // in another order each round
			if got, want := code(reused, doc, true), code(fresh, doc, false); got != want {
				t.Fatalf("round %d, %s: a released Doc finds\n%s\na new one\n%s", round, doc.ID, got, want)
			}
		}
	}
	// a released Doc keeps nothing of its document: its mentions, or the names it learned
	learned := 0
	for _, doc := range docs {
		d := reused.NewDoc("")
		d.Text = doc.Text
		var ms []*Mention
		for _, s := range text.Sentences(d.Text) {
			ms = append(ms, d.Mentions(text.Tokens(d.Text, s))...)
		}
		learned += len(d.learned)
		d.Release()
		kept := 0
		for _, m := range ms {
			if m.Text != "" || m.Person != nil {
				kept++
			}
		}
		if len(ms) == 0 || kept > 0 || len(d.learned) > 0 || d.Text != "" || len(d.all) > 0 {
			t.Errorf("%s: %d mentions, %d of them kept after Release; %d learned names", doc.ID, len(ms), kept, len(d.learned))
		}
		// nor in its blocks, of which Release clears only what the document used (clearUsed)
		for _, b := range d.mentionBlocks {
			for k := range b {
				if b[k] != (Mention{}) {
					t.Errorf("%s: mention %d of a block kept after Release: %+v", doc.ID, k, b[k])
				}
			}
		}
		for _, b := range d.listBlocks {
			if k := slices.IndexFunc(b, func(m *Mention) bool { return m != nil }); k >= 0 {
				t.Errorf("%s: list element %d of a block kept after Release", doc.ID, k)
			}
		}
		for _, b := range d.surnameBlocks {
			for k := range b {
				if !reflect.ValueOf(b[k]).IsZero() {
					t.Errorf("%s: surname phrase %d of a block kept after Release", doc.ID, k)
				}
			}
		}
	}
	if learned == 0 {
		t.Errorf("no name learned from the examples")
	}
}

// oldHolder is KB.Holder as it read every post's holders: the terms of the country's holders of
// the post's head word, each asked RoleMatch.
func oldHolder(kb *KB, country, role, date string) *Person {
	if country == "" || role == "" || date == "" {
		return nil
	}
	var found *Person
	for _, h := range kb.byHead[roleKey{country, roleHead(normRole(role))}] {
		if RoleMatch(role, h.t.Role) && covers(*h.t, date) {
			if found != nil && found != h.p {
				return nil
			}
			found = h.p
		}
	}
	return found
}

func TestHolderOfPost(t *testing.T) {
	kb := load(t)
	var words []*Entry // the office and group words
	seen := map[*Entry]bool{}
	for _, ps := range kb.phrases {
		for _, p := range ps {
			if e := p.entry; (e.Kind == KindOffice || e.Kind == KindGroup) && !seen[e] {
				seen[e] = true
				words = append(words, e)
			}
		}
	}
	slices.SortFunc(words, func(a, b *Entry) int { return strings.Compare(a.Where, b.Where) })
	countries := []string{"", "SY", "SYRIA", "syr", "XXX"}
	for c := range kb.holders {
		countries = append(countries, c)
	}
	slices.Sort(countries)
	dates := []string{"", "1990", "2005-06", "2017-10-05", "2020-01-20", "2024-12-31", "2017-10-05T12", "20200120"}
	found := 0
	shared := kb.NewDoc("") // a Doc whose Date is changed (holder reads it anew)
	for _, date := range dates {
		d := kb.NewDoc(date)
		shared.Date = date
		for _, e := range words {
			if !e.hasPost {
				t.Fatalf("%s (%s) has no post", e.Name, e.Where)
			}
			for _, c := range countries {
				want := oldHolder(kb, c, e.Name, date)
				if got := d.holder(c, e); got != want {
					t.Fatalf("holder(%q, %q) on %q = %v, want %v", c, e.Name, date, got, want)
				}
				if got := shared.holder(c, e); got != want {
					t.Fatalf("holder(%q, %q) on %q (Date changed) = %v, want %v", c, e.Name, date, got, want)
				}
				if got := kb.Holder(c, e.Name, date); got != want {
					t.Fatalf("Holder(%q, %q, %q) = %v, want %v", c, e.Name, date, got, want)
				}
				if want != nil {
					found++
				}
			}
		}
		// posts that are no office or group word: a term's role, and one the base does not know
		for _, role := range []string{"Foreign Minister", "minister of foreign affairs", "qzxw minister", "president"} {
			for _, c := range countries {
				if got, want := kb.Holder(c, role, date), oldHolder(kb, c, role, date); got != want {
					t.Fatalf("Holder(%q, %q, %q) = %v, want %v", c, role, date, got, want)
				}
			}
		}
		d.Release()
	}
	t.Logf("%d holders found", found)
	if found < 100 {
		t.Errorf("only %d posts had a holder", found)
	}
}

func TestDateKeys(t *testing.T) {
	kb := load(t)
	dates := []string{"", "2017", "2017-10", "2017-10-05", "1999-12-31", "2024-01-01", "2017-1", "2017-10-5",
		"20171005", "2017/10/05", "2017-10-05T12:00", "abcd", "2017-1x", "2017-16", "2017-10-32", "0000", "9999-15-31"}
	for y := 1990; y <= 2026; y += 3 {
		for _, md := range []string{"", "-01", "-06", "-12", "-01-01", "-06-15", "-12-31"} {
			dates = append(dates, fmt.Sprint(y)+md)
		}
	}
	var terms []Term
	for _, p := range kb.people {
		terms = append(terms, p.Terms...)
	}
	terms = append(terms, Term{Start: "2017", End: "2017-10"}, Term{Start: "2017-10-05", End: "2017-10-05"}, Term{Start: "2017-10"})
	for _, tm := range terms {
		h := []roleTerm{{p: &Person{}, t: &tm, start: dateKeyOf(tm.Start), end: endKeyOf(tm.End)}}
		for _, d := range dates {
			if got, want := holderOn(h, dateKeyOf(d), d) != nil, covers(tm, d); got != want {
				t.Fatalf("term %s to %q on %q: in office %v, want %v", tm.Start, tm.End, d, got, want)
			}
		}
	}
	// termAt by the dates' keys, as Doc.at asks it, against termAt by their text (a day with no
	// key), for every person of the knowledge base and one with a term of the text's
	people := slices.Collect(maps.Values(kb.people))
	people = append(people, &Person{Terms: []Term{{Role: "minister"}, {Start: "2017", End: "2018-02", Role: "president"}}},
		&Person{Terms: []Term{{Start: "2010", End: "2011"}, {Start: "2017-06", End: "2017-06-01"}, {Start: "2023"}}})
	for _, p := range people[len(people)-2:] {
		for i := range p.Terms {
			p.Terms[i].start, p.Terms[i].end = dateKeyOf(p.Terms[i].Start), endKeyOf(p.Terms[i].End)
		}
	}
	for _, p := range people {
		for _, d := range dates {
			gotI, gotHeld := p.termAt(d, dateKeyOf(d))
			wantI, wantHeld := p.termAt(d, dateKey{})
			if gotI != wantI || gotHeld != wantHeld {
				t.Fatalf("%s on %q: term %d (held %v), want %d (held %v)", p.Name, d, gotI, gotHeld, wantI, wantHeld)
			}
		}
	}
}

// TestRoleIs holds Doc.roleIs, which asks by an office or group word's post, to RoleMatch.
func TestRoleIs(t *testing.T) {
	kb := load(t)
	roles := []string{"", "Foreign Minister", "qzxw minister", "the president", "deputy prime minister"}
	seen := map[string]bool{}
	for _, p := range kb.people {
		for _, tm := range p.Terms {
			if !seen[tm.Role] {
				seen[tm.Role] = true
				roles = append(roles, tm.Role)
			}
		}
	}
	d := kb.NewDoc("")
	matched := 0
	for _, ps := range kb.phrases {
		for _, p := range ps {
			e := p.entry
			if e.Kind != KindOffice && e.Kind != KindGroup {
				continue
			}
			for _, r := range roles {
				want := RoleMatch(e.Name, r)
				if got := d.roleIs(e, r); got != want {
					t.Fatalf("roleIs(%q, %q) = %v, want %v", e.Name, r, got, want)
				}
				if want {
					matched++
				}
			}
		}
	}
	if matched < 100 {
		t.Errorf("only %d roles matched", matched)
	}
}

// TestEntryWords holds the flags of the office and group words to the word lists they stand for.
func TestEntryWords(t *testing.T) {
	kb := load(t)
	n := 0
	for _, ps := range kb.phrases {
		for _, p := range ps {
			e := p.entry
			if e.Kind != KindOffice && e.Kind != KindGroup {
				continue
			}
			n++
			if e.genericHead != genericHeads[e.Name] || e.memberWord != memberWords[e.Name] || e.aide != aides[e.Name] {
				t.Errorf("%q: flags generic %v, member %v, aide %v", e.Name, e.genericHead, e.memberWord, e.aide)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d office and group words", n)
	}
}

// testSentences are the sentences of the example articles and those of the fast paths, for
// the test of joins.
func testSentences(t *testing.T) []string {
	var sentences []string
	err := ingest.Read([]string{filepath.Join("..", "examples")}, nil, func(doc ingest.Document) error {
		for _, s := range text.Sentences(doc.Text) {
			sentences = append(sentences, doc.Text[s.Start:s.End])
		}
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("reading examples: %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	sentences = append(sentences, fastPathTexts...)
	return append(sentences, "Maj. Gen. Baqeri, Irish nationalist guerrillas, Saudi-led forces and the Syrian government and nation",
		"Speaker of the Syrian People's Assembly, a Trump envoy, the Supreme Leader in Iran Ali Khamenei",
		"senior Iranian lawmaker, Alaeddin Boroujerdi, Bosnian Serbs and Iraqi Kurds met Ibo traditional elders",
		"the Syrian Ba'ath (Arab Socialist Party) (ASP) of al-Assad ( the Union (the Hizbollah (Party) () (",
		"the envoy ould Qzxw and van der Qzxv met von Qzxu, bint Qzxt, abu Qzxs and la Qzxr in Qzxq",
		strings.Repeat("the Iranian foreign minister said a Kurdish group and Hamas (HMS) met UN envoys ", 9))
}

// TestJoins holds joins to oldJoins on every run of atoms of the test sentences, with their own
// entries and with entries of every kind in place of the first.
func TestJoins(t *testing.T) {
	kb := load(t)
	sentences := testSentences(t)
	entries := []*Entry{nil, {Kind: KindCountry}, {Kind: KindCapital}, {Kind: KindDemonym}, {Kind: KindOrg},
		{Kind: KindOffice}, {Kind: KindOffice, aide: true}, {Kind: KindGroup}, {Kind: KindGroup, Sector: "CVL"},
		{Kind: KindTitle}, {Kind: KindPerson}}
	checked, joined, parted := 0, 0, 0
	for _, s := range sentences {
		toks := text.AppendTokens(nil, s, 0)
		d := kb.NewDoc("")
		d.findWords(toks)
		atoms := slices.Clone(d.atoms(toks))
		for i := range atoms {
			for j := i + 1; j < len(atoms); j++ {
				for _, e := range entries {
					sofar := slices.Clone(atoms[i:j])
					sofar[0].entry = e
					prev := sofar[j-i-1]
					if got, want := d.joins(toks, prev, atoms[j], sofar), oldJoins(d, toks, prev, atoms[j], sofar); got != want {
						t.Errorf("%q, atoms %d to %d, first entry %+v: joins = %v, want %v", s, i, j, e, got, want)
					} else if got {
						joined++
					}
					if d.parted(prev, atoms[j]) {
						// chunk asks parted before joins: atoms it parts must be atoms joins does not join
						if want := oldJoins(d, toks, prev, atoms[j], sofar); want {
							t.Errorf("%q, atoms %d to %d, first entry %+v: parted, but joins = %v", s, i, j, e, want)
						}
						parted++
					}
					checked++
				}
			}
		}
	}
	if checked < 1000 || joined < 50 || parted < 200 {
		t.Errorf("%d cases checked, %d joined, %d parted: too few of some", checked, joined, parted)
	}
}

// oldJoins is joins as it was before it looked for a person only after the gap test.
func oldJoins(d *Doc, toks []text.Token, prev, next atom, sofar []atom) bool {
	gap := toks[prev.last:next.first]
	pe, ne := prev.entry, next.entry
	hasPerson := false
	for _, a := range sofar {
		if a.entry == nil || a.entry.Kind == KindPerson {
			hasPerson = true
		}
	}
	if pe != nil && pe.Kind == KindTitle && len(gap) == 1 && gap[0].Lower == "." {
		return !hasPerson // Maj. Gen. Baqeri
	}
	for k := range gap {
		if pe != nil && (pe.Kind == KindDemonym || pe.Kind == KindGroup && pe.Sector == "CVL") && isSectorWord(ne) && len(gap) <= 2 {
			break // checked below
		}
		if !d.is(prev.last+k, isModifier|isGapWord) {
			return false
		}
	}
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
	// the words between, one space apart ("of the")
	gs := ""
	switch len(gap) {
	case 0:
	case 1:
		gs = gap[0].Lower
	default:
		g := make([]string, len(gap))
		for k, t := range gap {
			g[k] = t.Lower
		}
		gs = strings.Join(g, " ")
	}
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

// oldCandidates is Doc.candidates as it was with a map of the second words: the phrases of fp
// for a next word numbered next (none when !hasNext).
func oldCandidates(fp *firstPhrases, next uint32, hasNext bool) []candidate {
	if len(fp.all) < minSecondPhrases {
		return fp.all
	}
	bySecond := map[uint32][]candidate{}
	var single []candidate
	for _, c := range fp.all {
		if c.n == 1 {
			single = append(single, c)
		} else {
			bySecond[c.next[0]] = append(bySecond[c.next[0]], c)
		}
	}
	if l, ok := bySecond[next]; ok && hasNext {
		return append(l, single...)
	}
	return single
}

// wordsOf returns the knowledge base's table of words as a map, as sortPhrases made it.
func wordsOf(kb *KB) map[string]*Word {
	words := map[string]*Word{}
	for s, w := range kb.words.All() {
		words[s] = &w
	}
	return words
}

// TestCandidatesBySecond holds the phrases a look-up is given for every first word and every
// second word of its phrases (and others) to oldCandidates.
func TestCandidatesBySecond(t *testing.T) {
	kb := load(t)
	d := kb.NewDoc("")
	checked, narrowed := 0, 0
	words := wordsOf(kb)
	for s, w := range kb.words.All() {
		if kb.phrases[s] == nil {
			continue
		}
		capitals, lowers := wordLists(kb.phrases[s], w.flags, words)
		for _, capital := range []bool{true, false} {
			fp, first := &capitals, "X"
			if !capital {
				fp, first = &lowers, "x"
			}
			nexts := []uint32{0, w.id, 1 << 30}
			for _, c := range fp.all {
				nexts = append(nexts, c.next[0], c.next[0]+1, c.next[0]-1)
			}
			for _, next := range nexts {
				for _, n := range []int{1, 2} {
					toks := []text.Token{{Text: first, Lower: s}, {Text: "y", Lower: "y"}}[:n]
					d.words = []Word{w, {id: next}}[:n]
					got, want := d.candidates(toks, 0, toks[0].IsCapitalized()), oldCandidates(fp, next, n == 2)
					if !slices.Equal(got, want) {
						t.Fatalf("%q (capital %v) then word %d of %d: %d candidates, want %d", s, capital, next, n, len(got), len(want))
					}
					if len(got) < len(fp.all) {
						narrowed++
					}
					checked++
				}
			}
		}
	}
	if checked < 10000 || narrowed < checked/4 {
		t.Errorf("%d cases checked, %d narrowed: too few", checked, narrowed)
	}
}

// oldAtoms is atoms as it asked each token in turn whether the token before it opens a bracket
// and whether it is a plain word, before the loop of its own that passes over plain words.
func oldAtoms(d *Doc, toks []text.Token) []atom {
	var out []atom
	for i := 0; i < len(toks); {
		if i > 0 && d.is(i-1, isBracket) && len(out) > 0 && out[len(out)-1].last == i-1 && (out[len(out)-1].entry == nil || out[len(out)-1].entry.Kind == KindOrg) {
			for i < len(toks) && toks[i].Lower != ")" {
				i++
			}
			i++
			continue
		}
		if d.plainWord(toks, i) {
			i++
			continue
		}
		best := d.lookup(toks, i)
		if best != nil && d.notThisActor(toks, i, i+int(best.n), best.entry) {
			i += int(best.n)
			continue
		}
		if best != nil {
			if best.entry.Kind == KindPerson && best.n > 1 && !best.entry.Person.Learned {
				d.noteSurname(best, toks, i)
			}
			out = append(out, atom{i, i + int(best.n), best.entry})
			i += int(best.n)
			continue
		}
		if j := d.nameRun(toks, i); j > i {
			for k := i + 1; k < j; k++ {
				if d.lookup(toks, k) != nil {
					j = k
					break
				}
			}
			out = append(out, atom{i, j, nil})
			i = j
			continue
		}
		i++
	}
	return out
}

// atomTexts are sentences with brackets after names and elsewhere, for the atoms' tests.
var atomTexts = []string{
	"Hizbollah (Party of God) said the Montenegro Municipality Association (AKK) met Hamas ().",
	"The rebels (FDD) and Iran ( the state ) and Ali Khamenei (Supreme Leader) and Hamas (",
	"( Iran ) (Syria) Zarif ((Iran)) a (b) Kofi Annan (UN) said in (Reuters) al-Assad (",
	"police (local) officials (the army) said Hamas's (",
	"The pro-Iranian militia met anti-Syria protesters.", "A Syrian-backed militia.", "They paid US$50.", "A US national said national television and National Security met.", "They fled to West Darfur and East Timor.",
	"The Élysée said Éire and Áder met Špidla, the élysée and ÉLYSÉE Palace (Élysée), Árpád Göncz said.",
	"Iran",
	"(",
	"",
	// words whose Shape is not of lower-case letters and digits alone, or is: the plain words'
	// loop reads the first byte of the first only
	"iPhone e-mail x2 2x _x 3rd élysée Élysée ÉLYSÉE iran IRAN iRAN Iran's 'iran' 1990s police Police POLICE al al-Assad",
	"tehran's envoy ul-Haq bin laden Bin Laden x_y x.y u.s. U.S. un UN Un u.n. 42 4-2 ½ ñandú Ñandú ǅemal",
	// names learned from the text, then named again (whole, by the surname, after a particle)
	"Iranian Foreign Minister Qzxa Qzxb met Syrian President Qzxc al-Qzxd and Iraqi envoy Police Qzxe.",
	"Qzxb said Qzxa Qzxb and al-Qzxd met Qzxc, and Police Qzxe and police met Qzxe.",
}

// sameAtom reports two atoms of the same tokens and entry, or of entries learned alike by two
// Docs (each learns its own).
func sameAtom(a, b atom) bool {
	if a.first != b.first || a.last != b.last || (a.entry == nil) != (b.entry == nil) {
		return false
	}
	if a.entry == nil || a.entry == b.entry {
		return true
	}
	return a.entry.Where == "text" && b.entry.Where == "text" && a.entry.Name == b.entry.Name && a.entry.Kind == b.entry.Kind
}

// TestAtomsPassOverPlainWords holds atoms to oldAtoms: the same atoms of every sentence of the
// example articles and of the fast paths' texts, sentence after sentence of one Doc each (atoms
// note surnames as they go).
func TestAtomsPassOverPlainWords(t *testing.T) {
	kb := load(t)
	var docs []string
	err := ingest.Read([]string{filepath.Join("..", "examples")}, nil, func(d ingest.Document) error {
		docs = append(docs, d.Text)
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("reading examples: %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, strings.Join(fastPathTexts, " "), strings.Join(atomTexts, " "))
	atoms, skipped := 0, 0
	for _, doc := range docs {
		d, old := kb.NewDoc("2017-10-05"), kb.NewDoc("2017-10-05")
		sents := text.Sentences(doc)
		for _, s := range atomTexts {
			sents = append(sents, text.Sentence{Text: s})
		}
		for _, s := range sents {
			toks := text.AppendTokens(nil, s.Text, 0)
			d.findWords(toks)
			got := slices.Clone(d.atoms(toks))
			old.findWords(toks)
			want := oldAtoms(old, toks)
			if !slices.EqualFunc(got, want, sameAtom) {
				t.Errorf("%q: atoms = %v, want %v", s.Text, got, want)
			}
			// (both Docs learn the names of the sentence, as mentions does, so that the next
			// sentences' atoms are asked of phrases learned from the text too)
			d.mentions(toks)
			old.findWords(toks)
			old.mentions(toks)
			atoms += len(got)
			for _, a := range got {
				if a.last < len(toks) && toks[a.last].Lower == "(" && !slices.ContainsFunc(got, func(b atom) bool { return b.first == a.last+1 }) {
					skipped++
				}
			}
		}
	}
	if atoms < 100 || skipped < 10 {
		t.Errorf("%d atoms, %d brackets passed over after a name: too few cases", atoms, skipped)
	}
}

// oldLookupAt is lookupAt as it asked matches of every candidate.
func oldLookupAt(d *Doc, toks []text.Token, i int, upper bool) *candidate {
	var best *candidate
	cs := d.candidates(toks, i, upper)
	for k := range cs {
		c := &cs[k]
		if best != nil && c.n < best.n {
			break
		}
		if !d.matches(c, toks, i, upper) {
			continue
		}
		if c.n == 1 && c.entry.Kind == KindPerson && d.partOfOtherName(toks, i) && !d.titleBefore(toks, i) {
			continue
		}
		if best == nil || c.n > best.n || d.better(c.entry, best.entry) {
			best = c
		}
	}
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
			continue
		}
		if best == nil || c.n > best.n || d.better(c.entry, best.entry) {
			best = c
		}
	}
	return best
}

// TestLookUpOneWord holds lookupAt, which tells a phrase of one word, and one whose second word
// is not the next token's, from its candidate without a call, to oldLookupAt at every token of
// the test sentences, in either case, in a Doc that has learned the names of the sentences
// before; and counts the phrases that are alone (the candidates atoms takes without a call)
// against their entries.
func TestLookUpOneWord(t *testing.T) {
	kb := load(t)
	sentences := append(testSentences(t), atomTexts...)
	d := kb.NewDoc("2017-10-05")
	alone, found := 0, 0
	for _, s := range sentences {
		toks := text.AppendTokens(nil, s, 0)
		d.findWords(toks)
		for i := range toks {
			for _, upper := range []bool{toks[i].IsCapitalized(), !toks[i].IsCapitalized()} {
				got, want := d.lookupAt(toks, i, upper), oldLookupAt(d, toks, i, upper)
				if got != want {
					t.Fatalf("%q: lookupAt(%d %q, %v) = %v, want %v", s, i, toks[i].Text, upper, got, want)
				}
				if got != nil {
					found++
				}
			}
			for _, c := range d.candidates(toks, i, true) {
				if c.alone != (c.n == 1 && !c.p.exactCase[0] && c.entry.Kind != KindPerson) {
					t.Fatalf("%q: candidate %v alone %v", toks[i].Text, c.p.toks, c.alone)
				}
				if c.alone {
					alone++
				}
			}
		}
		d.mentions(toks) // (learns the names)
	}
	if found < 200 || alone < 100 {
		t.Errorf("%d phrases found, %d alone: too few cases", found, alone)
	}
}

// oldBothSides is bothSides as it lowered every text before its tests.
func oldBothSides(m *Mention) bool {
	t := []byte(strings.ToLower(m.Text))
	return bytes.HasSuffix(t, []byte("sides")) || bytes.HasSuffix(t, []byte("countries")) || bytes.HasSuffix(t, []byte("leaders")) && bytes.Contains(t, []byte("two"))
}

// TestBothSides holds bothSides, which rules out a text by its last byte first, to oldBothSides.
func TestBothSides(t *testing.T) {
	texts := []string{"", "s", "S", "x", "the two sides", "THE TWO SIDES", "both countries", "Both CountrieS",
		"the two leaders", "TWO LEADERS", "leaders", "the leaders", "Iran", "police", "officials", "the Syrian government",
		"two sideS", "two sidess", "the two sideſ", "the two sidİ", "the two sİdes", "Two Sides\u0130", "two leaders ſ",
		"\u212a", "sides\u212a", "é", "two leadérs", "the two sides'", "the two sides.", "countrie\u0053", "side s",
		"TwoLEADERS", "tw leaders", "twO-LEADERs", "sides", "SIDES", "ides", "countries", "ountries", "Two Leaders\x13",
		"two leader3", "two sideS@", "two sid\x05s", "COUNTRIE\x13", "two LeaderS"}
	yes := 0
	for _, s := range texts {
		m := &Mention{Text: s}
		if got, want := m.bothSides(), oldBothSides(m); got != want {
			t.Errorf("%q: bothSides = %v, want %v", s, got, want)
		} else if got {
			yes++
		}
	}
	if yes < 8 {
		t.Errorf("only %d texts name both sides", yes)
	}
}

// TestTooManyListed holds a look-up to the lists of a word whose phrases of one word are too
// many for its Word to count (tooManyListed): they are found in the table of pairs, as the
// lists narrowed by a second word are.
func TestTooManyListed(t *testing.T) {
	kb := &KB{}
	one := make([]candidate, tooManyListed+5)
	for k := range one {
		one[k] = candidate{n: 1, next: [2]uint32{uint32(k)}}
	}
	two := []candidate{{n: 2, next: [2]uint32{3}}}
	first := firstPhrases{seconds: []uint32{3}, bySecond: [][]candidate{append(two, one...)}, single: one}
	lower := firstPhrases{all: two}
	w := Word{id: 7}
	kb.pairs = newPairTable(kb.placeLists(&w, &first, &lower, nil))
	d := &Doc{kb: kb}
	for _, c := range []struct {
		text string
		next uint32
		want []candidate
	}{
		{"X", 9, one}, {"X", 0, one}, {"X", 3, append(two, one...)}, {"x", 3, two}, {"x", 9, two},
	} {
		toks := []text.Token{{Text: c.text}, {Text: "y"}}
		d.words = []Word{w, {id: c.next}}
		if got := d.candidates(toks, 0, c.text == "X"); !slices.Equal(got, c.want) {
			t.Errorf("%q then word %d: %d candidates, want %d", c.text, c.next, len(got), len(c.want))
		}
	}
}

// TestIsCompassAt holds Doc.isCompassAt, which asks the word's flag, to the test of the map it
// replaced, for every word the knowledge base knows and a few it does not.
func TestIsCompassAt(t *testing.T) {
	kb := load(t)
	isCompass := func(w string) bool {
		return compassWords[w] || strings.HasSuffix(w, "eastern") || strings.HasSuffix(w, "western")
	}
	ws := []string{"north", "southeastern", "midwestern", "qzxeastern", "eastward", "", "the"}
	for w := range kb.words.All() {
		ws = append(ws, w)
	}
	d := kb.NewDoc("")
	for _, w := range ws {
		toks := []text.Token{{Text: w, Lower: w}}
		d.findWords(toks)
		if got, want := d.isCompassAt(toks, 0), isCompass(w); got != want {
			t.Errorf("%q: isCompassAt %v, want %v", w, got, want)
		}
	}
}

// TestSetWordsUnion holds setWords, which ORs four tokens' flags a step, to a loop over each
// token: every length from 0 to 9 words, with a flagged word at each position.
func TestSetWordsUnion(t *testing.T) {
	kb := load(t)
	d := kb.NewDoc("")
	flagged := []string{"the", "and", "former", ",", "his", "ethnic", "(", "'s", "members"}
	for n := 0; n <= 9; n++ {
		for at := 0; at < n; at++ {
			words := make([]string, n)
			for k := range words {
				words[k] = "zzqx"
			}
			words[at] = flagged[(n+at)%len(flagged)]
			toks := text.AppendTokens(nil, strings.Join(words, " "), 0)
			d.findWords(toks)
			var want wordFlag
			for i := range toks {
				want |= d.words[i].flags
			}
			if d.inSentence != want || want == 0 {
				t.Errorf("%q: union %b, want %b", words, d.inSentence, want)
			}
		}
	}
}

// TestUndatedOrgs holds resolve's reading of an organisation without a dated line (undated)
// to OrgOn: every organisation of the knowledge base, on no date and on dates before, within and
// after the dated lines; and there are both kinds.
func TestUndatedOrgs(t *testing.T) {
	kb := load(t)
	undated, dated := 0, 0
	for _, ps := range kb.phrases {
		for _, p := range ps {
			e := p.entry
			if e.Kind != KindOrg {
				continue
			}
			for _, date := range []string{"", "1990-01-01", "2000-06-01", "2011-07-09", "2019-06-01", "2023-06-01", "2025-01-01"} {
				c, s := kb.OrgOn(e, date)
				if e.undated && (c != e.Country || s != e.Sector) {
					t.Fatalf("%q is undated, but on %q OrgOn gives %s %s, not its own %s %s", e.Name, date, c, s, e.Country, e.Sector)
				}
			}
			if e.undated {
				undated++
			} else {
				dated++
			}
		}
	}
	if undated < 100 || dated < 3 {
		t.Errorf("%d phrases of undated organisations, %d of dated ones: too few of some", undated, dated)
	}
}

// TestContainsLower holds containsLower to strings.Contains of the lowered text, on odd texts
// (other letters, a Kelvin sign that lowers to 'k', marks that fold to letters under c|0x20,
// text ends, texts longer than lowerText's buffer) and on random texts of a small alphabet.
func TestContainsLower(t *testing.T) {
	texts := []string{"", "p", "peacekee", "peacekeep", "PEACEKEEPERS", "a regional peacekeeping force",
		"Peace-keeping", "peacekee\u212Ap", "PEACE\u212AEEP force", "Ünited peacekeepers", "pEaCeKeEp",
		"\xffpeacekeep", "peacekeep\xff", "0@ACEKEEP", "pea\x03ekeep", "PEACEKEE", strings.Repeat("x", 70) + "Peacekeep",
		strings.Repeat("é", 40) + "peacekeep", "peacekeeppeacekeep", "ppeacekeep"}
	r := rand.New(rand.NewPCG(3, 9))
	alphabet := []string{"p", "P", "e", "E", "a", "A", "c", "C", "k", "K", "\u212A", "@", "0", " ", "é", "\x05"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	hits := 0
	for _, s := range texts {
		for _, w := range []string{"peacekeep", "pe", "k"} {
			want := strings.Contains(strings.ToLower(s), w)
			if got := containsLower(s, w); got != want {
				t.Fatalf("containsLower(%q, %q) = %v, want %v", s, w, got, want)
			}
			if want {
				hits++
			}
		}
	}
	if hits < 1000 {
		t.Errorf("%d texts contain a word: too few", hits)
	}
}

// TestMayNameBody holds mayNameBody to bodyName: at every atom of the test sentences, with
// entries of every kind in place of the atom after it, or without that atom, bodyName finds no
// body's name where mayNameBody says it may not; and it finds some.
func TestMayNameBody(t *testing.T) {
	kb := load(t)
	sentences := append(testSentences(t), "the Nigerian Union of Teachers and the Kenyan National Union of Teachers",
		"Nigeria's National Association of Nigerian Students met the Ghana Bar Association of lawyers",
		"the Nigerian Qzx Union of the Farmers, Kenya Farmers Union of", "Iran Union of Qzx Farmers")
	entries := []*Entry{nil, {Kind: KindCountry}, {Kind: KindDemonym}, {Kind: KindOrg}, {Kind: KindOffice},
		{Kind: KindGroup}, {Kind: KindGroup, Sector: "CVL"}, {Kind: KindTitle}, {Kind: KindPerson}}
	found, ruledOut := 0, 0
	for _, s := range sentences {
		toks := text.AppendTokens(nil, s, 0)
		d := kb.NewDoc("")
		d.findWords(toks)
		atoms := slices.Clone(d.atoms(toks))
		for i := range atoms {
			if !isState(atoms[i].entry) {
				continue
			}
			for v, e := range append(entries, atoms[min(i+1, len(atoms)-1)].entry, nil) {
				as := slices.Clone(atoms)
				switch {
				case v == len(entries)+1 && i+1 < len(as):
					as = slices.Delete(as, i+1, i+2) // (the words of the atom after it as a gap)
				case i+1 < len(as):
					as[i+1].entry = e
				}
				k := bodyName(toks, as, i)
				if k > i {
					found++
				}
				if !mayNameBody(as, i) {
					ruledOut++
					if k > i {
						t.Errorf("%q: bodyName finds atoms %d to %d, where mayNameBody says none", s, i, k)
					}
				}
			}
		}
	}
	if found < 3 || ruledOut < 100 {
		t.Errorf("%d bodies found, %d ruled out: too few", found, ruledOut)
	}
}

// oldIsNameWord is isNameWord as it read every character of the word.
func oldIsNameWord(d *Doc, toks []text.Token, i int) bool {
	t := &toks[i]
	if t.Text == "" || !t.IsCapitalized() || d.is(i, isNotName) {
		return false
	}
	for _, r := range t.Text {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 || r == '-' || r == '\'') {
			return false
		}
	}
	return true
}

// TestNameWordShape holds isNameWord, which takes a word of ASCII letters alone from its Shape, to
// oldIsNameWord at every token of the test sentences and of odd words, with their Shape and
// without it (0: not known).
func TestNameWordShape(t *testing.T) {
	kb := load(t)
	sentences := append(testSentences(t), atomTexts...)
	sentences = append(sentences, "Qzx9 Q9 X_y O'Brien Al-Assad Ünal ÜNAL U.S. Qzx- -Qzx Abc1 A ZZ Mc'Neil Zo\u00e9 X\u2019s The A4 Bb$ Cc% Dd\x7f")
	names := 0
	for _, s := range sentences {
		toks := text.AppendTokens(nil, s, 0)
		d := kb.NewDoc("")
		d.findWords(toks)
		for i := range toks {
			want := oldIsNameWord(d, toks, i)
			if got := d.isNameWord(toks, i); got != want {
				t.Fatalf("%q: isNameWord(%q, shape %b) = %v, want %v", s, toks[i].Text, toks[i].Shape, got, want)
			}
			sh := toks[i].Shape
			toks[i].Shape = 0
			if got := d.isNameWord(toks, i); got != want {
				t.Fatalf("%q: isNameWord(%q, no shape) = %v, want %v", s, toks[i].Text, got, want)
			}
			toks[i].Shape = sh
			if want {
				names++
			}
		}
	}
	if names < 200 {
		t.Errorf("%d name words: too few", names)
	}
}

// oldGapText is the text joins compared the words between two atoms as: all of them, one space
// apart.
func oldGapText(gap []text.Token) string {
	g := make([]string, len(gap))
	for k, t := range gap {
		g[k] = t.Lower
	}
	return strings.Join(g, " ")
}

func TestGapText(t *testing.T) {
	cases := []string{"", "of", "of the", "'s", "in", "and", ","} // the texts joins compares
	gaps := [][]string{
		{}, {"of"}, {"the"}, {"of the"}, {"of", "the"}, {"the", "of"}, {"of", "the", "the"},
		{"of", "the", ""}, {"", "of the"}, {"of the", ""}, {"o", "f the"}, {"of", ""}, {"", ""},
		{"'s"}, {"in"}, {"and"}, {","}, {"in", "the"}, {"of", "and"}, {",", "and"}, {" "}, {"of", " the"},
	}
	for _, g := range gaps {
		gap := make([]text.Token, len(g))
		for k, w := range g {
			gap[k] = text.Token{Text: w, Lower: w}
		}
		old, got := oldGapText(gap), gapText(gap)
		for _, c := range cases {
			if (old == c) != (got == c) {
				t.Errorf("gap %q: gapText %q, the words joined %q (case %q)", g, got, old, c)
			}
		}
	}
}

// TestInternStrings holds internStrings to what it must keep: every field's value, each distinct
// value once in the block (codes first), for empty, repeated, non-ASCII and long values.
func TestInternStrings(t *testing.T) {
	long := strings.Repeat("deputy minister of everything ", 40)
	for _, c := range []struct {
		values    []string
		nCodes    int
		wantBlock string
	}{
		{nil, 0, ""},
		{[]string{""}, 1, ""},
		{[]string{"USA", "GOV", "USA", "", "GOV"}, 5, "GOVUSA"},
		{[]string{"SYR", "GOV", "president", "GOV", "président", "SYR", "president", ""}, 3, "GOVSYRpresidentprésident"},
		{[]string{"zeta", "ALPHA", long, "zeta", "Ω"}, 2, "ALPHAzeta" + long + "Ω"},
		{[]string{"GOV", "GOV"}, 1, "GOV"}, // (a value of both parts: once, in the first)
	} {
		fields := make([]*string, len(c.values))
		for k := range c.values {
			s := string([]byte(c.values[k])) // (a copy of its own, as a file's line gives)
			fields[k] = &s
		}
		block := internStrings(fields, c.nCodes)
		if block != c.wantBlock {
			t.Errorf("%q: block %q, want %q", c.values, block, c.wantBlock)
		}
		for k, f := range fields {
			if *f != c.values[k] {
				t.Errorf("%q: field %d is %q, want %q", c.values, k, *f, c.values[k])
			}
		}
	}
	// the shipped knowledge base keeps its codes: a state's entries and its people's terms
	kb := load(t)
	for _, w := range []string{"syria", "damascus", "syrian"} {
		for _, p := range kb.phrases[w] {
			if p.entry.Kind != KindPerson && p.entry.Country != "SYR" {
				t.Errorf("%q: country %q, want SYR", w, p.entry.Country)
			}
		}
	}
	for _, p := range kb.holders["SYR"] {
		found := false
		for _, term := range p.Terms {
			found = found || term.Country == "SYR" && Sectors[term.Sector] && term.Role != ""
		}
		if !found {
			t.Errorf("%s: no term in SYR with a known sector and a role", p.Name)
		}
	}
}

// TestCandidatesInPlace checks the order of KB.cands that keeps the candidates most look-ups
// read together (sortPhrases): every candidate of a phrase not of a person lies before the
// lists of every word that opens people's names alone.
func TestCandidatesInPlace(t *testing.T) {
	kb := load(t)
	lastOther := -1
	for k, c := range kb.cands {
		if c.entry.Kind != KindPerson {
			lastOther = k
		}
	}
	firstPeople, words := len(kb.cands), 0
	for s, ps := range kb.phrases {
		if slices.ContainsFunc(ps, func(p *phrase) bool { return p.entry.Kind != KindPerson }) {
			continue
		}
		w, _ := kb.words.Find(&text.Token{Lower: s})
		firstPeople = min(firstPeople, int(w.at))
		words++
	}
	if lastOther < 0 || words < 1000 || lastOther >= firstPeople {
		t.Errorf("last candidate not of a person at %d, first list of %d words of people's names alone at %d: want it after",
			lastOther, words, firstPeople)
	}
}

// TestEntryLayout checks that what the coding reads of an Entry lies in its first 64 bytes (see
// Entry): every field but post and Where.
func TestEntryLayout(t *testing.T) {
	typ := reflect.TypeFor[Entry]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Name != "post" && f.Name != "Where" && f.Offset+f.Type.Size() > 64 {
			t.Errorf("Entry.%s at bytes %d to %d: want it in the first 64", f.Name, f.Offset, f.Offset+f.Type.Size())
		}
	}
}
