package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/merge"
	"github.com/dyad-events/dyad/when"
)

// DefaultBatch is the number of documents a Writer stores per transaction by default: large
// enough that committing costs little, small enough that an interrupted run loses little.
const DefaultBatch = 500

// Stats counts what a Writer stored.
type Stats struct {
	Documents int // documents stored
	Skipped   int // documents not stored because one with the same text already was
	Events    int // events stored
	Merged    int // events one with a stored event (merge.Same) or an earlier one of the document
	// Duplicates are the documents stored that are near duplicates of a document stored before:
	// sources of their events that do not add to the mentions of events their original reports.
	Duplicates int
}

func (a *Stats) add(b Stats) {
	a.Documents += b.Documents
	a.Skipped += b.Skipped
	a.Events += b.Events
	a.Merged += b.Merged
	a.Duplicates += b.Duplicates
}

// Writer stores documents with their events, in transactions of a fixed number of documents.
// Each transaction is all or nothing, so a run that stops (an error, a crash, a kill) leaves
// whole documents only, and a later run skips the documents it finds already stored.
// A Writer is not safe for concurrent use.
type Writer struct {
	// Window is the number of days apart two reports of one event may be dated (merge.Same);
	// NewWriter sets it to DefaultWindow.
	Window int

	s     *Store
	batch int

	tx                 *sql.Tx
	stmts              map[string]*sql.Stmt // statements prepared in tx, by their SQL
	inTx               int                  // documents added in the open transaction
	pending, committed Stats                // what the open transaction adds; what committed ones added
}

// NewWriter returns a Writer that commits every batch documents (DefaultBatch when batch <= 0).
func (s *Store) NewWriter(batch int) *Writer {
	if batch <= 0 {
		batch = DefaultBatch
	}
	return &Writer{s: s, batch: batch, Window: DefaultWindow}
}

// Stats returns what the committed transactions stored.
func (w *Writer) Stats() Stats {
	return w.committed
}

// Add stores a document and its events, unless a document with the same text is stored already.
// An event that is one with an event stored before (merge.Same, within Window days) or reported
// earlier in the document is not stored again: the document becomes a source of that event, and
// adds to its mentions unless the document is a near duplicate of one of its sources. It commits
// when the batch is full. After an error the open transaction is rolled back (the
// documents of earlier transactions stay stored) and the Writer can go on with a new one.
func (w *Writer) Add(ctx context.Context, doc ingest.Document, events []event.Event) error {
	if err := w.add(ctx, doc, events); err != nil {
		w.Rollback()
		return fmt.Errorf("storing document %q in %s: %w", doc.ID, w.s.where, err)
	}
	w.inTx++
	if w.inTx >= w.batch {
		return w.Commit(ctx)
	}
	return nil
}

func (w *Writer) add(ctx context.Context, doc ingest.Document, events []event.Event) error {
	if w.tx == nil {
		tx, err := w.s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		w.tx, w.stmts = tx, map[string]*sql.Stmt{}
	}
	insDoc, err := w.prepare(ctx, `INSERT INTO documents (hash, doc_id, title, url, outlet, published, text, signature)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id`)
	if err != nil {
		return err
	}
	sig := merge.Signature(doc.Text)
	var docKey int64
	err = insDoc.QueryRowContext(ctx, Hash(doc), doc.ID, doc.Title, doc.URL, doc.Outlet, doc.Published, doc.Text,
		packSignature(sig)).Scan(&docKey)
	if errors.Is(err, sql.ErrNoRows) { // stored already (ON CONFLICT DO NOTHING returned no row)
		w.pending.Skipped++
		return nil
	}
	if err != nil {
		return err
	}
	w.pending.Documents++

	// Is the document a near duplicate of one stored before?
	bands := bandArgs(sig)
	orig, err := w.findOriginal(ctx, sig, bands)
	if err != nil {
		return err
	}
	var dupOf any // the source's duplicate_of: NULL, or the original's doc_id
	if orig.key != 0 {
		w.pending.Duplicates++
		dupOf = orig.docID
		if _, err := w.exec(ctx, `UPDATE documents SET duplicate_of = ? WHERE id = ?`, orig.key, docKey); err != nil {
			return fmt.Errorf("marking a near duplicate: %w", err)
		}
	}
	// With PostgreSQL every statement is a round trip to the server, so rows go in one statement
	// each per hundred (the band keys of a document in one); with SQLite a statement is a
	// function call, and a statement of one row, prepared once, is fastest.
	rowsPerInsert := 1
	if w.s.postgres {
		rowsPerInsert = 100
	}
	for chunk := range slices.Chunk(bands, rowsPerInsert) {
		args := make([]any, 0, 2*len(chunk))
		for _, k := range chunk {
			args = append(args, k, docKey)
		}
		if _, err := w.exec(ctx, insertRows("document_bands (band_key, document_id)", 2, len(chunk)), args...); err != nil {
			return fmt.Errorf("band keys: %w", err)
		}
	}

	// Each event is one with a stored event (or an earlier one of this document), or is new.
	cands, err := w.candidates(ctx, events)
	if err != nil {
		return err
	}
	pub, _ := when.Published(doc.Published, doc.Text)
	var fresh []*event.Event // events to store
	var sourceOf []string    // events to add the document to as a source
	var mentioned []string   // stored events the document adds a mention to
	for i := range events {
		e := &events[i]
		if c := oneWith(cands, e, w.Window); c != nil {
			w.pending.Merged++
			if c.sourced {
				continue
			}
			c.sourced = true
			sourceOf = append(sourceOf, c.e.ID)
			counts := true
			if orig.key != 0 { // a copy counts unless the document it copies is a source already
				copied, err := w.isSource(ctx, c.e.ID, orig.key)
				if err != nil {
					return err
				}
				counts = !copied
			}
			if counts {
				mentioned = append(mentioned, c.e.ID)
			}
			continue
		}
		w.pending.Events++
		fresh = append(fresh, e)
		sourceOf = append(sourceOf, e.ID)
		cands = append(cands, &candidate{e: *e, sourced: true})
	}

	for chunk := range slices.Chunk(fresh, rowsPerInsert) {
		args := make([]any, 0, len(chunk)*insertColumnCount)
		for _, e := range chunk {
			first, last := days(e.Date)
			args = append(append(args, eventArgs(e)...), 1, merge.Key(*e), first, last)
		}
		if _, err := w.exec(ctx, insertRows("events ("+eventColumns+", mentions, merge_key, day_first, day_last)",
			insertColumnCount, len(chunk)), args...); err != nil {
			return fmt.Errorf("events: %w", err)
		}
	}
	for chunk := range slices.Chunk(sourceOf, rowsPerInsert) {
		args := make([]any, 0, len(chunk)*7)
		for _, id := range chunk {
			args = append(args, id, docKey, doc.ID, doc.Outlet, doc.URL, pub, dupOf)
		}
		if _, err := w.exec(ctx, insertRows("event_sources (event_id, document_id, doc_id, outlet, url, published, duplicate_of)",
			7, len(chunk)), args...); err != nil {
			return fmt.Errorf("sources of events: %w", err)
		}
	}
	for _, id := range mentioned {
		if _, err := w.exec(ctx, `UPDATE events SET mentions = mentions + 1 WHERE id = ?`, id); err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
	}
	return nil
}

