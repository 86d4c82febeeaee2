// Package corpus writes a deterministic benchmark corpus: synthetic news articles as JSON Lines,
// built from templates written for dyad and from the actors of its own dictionaries (states,
// demonyms, capitals, organisations, office holders). The same seed gives the same bytes.
//
// The articles are not news: they exist to exercise every stage of the coder at realistic
// proportions (event sentences of many types, dates, datelines, quotations, background prose,
// paragraphs of varying length and a few noise lines).
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/actor"
)

// Article is one generated record, in the JSON Lines form `dyad code` reads.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
	Text      string `json:"text"`
}

type country struct {
	name, demonym, capital string
}

type person struct {
	name, country, role string
}

// Generator makes articles. It is not safe for concurrent use.
type Generator struct {
	rng       *rand.Rand
	countries []country
	orgs      []string
	people    []person
}

// New returns a generator seeded with seed, with its vocabulary read from the shipped actor
// dictionaries.
func New(seed uint64) (*Generator, error) {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	data := actor.Shipped()
	err := eachRow(data, "countries.tsv", func(f []string) {
		if len(f) < 5 || f[3] == "" || f[4] == "" {
			return
		}
		g.countries = append(g.countries, country{name: f[1], demonym: first(f[3]), capital: first(f[4])})
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(data, "orgs.tsv", func(f []string) {
		if len(f) >= 3 {
			g.orgs = append(g.orgs, f[2])
		}
	})
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(data, "people/*.tsv")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, file := range files {
		err = eachRow(data, file, func(f []string) {
			if len(f) >= 5 {
				g.people = append(g.people, person{name: f[0], country: f[2], role: f[4]})
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if len(g.countries) == 0 || len(g.orgs) == 0 || len(g.people) == 0 {
		return nil, fmt.Errorf("corpus: the shipped dictionaries have no vocabulary")
	}
	return g, nil
}

// eachRow calls fn with the tab-separated fields of each line of a data file that is not a
// comment or blank.
func eachRow(fsys fs.FS, name string, fn func([]string)) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
	return nil
}

// first returns the first of a '|'-separated list.
func first(s string) string {
	if i := strings.IndexByte(s, '|'); i >= 0 {
		return s[:i]
	}
	return s
}

// Write writes articles as JSON Lines to w until at least size bytes are written, and returns
// the number of articles and bytes written.
func (g *Generator) Write(w io.Writer, size int64) (articles int, written int64, err error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countingWriter{w: bw}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for cw.n < size {
		a := g.Article(articles)
		if err := enc.Encode(&a); err != nil {
			return articles, cw.n, err
		}
		articles++
	}
	return articles, cw.n, bw.Flush()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Articles returns n articles.
func (g *Generator) Articles(n int) []Article {
	out := make([]Article, n)
	for i := range out {
		out[i] = g.Article(i)
	}
	return out
}

// Article returns the next article; i numbers its id.
func (g *Generator) Article(i int) Article {
	r := g.rng
	year, month, day := 2001+r.IntN(24), 1+r.IntN(12), 1+r.IntN(28)
	a := Article{
		ID:     fmt.Sprintf("bench-%07d", i),
		Outlet: pick(r, outlets),
	}
	if r.IntN(10) > 0 { // most records carry their publication date
		a.Published = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	}
	// the article's cast: a few states and people it keeps coming back to
	cast := make([]country, 2+r.IntN(3))
	for k := range cast {
		cast[k] = g.countries[r.IntN(len(g.countries))]
	}
	var b strings.Builder
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "%s, %s %d (%s) - ", strings.ToUpper(cast[0].capital), monthNames[month-1], day, a.Outlet)
	}
	paragraphs := 3 + r.IntN(12)
	for p := 0; p < paragraphs; p++ {
		if p > 0 {
			b.WriteString("\n\n")
		}
		if r.IntN(25) == 0 {
			b.WriteString(pick(r, noise))
			continue
		}
		sentences := 1 + r.IntN(4)
		for s := 0; s < sentences; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.sentence(cast))
		}
	}
	a.Text = b.String()
	a.Title = g.actor(cast[0]) + " " + strings.TrimSuffix(pick(r, verbs).past, " with") + " " + cast[1].name
	return a
}

// sentence returns one sentence: an event, a quotation or background prose.
func (g *Generator) sentence(cast []country) string {
	r := g.rng
	k := r.IntN(len(cast))
	src, tgt := cast[k], cast[(k+1+r.IntN(len(cast)-1))%len(cast)]
	switch n := r.IntN(10); {
	case n < 5:
		v := pick(r, verbs)
		s := g.actor(src) + " " + v.past + " " + g.actor(tgt)
		if v.object != "" {
			s += " " + v.object
		}
		if r.IntN(3) == 0 {
			s += " in " + src.capital
		}
		if t := pick(r, times); t != "" {
			s += " " + t
		}
		if r.IntN(4) == 0 {
			s += ", " + pick(r, tails)
		}
		return capitalize(s) + "."
	case n < 7:
		q := pick(r, quotes)
		if r.IntN(2) == 0 {
			return fmt.Sprintf("\u201c%s,\u201d %s %s.", q, g.speaker(src), pick(r, saying))
		}
		return fmt.Sprintf("%s %s: \"%s.\"", capitalize(g.speaker(src)), pick(r, saying), q)
	case n < 8:
		return capitalize(fmt.Sprintf("%s %s that %s %s %s %s.", g.speaker(src), pick(r, saying),
			g.actor(tgt), pick(r, verbs).future, g.actor(src), pick(r, times)))
	default:
		return capitalize(fmt.Sprintf(pick(r, background), src.name, tgt.demonym))
	}
}

// actor returns a mention of a state, its government or forces, one of its office holders, or
// an organisation.
func (g *Generator) actor(c country) string {
	r := g.rng
	switch r.IntN(8) {
	case 0, 1:
		return c.name
	case 2, 3:
		return "the " + c.demonym + " " + pick(r, sectorWords)
	case 4:
		p := g.people[r.IntN(len(g.people))]
		return capitalize(p.role) + " " + p.name
	case 5:
		return "the " + g.orgs[r.IntN(len(g.orgs))]
	case 6:
		return c.demonym + " officials"
	default:
		return c.capital
	}
}

// speaker returns someone who speaks: an office holder or a spokesman.
func (g *Generator) speaker(c country) string {
	r := g.rng
	if r.IntN(2) == 0 {
		p := g.people[r.IntN(len(g.people))]
		return p.name
	}
	return "a spokesman for the " + c.demonym + " " + pick(r, []string{"foreign ministry", "government", "army", "presidency"})
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var outlets = []string{"Daily Ledger", "World Wire", "Capital Post", "Evening Courier",
	"Regional Monitor", "Global Dispatch"}

var sectorWords = []string{"government", "army", "foreign minister", "president", "prime minister",
	"parliament", "police", "rebels", "defence ministry", "opposition", "authorities", "navy",
	"lawmakers", "ambassador", "security forces", "interior minister"}

// verb is an act in the past tense, with the words that follow its target, and the same act
// as a promise.
type verb struct{ past, object, future string }

var verbs = []verb{
	{"met with", "", "would meet"},
	{"held talks with", "on trade and security", "would hold talks with"},
	{"visited", "", "would visit"},
	{"hosted", "for two days of talks", "would host"},
	{"telephoned", "", "would call"},
	{"praised", "for its efforts", "would praise"},
	{"condemned", "over the attack", "would condemn"},
	{"accused", "of violating the ceasefire", "would accuse"},
	{"criticized", "for its handling of the crisis", "would criticize"},
	{"threatened", "with sanctions", "would threaten"},
	{"imposed sanctions on", "", "would impose sanctions on"},
	{"signed an agreement with", "on energy", "would sign a deal with"},
	{"sent humanitarian aid to", "", "would send aid to"},
	{"pledged $50 million to", "", "would pledge support to"},
	{"attacked", "", "would attack"},
	{"shelled positions held by", "", "would strike"},
	{"arrested", "near the border", "would arrest"},
	{"expelled diplomats of", "", "would expel diplomats of"},
	{"urged", "to release the prisoners", "would urge"},
	{"called on", "to end the blockade", "would call on"},
	{"rejected a proposal by", "", "would reject"},
	{"denied claims by", "", "would deny"},
	{"warned", "against further escalation", "would warn"},
	{"demanded that", "withdraw its troops", "would demand that"},
	{"cooperated with", "on counter-terrorism", "would cooperate with"},
	{"recognized", "", "would recognize"},
	{"protested against", "", "would protest against"},
	{"apologized to", "", "would apologize to"},
	{"lifted sanctions on", "", "would lift sanctions on"},
	{"withdrew troops from", "", "would withdraw from"},
	{"mediated between", "and the rebels", "would mediate between"},
	{"cut ties with", "", "would cut ties with"},
}

var times = []string{"", "", "", "on Monday", "on Tuesday", "on Wednesday", "on Thursday",
	"on Friday", "on Saturday", "on Sunday", "yesterday", "today", "last week", "last month",
	"earlier this month", "on March 3", "on 12 October", "in 2019", "two days ago",
	"three weeks ago", "on Jan. 5, 2021", "next week", "this year", "in June",
	"late on Tuesday", "on the sidelines of the summit"}

var tails = []string{"officials said", "according to state media", "the ministry said in a statement",
	"witnesses said", "diplomats told reporters", "a day after the vote"}

var saying = []string{"said", "told reporters", "said in a statement", "added", "told a news conference"}

var quotes = []string{
	"We will not accept any interference in our internal affairs",
	"The talks were constructive and we agreed to meet again",
	"Our position has not changed",
	"This is a clear violation of international law and it must stop",
	"We are ready to work with all parties to end the conflict",
	"There can be no military solution to this crisis",
	"The people deserve better than empty promises",
	"We have asked for an urgent meeting of the council",
}

var background = []string{
	"Relations between %s and its %s neighbours have been strained for years.",
	"Trade with %s grew by almost a fifth last year, %s figures show.",
	"%s has been hit by a severe drought, and %s farmers have lost much of the harvest.",
	"The two countries fought a border war in the 1990s; %s still disputes the line, %s maps show.",
	"Analysts say %s faces a difficult choice as the %s economy slows.",
	"Elections in %s are due next year, and %s opposition parties have called for observers.",
	"The meeting comes amid rising tensions in the region, with %s and %s diplomats trading accusations.",
	"Talks between %s and %s negotiators stalled in the spring over the question of prisoners.",
}

var noise = []string{
	"Advertisement",
	"Read more: https://example.com/world/latest?ref=bench",
	"Share this article on social media",
	"(Reporting by staff; editing by the desk)",
	"© 2024 All rights reserved.",
	"RELATED COVERAGE",
	"Subscribe to our newsletter for the latest updates.",
}
