// Package store keeps documents and their coded events in a database and answers questions about
// them: events by actor, type, date and words of evidence, dyad timelines, and exports.
//
// The database is an SQLite file by default (one file, nothing to install) or, for teams, a
// PostgreSQL server. Both run the same schema, created and upgraded by the versioned migrations of
// schema.go, and the same SQL: queries are written with ? placeholders, which become $1, $2… for
// PostgreSQL.
//
// Documents are keyed by a hash of their text, so storing the same article again adds nothing;
// events are keyed by their stable id, and each keeps the documents that reported it as its
// sources: a report of an event stored before, from another document, adds a source to it rather
// than another event (see merging.go). Writes go in transactions of many documents (see Writer): a run that is stopped keeps
// every transaction it committed, and the next run skips those documents.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	// The PostgreSQL driver for database/sql: pgx is the maintained pure-Go driver, and its
	// stdlib package lets both engines share one database/sql code path.
	_ "github.com/jackc/pgx/v5/stdlib"
	// The SQLite driver for database/sql: a translation of SQLite's C source to Go, so that
	// dyad stays one static binary built without cgo.
	_ "modernc.org/sqlite"

	"github.com/dyad-events/dyad/ingest"
)

// Store is an open database of documents and events. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	postgres bool   // false: SQLite
	where    string // the file, or the server's URL without its password, for error messages
}

// connectTimeout bounds how long Open waits for a PostgreSQL server that does not answer.
const connectTimeout = 5 * time.Second

// IsPostgres reports whether dsn names a PostgreSQL database (a postgres:// or postgresql:// URL)
// rather than an SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database named by dsn for reading and writing: a postgres:// URL, or the path of
// an SQLite file, which is created when it does not exist. It creates the tables, or upgrades
// them, to the current schema version. It refuses, and changes nothing in, a file that is not an
// SQLite database, an SQLite database of another program, a read-only file, and a database made
// by a newer dyad.
func Open(dsn string) (*Store, error) {
	return open(dsn, false)
}

// OpenReadOnly opens an existing database for queries and exports. It never creates or changes
// anything, so it works on a read-only file too.
func OpenReadOnly(dsn string) (*Store, error) {
	return open(dsn, true)
}

func open(dsn string, readOnly bool) (*Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(dsn, readOnly)
	}
	return openSQLite(dsn, readOnly)
}

// setUp brings the schema to the current version, or when reading only, checks that it is.
func (s *Store) setUp(readOnly bool) error {
	if readOnly {
		return s.checkVersion(context.Background())
	}
	return s.migrate(context.Background())
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

func openSQLite(path string, readOnly bool) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database given")
	}
	info, err := os.Stat(path)
	created := errors.Is(err, fs.ErrNotExist)
	switch {
	case created && readOnly:
		return nil, fmt.Errorf("no database at %s (dyad ingest creates one)", path)
	case created:
		// SQLite creates it below
	case err != nil:
		return nil, fmt.Errorf("database %s: %w", path, err)
	case info.IsDir():
		return nil, fmt.Errorf("database %s is a directory, not a file", path)
	default:
		if err := checkHeader(path); err != nil {
			return nil, err
		}
		// Checked here rather than left to SQLite, so that the error is clear and the same
		// for every user: root may write to any file, whatever its mode.
		if !readOnly && info.Mode().Perm()&0o222 == 0 {
			return nil, fmt.Errorf("database %s is read-only (mode %v): it can be queried, but storing needs a writable file", path, info.Mode().Perm())
		}
	}

	// busy_timeout: wait for another writer instead of failing at once. _txlock=immediate:
	// a transaction that will write takes the write lock when it begins, not halfway.
	// synchronous=NORMAL in WAL mode (set below): a process killed loses no committed
	// transaction; only a power cut may lose the last ones.
	params := []string{"_pragma=busy_timeout(10000)", "_pragma=foreign_keys(1)"}
	if readOnly {
		params = append(params, "_pragma=query_only(1)")
		if info.Mode().Perm()&0o222 == 0 {
			// A read-only file: no one writes to it, so SQLite need neither lock it nor make
			// its -wal and -shm files beside it, unless a writer that crashed left a WAL file
			// with transactions in it.
			params = append(params, "mode=ro")
			if wal, err := os.Stat(path + "-wal"); err != nil || wal.Size() == 0 {
				params = append(params, "immutable=1")
			}
		}
	} else {
		params = append(params, "_txlock=immediate", "_pragma=synchronous(NORMAL)")
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + strings.Join(params, "&")
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening SQLite database %s: %w", path, err)
	}
	s := &Store{db: db, where: path}
	fail := func(err error) (*Store, error) {
		db.Close()
		if created { // leave nothing behind
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(path + suffix)
			}
		}
		return nil, err
	}
	if err := db.Ping(); err != nil {
		return fail(fmt.Errorf("opening SQLite database %s: %w", path, err))
	}
	// A database of another program: do not add dyad's tables to it.
	var ours, others int
	err = db.QueryRow(`SELECT COUNT(CASE WHEN name = 'schema_migrations' THEN 1 END),
		COUNT(CASE WHEN name <> 'schema_migrations' THEN 1 END)
		FROM sqlite_master WHERE type = 'table'`).Scan(&ours, &others)
	if err != nil {
		return fail(fmt.Errorf("reading SQLite database %s: %w", path, err))
	}
	if ours == 0 && others > 0 {
		return fail(fmt.Errorf("%s is an SQLite database of another program (it has tables but no schema_migrations): give a new file name", path))
	}
	if !readOnly {
		// WAL mode: readers (queries, and ingest's check for stored documents) do not wait
		// for the writer. The mode is kept in the file: it is set here, after the checks,
		// since setting it changes the file's header.
		if _, err := db.Exec(`PRAGMA journal_mode = WAL`); err != nil {
			return fail(fmt.Errorf("opening SQLite database %s: %w", path, err))
		}
	}
	if err := s.setUp(readOnly); err != nil {
		return fail(err)
	}
	return s, nil
}

