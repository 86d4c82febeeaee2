package merge

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
)

// Three outlets' own reports of one meeting, and copies of the first.
const (
	wire = "MUSCAT (GWS) – Omani Foreign Minister Badr Albusaidi met Jordanian Foreign Minister Ayman Safadi in Muscat on Monday to discuss regional developments and relations between the two countries.\n\nThe two ministers reviewed trade, energy and tourism links and the humanitarian situation in Gaza, according to a statement from the Omani foreign ministry.\n\nThe two-day visit was Safadi's first to the sultanate this year."
	own2 = "AMMAN – Foreign Minister Ayman Safadi held talks with Oman's Foreign Minister Badr Albusaidi in Muscat on Monday, the Jordanian foreign ministry said in a statement on Tuesday.\n\nThe statement said the two men focused on humanitarian aid for Gaza and on ways to expand economic ties between Jordan and Oman."
	own3 = "Badr Albusaidi, Oman's foreign minister, received his Jordanian counterpart Ayman Safadi yesterday at the foreign ministry in Muscat.\n\nOfficials said the meeting covered the humanitarian situation in Gaza and bilateral relations, without giving details."
)

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"verbatim", wire, wire, 1, 1},
		{"another dateline", wire, strings.Replace(wire, "MUSCAT (GWS) –", "MUSCAT, Oman (AP) —", 1), 0.8, 1},
		{"a line added", wire, wire + "\n\nRead more: Oman and Jordan sign energy deal.", 0.75, 1},
		{"a paragraph cut", wire, wire[:strings.LastIndex(wire, "\n\n")], 0.6, 1},
		{"own words 1-2", wire, own2, 0, 0.3},
		{"own words 1-3", wire, own3, 0, 0.3},
		{"own words 2-3", own2, own3, 0, 0.3},
		{"empty", wire, "", 0, 0},
		{"punctuation only", "– – –", "– – –", 0, 0},
	}
	for _, tt := range tests {
		got := Similarity(tt.a, tt.b)
		if got < tt.min || got > tt.max {
			t.Errorf("%s: Similarity = %.2f, want %.2f to %.2f", tt.name, got, tt.min, tt.max)
		}
	}
}

func TestDuplicates(t *testing.T) {
	doc := func(id, published, title, text string) ingest.Document {
		return ingest.Document{ID: id, Published: published, Title: title, Text: text}
	}
	tests := []struct {
		name string
		docs []ingest.Document
		want map[string]string
	}{
		{"three reports in their own words", []ingest.Document{
			doc("a", "2024-03-11", "", wire), doc("b", "2024-03-12", "", own2), doc("c", "2024-03-12", "", own3),
		}, map[string]string{}},
		{"a verbatim wire copy", []ingest.Document{
			doc("a", "2024-03-11", "", wire), doc("b", "2024-03-12", "", own2), doc("copy", "2024-03-12", "", wire),
		}, map[string]string{"copy": "a"}},
		{"copies under another headline and dateline", []ingest.Document{
			doc("a", "2024-03-11", "Ministers meet", wire),
			doc("headline", "2024-03-11", "Jordan's Safadi in Muscat", wire),
			doc("dateline", "2024-03-12", "", strings.Replace(wire, "MUSCAT (GWS) –", "MUSCAT, Oman –", 1)),
			doc("c", "2024-03-12", "", own3),
		}, map[string]string{"headline": "a", "dateline": "a"}},
		{"the earliest published is the original", []ingest.Document{
			doc("late", "2024-03-13", "", wire), doc("undated", "", "", wire), doc("early", "2024-03-11T08:00:00Z", "", wire),
		}, map[string]string{"late": "early", "undated": "early"}},
		{"same date: the first in input order", []ingest.Document{
			doc("x", "2024-03-11", "", wire), doc("y", "2024-03-11", "", wire),
		}, map[string]string{"y": "x"}},
		{"empty texts copy nothing", []ingest.Document{
			doc("e1", "", "", ""), doc("e2", "", "", "  "),
		}, map[string]string{}},
		{"no documents", nil, map[string]string{}},
	}
	for _, tt := range tests {
		if got := Duplicates(tt.docs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Duplicates = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDuplicatesMany(t *testing.T) {
	// many distinct documents and one copy: only the copy is found
	var docs []ingest.Document
	words := strings.Fields(own2 + " " + own3 + " " + wire)
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for j := 0; j < 60; j++ {
			b.WriteString(words[rnd.IntN(len(words))])
			b.WriteByte(' ')
		}
		docs = append(docs, ingest.Document{ID: fmt.Sprint("d", i), Text: b.String()})
	}
	docs = append(docs, ingest.Document{ID: "copy", Text: docs[123].Text})
	got := Duplicates(docs)
	if want := map[string]string{"copy": docs[123].ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("Duplicates = %v, want %v", got, want)
	}
}

// TestDuplicatesSharedID: two documents that share an id, each a copy in its own group, map to
// the original of the group met first in input order, on every run (the groups were once read
// from a map, whose order changes from run to run).
func TestDuplicatesSharedID(t *testing.T) {
	doc := func(id, text string) ingest.Document { return ingest.Document{ID: id, Text: text} }
	docs := []ingest.Document{doc("w1", wire), doc("o1", own2), doc("x", wire), doc("x", own2)}
	want := map[string]string{"x": "w1"}
	for range 50 {
		if got := Duplicates(docs); !reflect.DeepEqual(got, want) {
			t.Fatalf("Duplicates = %v, want %v", got, want)
		}
	}
}
