package event

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
)

// FuzzCode codes arbitrary text: no panic, and every event's evidence is a span of the text.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Iran condemned Israel on Monday.",
		"TEHRAN – The Syrian president met senior Iranian lawmaker, Alaeddin Boroujerdi, in Damascus on Thursday.",
		`"We will not yield," he said. The two sides called for calm.`,
		"Egypt, Jordan and Kuwait said Israel must withdraw unless the UN acts; Iran's readiness to help Syria.",
		"was attacked by , 's the of and in",
		"Ali Asghar Khaji, a senior assistant to Foreign Minister Mohammad Javad Zarif, met him.",
		// a welcome with no subject dyad knows, after an act it may refer to (sameActor was asked
		// of a missing source and panicked)
		"Chile praised Peru on Monday. The 委员会 signed the accord and welcomed it.",
	} {
		f.Add(s, "2017-10-05")
	}
	c, err := NewCoder("", "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body, published string) {
		for _, e := range c.Code(ingest.Document{ID: "f", Text: body, Published: published}) {
			if e.Evidence == "" || !strings.Contains(body, e.Evidence) {
				t.Fatalf("evidence %q is not in the text", e.Evidence)
			}
		}
	})
}
