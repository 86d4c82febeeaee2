package event

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/text"
)

// eachReading reads each article of lexiconDocs as Coder.code does (read) and calls fn with the
// reading of each of its sentences, its actor mentions blocked, as triggers sets it up.
func eachReading(t *testing.T, fn func(rd *reading)) {
	t.Helper()
	c := testCoder(t)
	for _, d := range lexiconDocs(t) {
		st := readDoc(c, d)
		for idx := range st.sents {
			r := st.read1[idx]
			rd := &st.reading
			rd.set(st.allToks[r.first:r.end:r.end], st.allLex[r.first:r.end:r.end], st.allBlocked[r.first:r.end:r.end])
			fn(rd)
		}
		st.actors.Release()
	}
}

// findEvery is find without an index: it tries every pattern that begins with token i's word,
// matching the words themselves (matchWords). The index and the word numbers are held to it.
func findEvery(rd *reading, byFirst map[string][]*pattern, i int) (match, bool) {
	var best match
	found := false
	for _, p := range byFirst[rd.toks[i].Lower] {
		end, ok := rd.matchWords(p.words[1:], i+1)
		if !ok {
			continue
		}
		if found && !(match{i, end, p}).outranks(best) {
			continue
		}
		if usedAsVerb(rd.toks, rd.lex, &match{i, end, p}) {
			best, found = match{i, end, p}, true
		}
	}
	return best, found
}

// topicEvery is topicAt without an index, as findEvery is find.
func topicEvery(rd *reading, topics map[string][]*pattern, i int) int {
	end := -1
	for _, p := range topics[rd.toks[i].Lower] {
		if e, ok := rd.matchWords(p.words[1:], i+1); ok && e > end {
			end = e
		}
	}
	return end
}

// matchWords is matchAt comparing the words of the tokens rather than their numbers.
func (rd *reading) matchWords(words []string, i int) (int, bool) {
	if len(words) == 0 {
		return i, true
	}
	toks := rd.toks
	if words[0] == "*" {
		most := rd.maxGap(i)
		for gap := 0; gap <= most; gap++ {
			if end, ok := rd.matchWords(words[1:], i+gap); ok {
				return end, true
			}
			if i+gap >= len(toks) || !gapWord(toks, rd.lex, i+gap, rd.blocked) {
				return 0, false
			}
		}
		return 0, false
	}
	if i >= len(toks) || toks[i].Lower != words[0] {
		return 0, false
	}
	return rd.matchWords(words[1:], i+1)
}

// TestFindEvery holds find and topicAt at every token of real and generated articles to
// findEvery and topicEvery, and checks that some patterns of each kind of the index (one word,
// by their second word, by their third after a gap) were found.
func TestFindEvery(t *testing.T) {
	ps := testCoder(t).Patterns
	kinds := map[string]int{}
	topics := 0
	eachReading(t, func(rd *reading) {
		for i := range rd.toks {
			got, ok := find(rd, i)
			want, wantOK := findEvery(rd, ps.byFirst, i)
			if ok != wantOK || got != want {
				t.Fatalf("%q, token %d: find gives %+v, %v; want %+v, %v", rd.toks[i].Lower, i, got, ok, want, wantOK)
			}
			if ok {
				switch w := got.p.words; {
				case len(w) == 1:
					kinds["one word"]++
				case w[1] == "*":
					kinds["by the third word"]++
				default:
					kinds["by the second word"]++
				}
			}
			if got, want := topicAt(rd, i), topicEvery(rd, ps.topics, i); got != want {
				t.Fatalf("%q, token %d: topicAt gives %d; want %d", rd.toks[i].Lower, i, got, want)
			} else if got > i {
				topics++
			}
		}
	})
	if len(kinds) < 3 || topics == 0 {
		t.Fatalf("found %v and %d topics", kinds, topics)
	}
}

// TestWordNumbers checks that the entry of every word of every phrase has its number and bit,
// that no two words share a number, and that noEntry has none.
func TestWordNumbers(t *testing.T) {
	ps := testCoder(t).Patterns
	nums := map[uint32]string{}
	for _, byFirst := range []map[string][]*pattern{ps.byFirst, ps.topics} {
		for _, pats := range byFirst {
			for _, p := range pats {
				for k, w := range p.words {
					if w == "*" {
						if p.nums[k] != gap {
							t.Fatalf("%q: the gap is numbered %d", p.text, p.nums[k])
						}
						continue
					}
					e := ps.words[w]
					if e == nil || e.num == gap || p.nums[k] != e.num || e.bit != wordBit(e.num) {
						t.Fatalf("%q: word %q numbered %d, its entry %+v", p.text, w, p.nums[k], e)
					}
					if other, ok := nums[e.num]; ok && other != w {
						t.Fatalf("%q and %q are both numbered %d", w, other, e.num)
					}
					nums[e.num] = w
				}
			}
		}
	}
	if noEntry.num != 0 || noEntry.bit != 0 {
		t.Fatal("noEntry has a number")
	}
}

