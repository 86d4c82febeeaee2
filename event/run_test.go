package event

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
)

// TestRunRecordsReuse holds RunRecords, which codes and formats into blocks a later batch
// reuses, to Code document by document: the same events and output for every record, in input
// order, over many batches, with one worker or several, and records that cannot be read among
// them.
func TestRunRecordsReuse(t *testing.T) {
	c := testCoder(t)
	docs := exampleDocs(t)
	if len(docs) == 0 {
		t.Fatal("no example articles")
	}
	format := func(dst []byte, r *Result) ([]byte, error) {
		var err error
		for i := range r.Events {
			if dst, err = r.Events[i].AppendJSON(dst); err != nil {
				return dst, err
			}
		}
		return dst, nil
	}
	var recs []ingest.Record
	var want [][]Event
	for i := range 400 {
		d := docs[i%len(docs)]
		d.ID = fmt.Sprintf("%s-%d", d.ID, i)
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if i%37 == 5 {
			line = []byte(`{"id":"broken"`)
		}
		recs = append(recs, ingest.Record{Line: line, Origin: "t", LineNo: i + 1})
		doc, rerr := recs[i].Decode()
		if rerr != nil {
			want = append(want, nil)
			continue
		}
		want = append(want, c.Code(doc))
	}
	for _, workers := range []int{1, 3} {
		ch := make(chan ingest.Record)
		go func() {
			defer close(ch)
			for _, r := range recs {
				ch <- r
			}
		}()
		n := 0
		err := c.RunRecords(ch, workers, format, func(r *Result) error {
			k := n
			n++
			if (r.Err != nil) != (want[k] == nil && recs[k].Line[len(recs[k].Line)-1] != '}') {
				t.Errorf("workers %d, record %d: error %v", workers, k, r.Err)
			}
			if !reflect.DeepEqual(r.Events, want[k]) {
				t.Errorf("workers %d, record %d: events differ from Code's", workers, k)
			}
			wantOut, _ := format(nil, &Result{Events: want[k]})
			if !bytes.Equal(r.Out, wantOut) {
				t.Errorf("workers %d, record %d: output\n%s\nwant\n%s", workers, k, r.Out, wantOut)
			}
			return nil
		})
		if err != nil || n != len(recs) {
			t.Errorf("workers %d: %d results, error %v", workers, n, err)
		}
	}
}

// TestRunRecordsShortFormat: a format function that does not append to the buffer it is given
// (here it returns a fresh, short slice) makes RunRecords fail with an error, not panic.
func TestRunRecordsShortFormat(t *testing.T) {
	c := testCoder(t)
	ch := make(chan ingest.Record)
	go func() {
		defer close(ch)
		for i := range 50 {
			id := fmt.Sprintf("%0*d", 1+(i*7)%23, i) // ids of mixed length
			ch <- ingest.Record{Line: []byte(`{"id":"` + id + `","text":"Iran condemned Syria."}`), Origin: "t", LineNo: i + 1}
		}
	}()
	format := func(_ []byte, r *Result) ([]byte, error) { return []byte(r.Doc.ID + "\n"), nil }
	err := c.RunRecords(ch, 2, format, func(r *Result) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "must append") {
		t.Errorf("error %v, want one saying the format must append", err)
	}
	// and RunRecordsTo with one worker
	ch = make(chan ingest.Record)
	go func() {
		defer close(ch)
		for i := range 50 {
			id := fmt.Sprintf("%0*d", 1+(i*7)%23, i)
			ch <- ingest.Record{Line: []byte(`{"id":"` + id + `","text":"Iran condemned Syria."}`), Origin: "t", LineNo: i + 1}
		}
	}()
	err = c.RunRecordsTo(io.Discard, ch, 1, format, func(r *Result) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "must append") {
		t.Errorf("RunRecordsTo: error %v, want one saying the format must append", err)
	}
}

