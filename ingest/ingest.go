// Package ingest reads news articles from the forms people keep them in (text files, JSON Lines,
// directories of both, standard input) and hands them on one Document at a time.
//
// Reading streams: a JSON Lines file is read a line at a time and no record may exceed MaxRecord
// bytes. A broken record is reported as a *RecordError and reading goes on with the next one.
package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxRecord is the largest article, in bytes, that dyad reads; longer records are reported and skipped.
const MaxRecord = 8 << 20

// Document is one article.
type Document struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	// Origin says where the record came from: "file" or "file:line".
	Origin string `json:"-"`
}

// RecordError reports one input record that could not be read; the others are not affected.
// With Warning set it reports a problem that lost no article: a file skipped on purpose (not
// of a kind dyad reads, in a directory), or a record read and handed on all the same.
type RecordError struct {
	Origin  string // file or file:line
	ID      string // the record's id, when known
	Reason  string
	Warning bool
}

func (e *RecordError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("%s: record %q: %s", e.Origin, e.ID, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.Origin, e.Reason)
}

// Handler receives each document read. A non-nil error from it stops the reading.
type Handler func(Document) error

// Record is one article as read, handed to event.Coder.RunRecords: either decoded already (Doc,
// as dyad code's reader does with Read), or a JSON line not decoded yet (Line, from ReadRecords,
// for a caller that wants decoding done on the goroutines that code the documents).
type Record struct {
	Line   []byte   // a JSON Lines record, not decoded yet; nil when Doc is the article
	Doc    Document // the article, when Line is nil
	Origin string   // the input, for Line: the file or "stdin"
	LineNo int      // the line of Line in its input
	// Err is a problem found while reading, for a reader that hands problems on in order with
	// the records (dyad code); Decode returns it.
	Err *RecordError
}

// Decode returns the record's document, decoding its JSON line when it has one, or why it
// cannot be an article.
func (r Record) Decode() (Document, *RecordError) {
	if r.Err != nil {
		return Document{}, r.Err
	}
	if r.Line == nil {
		return r.Doc, nil
	}
	return parseRecord(r.Line, r.where())
}

// where names the record's line for reports: "file:line" (fmt.Sprintf("%s:%d"), without its
// cost for every record).
func (r Record) where() string {
	return r.Origin + ":" + strconv.Itoa(r.LineNo)
}

// Read reads every path in order: files, directories and "-" for standard input (JSON Lines if it
// starts with '{', otherwise one text article). A file named on its own is read by its extension,
// in any case: ".jsonl" and ".ndjson" as JSON Lines; ".txt", ".text", ".md" or none as one text
// article; any other is reported and not read. A directory is read recursively, its ".txt",
// ".jsonl" and ".ndjson" files in lexical order; hidden files and directories and README, LICENSE
// and COPYING files are passed over, and each other file is reported as a warning and skipped.
// Problems with single records go to report; Read returns an error only for a failing handler.
func Read(paths []string, stdin io.Reader, handle Handler, report func(*RecordError)) error {
	return readPaths(paths, stdin, decoded(handle, report), report)
}

// ReadRecords reads like Read but hands on the lines of JSON Lines inputs undecoded (Record.Line,
// a copy the handler keeps); Record.Decode decodes them and reports, as Read would, a line that is
// not an article. Problems found while reading (a file that cannot be opened, a line too long,
// an empty input) go to report.
func ReadRecords(paths []string, stdin io.Reader, handle func(Record) error, report func(*RecordError)) error {
	return readPaths(paths, stdin, func(r Record) error {
		if r.Line != nil {
			r.Line = bytes.Clone(r.Line) // the reader's buffer is reused
		}
		return handle(r)
	}, report)
}

// decoded returns a record handler that decodes each record and gives handle the documents.
func decoded(handle Handler, report func(*RecordError)) func(Record) error {
	return func(r Record) error {
		d, err := r.Decode()
		if err != nil {
			report(err)
			return nil
		}
		return handle(d)
	}
}

// recordHandler receives each record read; Line is only valid during the call.
type recordHandler func(Record) error

