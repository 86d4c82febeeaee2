package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store/storetest"
)

// The benchmarks run only with -bench; the README's "Store" section gives their figures:
//
//	go test ./store -run '^$' -bench . -benchtime 3x
//
// BenchmarkIngest stores coded documents (the coding itself is done before the clock starts),
// and BenchmarkTimeline times a monthly dyad timeline over a million stored events.

func BenchmarkIngest(b *testing.B) {
	coder, err := event.NewCoder("", "")
	if err != nil {
		b.Fatal(err)
	}
	docs := storetest.Corpus(2000)
	results := make([][]event.Event, len(docs))
	events := 0
	for i, d := range docs {
		results[i] = coder.Code(d)
		events += len(results[i])
	}
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			newDSN := func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "bench.db") }
			if name == "postgres" {
				newDSN = storetest.StartPostgres(b).NewDatabase
			}
			ctx := context.Background()
			for range b.N {
				b.StopTimer()
				s, err := Open(newDSN(b))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				w := s.NewWriter(DefaultBatch)
				for i, d := range docs {
					if err := w.Add(ctx, d, results[i]); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Commit(ctx); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(b.N*len(docs))/secs, "docs/s")
			b.ReportMetric(float64(b.N*events)/secs, "events/s")
		})
	}
}

// BenchmarkTimeline fills a database with a million events between ten countries, half of them
// between Iran and Syria, over ten years, and times dyad timeline by month for that dyad (half a
// million events) and for one of the others (about eleven thousand).
func BenchmarkTimeline(b *testing.B) {
	const n = 1_000_000
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			dsn := filepath.Join(b.TempDir(), "bench.db")
			if name == "postgres" {
				dsn = storetest.StartPostgres(b).NewDatabase(b)
			}
			s, err := Open(dsn)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			start := time.Now()
			if err := fillEvents(s, n); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d events inserted in %v", name, n, time.Since(start).Round(time.Millisecond))
			for _, dyad := range [][2]string{{"IRN", "SYR"}, {"FRA", "DEU"}} {
				b.Run(dyad[0]+"-"+dyad[1], func(b *testing.B) {
					var rows []TimelineRow
					for range b.N {
						rows, err = s.Timeline(context.Background(), TimelineQuery{A: dyad[0], B: dyad[1], By: "month"})
						if err != nil {
							b.Fatal(err)
						}
					}
					total := 0
					for _, r := range rows {
						total += r.Events
					}
					b.ReportMetric(float64(total), "events")
					b.ReportMetric(float64(len(rows)), "rows")
				})
			}
		})
	}
}

// fillEvents inserts n made-up events straight into the events table, 500 a statement (n is
// a multiple of 500).
func fillEvents(s *Store, n int) error {
	countries := []string{"IRN", "SYR", "TUR", "RUS", "EGY", "JOR", "FRA", "DEU", "IRQ", "LBN"}
	rng := rand.New(rand.NewPCG(1, 2))
	const perStatement = 500
	query := s.q(insertRows("events ("+eventColumns+")", eventColumnCount, perStatement))
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer stmt.Close()
	args := make([]any, 0, eventColumnCount*perStatement)
	for i := range n {
		src, tgt := "IRN", "SYR"
		if rng.IntN(2) == 0 {
			src, tgt = tgt, src
		}
		if rng.IntN(2) == 0 {
			src, tgt = countries[rng.IntN(10)], countries[rng.IntN(10)]
		}
		typ := Types[rng.IntN(len(Types))]
		e := event.Event{ID: fmt.Sprintf("bench%08d", i), DocID: fmt.Sprintf("doc%07d", i/5), Sentence: i % 5,
			Date:       fmt.Sprintf("%d-%02d-%02d", 2015+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28)),
			DateSource: "published", Type: typ, Cameo: "000", Goldstein: float64(rng.IntN(21) - 10),
			Source:   event.Actor{Text: src, Country: src, Sector: "GOV", Code: src + "GOV"},
			Target:   &event.Actor{Text: tgt, Country: tgt, Sector: "GOV", Code: tgt + "GOV"},
			Evidence: src + " did something to " + tgt, Confidence: 0.8}
		args = append(args, eventArgs(&e)...)
		if len(args) == cap(args) {
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return err
			}
			args = args[:0]
		}
	}
	return tx.Commit()
}
