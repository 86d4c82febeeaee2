package score

import (
	"strings"
	"testing"
)

// TestCompare checks the matching rules on small gold and system files written for the test.
func TestCompare(t *testing.T) {
	cases := []struct {
		name, gold, sys        string
		matched, gold_, system int
	}{
		{"exact", `{"doc_id":"a","events":[{"type":"ACCUSE","source":{"country":"IRN","sector":"GOV"},"target":{"country":"USA","sector":"GOV"}}]}`,
			`{"doc_id":"a","type":"ACCUSE","source":{"country":"IRN","sector":"GOV"},"target":{"country":"USA","sector":"GOV"}}`, 1, 1, 1},
		{"swapped actors match only for symmetric types",
			`{"doc_id":"a","events":[{"type":"CONSULT","source":{"country":"IRN","sector":"GOV"},"target":{"country":"SYR","sector":"GOV"}},{"type":"ACCUSE","source":{"country":"IRN","sector":"GOV"},"target":{"country":"USA","sector":"GOV"}}]}`,
			`{"doc_id":"a","type":"CONSULT","source":{"country":"SYR","sector":"GOV"},"target":{"country":"IRN","sector":"GOV"}}
{"doc_id":"a","type":"ACCUSE","source":{"country":"USA","sector":"GOV"},"target":{"country":"IRN","sector":"GOV"}}`, 1, 2, 2},
		{"empty gold field matches anything", `{"doc_id":"a","events":[{"type":"ASSAULT","source":{"country":"","sector":""},"target":{"country":"IRQ","sector":"CVL"}}]}`,
			`{"doc_id":"a","type":"ASSAULT","source":{"country":"USA","sector":"MIL"},"target":{"country":"IRQ","sector":"CVL"}}`, 1, 1, 1},
		{"negated events are left out", `{"doc_id":"a","events":[]}`,
			`{"doc_id":"a","type":"ASSAULT","negated":true,"source":{"country":"USA"},"target":{"country":"IRQ"}}`, 0, 0, 0},
		{"optional events are neither right nor wrong",
			`{"doc_id":"a","events":[],"optional_events":[{"type":"ACCUSE","source":{"country":"IRN","sector":"GOV"},"target":{"country":"USA","sector":"GOV"}}]}`,
			`{"doc_id":"a","type":"ACCUSE","source":{"country":"IRN","sector":"GOV"},"target":{"country":"USA","sector":"GOV"}}`, 0, 0, 0},
		{"any-match: a promise with the gold type, and IGO family",
			`{"doc_id":"a","match":"any","events":[{"type":"AID","source":{"country":"IGO"},"target":{"country":"LBR"}}]}`,
			`{"doc_id":"a","type":"AGREE","intended":"AID","source":{"country":"UNO","sector":"IGO"},"target":{"country":"LBR","sector":"REF"}}
{"doc_id":"a","type":"SUPPORT","source":{"country":"UNO"},"target":{"country":"LBR"}}`, 1, 1, 2},
		{"documents not in the gold are not scored", `{"doc_id":"a","events":[]}`,
			`{"doc_id":"b","type":"ACCUSE","source":{"country":"IRN"},"target":{"country":"USA"}}`, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Compare(strings.NewReader(c.gold), strings.NewReader(c.sys))
			if err != nil {
				t.Fatal(err)
			}
			if r.Overall.Matched != c.matched || r.Overall.Gold != c.gold_ || r.Overall.System != c.system {
				t.Errorf("got %+v, want matched %d gold %d system %d", r.Overall, c.matched, c.gold_, c.system)
			}
		})
	}
}

func TestUnparsableLines(t *testing.T) {
	r, err := Compare(strings.NewReader(`{"doc_id":"a","events":[]}`), strings.NewReader("not json\n{}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Unparsable != 1 {
		t.Errorf("unparsable %d, want 1", r.Unparsable)
	}
	if _, err := Compare(strings.NewReader("{broken"), strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "gold line 1") {
		t.Errorf("a broken gold file gives %v, want an error with its line", err)
	}
}
