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
)

// DefaultBatch is the number of documents a Writer stores per transaction by default: large
// enough that committing costs little, small enough that an interrupted run loses little.
const DefaultBatch = 500

// Stats counts what a Writer stored.
type Stats struct {
	Documents int // documents stored
	Skipped   int // documents not stored because one with the same text already was
	Events    int // events stored
	Merged    int // events already stored, reported again by another document: a source added
}

func (a *Stats) add(b Stats) {
	a.Documents += b.Documents
	a.Skipped += b.Skipped
	a.Events += b.Events
	a.Merged += b.Merged
}

// Writer stores documents with their events, in transactions of a fixed number of documents.
// Each transaction is all or nothing, so a run that stops (an error, a crash, a kill) leaves
// whole documents only, and a later run skips the documents it finds already stored.
// A Writer is not safe for concurrent use.
type Writer struct {
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
	return &Writer{s: s, batch: batch}
}

// Stats returns what the committed transactions stored.
func (w *Writer) Stats() Stats {
	return w.committed
}

// Add stores a document and its events, unless a document with the same text is stored already.
// It commits when the batch is full. After an error the open transaction is rolled back (the
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
	insDoc, err := w.prepare(ctx, `INSERT INTO documents (hash, doc_id, title, url, outlet, published, text)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id`)
	if err != nil {
		return err
	}
	var docKey int64
	err = insDoc.QueryRowContext(ctx, Hash(doc), doc.ID, doc.Title, doc.URL, doc.Outlet, doc.Published, doc.Text).Scan(&docKey)
	if errors.Is(err, sql.ErrNoRows) { // stored already (ON CONFLICT DO NOTHING returned no row)
		w.pending.Skipped++
		return nil
	}
	if err != nil {
		return err
	}
	w.pending.Documents++
	// With PostgreSQL every statement is a round trip to the server, so the events and their
	// sources go in one statement each per hundred events; with SQLite a statement is a function
	// call, and a statement of one row, prepared once, is fastest.
	rowsPerInsert := 1
	if w.s.postgres {
		rowsPerInsert = 100
	}
	for chunk := range slices.Chunk(events, rowsPerInsert) {
		evArgs := make([]any, 0, len(chunk)*eventColumnCount)
		srcArgs := make([]any, 0, len(chunk)*5)
		for i := range chunk {
			evArgs = append(evArgs, eventArgs(&chunk[i])...)
			srcArgs = append(srcArgs, chunk[i].ID, docKey, doc.ID, doc.Outlet, doc.URL)
		}
		insEvents, err := w.prepare(ctx, insertRows("events ("+eventColumns+")", eventColumnCount, len(chunk))+
			" ON CONFLICT (id) DO NOTHING")
		if err != nil {
			return err
		}
		res, err := insEvents.ExecContext(ctx, evArgs...)
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		added, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		w.pending.Events += int(added)
		w.pending.Merged += len(chunk) - int(added) // their ids were stored before
		insSources, err := w.prepare(ctx, insertRows("event_sources (event_id, document_id, doc_id, outlet, url)", 5, len(chunk))+
			" ON CONFLICT DO NOTHING")
		if err != nil {
			return err
		}
		if _, err := insSources.ExecContext(ctx, srcArgs...); err != nil {
			return fmt.Errorf("sources of events: %w", err)
		}
	}
	return nil
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
	location_name, location_country, location_lat, location_lon, evidence, confidence`

const eventColumnCount = 28

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
	return append(args, e.Evidence, e.Confidence)
}
