package merge

import (
	"encoding/binary"
	"hash/fnv"
)

// What a database needs to find near-duplicate documents among those it stored before, with the
// MinHash signatures and bands of Duplicates.

// Signature returns the MinHash signature of the word shingles of a text, as Duplicates computes
// it, or nil when the text has no words.
func Signature(text string) []uint64 {
	return signature(text)
}

// SignatureSimilarity returns the estimated Jaccard similarity of two signatures (0 to 1); a
// document is a copy of another when it is DuplicateSimilarity or more.
func SignatureSimilarity(a, b []uint64) float64 {
	return similarity(a, b)
}

// BandKeys returns one key per band of a signature (nil for nil): two documents whose signatures
// agree on all the rows of a band share that band's key, and documents that share a key are the
// candidates to compare, as Duplicates compares them. Keys differ from band to band.
func BandKeys(sig []uint64) []uint64 {
	if sig == nil {
		return nil
	}
	keys := make([]uint64, 0, numHashes/bandRows)
	var buf [8]byte
	for b := 0; b < numHashes/bandRows; b++ {
		h := fnv.New64a()
		binary.LittleEndian.PutUint64(buf[:], uint64(b))
		h.Write(buf[:])
		for _, v := range sig[b*bandRows : (b+1)*bandRows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		keys = append(keys, h.Sum64())
	}
	return keys
}
