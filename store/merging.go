package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/merge"
	"github.com/dyad-events/dyad/when"
)

// Merging on ingest: a new document's event that is one with a stored event (merge.Same) adds the
// document as a source of the stored event instead of being stored again, and a document that is
// a near duplicate of a stored one (merge.Signature) is listed as a copy, which does not add to
// the event's mentions. The rule is package merge's, so that dyad ingest and dyad code --merge
// agree; what differs is the order: ingest takes documents as they come, and the first stored
// report of an event keeps its id, document and evidence.

// DefaultWindow is the number of days apart two reports of one event may be dated, by default.
const DefaultWindow = 1

const dayLayout = "2006-01-02"

// days returns the first and last days that an event date covers, as YYYY-MM-DD, or two empty
// strings for an unknown date.
func days(date string) (string, string) {
	first, last, ok := when.Span(date)
	if !ok {
		return "", ""
	}
	return first.Format(dayLayout), last.Format(dayLayout)
}

// candidate is a stored event that a new report may be one with.
type candidate struct {
	e       event.Event // the fields merge.Same compares
	sourced bool        // the document being added is a source of it already
}

// candidates returns the stored events that the events of one document may be one with: those of
// the same ids, and those of the same merge keys dated within the window of their dates, earliest
// first.
func (w *Writer) candidates(ctx context.Context, events []event.Event) ([]*candidate, error) {
	if len(events) == 0 {
		return nil, nil
	}
	var ids, keys []any
	seenKey := map[string]bool{}
	lo, hi, undated := "", "", false
	window := time.Duration(w.Window) * 24 * time.Hour
	for i := range events {
		e := &events[i]
		ids = append(ids, e.ID)
		if k := merge.Key(*e); !seenKey[k] {
			seenKey[k] = true
			keys = append(keys, k)
		}
		first, last, ok := when.Span(e.Date)
		if !ok {
			undated = true
			continue
		}
		if f := first.Add(-window).Format(dayLayout); lo == "" || f < lo {
			lo = f
		}
		if l := last.Add(window).Format(dayLayout); l > hi {
			hi = l
		}
	}
	// One SELECT per way of being a candidate, joined by UNION, so that each uses an index: the
	// same id; a merge key and days within the window (a date covers a year at most, which
	// bounds day_first from below too); a merge key and no date.
	const columns = `SELECT id, type, mode, intended, negated, source_code, target_code, date, day_first FROM events`
	query := columns + ` WHERE id IN (` + placeholders(len(ids)) + `)`
	args := ids
	if lo != "" {
		lo, _ := time.Parse(dayLayout, lo)
		query += ` UNION ` + columns + ` WHERE merge_key IN (` + placeholders(len(keys)) + `)
			AND day_first >= ? AND day_first <= ? AND day_last >= ?`
		args = append(append(args, keys...), lo.AddDate(0, 0, -366).Format(dayLayout), hi, lo.Format(dayLayout))
	}
	if undated {
		query += ` UNION ` + columns + ` WHERE merge_key IN (` + placeholders(len(keys)) + `) AND day_first = ''`
		args = append(args, keys...)
	}
	query += ` ORDER BY day_first, id`
	st, err := w.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("looking up stored events: %w", err)
	}
	defer rows.Close()
	var out []*candidate
	for rows.Next() {
		c := &candidate{}
		var target sql.NullString
		var dayFirst string
		if err := rows.Scan(&c.e.ID, &c.e.Type, &c.e.Mode, &c.e.Intended, &c.e.Negated, &c.e.Source.Code,
			&target, &c.e.Date, &dayFirst); err != nil {
			return nil, fmt.Errorf("looking up stored events: %w", err)
		}
		if target.Valid {
			c.e.Target = &event.Actor{Code: target.String}
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("looking up stored events: %w", err)
	}
	return out, nil
}

// oneWith returns the candidate that e is one with: the event of its id, else the first that
// merge.Same says is one with it; nil when none is.
func oneWith(cands []*candidate, e *event.Event, window int) *candidate {
	for _, c := range cands {
		if c.e.ID == e.ID {
			return c
		}
	}
	for _, c := range cands {
		if merge.Same(c.e, *e, window) {
			return c
		}
	}
	return nil
}

// original is the stored document that a new one copies.
type original struct {
	key   int64  // its key in documents; 0 for none
	docID string // its own id
}

