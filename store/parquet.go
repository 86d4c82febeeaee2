package store

import (
	"fmt"
	"io"

	// Parquet is the columnar file that pandas, R (arrow), DuckDB and Spark load directly; this
	// is a pure-Go writer and reader of it.
	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad/event"
)

// ParquetRow is one event as a row of the Parquet export: the event record flattened, with the
// column names of dyad's CSV output. The target and location columns are null when the event
// has none. Read a file back with parquet.ReadFile[store.ParquetRow].
type ParquetRow struct {
	ID              string   `parquet:"id"`
	DocID           string   `parquet:"doc_id"`
	Sentence        int64    `parquet:"sentence"`
	Date            string   `parquet:"date"` // YYYY-MM-DD, or empty when unknown
	DateSource      string   `parquet:"date_source"`
	Type            string   `parquet:"type"`
	Mode            string   `parquet:"mode"`
	Intent          bool     `parquet:"intent"`
	Intended        string   `parquet:"intended"`
	Negated         bool     `parquet:"negated"`
	Cameo           string   `parquet:"cameo"`
	Goldstein       float64  `parquet:"goldstein"`
	SourceText      string   `parquet:"source_text"`
	SourceName      string   `parquet:"source_name"`
	SourceCountry   string   `parquet:"source_country"`
	SourceSector    string   `parquet:"source_sector"`
	SourceCode      string   `parquet:"source_code"`
	TargetText      *string  `parquet:"target_text,optional"`
	TargetName      *string  `parquet:"target_name,optional"`
	TargetCountry   *string  `parquet:"target_country,optional"`
	TargetSector    *string  `parquet:"target_sector,optional"`
	TargetCode      *string  `parquet:"target_code,optional"`
	LocationName    *string  `parquet:"location_name,optional"`
	LocationCountry *string  `parquet:"location_country,optional"`
	LocationLat     *float64 `parquet:"location_lat,optional"`
	LocationLon     *float64 `parquet:"location_lon,optional"`
	Evidence        string   `parquet:"evidence"`
	Confidence      float64  `parquet:"confidence"`
}

// NewParquetRow flattens an event. The row points to copies of the target and location, never
// into e.
func NewParquetRow(e *event.Event) ParquetRow {
	r := ParquetRow{ID: e.ID, DocID: e.DocID, Sentence: int64(e.Sentence), Date: e.Date,
		DateSource: e.DateSource, Type: e.Type, Mode: e.Mode, Intent: e.Intent, Intended: e.Intended,
		Negated: e.Negated, Cameo: e.Cameo, Goldstein: e.Goldstein,
		SourceText: e.Source.Text, SourceName: e.Source.Name, SourceCountry: e.Source.Country,
		SourceSector: e.Source.Sector, SourceCode: e.Source.Code,
		Evidence: e.Evidence, Confidence: e.Confidence}
	if e.Target != nil {
		t := *e.Target
		r.TargetText, r.TargetName, r.TargetCountry = &t.Text, &t.Name, &t.Country
		r.TargetSector, r.TargetCode = &t.Sector, &t.Code
	}
	if e.Location != nil {
		l := *e.Location
		r.LocationName, r.LocationCountry, r.LocationLat, r.LocationLon = &l.Name, &l.Country, &l.Lat, &l.Lon
	}
	return r
}

// ParquetWriter writes events to a Parquet file, compressed with Snappy (which every Parquet
// reader supports).
type ParquetWriter struct {
	w   *parquet.GenericWriter[ParquetRow]
	buf []ParquetRow
}

// NewParquetWriter returns a writer of events to w. Close it to finish the file.
func NewParquetWriter(w io.Writer) *ParquetWriter {
	return &ParquetWriter{w: parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&parquet.Snappy))}
}

// Write adds an event. Events are buffered and written a thousand at a time.
func (pw *ParquetWriter) Write(e *event.Event) error {
	pw.buf = append(pw.buf, NewParquetRow(e))
	if len(pw.buf) >= 1000 {
		return pw.flush()
	}
	return nil
}

func (pw *ParquetWriter) flush() error {
	if _, err := pw.w.Write(pw.buf); err != nil {
		return fmt.Errorf("writing Parquet: %w", err)
	}
	pw.buf = pw.buf[:0]
	return nil
}

// Close writes the buffered events and the file's footer. It does not close the underlying writer.
func (pw *ParquetWriter) Close() error {
	if err := pw.flush(); err != nil {
		return err
	}
	if err := pw.w.Close(); err != nil {
		return fmt.Errorf("writing Parquet: %w", err)
	}
	return nil
}
