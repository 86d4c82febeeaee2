package event

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/text"
)

// TestTypeSets holds typeOf and the sets of event types to the maps of type names the coding
// of an act looked its rule's type up in before.
func TestTypeSets(t *testing.T) {
	seen := map[actType]string{}
	for _, name := range Types {
		n := typeOf(name)
		if n == noType || seen[n] != "" || n > assaultType {
			t.Errorf("typeOf(%q) = %d, not a number of its own", name, n)
		}
		seen[n] = name
	}
	for _, name := range []string{"", "agree", "AGREES", "ASSAUL", "OTHER"} {
		if n := typeOf(name); n != noType {
			t.Errorf("typeOf(%q) = %d, want noType", name, n)
		}
	}
	names := append([]string{"", "OTHER"}, Types...)
	for _, c := range []struct {
		name string
		set  typeSet
		old  map[string]bool
	}{
		{"toCounterpart", toCounterpart, map[string]bool{"REQUEST": true, "SUPPORT": true, "AGREE": true}},
		{"withEachOther", withEachOther, map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true, "SUPPORT": true}},
		{"ownForces", ownForces, map[string]bool{"MOBILIZE": true, "RETREAT": true, "AID": true}},
		{"placeTargets", placeTargets, map[string]bool{"THREATEN": true, "COERCE": true, "ASSAULT": true, "SANCTION": true,
			"CONCEDE": true, "RETREAT": true, "AID": true}},
		{"targetOptional", targetOptional, map[string]bool{"AGREE": true, "MOBILIZE": true, "RETREAT": true, "REQUEST": true}},
		{"hostile", hostile, map[string]bool{"ASSAULT": true, "COERCE": true, "MOBILIZE": true, "SANCTION": true, "PROTEST": true}},
		// (the types whose blocks objectTarget and authoritiesTarget hold: code asks them only for these)
		{"objectTypes", objectTypes, map[string]bool{"ACCUSE": true, "SUPPORT": true, "ASSAULT": true, "COERCE": true, "REJECT": true}},
		{"authorityTypes", authorityTypes, map[string]bool{"PROTEST": true, "REQUEST": true, "CONCEDE": true, "COERCE": true}},
		{"verbal", verbal, map[string]bool{"SUPPORT": true, "ACCUSE": true, "REQUEST": true, "REJECT": true,
			"AGREE": true, "THREATEN": true, "CONCEDE": true}},
	} {
		for _, name := range names {
			if got := c.set.has(typeOf(name)); got != c.old[name] {
				t.Errorf("%s.has(typeOf(%q)) = %v, want %v", c.name, name, got, c.old[name])
			}
		}
	}
}

// TestRecodedTypes holds the types the coding of an act takes its recoded rules to be of (code,
// recode) to those rules' own.
func TestRecodedTypes(t *testing.T) {
	plain := testCoder(t).Patterns.plain
	for key, want := range map[string]actType{"REJECT/yield": rejectType, "SANCTION/expel": sanctionType,
		"ACCUSE": accuseType, "COOPERATE": cooperateType, "REJECT": rejectType, "MOBILIZE": mobilizeType} {
		if r := plain[key]; r != nil && typeOf(r.Type) != want {
			t.Errorf("plain[%q] is of type %s, not number %d", key, r.Type, want)
		}
	}
	if typeOf(peacekeeping.Type) != aidType {
		t.Errorf("peacekeeping is of type %s, not AID", peacekeeping.Type)
	}
}