// findOriginal returns the stored document that a document of signature sig copies: of the stored
// documents that share a band key with it and are similar enough (merge.DuplicateSimilarity), the
// original they copy, or themselves; the first stored when there are several.
func (w *Writer) findOriginal(ctx context.Context, sig []uint64, bands []any) (original, error) {
	if len(bands) == 0 {
		return original{}, nil
	}
	st, err := w.prepare(ctx, `SELECT d.id, d.signature, d.duplicate_of FROM documents d
		WHERE d.id IN (SELECT document_id FROM document_bands WHERE band_key IN (`+placeholders(len(bands))+`))
		ORDER BY d.id`)
	if err != nil {
		return original{}, err
	}
	rows, err := st.QueryContext(ctx, bands...)
	if err != nil {
		return original{}, fmt.Errorf("looking up near duplicates: %w", err)
	}
	defer rows.Close()
	var best int64
	for rows.Next() {
		var key int64
		var stored []byte
		var dupOf sql.NullInt64
		if err := rows.Scan(&key, &stored, &dupOf); err != nil {
			return original{}, fmt.Errorf("looking up near duplicates: %w", err)
		}
		if merge.SignatureSimilarity(sig, unpackSignature(stored)) < merge.DuplicateSimilarity {
			continue
		}
		if dupOf.Valid {
			key = dupOf.Int64
		}
		if best == 0 || key < best {
			best = key
		}
	}
	if err := rows.Err(); err != nil {
		return original{}, fmt.Errorf("looking up near duplicates: %w", err)
	}
	rows.Close()
	if best == 0 {
		return original{}, nil
	}
	o := original{key: best}
	err = w.tx.QueryRowContext(ctx, w.s.q(`SELECT doc_id FROM documents WHERE id = ?`), best).Scan(&o.docID)
	return o, err
}

// packSignature returns a signature as bytes, to store: nil for nil.
func packSignature(sig []uint64) []byte {
	if sig == nil {
		return nil
	}
	b := make([]byte, 0, 8*len(sig))
	for _, v := range sig {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return b
}

// unpackSignature returns the signature that packSignature packed.
func unpackSignature(b []byte) []uint64 {
	if len(b) == 0 {
		return nil
	}
	sig := make([]uint64, len(b)/8)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return sig
}

// bandArgs returns the band keys of a signature as database values (BIGINT is signed).
func bandArgs(sig []uint64) []any {
	var out []any
	for _, k := range merge.BandKeys(sig) {
		out = append(out, int64(k))
	}
	return out
}

// placeholders returns n placeholders separated by commas: "?, ?, ?".
func placeholders(n int) string {
	return strings.Repeat("?, ", n-1) + "?"
}

// fillMerging fills the columns and tables of schema version 2 for a database of version 1: the
// merge keys and days of the stored events, their mentions (one per source: the copies among
// documents stored before are not known), the signatures and band keys of the stored documents and the
// publication dates of the sources.
func fillMerging(ctx context.Context, s *Store, tx *sql.Tx) error {
	type row struct {
		e     event.Event
		first string
		last  string
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, type, mode, intended, negated, source_code, target_code, date FROM events`)
	if err != nil {
		return err
	}
	var evs []row
	for rows.Next() {
		var r row
		var target sql.NullString
		if err := rows.Scan(&r.e.ID, &r.e.Type, &r.e.Mode, &r.e.Intended, &r.e.Negated, &r.e.Source.Code,
			&target, &r.e.Date); err != nil {
			rows.Close()
			return err
		}
		if target.Valid {
			r.e.Target = &event.Actor{Code: target.String}
		}
		r.first, r.last = days(r.e.Date)
		evs = append(evs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range evs {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE events SET merge_key = ?, day_first = ?, day_last = ?,
			mentions = (SELECT COUNT(*) FROM event_sources WHERE event_id = ?) WHERE id = ?`),
			merge.Key(r.e), r.first, r.last, r.e.ID, r.e.ID)
		if err != nil {
			return err
		}
	}

	type doc struct {
		key             int64
		text, published string
	}
	rows, err = tx.QueryContext(ctx, `SELECT id, text, published FROM documents`)
	if err != nil {
		return err
	}
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.key, &d.text, &d.published); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range docs {
		sig := merge.Signature(d.text)
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE documents SET signature = ? WHERE id = ?`), packSignature(sig), d.key); err != nil {
			return err
		}
		for _, k := range bandArgs(sig) {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO document_bands (band_key, document_id) VALUES (?, ?)`), k, d.key); err != nil {
				return err
			}
		}
		pub, _ := when.Published(d.published, d.text)
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE event_sources SET published = ? WHERE document_id = ?`), pub, d.key); err != nil {
			return err
		}
	}
	return nil
}
