package event

import "testing"

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
