package actor

import (
	"sort"

	"github.com/dyad-events/dyad/text"
)

// Record is one actor resolved in a document with every mention of it (formats.md).
type Record struct {
	DocID    string          `json:"doc_id"`
	Name     string          `json:"name"`
	Country  string          `json:"country"`
	Sector   string          `json:"sector"`
	Role     string          `json:"role"`
	Learned  bool            `json:"learned"`
	Mentions []RecordMention `json:"mentions"`
}

// RecordMention is one mention: its words, sentence and byte offsets in the document.
type RecordMention struct {
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Records resolves the actors of a whole document, published on date ("" when unknown), and
// returns one record per actor in order of first mention: people by name, other actors by
// country, sector and name. Pronouns are listed with the person they stand for.
func (kb *KB) Records(docID, body, date string) []Record {
	d := kb.NewDoc(date)
	var out []Record
	index := map[string]int{}
	for i, s := range text.Sentences(body) {
		toks := text.Tokens(body, s)
		if i == 0 {
			toks = toks[text.Dateline(toks):]
		}
		for _, m := range d.Mentions(toks) {
			if m.Country == "" && m.Name == "" {
				continue // an unresolved pronoun or a group with no state
			}
			key := m.Name
			if m.Person == nil {
				key = m.Country + "/" + m.Sector + "/" + m.Name
			}
			k, ok := index[key]
			if !ok {
				k = len(out)
				index[key] = k
				r := Record{DocID: docID, Name: m.Name, Country: m.Country, Sector: m.Sector, Role: m.Role,
					Learned: m.Person != nil && m.Person.Learned}
				out = append(out, r)
			}
			out[k].Mentions = append(out[k].Mentions, RecordMention{Text: m.Text, Sentence: i, Start: m.Start, End: m.End})
			if m.DescEnd > m.DescStart {
				out[k].Mentions = append(out[k].Mentions, RecordMention{Text: body[m.DescStart:m.DescEnd], Sentence: i,
					Start: m.DescStart, End: m.DescEnd})
			}
		}
	}
	// a description before the name it stands for ("Boroujerdi meets with Syrian parliament
	// speaker", then "Speaker … Hammoudeh al-Sabbagh"): the person named later
	for k := 0; k < len(out); k++ {
		r := out[k]
		if r.Name != "" || r.Role == "" {
			continue
		}
		for n := k + 1; n < len(out); n++ {
			p := out[n]
			if p.Name != "" && p.Country == r.Country && p.Sector == r.Sector && RoleMatch(r.Role, p.Role) {
				out[n].Mentions = append(out[n].Mentions, r.Mentions...)
				out = append(out[:k], out[k+1:]...)
				k--
				break
			}
		}
	}
	for i := range out {
		sort.SliceStable(out[i].Mentions, func(a, b int) bool { return out[i].Mentions[a].Start < out[i].Mentions[b].Start })
	}
	return out
}