// checkHeader returns an error when the file at path is neither empty (SQLite makes a database
// of an empty file) nor an SQLite database.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("database %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && err == io.EOF {
		return nil
	}
	if string(head[:n]) != sqliteHeader {
		return fmt.Errorf("%s exists and is not an SQLite database: give the name of a dyad database, or of a new file", path)
	}
	return nil
}

func openPostgres(dsn string, readOnly bool) (*Store, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the url.Error would repeat the URL, password and all
		}
		return nil, fmt.Errorf("not a valid PostgreSQL URL: %v", err)
	}
	q := u.Query()
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", strconv.Itoa(int(connectTimeout/time.Second)))
	}
	if readOnly {
		q.Set("default_transaction_read_only", "on") // a setting of the session, sent to the server
	}
	u.RawQuery = q.Encode()
	where := u.Redacted()
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		return nil, fmt.Errorf("opening PostgreSQL database %s: %w", where, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*connectTimeout)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot connect to PostgreSQL at %s: %w", where, err)
	}
	s := &Store{db: db, postgres: true, where: where}
	if err := s.setUp(readOnly); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	return s.db.Close()
}

// String names the database: its file, or its URL without the password.
func (s *Store) String() string {
	return s.where
}

// q rewrites the ? placeholders of a query for the engine: $1, $2… for PostgreSQL. The queries of
// this package have no ? anywhere else.
func (s *Store) q(query string) string {
	if !s.postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Hash returns a document's content hash, the key that makes storing idempotent: the hex SHA-256
// of its text. Two records with the same text (a re-run, the same wire story fetched twice) are
// one document, stored once.
func Hash(doc ingest.Document) string {
	sum := sha256.Sum256([]byte(doc.Text))
	return hex.EncodeToString(sum[:])
}

// Has reports whether a document with this content hash is stored.
func (s *Store) Has(ctx context.Context, hash string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT 1 FROM documents WHERE hash = ?`), hash).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("looking up a document in %s: %w", s.where, err)
	}
	return true, nil
}

// Counts are the numbers of rows stored.
type Counts struct {
	Documents int
	Events    int
	Sources   int // (event, document) pairs: an event reported by two documents has two
}

// Counts returns how many documents, events and sources are stored.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_sources)`).
		Scan(&c.Documents, &c.Events, &c.Sources)
	if err != nil {
		return c, fmt.Errorf("counting rows in %s: %w", s.where, err)
	}
	return c, nil
}