// TestRunRecordsTo holds RunRecordsTo, which writes a batch's output at once and codes every
// document of a worker into the same small block, to RunRecords with an emit that writes each
// result's Out: the same bytes, with one worker or several and records that cannot be read among
// the others (no event of a document left in the block shows in the next one's output); emit sees
// no Events; and a format that fails stops it after the output of the records before.
func TestRunRecordsTo(t *testing.T) {
	c := testCoder(t)
	docs := exampleDocs(t)
	var lines []string
	for i := range 300 {
		d := docs[i%len(docs)]
		d.ID = fmt.Sprintf("%s-%d", d.ID, i)
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if i%41 == 7 {
			line = []byte(`{"id":"broken"`)
		}
		lines = append(lines, string(line))
	}
	records := func() <-chan ingest.Record {
		ch := make(chan ingest.Record)
		go func() {
			defer close(ch)
			for i, l := range lines {
				ch <- ingest.Record{Line: []byte(l), Origin: "t", LineNo: i + 1}
			}
		}()
		return ch
	}
	failAt := ""
	format := func(dst []byte, r *Result) ([]byte, error) {
		if r.Doc.ID == failAt {
			return dst, fmt.Errorf("failing at %s", failAt)
		}
		return AppendJSONLines(dst, r.Events)
	}
	for _, workers := range []int{1, 2} {
		for _, fail := range []string{"", fmt.Sprintf("%s-%d", docs[150%len(docs)].ID, 150)} {
			failAt = fail
			var want bytes.Buffer
			wantErr := c.RunRecords(records(), workers, format, func(r *Result) error {
				want.Write(r.Out)
				return nil
			})
			var got bytes.Buffer
			failed, withEvents := 0, 0
			err := c.RunRecordsTo(&got, records(), workers, format, func(r *Result) error {
				if r.Err != nil {
					failed++
				}
				if r.Events != nil {
					withEvents++
				}
				return nil
			})
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || (fail != "") != (err != nil) {
				t.Errorf("workers %d, failing at %q: error %v, want %v", workers, fail, err, wantErr)
			}
			if failed == 0 || want.Len() == 0 || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("workers %d, failing at %q: %d bytes written (%d records not read), want %d bytes", workers, fail, got.Len(), failed, want.Len())
			}
			if withEvents > 0 {
				t.Errorf("workers %d, failing at %q: emit saw the events of %d results, want none", workers, fail, withEvents)
			}
		}
	}
}

// TestRunRecordsCodingPanic holds RunRecords to reporting a document that makes the coder panic
// as that record's error, naming its line, and going on with the others: a coder without its
// dictionaries panics on every document.
func TestRunRecordsCodingPanic(t *testing.T) {
	formats := []func([]byte, *Result) ([]byte, error){nil, func(b []byte, r *Result) ([]byte, error) { return append(b, r.Doc.ID...), nil }}
	for _, format := range formats {
		ch := make(chan ingest.Record)
		go func() {
			defer close(ch)
			for i := range 20 {
				ch <- ingest.Record{Line: fmt.Appendf(nil, `{"id":"d%d","text":"Iran condemned Syria."}`, i), Origin: "t", LineNo: i + 1}
			}
		}()
		n := 0
		err := (&Coder{}).RunRecords(ch, 2, format, func(r *Result) error {
			n++
			if r.Err == nil || !strings.Contains(r.Err.Error(), fmt.Sprintf("t:%d: record \"d%d\": could not be coded", n, n-1)) {
				t.Errorf("record %d: error %v, want it reported as not coded", n, r.Err)
			}
			if len(r.Events) > 0 || len(r.Out) > 0 {
				t.Errorf("record %d: %d events, %d bytes out, want none", n, len(r.Events), len(r.Out))
			}
			return nil
		})
		if err != nil || n != 20 {
			t.Errorf("RunRecords: %v after %d records, want no error after 20", err, n)
		}
	}
	// and RunRecordsTo, with one worker and two: nothing written
	for _, workers := range []int{1, 2} {
		ch := make(chan ingest.Record)
		go func() {
			defer close(ch)
			for i := range 20 {
				ch <- ingest.Record{Line: fmt.Appendf(nil, `{"id":"d%d","text":"Iran condemned Syria."}`, i), Origin: "t", LineNo: i + 1}
			}
		}()
		var out bytes.Buffer
		n := 0
		err := (&Coder{}).RunRecordsTo(&out, ch, workers, formats[1], func(r *Result) error {
			n++
			if r.Err == nil || !strings.Contains(r.Err.Error(), fmt.Sprintf("t:%d: record \"d%d\": could not be coded", n, n-1)) {
				t.Errorf("workers %d, record %d: error %v, want it reported as not coded", workers, n, r.Err)
			}
			return nil
		})
		if err != nil || n != 20 || out.Len() > 0 {
			t.Errorf("RunRecordsTo, workers %d: %v after %d records, %d bytes written, want no error after 20, nothing written", workers, err, n, out.Len())
		}
	}
}

// failingWriter takes n bytes and then fails.
type failingWriter struct {
	bytes.Buffer
	n int
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.Len()+len(p) > f.n {
		return 0, fmt.Errorf("disk full")
	}
	return f.Buffer.Write(p)
}