func readPaths(paths []string, stdin io.Reader, handle recordHandler, report func(*RecordError)) error {
	for _, p := range paths {
		if err := readPath(p, stdin, handle, report); err != nil {
			return err
		}
	}
	return nil
}

func readPath(p string, stdin io.Reader, handle recordHandler, report func(*RecordError)) error {
	if p == "-" {
		return readStdin(stdin, handle, report)
	}
	info, err := os.Stat(p)
	if err != nil {
		report(&RecordError{Origin: p, Reason: cleanErr(err)})
		return nil
	}
	if !info.IsDir() {
		kind := kindOf(p, false)
		if kind == unreadable {
			report(&RecordError{Origin: p, Reason: "not a kind of file dyad reads (" + readable + ")"})
			return nil
		}
		return readFile(p, kind, handle, report)
	}
	var files []string
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			report(&RecordError{Origin: path, Reason: cleanErr(err)})
			return nil
		}
		switch {
		case d.IsDir() && path != p && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir // hidden (.git): passed over without a word
		case d.IsDir():
		case notesFile(d.Name()):
			// hidden files and a directory's README or LICENSE: passed over without a word
		case kindOf(path, true) != unreadable:
			files = append(files, path)
		default:
			report(&RecordError{Origin: path, Reason: "skipped: in a directory dyad reads .txt, .jsonl and .ndjson files", Warning: true})
		}
		return nil
	})
	if walkErr != nil {
		report(&RecordError{Origin: p, Reason: cleanErr(walkErr)})
	}
	if len(files) == 0 && walkErr == nil {
		report(&RecordError{Origin: p, Reason: "no articles: no .txt, .jsonl or .ndjson file in the directory"})
		return nil
	}
	sort.Strings(files)
	for _, f := range files {
		if err := readFile(f, kindOf(f, true), handle, report); err != nil {
			return err
		}
	}
	return nil
}

// notesFile reports whether a file named name, in a directory dyad reads, is one that goes with
// data rather than data: a hidden file, or one named README, LICENSE or COPYING, in any case,
// with any extension or none (README.md, LICENSE; not README2.txt or LICENSEE_news.txt).
func notesFile(name string) bool {
	switch strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name))) {
	case "README", "LICENSE", "COPYING":
		return true
	}
	return strings.HasPrefix(name, ".")
}

// fileKind is how a file is read: as one text article or as JSON Lines.
type fileKind int

const (
	unreadable fileKind = iota
	textFile
	jsonLines
)

// readable says which files dyad reads, for reports of one it does not.
const readable = "text: .txt, .text, .md or no extension; JSON Lines: .jsonl, .ndjson"

// kindOf says how the file path is read, by its extension in any case: ".jsonl" and ".ndjson" as
// JSON Lines, ".txt" as text; a file named on its own (not found in a directory) also as text
// when its extension is ".text" or ".md" or it has none.
func kindOf(path string, inDir bool) fileKind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return jsonLines
	case ".txt":
		return textFile
	case ".text", ".md", "":
		if !inDir {
			return textFile
		}
	}
	return unreadable
}

func readFile(path string, kind fileKind, handle recordHandler, report func(*RecordError)) error {
	f, err := os.Open(path)
	if err != nil {
		report(&RecordError{Origin: path, Reason: cleanErr(err)})
		return nil
	}
	defer f.Close()
	if kind == jsonLines {
		return readJSONL(f, path, handle, report)
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return readText(f, path, id, handle, report)
}

func readStdin(r io.Reader, handle recordHandler, report func(*RecordError)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	// sniff the first byte that is not white space, without consuming anything, so that line
	// numbers stay right
	for n := 1; ; n *= 2 {
		b, err := br.Peek(n)
		if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 {
			if t[0] == '{' {
				return readJSONL(br, "stdin", handle, report)
			}
			return readText(br, "stdin", "stdin", handle, report)
		}
		if err != nil || n >= br.Size() {
			if len(b) > 0 && err == nil {
				// only white space so far in a full buffer: treat as text
				return readText(br, "stdin", "stdin", handle, report)
			}
			report(&RecordError{Origin: "stdin", Reason: "empty input"})
			return nil
		}
	}
}

func readText(r io.Reader, origin, id string, handle recordHandler, report func(*RecordError)) error {
	data, err := io.ReadAll(io.LimitReader(r, MaxRecord+1))
	if err != nil {
		report(&RecordError{Origin: origin, ID: id, Reason: cleanErr(err)})
		return nil
	}
	if len(data) > MaxRecord {
		report(&RecordError{Origin: origin, ID: id, Reason: fmt.Sprintf("article longer than %d bytes", MaxRecord)})
		return nil
	}
	if reason := checkText(data); reason != "" {
		report(&RecordError{Origin: origin, ID: id, Reason: reason})
		return nil
	}
	return handle(Record{Doc: Document{ID: id, Text: string(data), Origin: origin}})
}

// checkText says why data cannot be an article, or returns "".
func checkText(data []byte) string {
	if len(bytes.TrimSpace(data)) == 0 {
		return "empty article"
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Sprintf("binary data (NUL byte at offset %d)", i)
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		return fmt.Sprintf("invalid UTF-8 at offset %d", off)
	}
	return ""
}

type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
}