// TestReadLooksUpEveryToken checks that read, which looks the tokens up sentence by sentence,
// gives every token of the document its entry in the pattern tables and its Word in the
// knowledge base, in step with the tokens.
func TestReadLooksUpEveryToken(t *testing.T) {
	c := testCoder(t)
	for _, d := range lexiconDocs(t)[:200] {
		st := readDoc(c, d)
		var lex []*wordEntry
		var words []actor.Word
		for k, s := range st.sents {
			r := st.read1[k]
			lex, words, _, _ = c.words.lookUpSentence(lex, words, nil, s, st.allToks[r.start:r.end])
		}
		if len(st.allLex) != len(st.allToks) || len(st.allWords) != len(st.allToks) {
			t.Fatalf("%s: %d tokens, %d entries, %d words", d.ID, len(st.allToks), len(st.allLex), len(st.allWords))
		}
		for i := range st.allToks {
			if st.allLex[i] != lex[i] || st.allWords[i] != words[i] {
				t.Fatalf("%s: token %d %q: read gives %p, %+v; want %p, %+v", d.ID, i, st.allToks[i].Lower, st.allLex[i], st.allWords[i], lex[i], words[i])
			}
		}
		st.actors.Release()
	}
}

// TestGapWord holds gapWord, which tells most words by their first byte before anything else, to
// the test it made before, at every token of real and generated articles.
func TestGapWord(t *testing.T) {
	old := func(toks []text.Token, lex []*wordEntry, i int, blocked []bool) bool {
		if toks[i].Lower == "'s" || blocked[i] || hyphenAt(toks, i) || lex[i].is(currencyWord) {
			return true
		}
		return isWord(toks[i])
	}
	seen := map[bool]int{}
	eachReading(t, func(rd *reading) {
		for i := range rd.toks {
			got, want := gapWord(rd.toks, rd.lex, i, rd.blocked), old(rd.toks, rd.lex, i, rd.blocked)
			if got != want {
				t.Fatalf("%q, token %d: gapWord %v, want %v", rd.toks[i].Text, i, got, want)
			}
			seen[got]++
		}
	})
	if seen[true] == 0 || seen[false] == 0 {
		t.Fatalf("gap words: %v", seen)
	}
}

// TestThirdOneAsMany holds candidates' search for the one third word of a first word's index
// (firstIndex.thirdOne: "said", "told") to its search for any number of them, at every token of
// real and generated articles whose index has one, for patterns and topic phrases, and checks
// that the one word was found within the gap's reach and beyond it.
func TestThirdOneAsMany(t *testing.T) {
	groups := func(rd *reading, fi *firstIndex, i int) [][]*pattern {
		var out [][]*pattern
		rd.candidates(fi, i, func(ps []*pattern) { out = append(out, ps) })
		return out
	}
	tried, seen := 0, 0
	eachReading(t, func(rd *reading) {
		for i, e := range rd.lex {
			for _, fi := range []*firstIndex{e.first, e.topic} {
				if fi == nil || fi.thirdOne == nil {
					continue
				}
				got := groups(rd, fi, i)
				many := *fi
				many.thirdOne = nil
				want := groups(rd, &many, i)
				if len(got) != len(want) {
					t.Fatalf("%q, token %d: %d groups tried, want %d", rd.toks[i].Lower, i, len(got), len(want))
				}
				for k := range got {
					if &got[k][0] != &want[k][0] || len(got[k]) != len(want[k]) {
						t.Fatalf("%q, token %d: group %d is not the same", rd.toks[i].Lower, i, k)
					}
				}
				if slices.Contains(rd.lex[i+1:], fi.thirdOne) {
					seen++
					if len(got) > 0 && &got[len(got)-1][0] == &fi.third.pats[0] {
						tried++
					}
				}
			}
		}
	})
	if tried == 0 || tried == seen {
		t.Fatalf("the one third word tried %d times of %d found", tried, seen)
	}
	t.Logf("the one third word tried %d times of %d found", tried, seen)
}
