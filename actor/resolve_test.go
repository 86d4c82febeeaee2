package actor

import (
	"fmt"
	"reflect"
	"testing"
)

// TestTermLayout holds the layout of Term that Doc.at relies on for one cache miss per term:
// the fields read when a person is resolved within the first 64 bytes, a Term 128 bytes long,
// and the terms of the knowledge base's people in arrays that start on a 64-byte boundary (those
// of up to four terms, nearly all: the allocator puts a header of 8 bytes before an object of
// more than 512 bytes that holds pointers).
func TestTermLayout(t *testing.T) {
	if reflect.TypeFor[uintptr]().Size() != 8 {
		// (the padding that makes a Term 128 bytes is worked out for 64-bit words: with 32-bit
		// ones a Term is 80 bytes, and the layout is no more than a guide to speed)
		t.Skip("Term's layout is laid out for 64-bit platforms")
	}
	tt := reflect.TypeOf(Term{})
	if tt.Size() != 128 {
		t.Errorf("a Term is %d bytes, want 128", tt.Size())
	}
	for _, name := range []string{"start", "end", "Country", "Sector", "Role"} {
		f, _ := tt.FieldByName(name)
		if end := f.Offset + f.Type.Size(); end > 64 {
			t.Errorf("Term.%s ends at byte %d, past the first cache line", name, end)
		}
	}
	// Person: what Doc.resolve and Doc.at read, together at the start
	pt := reflect.TypeOf(Person{})
	for _, name := range []string{"Name", "Terms", "Learned"} {
		f, _ := pt.FieldByName(name)
		if end := f.Offset + f.Type.Size(); end > 48 {
			t.Errorf("Person.%s ends at byte %d, past the first 48", name, end)
		}
	}
	kb := load(t)
	for _, p := range kb.people {
		if cap(p.Terms) > 4 {
			continue
		}
		if at := reflect.ValueOf(p.Terms).Pointer(); at%64 != 0 {
			t.Fatalf("the terms of %s start at %#x, not on a cache line", p.Name, at)
		}
	}
}

// TestBegunBy holds begunBy, which compares a term's start with a date by their keys, to
// before, which compares their text, for every term of the knowledge base and odd ones, on dates
// of every precision and some that are no date the files write.
func TestBegunBy(t *testing.T) {
	kb := load(t)
	dates := []string{"", "2017", "2017-10", "2017-10-05", "1999-12-31", "2024-01-01", "2017-1", "2017-10-5",
		"20171005", "2017/10/05", "2017-10-05T12:00", "abcd", "2017-1x", "2017-16", "2017-10-32", "0000", "9999-15-31", "é"}
	for y := 1960; y <= 2030; y++ {
		for _, md := range []string{"", "-01", "-06", "-12", "-01-01", "-06-15", "-12-31"} {
			dates = append(dates, fmt.Sprint(y)+md)
		}
	}
	var terms []Term
	for _, p := range kb.people {
		terms = append(terms, p.Terms...)
	}
	// terms made elsewhere (no keys), and one whose keys are set as the files' are
	odd := []Term{{}, {Start: "2017"}, {Start: "2017-10-05"}, {Start: "1999-12"}}
	keyed := Term{Start: "2017-10", start: dateKeyOf("2017-10")}
	terms = append(terms, append(odd, keyed)...)
	for _, tm := range terms {
		for _, d := range dates {
			if got, want := begunBy(&tm, d, dateKeyOf(d)), before(tm.Start, d); got != want {
				t.Fatalf("term from %q on %q: begun %v, want %v", tm.Start, d, got, want)
			}
		}
	}
}

// TestEndless holds endless, which reads a term's end key, to End == "", for every term of the
// knowledge base and terms made elsewhere (with no keys).
func TestEndless(t *testing.T) {
	kb := load(t)
	var terms []Term
	for _, p := range kb.people {
		terms = append(terms, p.Terms...)
	}
	terms = append(terms, Term{}, Term{End: "2017"}, Term{End: "9999-12-31", end: endKeyOf("9999-12-31")}, Term{end: endKeyOf("")})
	still := 0
	for _, tm := range terms {
		if got, want := endless(&tm), tm.End == ""; got != want {
			t.Fatalf("term to %q (key %x/%x): still held %v, want %v", tm.End, tm.end.key, tm.end.mask, got, want)
		}
		if tm.End == "" {
			still++
		}
	}
	if still < 100 {
		t.Errorf("only %d terms still held", still)
	}
}

// TestTermTextsKeptOnce holds Load (internCodes, indexPosts) to keeping each country code, sector
// and role of the terms and entries once, shared by every term and entry with that text and, for
// the roles, by the keys of KB.posts and the names of office and group words: what a mention
// copies is then in bytes the cache keeps.
func TestTermTextsKeptOnce(t *testing.T) {
	kb := load(t)
	at := func(s string) uintptr { return reflect.ValueOf(s).Pointer() }
	kept := map[string]uintptr{}
	for k := range kb.posts {
		kept["role "+k] = at(k)
	}
	n := 0
	for _, p := range kb.people {
		for _, tm := range p.Terms {
			for _, s := range []string{"country " + tm.Country, "sector " + tm.Sector, "role " + tm.Role} {
				v := tm.Country
				switch s[0] {
				case 's':
					v = tm.Sector
				case 'r':
					v = tm.Role
				}
				if k, ok := kept[s]; !ok {
					kept[s] = at(v)
				} else if k != at(v) {
					t.Fatalf("%s's term: %s is a copy of its own", p.Name, s)
				}
				n++
			}
		}
	}
	// the entries' country codes and sectors: the same copies; the names of office and group
	// words: the keys of KB.posts
	for _, ps := range kb.phrases {
		for _, p := range ps {
			e := p.entry
			if e.hasPost && kept["role "+e.Name] != at(e.Name) {
				t.Fatalf("%s (%s): its name is a copy of its own, not the post's", e.Name, e.Where)
			}
			for _, s := range []string{"country " + e.Country, "sector " + e.Sector} {
				v := e.Country
				if s[0] == 's' {
					v = e.Sector
				}
				if k, ok := kept[s]; !ok {
					kept[s] = at(v)
				} else if k != at(v) && v != "" {
					t.Fatalf("%s (%s): %s is a copy of its own", e.Name, e.Where, s)
				}
				n++
			}
		}
	}
	if n < 10000 {
		t.Errorf("only %d texts of terms and entries", n)
	}
}