// ReadJSONL reads one article a line from r; origin names the input in error reports.
func ReadJSONL(r io.Reader, origin string, handle Handler, report func(*RecordError)) error {
	return readJSONL(r, origin, decoded(handle, report), report)
}

// readJSONL hands on the lines of r that are not blank, undecoded.
func readJSONL(r io.Reader, origin string, handle recordHandler, report func(*RecordError)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var line, buf []byte
	records := 0
	for n := 1; ; n++ {
		var tooLong bool
		var err error
		line, buf, tooLong, err = readLine(br, buf)
		if tooLong {
			report(&RecordError{Origin: fmt.Sprintf("%s:%d", origin, n), Reason: fmt.Sprintf("line longer than %d bytes", MaxRecord)})
		} else if len(bytes.TrimSpace(line)) > 0 {
			records++
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")) // a byte-order mark
			}
			if herr := handle(Record{Line: line, Origin: origin, LineNo: n}); herr != nil {
				return herr
			}
		}
		if err == io.EOF {
			if records == 0 && !tooLong {
				report(&RecordError{Origin: origin, Reason: "no records (empty file)"})
			}
			return nil
		}
		if err != nil {
			report(&RecordError{Origin: fmt.Sprintf("%s:%d", origin, n), Reason: cleanErr(err)})
			return nil
		}
	}
}

