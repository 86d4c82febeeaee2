// Package quote finds the words people are quoted as saying and attributes each quotation to
// its speaker: the person a verb of saying ties to it in the same sentence ("…," the Iranian
// lawmaker said; said President al-Assad; Assad wrote), else the person the article was
// speaking of in the sentence before. Quoted labels of one or two words ("resistance axis") are
// scare quotes, not quotations.
package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/text"
)

// Quote is one quotation (formats.md).
type Quote struct {
	DocID    string  `json:"doc_id"`
	Speaker  Speaker `json:"speaker"`
	Text     string  `json:"text"`
	Sentence int     `json:"sentence"`
	Start    int     `json:"start"` // byte offsets of the quoted words in the document
	End      int     `json:"end"`
}

// Speaker is who is quoted.
type Speaker struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// minWords is the length from which quoted words are a quotation rather than a label.
const minWords = 3

// speechVerbs are the words that tie a quotation to its speaker.
var speechVerbs = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true,
	"added": true, "adds": true, "wrote": true, "writes": true, "stated": true, "noted": true,
	"stressed": true, "remarked": true, "declared": true, "announced": true, "asked": true,
	"insisted": true, "explained": true, "warned": true, "affirmed": true, "emphasized": true,
	"emphasised": true, "underlined": true, "urged": true, "saying": true, "adding": true,
	"calling": true, "describing": true, "called": true, "described": true, "hailing": true,
	"reiterated": true, "continued": true, "according": true}

// span is a quoted stretch of the document, without its marks.
type span struct{ start, end int }

// Find returns the quotations of one document in order.
func Find(kb *actor.KB, docID, body, date string) []Quote {
	spans := quoted(body)
	if len(spans) == 0 {
		return nil
	}
	d := kb.NewDoc(date)
	sents := text.Sentences(body)
	type sentInfo struct {
		s        text.Sentence
		toks     []text.Token
		mentions []*actor.Mention
		subject  *actor.Mention // the document's subject before this sentence
	}
	info := make([]sentInfo, len(sents))
	for i, s := range sents {
		toks := text.Tokens(body, s)
		if i == 0 {
			toks = toks[text.Dateline(toks):]
		}
		before := d.Subject()
		info[i] = sentInfo{s: s, toks: toks, mentions: d.Mentions(toks), subject: before}
	}
	var out []Quote
	for _, sp := range spans {
		words := strings.Fields(body[sp.start:sp.end])
		if len(words) < minWords {
			continue
		}
		// the sentence where the quotation closes holds its attribution
		k := 0
		for k+1 < len(sents) && sents[k+1].Start < sp.end {
			k++
		}
		first := k
		for first > 0 && sents[first].Start > sp.start {
			first--
		}
		var who *actor.Mention
		for j := k; j >= first && who == nil; j-- {
			who = attributed(info[j].toks, info[j].mentions, sp)
		}
		if who == nil {
			who = info[first].subject // a quotation standing alone: the person spoken of
		}
		if who == nil {
			continue
		}
		name := who.Name
		if name == "" && who.Person == nil && !who.Pronoun {
			name = who.Text // "the U.S. embassy": the body as the text names it
		}
		// the words without the punctuation the sentence around them puts inside the marks
		// ("…axis," he said); Start and End hold exactly these words
		said := strings.TrimRight(body[sp.start:sp.end], " ,.;:")
		out = append(out, Quote{DocID: docID, Speaker: Speaker{Name: name, Country: who.Country, Sector: who.Sector},
			Text: said, Sentence: first, Start: sp.start, End: sp.start + len(said)})
	}
	return out
}

// attributed returns the speaker a verb of saying ties to the quotation in this sentence.
func attributed(toks []text.Token, ms []*actor.Mention, sp span) *actor.Mention {
	outside := func(m *actor.Mention) bool { return m.End <= sp.start || m.Start >= sp.end }
	for i, t := range toks {
		if !speechVerbs[t.Lower] || t.Start >= sp.start && t.End <= sp.end {
			continue
		}
		// ", saying …": the subject of the sentence speaks
		if strings.HasSuffix(t.Lower, "ing") && i > 0 && toks[i-1].Lower == "," {
			for _, m := range ms {
				if m.Last <= i && outside(m) && m.Person != nil {
					return m
				}
			}
		}
		// "the U.S. embassy said", "the ministry said in a statement": a body right before the
		// verb speaks, even when a person was named earlier in the sentence
		for _, m := range ms {
			if m.Last == i && outside(m) && m.Person == nil && !m.Pronoun && m.Country != "" {
				return m
			}
		}
		// "X said", "X, for his part, said": the nearest speaker before the verb
		var best *actor.Mention
		for _, m := range ms {
			if m.Last <= i && outside(m) && (m.Person != nil || m.Pronoun && m.Name != "") && i-m.Last <= 6 {
				best = m
			}
		}
		if best != nil {
			return best
		}
		// "said President al-Assad"
		for _, m := range ms {
			if m.First > i && m.First <= i+2 && outside(m) && m.Person != nil {
				return m
			}
		}
	}
	// a person who opens the sentence outside the quotation speaks it ("Boroujerdi said the …")
	for _, m := range ms {
		if outside(m) && m.Person != nil && m.End <= sp.start {
			return m
		}
	}
	return nil
}

// quoted finds the stretches between quotation marks: “…”, «…», “…” and straight "…" (news
// mixes them: “…" is common).
func quoted(body string) []span {
	var out []span
	open := -1
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRuneInString(body[i:])
		switch {
		case open < 0 && (r == '\u201c' || r == '"' || r == '\u00ab'):
			open = i + n
		case open < 0 && strings.HasPrefix(body[i:], "``"):
			open, n = i+2, 2
		case open >= 0 && (r == '\u201d' || r == '"' || r == '\u00bb'):
			out = append(out, trim(body, open, i))
			open = -1
		case open >= 0 && strings.HasPrefix(body[i:], "''"):
			out = append(out, trim(body, open, i))
			open, n = -1, 2
		case r == '\n' && i+1 < len(body) && body[i+1] == '\n':
			open = -1 // a quotation does not run over a paragraph break unclosed
		}
		i += n
	}
	return out
}

func trim(body string, s, e int) span {
	for s < e && (body[s] == ' ' || body[s] == '\n') {
		s++
	}
	for e > s && (body[e-1] == ' ' || body[e-1] == '\n') {
		e--
	}
	return span{s, e}
}
