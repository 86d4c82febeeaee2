package event

import (
	"runtime"
	"sync"

	"github.com/dyad-events/dyad/ingest"
)

// Result is one document's events.
type Result struct {
	Doc    ingest.Document
	Events []Event
	// Err says why the record could not be read as an article (RunRecords); Doc and Events
	// are then empty.
	Err *ingest.RecordError
	// Out is what the format function given to RunRecords wrote for the document.
	Out []byte
}

// Run codes the documents received from docs on workers goroutines (0: one per CPU) and calls
// emit with each document's events in input order. See RunRecords.
func (c *Coder) Run(docs <-chan ingest.Document, workers int, emit func(Result) error) error {
	recs := make(chan ingest.Record)
	go func() {
		defer close(recs)
		for d := range docs {
			recs <- ingest.Record{Doc: d}
		}
	}()
	return c.RunRecords(recs, workers, nil, func(r *Result) error { return emit(*r) })
}

// RunRecords decodes and codes the records received from recs on workers goroutines (0: one per
// CPU) and calls emit with each record's result in input order. This is the one place where
// dyad works in parallel: documents are independent, so each is decoded, coded and formatted
// whole by one worker, and emit only has to write. When format is not nil, the worker calls it
// with a buffer to append to (recycled from results already emitted) and sets Result.Out to
// what it returns; emit must not keep Out once it has returned. At most a few batches of
// documents per worker wait for their turn, so memory stays bounded however long the input.
// If emit or format fails, RunRecords stops taking records and returns the first error in
// input order.
func (c *Coder) RunRecords(recs <-chan ingest.Record, workers int, format func(dst []byte, r *Result) ([]byte, error),
	emit func(*Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Records go to the workers in batches of those at hand (up to maxBatch records or
	// maxBatchText bytes), so that a worker and the writer wake each other once a batch rather
	// than once a document; a record that arrives alone is not held back.
	const maxBatch, maxBatchText = 64, 256 << 10
	type job struct {
		seq  int
		recs []ingest.Record
	}
	type done struct {
		seq  int
		res  []Result
		errs []error // from format
	}
	size := 4 * workers // batches taken but not yet emitted
	jobs := make(chan job)
	results := make(chan done, workers)
	window := make(chan struct{}, size)
	free := make(chan []byte, size*maxBatch) // output buffers to reuse
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				d := done{seq: j.seq, res: make([]Result, len(j.recs)), errs: make([]error, len(j.recs))}
				for k, rec := range j.recs {
					r := &d.res[k]
					doc, rerr := rec.Decode()
					if rerr != nil {
						r.Err = rerr
						continue
					}
					r.Doc, r.Events = doc, c.Code(doc)
					if format != nil {
						var buf []byte
						select {
						case buf = <-free:
						default:
						}
						r.Out, d.errs[k] = format(buf, r)
					}
				}
				results <- d
			}
		}()
	}
	stop := make(chan struct{})
	go func() {
		defer close(jobs)
		seq := 0
		for r := range recs {
			batch, text := []ingest.Record{r}, len(r.Line)+len(r.Doc.Text)
		fill:
			for len(batch) < maxBatch && text < maxBatchText {
				select {
				case r, ok := <-recs:
					if !ok {
						break fill
					}
					batch = append(batch, r)
					text += len(r.Line) + len(r.Doc.Text)
				default:
					break fill
				}
			}
			select {
			case window <- struct{}{}:
			case <-stop:
				for range recs { // drain so that the producer can finish
				}
				return
			}
			select {
			case jobs <- job{seq, batch}:
			case <-stop:
				for range recs {
				}
				return
			}
			seq++
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]done{}
	next := 0
	var err error
	for d := range results {
		pending[d.seq] = d
		for {
			b, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			for k := range b.res {
				r := &b.res[k]
				if err == nil {
					err = b.errs[k]
					if err == nil {
						err = emit(r)
					}
					if err != nil {
						close(stop)
					}
				}
				if r.Out != nil {
					select {
					case free <- r.Out[:0]:
					default:
					}
				}
			}
		}
	}
	return err
}