// readLine returns the next line (without its newline), valid until the next read from br: the
// reader's own bytes when it holds the whole line (most lines: no copy), else a copy in buf, which
// it returns, grown, for the next call. Lines over MaxRecord are skipped to their end and reported
// as too long, so memory stays bounded.
func readLine(br *bufio.Reader, buf []byte) (line, grown []byte, tooLong bool, err error) {
	chunk, err := br.ReadSlice('\n')
	if err != bufio.ErrBufferFull && len(chunk) <= MaxRecord {
		return bytes.TrimRight(chunk, "\r\n"), buf, false, err
	}
	buf = buf[:0]
	for {
		if !tooLong {
			if len(buf)+len(chunk) > MaxRecord+1 {
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			break
		}
		chunk, err = br.ReadSlice('\n')
	}
	line = bytes.TrimRight(buf, "\r\n")
	if len(line) > MaxRecord {
		tooLong, line = true, buf[:0]
	}
	return line, buf, tooLong, err
}

func parseRecord(line []byte, where string) (Document, *RecordError) {
	// The usual record is decoded by hand first (decodeRecord). That it decodes means that the
	// line holds no NUL byte and its text none either (decodeRecord refuses a control character
	// in a string, and a \u0000 escape), so only its UTF-8 is left to check; anything else is
	// checked as before (checkText) and then decoded by encoding/json.
	var rec jsonRecord
	decoded := decodeRecord(line, &rec)
	if !decoded || !utf8.Valid(line) {
		if reason := checkText(line); reason != "" {
			return Document{}, &RecordError{Origin: where, Reason: reason}
		}
	}
	if !decoded {
		rec = jsonRecord{} // anything unusual: encoding/json decides, and says what is wrong
		if rerr := unmarshal(line, &rec, where); rerr != nil {
			return Document{}, rerr
		}
	}
	id := idString(rec.ID)
	if rec.Text == nil {
		return Document{}, &RecordError{Origin: where, ID: id, Reason: `no "text" field`}
	}
	if !decoded && strings.IndexByte(*rec.Text, 0) >= 0 {
		return Document{}, &RecordError{Origin: where, ID: id, Reason: "text contains a NUL character (binary data)"}
	}
	if strings.TrimSpace(*rec.Text) == "" {
		return Document{}, &RecordError{Origin: where, ID: id, Reason: "empty text"}
	}
	if id == "" {
		sum := sha256.Sum256([]byte(*rec.Text))
		id = hex.EncodeToString(sum[:8])
	}
	return Document{ID: id, Text: *rec.Text, Title: rec.Title, Published: rec.Published,
		URL: rec.URL, Outlet: rec.Outlet, Origin: where}, nil
}

// unmarshal decodes line into rec with encoding/json, and says plainly what is wrong with a line
// that is not a record: not JSON, not an object, a field that is not a string.
func unmarshal(line []byte, rec *jsonRecord, where string) *RecordError {
	err := json.Unmarshal(line, rec)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == nil && line[skipSpace(line, 0)] != '{':
		return &RecordError{Origin: where, Reason: "not a JSON object but null"}
	case err == nil:
		return nil
	case errors.As(err, &se):
		return &RecordError{Origin: where, Reason: fmt.Sprintf("not JSON: %v (at byte %d)", se, se.Offset)}
	case errors.As(err, &te) && te.Field == "":
		return &RecordError{Origin: where, Reason: "not a JSON object but " + jsonKind(te.Value)}
	case errors.As(err, &te):
		// (the decoder went on past the field: the id is known when the record has one)
		return &RecordError{Origin: where, ID: idString(rec.ID),
			Reason: fmt.Sprintf("%s must be a string, not %s", te.Field, jsonKind(te.Value))}
	}
	return &RecordError{Origin: where, Reason: "not a record dyad reads: " + err.Error()}
}

// decodeRecord decodes the usual record without reflection: one object whose keys are those of
// jsonRecord, written in lower case once each, with strings (escapes other than of surrogates
// and of NUL allowed) and an id that is a string or an integer. It returns false, having perhaps filled
// part of rec, for anything else, which json.Unmarshal then decodes as it always did.
func decodeRecord(line []byte, rec *jsonRecord) bool {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipSpace(line, i+1) == len(line)
	}
	var seen [6]bool
	for {
		if i >= len(line) || line[i] != '"' {
			return false
		}
		end := bytes.IndexByte(line[i+1:], '"')
		if end < 0 {
			return false
		}
		key := line[i+1 : i+1+end] // a key with an escape is not one of ours
		i = skipSpace(line, i+2+end)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		if i >= len(line) {
			return false
		}
		field := -1
		var dst *string
		switch string(key) {
		case "id":
			field = 0
		case "text":
			field = 1
		case "title":
			field, dst = 2, &rec.Title
		case "published":
			field, dst = 3, &rec.Published
		case "url":
			field, dst = 4, &rec.URL
		case "outlet":
			field, dst = 5, &rec.Outlet
		}
		if field < 0 || seen[field] {
			return false
		}
		seen[field] = true
		switch {
		case field == 0 && line[i] != '"':
			// an integer id, kept as written as json.RawMessage keeps it
			j := i
			if j < len(line) && line[j] == '-' {
				j++
			}
			k := j
			for k < len(line) && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			if k == j || line[j] == '0' && k > j+1 {
				return false
			}
			rec.ID = json.RawMessage(bytes.Clone(line[i:k]))
			i = k
		default:
			str, next, ok := jsonString(line, i)
			if !ok {
				return false
			}
			switch field {
			case 0:
				rec.ID = json.RawMessage(bytes.Clone(line[i:next]))
			case 1:
				rec.Text = &str
			default:
				*dst = str
			}
			i = next
		}
		i = skipSpace(line, i)
		if i >= len(line) {
			return false
		}
		if line[i] == '}' {
			return skipSpace(line, i+1) == len(line)
		}
		if line[i] != ',' {
			return false
		}
		i = skipSpace(line, i+1)
	}
}

