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
}

// Run codes the documents received from docs on workers goroutines (0: one per CPU) and calls
// emit with each document's events in input order. This is the one place where dyad works in
// parallel: documents are independent, so each is coded whole by one worker. At most a few
// documents per worker wait for their turn, so memory stays bounded however long the input.
// If emit fails, Run stops taking documents and returns its error.
func (c *Coder) Run(docs <-chan ingest.Document, workers int, emit func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		doc ingest.Document
	}
	type done struct {
		seq int
		res Result
	}
	jobs := make(chan job)
	results := make(chan done, workers)
	window := make(chan struct{}, 4*workers) // documents taken but not yet emitted
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- done{j.seq, Result{Doc: j.doc, Events: c.Code(j.doc)}}
			}
		}()
	}
	stop := make(chan struct{})
	go func() {
		defer close(jobs)
		seq := 0
		for d := range docs {
			select {
			case window <- struct{}{}:
			case <-stop:
				for range docs { // drain so that the producer can finish
				}
				return
			}
			select {
			case jobs <- job{seq, d}:
			case <-stop:
				for range docs {
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
	pending := map[int]Result{}
	next := 0
	var err error
	for d := range results {
		pending[d.seq] = d.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err == nil {
				if err = emit(r); err != nil {
					close(stop)
				}
			}
		}
	}
	return err
}
