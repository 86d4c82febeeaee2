package event

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/text"
)

// Contexts tells what an article is about (PLOVER contexts), from its vocabulary.
type Contexts struct {
	cues  map[string]*contextCues // the cues, by their first word
	first *text.Filter            // the keys of cues
	names []string                // the contexts in the file's order
	ids   map[string]int          // context name -> index of its count
	order []int                   // the index of the count of each of names
	// byName are the indexes in names in the order of the names (counter.result writes them so)
	byName []int
}

// contextCues are the cues that begin with one word.
type contextCues struct {
	word    []int           // the contexts the word alone is a cue of (indexes in ids' order)
	phrases []contextPhrase // cues of several words
}

type contextPhrase struct {
	words   []string
	context int
}

// LoadContexts reads contexts.tsv from dir, or the shipped one.
func LoadContexts(dir string) (*Contexts, error) {
	var r io.ReadCloser
	name := "event/data/contexts.tsv"
	if dir != "" {
		if f, err := os.Open(filepath.Join(dir, "contexts.tsv")); err == nil {
			r, name = f, filepath.Join(dir, "contexts.tsv")
		}
	}
	if r == nil {
		f, err := shipped.Open("data/contexts.tsv")
		if err != nil {
			return nil, err
		}
		r = f
	}
	defer r.Close()
	c := &Contexts{cues: map[string]*contextCues{}, ids: map[string]int{}}
	cuesOf := func(w string) *contextCues {
		if c.cues[w] == nil {
			c.cues[w] = &contextCues{}
		}
		return c.cues[w]
	}
	err := eachLine(r, name, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return fmt.Errorf("want 2 tab-separated fields (context, words), found %d", len(f))
		}
		ctx := strings.TrimSpace(f[0])
		if ctx == "" || strings.ContainsAny(ctx, " |") {
			return fmt.Errorf("context name %q must be one word", ctx)
		}
		c.names = append(c.names, ctx)
		id, ok := c.ids[ctx]
		if !ok {
			id = len(c.ids)
			c.ids[ctx] = id
		}
		for _, w := range strings.Split(f[1], "|") {
			toks := text.AppendTokens(nil, strings.TrimSpace(w), 0)
			switch len(toks) {
			case 0:
				return fmt.Errorf("empty cue")
			case 1:
				cs := cuesOf(toks[0].Lower)
				cs.word = append(cs.word, id)
			default:
				p := contextPhrase{context: id}
				for _, t := range toks {
					p.words = append(p.words, t.Lower)
				}
				cs := cuesOf(p.words[0])
				cs.phrases = append(cs.phrases, p)
			}
		}
		return nil
	})
	for i, n := range c.names {
		c.order = append(c.order, c.ids[n])
		c.byName = append(c.byName, i)
	}
	sort.SliceStable(c.byName, func(i, j int) bool { return c.names[c.byName[i]] < c.names[c.byName[j]] })
	var keys []string
	for w := range c.cues {
		keys = append(keys, w)
	}
	c.first = text.NewFilter(keys...)
	return c, err
}

// counter counts a document's context cues sentence by sentence.
type counter struct {
	c    *Contexts
	hits []int // cue hits per context
	// the lists result returned, by the set of contexts in them (a worker's documents share a
	// few sets: a new list for each document was an allocation a document)
	memo [64]contextList
}

// contextList is a list of contexts that counter.result returned and the set of them it is: bit j
// for the context c.names[c.byName[j]].
type contextList struct {
	set   uint64 // 0: none yet
	names []string
}

func (c *Contexts) counter() *counter { return new(counter).reset(c) }

// reset empties k for a document of c and returns it: its counts' memory is reused.
func (k *counter) reset(c *Contexts) *counter {
	if k.c != c || len(k.hits) != len(c.ids) {
		*k = counter{c: c, hits: make([]int, len(c.ids))}
	}
	clear(k.hits)
	return k
}

// add counts the cues of one sentence's tokens: a word counts once, a phrase twice. lex holds
// the tokens' entries in the pattern tables when these hold the cues (Patterns.addCues), else nil.
func (k *counter) add(toks []text.Token, lex []*wordEntry) {
	if lex != nil {
		for i, e := range lex[:len(toks)] {
			if e.cues != nil { // (never nil: Patterns.lookUp)
				k.count(toks, i, e.cues, 1)
			}
		}
		return
	}
	for i := range toks {
		if k.c.first.HasToken(&toks[i]) {
			if cs := k.c.cues[toks[i].Lower]; cs != nil {
				k.count(toks, i, cs, 1)
			}
		}
	}
}

// count counts cs, the cues that begin with the word of token i, by times (-1 takes back what
// 1 counted).
func (k *counter) count(toks []text.Token, i int, cs *contextCues, times int) {
	for _, ctx := range cs.word {
		k.hits[ctx] += times
	}
	for _, p := range cs.phrases {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for j, w := range p.words[1:] {
			if toks[i+1+j].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			k.hits[p.context] += 2 * times
		}
	}
}

// takeBack takes back what k counted of the cues that begin with the first n of toks, a
// sentence's tokens (lex their entries): docState.read counts a sentence's cues before it knows
// that it opens with a dateline, whose cues do not count.
func (k *counter) takeBack(toks []text.Token, lex []*wordEntry, n int) {
	for i, e := range lex[:n] {
		if e.cues != nil {
			k.count(toks, i, e.cues, -1)
		}
	}
}

// result returns the contexts named at least twice, sorted (nil for none). The list may be one
// that it returned for an earlier document (the events of documents share it): it must not be
// written to.
func (k *counter) result() []string {
	n := 0
	var set uint64 // (of the first 64 contexts: set and memo are used only when there are no more)
	for j, i := range k.c.byName {
		if k.hits[k.c.order[i]] >= 2 {
			n++
			set |= 1 << (j & 63)
		}
	}
	if n == 0 {
		return nil
	}
	memo := len(k.c.byName) <= 64
	slot := &k.memo[set*0x9e3779b97f4a7c15>>58] // (the top six bits of Fibonacci hashing)
	if memo && slot.set == set {
		return slot.names
	}
	out := make([]string, 0, n)
	for _, i := range k.c.byName {
		if k.hits[k.c.order[i]] >= 2 {
			out = append(out, k.c.names[i])
		}
	}
	if memo {
		*slot = contextList{set, out}
	}
	return out
}