// skipSpace returns the index of the first byte from i that is not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// jsonString decodes the JSON string that starts at b[i] (a quote) and returns it with the index
// after it. ok is false for a string that is not valid JSON, or holds a \u escape of a
// surrogate or of NUL, left to encoding/json. The string is the one json.Unmarshal decodes when
// b is valid UTF-8 (parseRecord makes sure).
//
// The string is read as runs of bytes that mean themselves, each up to the next backslash or
// quote, which bytes.IndexByte finds many bytes at a time; a run must hold no control character
// (hasControl). The next backslash and the next quote are each looked for again only once passed,
// so that no byte is searched twice for the same one.
func jsonString(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	i++
	start := i
	quote, slash := indexFrom(b, i, '"'), indexFrom(b, i, '\\')
	if quote < slash { // no escape: the common field
		if hasControl(b[start:quote]) {
			return "", 0, false
		}
		return string(b[start:quote]), quote + 1, true
	}
	// with escapes: the runs are copied whole; the builder's string shares its bytes
	var out strings.Builder
	out.Grow(len(b) - start)
	for {
		if quote < slash { // the end of the string
			if hasControl(b[i:quote]) {
				return "", 0, false
			}
			out.Write(b[i:quote])
			return out.String(), quote + 1, true
		}
		if slash == len(b) || hasControl(b[i:slash]) { // (no quote after i either: not ended)
			return "", 0, false
		}
		out.Write(b[i:slash])
		i = slash
		if i+1 >= len(b) {
			return "", 0, false
		}
		switch e := b[i+1]; e {
		case '"', '\\', '/':
			out.WriteByte(e)
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			if i+6 > len(b) {
				return "", 0, false
			}
			r, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
			if err != nil || utf16.IsSurrogate(rune(r)) || r == 0 {
				return "", 0, false
			}
			out.WriteRune(rune(r))
			i += 4
		default:
			return "", 0, false
		}
		i += 2
		if slash < i {
			slash = indexFrom(b, i, '\\')
		}
		if quote < i {
			quote = indexFrom(b, i, '"')
		}
	}
}

// indexFrom returns the index of the first c in b from i, or len(b).
func indexFrom(b []byte, i int, c byte) int {
	if j := bytes.IndexByte(b[i:], c); j >= 0 {
		return i + j
	}
	return len(b)
}

// hasControl tells whether b holds a control character (below 0x20), which a JSON string may
// not hold unescaped. It tests eight bytes at once: x - 0x20 borrows into the top bit of each
// byte below 0x20 (&^ x clears those of bytes outside ASCII); a borrow may mark the byte above
// a marked one too, which does not change whether any is marked.
func hasControl(b []byte) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	if len(b) < 8 {
		for _, c := range b {
			if c < 0x20 {
				return true
			}
		}
		return false
	}
	x := binary.LittleEndian.Uint64(b[len(b)-8:]) // the last eight, some perhaps tested below too
	marks := (x - 0x20*ones) &^ x
	for len(b) >= 16 { // two words a round: most runs are long (a text up to an escape)
		x, y := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:16])
		marks |= (x-0x20*ones)&^x | (y-0x20*ones)&^y
		b = b[16:]
	}
	if len(b) > 8 {
		x := binary.LittleEndian.Uint64(b)
		marks |= (x - 0x20*ones) &^ x
	}
	return marks&tops != 0
}

// plainJSON tells whether b holds no quote, backslash or control character: a JSON string's
// contents that mean themselves.
func plainJSON(b []byte) bool {
	for _, c := range b {
		if c == '"' || c == '\\' || c < 0x20 {
			return false
		}
	}
	return true
}

// jsonKind names the kind of JSON value that encoding/json calls value, for reports.
func jsonKind(value string) string {
	switch value {
	case "array", "object":
		return "an " + value
	case "bool":
		return "true or false"
	}
	return "a " + value
}

// idString accepts a string or number id.
func idString(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	if n := len(raw); n >= 2 && raw[0] == '"' && raw[n-1] == '"' && plainJSON(raw[1:n-1]) {
		return string(raw[1 : n-1]) // no escapes: what json.Unmarshal returns (raw is valid UTF-8)
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
