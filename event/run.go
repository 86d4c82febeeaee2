package event

import (
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"

	"github.com/dyad-events/dyad/ingest"
)

// Result is one document's events.
type Result struct {
	Doc    ingest.Document
	Events []Event
	// Err says why the record could not be read as an article, or coded (RunRecords); Events
	// is then empty, and so is Doc when the record could not be read.
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
// with a buffer to append to (it must return the buffer extended, as append does: a format
// that returns less is reported as failing) and sets Result.Out to what it appended; the memory of Out and of
// Events is then reused once emit has returned (emit must not keep them), so that a long run
// allocates little beyond what it reads. At most a few batches of documents per worker wait for
// their turn, so memory stays bounded however long the input. If emit or format fails,
// RunRecords stops taking records and returns the first error in input order.
func (c *Coder) RunRecords(recs <-chan ingest.Record, workers int, format func(dst []byte, r *Result) ([]byte, error),
	emit func(*Result) error) error {
	return c.runRecords(recs, workers, format, emit, nil)
}

// RunRecordsTo is RunRecords that also writes what format wrote to w, in input order: the output
// of a batch of records at once, once emit has seen each of its results, rather than emit copying
// each result's Out into a buffer. The results that emit sees have no Events (format has seen
// them: their memory is reused for the next document at once). It stops, as RunRecords does, at
// the first error, having written the output of the records before it; a failing write stops it
// too.
func (c *Coder) RunRecordsTo(w io.Writer, recs <-chan ingest.Record, workers int,
	format func(dst []byte, r *Result) ([]byte, error), emit func(*Result) error) error {
	if format == nil {
		return fmt.Errorf("event: RunRecordsTo needs a format")
	}
	return c.runRecords(recs, workers, format, emit, w)
}

// runRecords is RunRecords, writing the output of format to w as RunRecordsTo says when w is not
// nil.
func (c *Coder) runRecords(recs <-chan ingest.Record, workers int, format func(dst []byte, r *Result) ([]byte, error),
	emit func(*Result) error, w io.Writer) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Records go to the workers in batches of those at hand (up to maxBatch records or
	// maxBatchText bytes), so that a worker and the writer wake each other once a batch rather
	// than once a document; a record that arrives alone is not held back. A batch is kept small
	// (16 KiB of text, ~64 KiB of output) so that the blocks its output and results are written
	// to, which the batches in flight take up in turn, stay in the caches: with 256 KiB (~1 MiB
	// of output, the whole L2 of a core) every byte of output was written to memory out of the
	// caches and evicted the coder's tables (cachegrind, L2 simulated, per MB: 0.017 M fewer
	// write misses and ~0.01 M fewer read misses). On more than one core a batch holds 64 KiB:
	// handing a batch to a goroutine on another core wakes that core, and with 16 KiB batches
	// two workers spent 6% more time on 100 MB than with 64 KiB (32 KiB: the same as 64)
	const maxBatch = 64
	maxBatchText := 16 << 10
	if runtime.GOMAXPROCS(0) > 1 {
		maxBatchText = 64 << 10
	}
	type job struct {
		seq  int
		recs []ingest.Record
	}
	// done is a batch's results; with format, its blocks are reused by a later batch once
	// emitted (spare)
	type done struct {
		seq     int
		res     []Result
		errs    []error // from format
		out     []byte  // the Out of each result, one after the other
		events  []Event // the Events of each result, one after the other
		targets []Actor // their targets
		// the lengths of events and targets in the batch that used the blocks before: what the
		// coding of this one leaves over of them is cleared after it (clearStale)
		staleEvents, staleTargets int
	}
	size := 4 * workers // batches taken but not yet emitted
	jobs := make(chan job)
	results := make(chan done, workers)
	window := make(chan struct{}, size)
	spare := make(chan done, size) // emitted batches whose memory is free (with format)
	// the record slices of batches coded, emptied, for the batches to come: the batch was a
	// fresh slice grown record by record (a batch is most often a few records at hand)
	freeBatches := make(chan []ingest.Record, size+workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// With w (RunRecordsTo), nothing reads a document's events once they are formatted
			// (emit sees its Out): the worker codes every document into these two small blocks
			// of its own, which stay in the caches from one document to the next, rather than
			// into the batch's blocks, which a batch takes up again only batches later (cold:
			// every event was written to memory out of the caches).
			var docEvents []Event
			var docTargets []Actor
			if w != nil {
				docEvents, docTargets = make([]Event, 0, 64), make([]Actor, 0, 64)
			}
			for j := range jobs {
				var d done
				if format != nil {
					select {
					case d = <-spare:
					default:
					}
				}
				n := len(j.recs)
				if cap(d.res) < n {
					d.res, d.errs = make([]Result, n), make([]error, n)
				}
				d.seq, d.res, d.errs = j.seq, d.res[:n], d.errs[:n]
				for k, rec := range j.recs {
					r := &d.res[k]
					doc, rerr := rec.Decode()
					if rerr != nil {
						r.Err = rerr
						continue
					}
					r.Doc = doc
					if format == nil {
						evs, _, err := c.codeGuarded(rec, doc, nil, nil)
						if len(evs) > 0 {
							ownShared(evs) // (the caller keeps them)
							r.Events = evs
						}
						r.Err = err
						continue
					}
					if w != nil {
						staleEvents, staleTargets := len(docEvents), len(docTargets)
						docEvents, docTargets, r.Err = c.codeGuarded(rec, doc, docEvents[:0], docTargets[:0])
						// (what the document before left beyond this one's events and targets is
						// cleared, so that the blocks keep no more than the last document)
						clearStale(docEvents, staleEvents)
						clearStale(docTargets, staleTargets)
						if len(docEvents) > 0 {
							r.Events = docEvents
						}
						if len(doc.Text) > maxPooledText {
							// (formatted below; not kept at its size for the documents to come)
							docEvents, docTargets = make([]Event, 0, 64), make([]Actor, 0, 64)
						}
					} else {
						from := len(d.events)
						d.events, d.targets, r.Err = c.codeGuarded(rec, doc, d.events, d.targets)
						if len(d.events) > from {
							r.Events = d.events[from:len(d.events):len(d.events)]
						}
					}
					if r.Err != nil {
						continue
					}
					// formatted at once, while the document's events, its text (their evidence),
					// their rules and their actors' prepared JSON are still in the caches: after
					// the rest of the batch had been coded they were not
					from := len(d.out)
					out, err := format(d.out, r)
					if w != nil {
						r.Events = nil // (the next document is coded into the same block)
					}
					if len(out) < from { // (it did not append: report it, no panic)
						d.errs[k] = fmt.Errorf("event: the format of RunRecords must append to the buffer it is given (%s)", r.Doc.ID)
						continue
					}
					d.out, d.errs[k] = out, err
					r.Out = d.out[from:len(d.out):len(d.out)]
				}
				// (the coder wrote every event and target it kept over the batch's before: the
				// rest of them is cleared now rather than the whole blocks when they were emitted,
				// which was a second write of every event to memory by then long out of the caches)
				clearStale(d.events, d.staleEvents)
				clearStale(d.targets, d.staleTargets)
				clear(j.recs) // (the records keep their lines and texts)
				select {
				case freeBatches <- j.recs[:0]:
				default:
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
			var batch []ingest.Record
			select {
			case batch = <-freeBatches:
			default:
				batch = make([]ingest.Record, 0, maxBatch)
			}
			batch, text := append(batch, r), len(r.Line)+len(r.Doc.Text)
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
			upto := 0 // the output of the results emitted without error (their Out, one after the other)
			for k := range b.res {
				if err != nil {
					break
				}
				r := &b.res[k]
				err = b.errs[k]
				if err == nil {
					err = emit(r)
				}
				if err != nil {
					close(stop)
					break
				}
				upto += len(r.Out)
			}
			if w != nil && upto > 0 {
				if _, werr := w.Write(b.out[:upto]); werr != nil && err == nil {
					err = werr
					close(stop)
				}
			}
			if format != nil {
				// nothing of the batch is read any more: its blocks for a later batch, emptied so
				// that they keep no article, but for the events and targets, which the next batch
				// to use them writes over (and then clears what it leaves of them)
				clear(b.res)
				clear(b.errs)
				b.staleEvents, b.staleTargets = len(b.events), len(b.targets)
				b.out, b.events, b.targets = b.out[:0], b.events[:0], b.targets[:0]
				if cap(b.out) > maxKeptOut || cap(b.events) > maxKeptEvents {
					// a huge document's: not kept at its size for the batches to come
					b.out, b.events, b.targets = nil, nil, nil
					b.staleEvents, b.staleTargets = 0, 0
				}
				select {
				case spare <- b:
				default:
				}
			}
		}
	}
	return err
}

// maxKeptOut and maxKeptEvents are the largest output and events blocks of a batch (RunRecords)
// kept for the batches to come (a batch of news articles writes some 64 KiB on one core, 256
// KiB on more, and holds some hundreds of events): a huge document's
// are let go, as its scratch is (maxPooledText).
const (
	maxKeptOut    = 4 << 20
	maxKeptEvents = 4096
)

// codeGuarded is c.code for one record of a run. A document that makes the coder panic (a bug
// in dyad: the tests and the fuzz tests look for them) is reported as that record's error, with
// the events it had begun dropped, rather than stopping every other record of the run.
func (c *Coder) codeGuarded(rec ingest.Record, doc ingest.Document, events []Event, targets []Actor) (evs []Event, tgs []Actor, err *ingest.RecordError) {
	defer func() {
		if p := recover(); p != nil {
			origin := rec.Origin
			if rec.LineNo > 0 {
				origin += ":" + strconv.Itoa(rec.LineNo)
			}
			evs, tgs = events, targets
			err = &ingest.RecordError{Origin: origin, ID: doc.ID,
				Reason: fmt.Sprintf("could not be coded (a bug in dyad; please report it with this article): %v", p)}
		}
	}()
	evs, tgs = c.code(doc, nil, events, targets)
	return evs, tgs, nil
}
