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
// what it returns; emit must not keep Out once it has returned. At most a few documents per worker wait for their turn, so memory stays
// bounded however long the input. If emit or format fails, RunRecords stops taking records
// and returns the first error in input order.
func (c *Coder) RunRecords(recs <-chan ingest.Record, workers int, format func(dst []byte, r *Result) ([]byte, error),
	emit func(*Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		rec ingest.Record
	}
	type done struct {
		seq int
		res Result
		err error // from format
	}
	size := 4 * workers // records taken but not yet emitted
	jobs := make(chan job)
	results := make(chan done, workers)
	window := make(chan struct{}, size)
	free := make(chan []byte, size) // output buffers to reuse
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				d := done{seq: j.seq}
				doc, rerr := j.rec.Decode()
				if rerr != nil {
					d.res.Err = rerr
				} else {
					d.res = Result{Doc: doc, Events: c.Code(doc)}
					if format != nil {
						var buf []byte
						select {
						case buf = <-free:
						default:
						}
						d.res.Out, d.err = format(buf, &d.res)
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
			select {
			case window <- struct{}{}:
			case <-stop:
				for range recs { // drain so that the producer can finish
				}
				return
			}
			select {
			case jobs <- job{seq, r}:
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
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err == nil {
				err = r.err
				if err == nil {
					err = emit(&r.res)
				}
				if err != nil {
					close(stop)
				}
			}
			if r.res.Out != nil {
				select {
				case free <- r.res.Out[:0]:
				default:
				}
			}
		}
	}
	return err
}
