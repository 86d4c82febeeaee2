// Package merge makes one event of many reports: it finds the documents that copy others (wire
// copies, re-posts) and merges the events that several documents report into one, with how many
// reports tell it and where they come from.
package merge

import (
	"encoding/binary"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/when"
)

// Near-duplicate detection: MinHash over word shingles, with locality-sensitive hashing to find
// the candidate pairs without comparing every pair of documents.
const (
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 3
	// DuplicateSimilarity is the least estimated Jaccard similarity of two documents' shingles
	// for one to be a copy of the other. A verbatim copy is 1; a copy with another dateline or a
	// line of its own added is about 0.9 for a short article; two outlets' own reports of one
	// meeting share names and phrases but stay under 0.2.
	DuplicateSimilarity = 0.6

	numHashes = 128 // MinHash functions
	bandRows  = 4   // rows of a band: documents that agree on all the rows of one band are compared
)

// Duplicates returns, for each document that copies an earlier one, the id of the document it
// copies: doc id -> original id. Documents are near duplicates when their texts' word shingles
// have an estimated Jaccard similarity of DuplicateSimilarity or more (titles are not compared,
// so a copy under another headline is a copy). Of a group of near duplicates, the original is the
// earliest published (when.Published; documents without a date come after those with one), then
// the first in input order; every other member maps to it. Documents without words copy nothing.
func Duplicates(docs []ingest.Document) map[string]string {
	sigs := make([][]uint64, len(docs))
	for i, d := range docs {
		sigs[i] = signature(d.Text)
	}
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// candidates: documents whose signatures agree on a whole band
	for b := 0; b < numHashes/bandRows; b++ {
		buckets := map[uint64][]int{}
		for i, sig := range sigs {
			if sig == nil {
				continue
			}
			h := fnv.New64a()
			var buf [8]byte
			for _, v := range sig[b*bandRows : (b+1)*bandRows] {
				binary.LittleEndian.PutUint64(buf[:], v)
				h.Write(buf[:])
			}
			k := h.Sum64()
			buckets[k] = append(buckets[k], i)
		}
		// the buckets in a fixed order: which documents a bucket compares depends on the groups
		// joined before it, so an order that changed from run to run (a map's) could change them
		keys := make([]uint64, 0, len(buckets))
		for k := range buckets {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			list := buckets[k]
			// compare each document with one member of each group met in the bucket so far
			var reps []int
			for _, j := range list {
				joined := false
				for _, i := range reps {
					if find(i) == find(j) {
						joined = true
					} else if similarity(sigs[i], sigs[j]) >= DuplicateSimilarity {
						parent[find(j)] = find(i)
						joined = true
					}
				}
				if !joined {
					reps = append(reps, j)
				}
			}
		}
	}
	// the original of each group: the earliest published, then the first
	pub := make([]string, len(docs))
	for i, d := range docs {
		pub[i], _ = when.Published(d.Published, d.Text)
	}
	earlier := func(i, j int) bool {
		switch {
		case pub[i] == pub[j]:
			return i < j
		case pub[i] == "":
			return false
		case pub[j] == "":
			return true
		}
		return pub[i] < pub[j]
	}
	// the groups in the order of their first documents, so that an id that stands in two groups
	// (two documents may share an id) maps to the same original from run to run
	groups := map[int][]int{}
	var roots []int
	for i := range docs {
		r := find(i)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := map[string]string{}
	for _, r := range roots {
		members := groups[r]
		if len(members) < 2 {
			continue
		}
		sort.SliceStable(members, func(a, b int) bool { return earlier(members[a], members[b]) })
		orig := docs[members[0]].ID
		for _, m := range members[1:] {
			if id := docs[m].ID; id != orig {
				if _, seen := out[id]; !seen {
					out[id] = orig
				}
			}
		}
	}
	return out
}

// Similarity returns the estimated Jaccard similarity of the word shingles of two texts (0 to 1),
// as Duplicates compares documents.
func Similarity(a, b string) float64 {
	return similarity(signature(a), signature(b))
}

func similarity(a, b []uint64) float64 {
	if a == nil || b == nil {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// signature returns the MinHash signature of the word shingles of text, nil when it has no words.
func signature(text string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return nil
	}
	sig := make([]uint64, numHashes)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	n := max(1, len(words)-ShingleWords+1)
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		for _, w := range words[i:min(len(words), i+ShingleWords)] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for k := range sig {
			if v := mix(x + uint64(k)*0x9e3779b97f4a7c15); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// mix is the SplitMix64 finaliser: a cheap hash of x whose outputs for x, x+c, x+2c ... behave as
// independent hash functions.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