// isSource reports whether a stored document (by its key) is a source of an event.
func (w *Writer) isSource(ctx context.Context, eventID string, docKey int64) (bool, error) {
	st, err := w.prepare(ctx, `SELECT COUNT(*) FROM event_sources WHERE event_id = ? AND document_id = ?`)
	if err != nil {
		return false, err
	}
	var n int
	if err := st.QueryRowContext(ctx, eventID, docKey).Scan(&n); err != nil {
		return false, fmt.Errorf("looking up sources: %w", err)
	}
	return n > 0, nil
}

// exec runs a statement, prepared once, in the open transaction.
func (w *Writer) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// prepare returns the statement of query prepared in the open transaction, preparing it the
// first time only. (The inserts of events take a statement per number of rows.)
func (w *Writer) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := w.stmts[query]; st != nil {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, w.s.q(query))
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

// insertRows returns an INSERT of rows rows of columns values each into table, which names its
// columns: "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)".
func insertRows(table string, columns, rows int) string {
	row := "(" + strings.Repeat("?, ", columns-1) + "?)"
	return "INSERT INTO " + table + " VALUES " + strings.Repeat(row+", ", rows-1) + row
}

// Commit commits the open transaction, if any: call it once the last document is added.
func (w *Writer) Commit(ctx context.Context) error {
	if w.tx == nil {
		return nil
	}
	w.closeStmts()
	err := w.tx.Commit()
	w.tx = nil
	w.inTx = 0
	if err != nil {
		w.pending = Stats{}
		return fmt.Errorf("committing to %s: %w", w.s.where, err)
	}
	w.committed.add(w.pending)
	w.pending = Stats{}
	return nil
}

// Rollback abandons the open transaction, if any, and what it added.
func (w *Writer) Rollback() {
	if w.tx == nil {
		return
	}
	w.closeStmts()
	w.tx.Rollback()
	w.tx = nil
	w.inTx = 0
	w.pending = Stats{}
}

func (w *Writer) closeStmts() {
	for _, st := range w.stmts {
		st.Close()
	}
	w.stmts = nil
}

// eventColumns are the columns of the events table, in the order of eventArgs and scanEvent.
const eventColumns = `id, doc_id, sentence, date, date_source, type, mode, intent, intended, negated,
	cameo, goldstein, source_text, source_name, source_country, source_sector, source_code,
	target_text, target_name, target_country, target_sector, target_code,
	location_name, location_country, location_lat, location_lon, evidence, confidence, contexts`

const eventColumnCount = 29

// insertColumnCount is the number of values of a stored event: eventColumns, then mentions,
// merge_key, day_first and day_last.
const insertColumnCount = eventColumnCount + 4

// eventArgs returns the values of an event's columns; a missing target or location is NULL.
func eventArgs(e *event.Event) []any {
	args := []any{e.ID, e.DocID, e.Sentence, e.Date, e.DateSource, e.Type, e.Mode, e.Intent,
		e.Intended, e.Negated, e.Cameo, e.Goldstein,
		e.Source.Text, e.Source.Name, e.Source.Country, e.Source.Sector, e.Source.Code}
	if t := e.Target; t != nil {
		args = append(args, t.Text, t.Name, t.Country, t.Sector, t.Code)
	} else {
		args = append(args, nil, nil, nil, nil, nil)
	}
	if l := e.Location; l != nil {
		args = append(args, l.Name, l.Country, l.Lat, l.Lon)
	} else {
		args = append(args, nil, nil, nil, nil)
	}
	return append(args, e.Evidence, e.Confidence, strings.Join(e.Contexts, ";"))
}