// TestPatternTypes holds the type number each pattern keeps (pattern.typ, which a trigger takes)
// to the number of its rule's type, over the shipped patterns.
func TestPatternTypes(t *testing.T) {
	n := 0
	for _, ps := range testCoder(t).Patterns.byFirst {
		for _, p := range ps {
			if want := typeOf(p.rule.Type); p.typ != want || want == noType {
				t.Fatalf("%q: type number %d, want %d (%s)", p.text, p.typ, want, p.rule.Type)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no patterns")
	}
}

// TestReadActsBySentence holds readActs, which works out the types and contexts of the acts and
// the topics of every sentence of a document before any sentence is coded, to working them out
// sentence by sentence as sentence did before it: the same fields of every trigger, the same
// topic flags of every token.
func TestReadActsBySentence(t *testing.T) {
	c := testCoder(t)
	acts, topics := 0, 0
	for _, d := range lexiconDocs(t) {
		st := readDoc(c, d)
		st.readActs()
		got := make([]trigger, len(st.allTrs))
		for i, tr := range st.allTrs {
			got[i] = *tr
			*tr = trigger{m: tr.m, start: tr.start, end: tr.end} // as triggers made it (but its type, set below)
		}
		gotTopic := slices.Clone(st.topicBuf[:len(st.allToks)])
		for _, r := range st.read1 {
			toks, lex := st.allToks[r.first:r.end:r.end], st.allLex[r.first:r.end:r.end]
			trs := st.allTrs[r.trs:r.trsEnd:r.trsEnd]
			if len(toks) == 0 || len(trs) == 0 {
				if slices.Contains(gotTopic[r.first:r.end], true) {
					t.Errorf("%s: a topic in a sentence without acts", d.ID)
				}
				continue
			}
			rd := &reading{}
			rd.set(toks, lex, st.allBlocked[r.first:r.end:r.end])
			sc := &sentenceCtx{st: st, toks: toks, lex: lex, blocked: st.allBlocked[r.first:r.end:r.end], rd: rd, mentions: r.mentions, trs: trs}
			for _, tr := range trs {
				tr.typ = typeOf(tr.m.p.rule.Type)
			}
			for k, tr := range trs {
				sc.context(tr, trs[k+1:])
			}
			want := make([]bool, len(toks))
			sc.topics(trs, want, len(toks))
			// (readActs marks only the tokens the coding reads: topicsRead)
			if n := topicsRead(trs, len(toks)); !slices.Equal(gotTopic[r.first:r.first+n], want[:n]) {
				t.Errorf("%s: topics %v, want %v", d.ID, gotTopic[r.first:r.first+n], want[:n])
			}
			if slices.Contains(want, true) {
				topics++
			}
		}
		for i, tr := range st.allTrs {
			if got[i] != *tr {
				t.Errorf("%s: %q read as %+v, want %+v", d.ID, d.Text[tr.start:tr.end], got[i], *tr)
			}
			if tr.typ != noType {
				acts++
			}
		}
	}
	if acts == 0 || topics == 0 {
		t.Fatalf("%d acts, %d sentences with a topic", acts, topics)
	}
}

// TestDateWord holds dateWord, whose test of the month is written out where it is called, to the
// way it was asked before: a capitalised "March" or "May" right before or after a number.
func TestDateWord(t *testing.T) {
	old := func(toks []text.Token, i int) bool {
		if w := toks[i].Lower; w != "march" && w != "may" || !toks[i].IsCapitalized() {
			return false
		}
		return i+1 < len(toks) && text.IsNumber(toks[i+1]) || i > 0 && text.IsNumber(toks[i-1])
	}
	dates := 0
	for _, s := range []string{"March 12", "on 12 March they met", "May 3, 2024", "they may 12", "the march 12",
		"March on Rome", "May", "12 May", "MARCH 12", "in May the", "Mayor 12", "12 March.", "they march"} {
		toks := text.AppendTokens(nil, s, 0)
		for i := range toks {
			got, want := dateWord(toks, i), old(toks, i)
			if got != want {
				t.Errorf("%q, token %d %q: dateWord %v, want %v", s, i, toks[i].Text, got, want)
			}
			if got {
				dates++
			}
		}
	}
	if dates < 3 {
		t.Fatalf("only %d dates found", dates)
	}
}
