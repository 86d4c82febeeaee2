// Package ingesttest gives tests the articles of the shared seeds and evaluation sets
// (../shared beside the repository), for checks that run a stage over real news text.
package ingesttest

import (
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/ingest"
)

// SharedDocs returns the documents of the seeds (shared/seeds/*.txt) and of the evaluation sets
// (shared/eval/*/docs.jsonl) under shared, the path of the shared directory; none when it is not
// there. A document that cannot be read fails t.
func SharedDocs(t testing.TB, shared string) []ingest.Document {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	sets, _ := filepath.Glob(filepath.Join(shared, "eval", "*", "docs.jsonl"))
	var docs []ingest.Document
	for _, p := range append(paths, sets...) {
		err := ingest.Read([]string{p}, nil, func(d ingest.Document) error {
			docs = append(docs, d)
			return nil
		}, func(e *ingest.RecordError) { t.Errorf("reading %s: %v", p, e) })
		if err != nil {
			t.Fatal(err)
		}
	}
	return docs
}