// TestRunRecordsToStops holds RunRecordsTo, with one worker and with several, to stopping at an
// emit that fails, having written exactly the output of the records before, and at a write that
// fails, reporting it.
func TestRunRecordsToStops(t *testing.T) {
	c := testCoder(t)
	docs := exampleDocs(t)
	records := func() <-chan ingest.Record {
		ch := make(chan ingest.Record)
		go func() {
			defer close(ch)
			for i := range 600 {
				d := docs[i%len(docs)]
				d.ID = fmt.Sprintf("%s-%d", d.ID, i)
				line, _ := json.Marshal(d)
				ch <- ingest.Record{Line: line, Origin: "t", LineNo: i + 1}
			}
		}()
		return ch
	}
	format := func(dst []byte, r *Result) ([]byte, error) { return AppendJSONLines(dst, r.Events) }
	var all bytes.Buffer
	var outs [][]byte
	if err := c.RunRecords(records(), 2, format, func(r *Result) error {
		all.Write(r.Out)
		outs = append(outs, bytes.Clone(r.Out))
		return nil
	}); err != nil || all.Len() < 200<<10 {
		t.Fatalf("RunRecords: %v, %d bytes, want at least 200 KiB", err, all.Len())
	}
	for _, workers := range []int{1, 2} {
		for _, stopAt := range []int{0, 1, 301, 599} {
			var got bytes.Buffer
			n := 0
			err := c.RunRecordsTo(&got, records(), workers, format, func(r *Result) error {
				if n == stopAt {
					return fmt.Errorf("stop at %d", n)
				}
				n++
				return nil
			})
			if want := bytes.Join(outs[:stopAt], nil); err == nil || !bytes.Equal(got.Bytes(), want) {
				t.Errorf("workers %d, emit failing at %d: error %v, %d bytes written, want %d", workers, stopAt, err, got.Len(), len(want))
			}
		}
		fw := &failingWriter{n: 100 << 10}
		err := c.RunRecordsTo(fw, records(), workers, format, func(r *Result) error { return nil })
		if err == nil || err.Error() != "disk full" || !bytes.HasPrefix(all.Bytes(), fw.Bytes()) {
			t.Errorf("workers %d, write failing: error %v, %d bytes written", workers, err, fw.Len())
		}
	}
}

// TestRunRecordsHugeDocument holds RunRecords and RunRecordsTo to Code on a document over
// maxPooledText with more than maxKeptEvents events among small ones: the blocks it grew are let
// go rather than kept for the documents after it (its scratch is not pooled), and the output of
// every document is still Code's.
func TestRunRecordsHugeDocument(t *testing.T) {
	c := testCoder(t)
	huge := strings.Repeat("Peru met Chile. Bolivia criticised Ecuador. ", maxPooledText/40)
	var docs []ingest.Document
	for i := range 40 {
		d := ingest.Document{ID: fmt.Sprint("small-", i), Text: "Chile praised Peru on Monday. Ecuador accused Bolivia."}
		if i == 10 || i == 30 {
			d = ingest.Document{ID: fmt.Sprint("huge-", i), Text: huge}
		}
		docs = append(docs, d)
	}
	var want []byte
	for i, d := range docs {
		evs := c.Code(d)
		if i == 10 {
			if len(evs) <= maxKeptEvents {
				t.Fatalf("%d events in the huge document, want more than %d", len(evs), maxKeptEvents)
			}
			buf := scratchPool.Get().(*scratch)
			if cap(buf.allToks) > maxPooledText/5 {
				t.Errorf("the scratch of the huge document was pooled (%d tokens)", cap(buf.allToks))
			}
			scratchPool.Put(buf)
		}
		var err error
		if want, err = AppendJSONLines(want, evs); err != nil {
			t.Fatal(err)
		}
	}
	records := func() <-chan ingest.Record {
		ch := make(chan ingest.Record)
		go func() {
			defer close(ch)
			for _, d := range docs {
				ch <- ingest.Record{Doc: d}
			}
		}()
		return ch
	}
	format := func(dst []byte, r *Result) ([]byte, error) { return AppendJSONLines(dst, r.Events) }
	for _, workers := range []int{1, 2} {
		var got bytes.Buffer
		err := c.RunRecords(records(), workers, format, func(r *Result) error {
			got.Write(r.Out)
			return nil
		})
		if err != nil || !bytes.Equal(got.Bytes(), want) {
			t.Errorf("RunRecords, workers %d: %d bytes, want %d (error %v)", workers, got.Len(), len(want), err)
		}
		got.Reset()
		err = c.RunRecordsTo(&got, records(), workers, format, func(r *Result) error { return nil })
		if err != nil || !bytes.Equal(got.Bytes(), want) {
			t.Errorf("RunRecordsTo, workers %d: %d bytes, want %d (error %v)", workers, got.Len(), len(want), err)
		}
	}
}
