package place

import (
	"strings"
	"testing"
	"unicode/utf8"
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

// TestKeysAt checks that the names folded once from a token are the names folded one by one.
func TestKeysAt(t *testing.T) {
	g := gazetteer(t)
	for _, s := range []string{
		"in Washington, D.C. on Monday",
		"in São Paulo's old town",
		"near Ho Chi Minh City. Then",
		"at Rio de  Janeiro - Palikir",
		"in Nur-Sultan’s Şanlıurfa, Kraków and İstanbul",
		"in , , , A",
	} {
		toks := tokenize(s)
		for j := range toks {
			keys := g.keysAt(nil, nil, s, toks, j)
			if want := g.lastToken(toks, j) - j + 1; len(keys.ends) != want {
				t.Errorf("%q from %d: %d keys, want %d", s, j, len(keys.ends), want)
				continue
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
