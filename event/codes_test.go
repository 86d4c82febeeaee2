package event

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"testing"

	"github.com/dyad-events/dyad/actor"
)

// TestCodeCache holds codeCache.of to the concatenations it replaces, on pairs that differ in
// one byte or in length only (which packPair must tell apart), pairs that do not fit in a
// number, and random pairs looked up again and again in a cache too small for them all, so that
// slots are replaced.
func TestCodeCache(t *testing.T) {
	var c codeCache
	check := func(country, sector string) {
		t.Helper()
		code, key := c.of(country, sector)
		if code != country+sector || key != country+"/"+sector {
			t.Fatalf("of(%q, %q) = %q, %q; want %q, %q", country, sector, code, key, country+sector, country+"/"+sector)
		}
	}
	pairs := [][2]string{
		{"USA", "GOV"}, {"USA", "GOA"}, {"USA", "AOV"}, {"USA", "GAV"}, {"USA", "GO"}, {"USA", "G"},
		{"USA", ""}, {"USA", "GOVT"}, {"USA", "GOVX"}, {"USA", "GOVTS"}, {"USB", "GOV"}, {"UTA", "GOV"},
		{"VSA", "GOV"}, {"US", "AGOV"}, {"USAG", "OV"}, {"", ""}, {"", "GOV"}, {"IGO", "IGO"},
		{"USA", "\x00"}, {"USA", "\x00\x00"}, {"\x00\x00\x00", ""}, {"ÉTA", "MIL"}, {"USA", "é"},
	}
	for range 3 {
		for _, p := range pairs {
			check(p[0], p[1])
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	letters := "ABCGIMOSUV\x00é"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		return string(b)
	}
	var many [][2]string
	for range 5000 {
		many = append(many, [2]string{word(2 + r.IntN(3)), word(r.IntN(6))})
	}
	for range 100000 {
		p := many[r.IntN(len(many))]
		check(p[0], p[1])
	}
}

// TestHexDigits holds the digits eventIDs writes for each byte value to hex.Encode's.
func TestHexDigits(t *testing.T) {
	for v := range 256 {
		var got [2]byte
		binary.LittleEndian.PutUint16(got[:], hexDigits[v])
		if want := hex.EncodeToString([]byte{byte(v)}); string(got[:]) != want {
			t.Errorf("byte %#x: %q, want %q", v, got, want)
		}
	}
}

// TestSetActorKey holds the merge key that setActor returns to keyOf, and the code it sets to
// the country and sector, for mentions with and without a name, a person or not, on the
// article's day and on another.
func TestSetActorKey(t *testing.T) {
	st := &docState{scratch: new(scratch), date: "2020-01-02"}
	for _, name := range []string{"", "Hassan Rouhani"} {
		for _, person := range []*actor.Person{nil, {}} {
			for _, day := range [][2]string{{"2020-01-02", "published"}, {"2012-05-01", "text"}, {"2012-05-01", "published"}} {
				for _, cs := range [][2]string{{"IRN", "GOV"}, {"IRN", ""}, {"", "GOV"}, {"IGOX", "GOV"}, {"IRN", "GOVTS"}} {
					m := &actor.Mention{Text: "him", Name: name, Person: person, Country: cs[0], Sector: cs[1]}
					var a Actor
					key := st.setActor(&a, m, day[0], day[1])
					if key != keyOf(m) || a.Code != a.Country+a.Sector || a.Text != m.Text || a.Name != m.Name {
						t.Fatalf("%+v on %v: key %q, %+v; want key %q", m, day, key, a, keyOf(m))
					}
				}
			}
		}
	}
}

// mergedByMaps is docState.merged as it was before meetingMemo: the meetings kept and those
// seen by their codes in maps, and the acts and ids of the sentence's events in maps too.
// TestMergedMeetings holds merged to it.
func mergedByMaps(evs []Event) []Event {
	type act struct {
		typ, src, tgt, intended string
		negated                 bool
	}
	type id struct {
		evStart              int
		typ, srcCode, tgtKey string
	}
	seen := map[meetingKey]bool{}
	meetings := map[meetingCodes]meetingSides{}
	var acts map[act]bool // the acts other than meetings told in the sentence
	var ids map[id]bool   // the ids of the events told in the sentence
	var kept []Event
	sentence := -1
	for i := range evs {
		e := &evs[i]
		if e.Sentence != sentence {
			sentence, acts, ids = e.Sentence, map[act]bool{}, map[id]bool{}
		}
		told := id{e.evStart, e.Type, e.Source.Code, e.tgtKey}
		retold := ids[told]
		ids[told] = true
		if e.Type == "CONSULT" {
			a, b := e.srcKey, e.tgtKey
			if b < a {
				a, b = b, a
			}
			k := meetingKey{src: a, tgt: b, phone: e.Mode == "phone", negated: e.Negated}
			ck := consultCodes(e)
			same := meetings[ck]
			described := !seen[k] && describedMeeting(e, same)
			same.all++
			if !unnamedMeeting(e) {
				same.named++
			}
			meetings[ck] = same
			if described || seen[k] {
				continue
			}
			seen[k] = true
		} else {
			a := act{e.Type, e.srcKey, e.tgtKey, e.Intended, e.Negated}
			retold = retold || acts[a]
			acts[a] = true
		}
		if !retold {
			kept = append(kept, *e)
		}
	}
	return kept
}

// TestMergedMeetings holds merged, which looks for the meetings of a document in short lists
// (meetingMemo) unless it tells of many, to mergedByMaps, on random documents of up to 40
// events (as many meetings as a list holds and more) of a few sides, codes and names, named and
// not, by phone and not, negated and not, with and without a target and an intent, whose
// evidence starts at one of three places (so that reports of one sentence often have one id). No
// two events kept have one id. The same scratch codes document after document, as a worker's does.
func TestMergedMeetings(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	keys := []string{"Hassan Rouhani", "IRN/GOV", "USA/GOV", "Joe Biden", "SYR/GOV"}
	codes := []string{"IRNGOV", "USAGOV", "SYRGOV", ""}
	names := []string{"", "", "Hassan Rouhani", "Joe Biden"}
	st := &docState{scratch: new(scratch)}
	for n := range 20000 {
		evs := make([]Event, r.IntN(41))
		sentence := 0
		for i := range evs {
			sentence += r.IntN(2)
			e := Event{Sentence: sentence, Type: []string{"CONSULT", "CONSULT", "CONSULT", "AGREE"}[r.IntN(4)],
				srcKey: keys[r.IntN(len(keys))], tgtKey: keys[r.IntN(len(keys))], Negated: r.IntN(5) == 0,
				Mode: []string{"", "phone", "visit"}[r.IntN(3)], evStart: r.IntN(3), Confidence: float64(i),
				Intended: []string{"", "", "SUPPORT"}[r.IntN(3)]}
			e.Source.Code, e.Source.Name = codes[r.IntN(len(codes))], names[r.IntN(len(names))]
			if r.IntN(6) > 0 {
				e.Target = &Actor{Code: codes[r.IntN(len(codes))], Name: names[r.IntN(len(names))]}
			}
			evs[i] = e
		}
		want := mergedByMaps(evs)
		st.events = evs
		got := st.merged()
		if len(got) != len(want) {
			t.Fatalf("case %d: %d events kept, want %d", n, len(got), len(want))
		}
		for i := range got {
			if got[i].Confidence != want[i].Confidence {
				t.Fatalf("case %d: event %d kept is the %gth, want the %gth", n, i, got[i].Confidence, want[i].Confidence)
			}
			for j := range i {
				if sameID(&got[j], &got[i]) {
					t.Fatalf("case %d: events %d and %d kept have one id", n, j, i)
				}
			}
		}
	}
}
