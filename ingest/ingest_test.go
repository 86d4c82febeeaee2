package ingest_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/ingest"
)

// result is what one call of ingest.Read delivered.
type result struct {
	docs []ingest.Document
	errs []*ingest.RecordError
	err  error
}

// read runs ingest.Read on paths and collects documents and record errors.
func read(paths []string, stdin string) result {
	var r result
	r.err = ingest.Read(paths, strings.NewReader(stdin),
		func(d ingest.Document) error { r.docs = append(r.docs, d); return nil },
		func(e *ingest.RecordError) { r.errs = append(r.errs, e) })
	return r
}

// writeFiles creates files (path relative to dir, "/"-separated) with their contents.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wantDoc is the part of a Document a test case checks. An empty Title etc. must be empty.
type wantDoc struct {
	ID, Text, Origin              string
	Title, Published, URL, Outlet string
}

// wantErr is a RecordError a test case expects: its exact Origin, ID and Warning and a part of
// its Reason.
type wantErr struct {
	Origin, ID, Reason string
	Warning            bool
}

func checkDocs(t *testing.T, got []ingest.Document, want []wantDoc) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d documents, want %d:", len(got), len(want))
		for _, d := range got {
			t.Errorf("  got %s id=%q text=%.60q", d.Origin, d.ID, d.Text)
		}
		return
	}
	for i, w := range want {
		g := wantDoc{ID: got[i].ID, Text: got[i].Text, Origin: got[i].Origin, Title: got[i].Title,
			Published: got[i].Published, URL: got[i].URL, Outlet: got[i].Outlet}
		if g != w {
			t.Errorf("document %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func checkErrs(t *testing.T, got []*ingest.RecordError, want []wantErr) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d record errors, want %d:", len(got), len(want))
		for _, e := range got {
			t.Errorf("  got %v", e)
		}
		return
	}
	for i, w := range want {
		g := got[i]
		if g.Origin != w.Origin || g.ID != w.ID || !strings.Contains(g.Reason, w.Reason) || g.Warning != w.Warning {
			t.Errorf("record error %d:\n got origin=%q id=%q reason=%q warning=%v\nwant origin=%q id=%q reason containing %q warning=%v",
				i, g.Origin, g.ID, g.Reason, g.Warning, w.Origin, w.ID, w.Reason, w.Warning)
		}
	}
}

var hashID = regexp.MustCompile(`^[0-9a-f]{16}$`)

// TestRead reads well-formed input of every kind. Each case runs in its own temporary
// directory, which is the working directory, so origins are short relative paths.
func TestRead(t *testing.T) {
	const amman = "AMMAN – The Egyptian foreign minister met his Jordanian counterpart.\n\nThey discussed trade.\n"
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		stdin string
		want  []wantDoc
		errs  []wantErr
	}{
		{
			name:  "text file",
			files: map[string]string{"amman-talks.txt": amman},
			paths: []string{"amman-talks.txt"},
			want:  []wantDoc{{ID: "amman-talks", Text: amman, Origin: "amman-talks.txt"}},
		},
		{
			name:  "text file with dots in its name",
			files: map[string]string{"news/2023.03.14.txt": "Iran said."},
			paths: []string{"news/2023.03.14.txt"},
			want:  []wantDoc{{ID: "2023.03.14", Text: "Iran said.", Origin: "news/2023.03.14.txt"}},
		},
		{
			name:  "text files named on their own: .txt, .text, .md or no extension, in any case",
			files: map[string]string{"A.TXT": "A.", "b.text": "B.", "c.md": "C.", "d": "D.", "e.Md": "E."},
			paths: []string{"A.TXT", "b.text", "c.md", "d", "e.Md"},
			want: []wantDoc{
				{ID: "A", Text: "A.", Origin: "A.TXT"},
				{ID: "b", Text: "B.", Origin: "b.text"},
				{ID: "c", Text: "C.", Origin: "c.md"},
				{ID: "d", Text: "D.", Origin: "d"},
				{ID: "e", Text: "E.", Origin: "e.Md"},
			},
		},
		{
			name: "JSON Lines named on their own: .jsonl and .ndjson, in any case",
			files: map[string]string{
				"data.ndjson": `{"id": "n1", "text": "N.", "published": "2017-10-05"}` + "\n",
				"data.JSONL":  `{"id": "j1", "text": "J."}` + "\n",
				"x.NDJSON":    `{"id": "x1", "text": "X."}` + "\n",
			},
			paths: []string{"data.ndjson", "data.JSONL", "x.NDJSON"},
			want: []wantDoc{
				{ID: "n1", Text: "N.", Origin: "data.ndjson:1", Published: "2017-10-05"},
				{ID: "j1", Text: "J.", Origin: "data.JSONL:1"},
				{ID: "x1", Text: "X.", Origin: "x.NDJSON:1"},
			},
		},
		{
			name: "files named on their own of a kind dyad does not read: reported, not read as text",
			files: map[string]string{
				"page.html": "<p>Iran said.</p>", "feed.json": `{"id": "no", "text": "not read"}`,
				"a.pdf": "%PDF", "b.jsonl.gz": "\x1f\x8b", "news/2023.03.14.article": "Iran said.",
				"ok.txt": "OK.",
			},
			paths: []string{"page.html", "feed.json", "a.pdf", "b.jsonl.gz", "news/2023.03.14.article", "ok.txt"},
			want:  []wantDoc{{ID: "ok", Text: "OK.", Origin: "ok.txt"}},
			errs: []wantErr{
				{Origin: "page.html", Reason: "not a kind of file dyad reads"},
				{Origin: "feed.json", Reason: "not a kind of file dyad reads"},
				{Origin: "a.pdf", Reason: "not a kind of file dyad reads"},
				{Origin: "b.jsonl.gz", Reason: "not a kind of file dyad reads"},
				{Origin: "news/2023.03.14.article", Reason: "not a kind of file dyad reads"},
			},
		},
		{
			name: "jsonl records",
			files: map[string]string{"feed.jsonl": `{"id": "border-1", "text": "One.", "title": "T", "published": "2023-03-14", "url": "https://example.org/1", "outlet": "dyad"}` + "\n" +
				`{"id": 42, "text": "Two."}` + "\n" +
				"\n" + // blank lines are skipped but counted
				`{"text": "Three."}` + "\r\n" + // CRLF
				`  {"id": null, "text": "Three."}  ` + "\n" +
				`{"id": "", "text": "Four \u00e9\u201c."}` + "\n" +
				`{"id": 7.5e1, "text": "Five."}`, // no final newline
			},
			paths: []string{"feed.jsonl"},
			want: []wantDoc{
				{ID: "border-1", Text: "One.", Origin: "feed.jsonl:1", Title: "T", Published: "2023-03-14", URL: "https://example.org/1", Outlet: "dyad"},
				{ID: "42", Text: "Two.", Origin: "feed.jsonl:2"},
				{ID: "?hash:Three.", Text: "Three.", Origin: "feed.jsonl:4"},
				{ID: "?hash:Three.", Text: "Three.", Origin: "feed.jsonl:5"},
				{ID: "?hash:Four é“.", Text: "Four é“.", Origin: "feed.jsonl:6"},
				{ID: "7.5e1", Text: "Five.", Origin: "feed.jsonl:7"},
			},
		},
		{
			name: "directory, recursive, lexical order, only .txt, .jsonl and .ndjson, others reported",
			files: map[string]string{
				"in/b.txt":             "B.",
				"in/a.jsonl":           `{"id": "a1", "text": "A1."}` + "\n" + `{"id": "a2", "text": "A2."}` + "\n",
				"in/sub/c.txt":         "C.",
				"in/sub/deep/d.txt":    "D.",
				"in/E.TXT":             "E.",
				"in/f.ndjson":          `{"id": "f1", "text": "F1."}` + "\n",
				"in/G.JSONL":           `{"id": "g1", "text": "G1."}` + "\n",
				"in/notes.md":          "not an article",
				"in/feed.json":         `{"id": "no", "text": "not read"}`,
				"in/sub/img.png":       "\x89PNG\x00\x00",
				"in/txt":               "no extension",
				"in/.git/x.txt":        "hidden",
				"in/.hidden.txt":       "hidden",
				"in/README.md":         "about the data",
				"in/sub/LICENSE":       "terms",
				"in/LICENSEE_news.txt": "L.",
			},
			paths: []string{"in"},
			want: []wantDoc{
				{ID: "E", Text: "E.", Origin: "in/E.TXT"},
				{ID: "g1", Text: "G1.", Origin: "in/G.JSONL:1"},
				{ID: "LICENSEE_news", Text: "L.", Origin: "in/LICENSEE_news.txt"},
				{ID: "a1", Text: "A1.", Origin: "in/a.jsonl:1"},
				{ID: "a2", Text: "A2.", Origin: "in/a.jsonl:2"},
				{ID: "b", Text: "B.", Origin: "in/b.txt"},
				{ID: "f1", Text: "F1.", Origin: "in/f.ndjson:1"},
				{ID: "c", Text: "C.", Origin: "in/sub/c.txt"},
				{ID: "d", Text: "D.", Origin: "in/sub/deep/d.txt"},
			},
			errs: []wantErr{
				{Origin: "in/feed.json", Reason: "skipped", Warning: true},
				{Origin: "in/notes.md", Reason: "skipped", Warning: true},
				{Origin: "in/sub/img.png", Reason: "skipped", Warning: true},
				{Origin: "in/txt", Reason: "skipped", Warning: true},
			},
		},
		{
			name: "directory with no file dyad reads",
			files: map[string]string{
				"in/a.json": `{"id": "a", "text": "A."}`,
				"in/b.html": "<p>B.</p>",
			},
			paths: []string{"in"},
			errs: []wantErr{
				{Origin: "in/a.json", Reason: "skipped", Warning: true},
				{Origin: "in/b.html", Reason: "skipped", Warning: true},
				{Origin: "in", Reason: "no articles"},
			},
		},
		{
			name:  "several paths in the order given",
			files: map[string]string{"z.txt": "Z.", "a.txt": "A."},
			paths: []string{"z.txt", "a.txt", "z.txt"},
			want: []wantDoc{
				{ID: "z", Text: "Z.", Origin: "z.txt"},
				{ID: "a", Text: "A.", Origin: "a.txt"},
				{ID: "z", Text: "Z.", Origin: "z.txt"},
			},
		},
		{
			name:  "stdin as JSON Lines",
			paths: []string{"-"},
			stdin: `{"id": "s1", "text": "Iran said."}` + "\n" + `{"id": 2, "text": "Syria said."}` + "\n",
			want: []wantDoc{
				{ID: "s1", Text: "Iran said.", Origin: "stdin:1"},
				{ID: "2", Text: "Syria said.", Origin: "stdin:2"},
			},
		},
		{
			name:  "stdin as JSON Lines after leading spaces",
			paths: []string{"-"},
			stdin: " \t{\"id\": \"s1\", \"text\": \"Iran said.\"}",
			want:  []wantDoc{{ID: "s1", Text: "Iran said.", Origin: "stdin:1"}},
		},
		{
			name:  "stdin as plain text",
			paths: []string{"-"},
			stdin: "TEHRAN – Iran said on Monday {it} would respond.\n",
			want:  []wantDoc{{ID: "stdin", Text: "TEHRAN – Iran said on Monday {it} would respond.\n", Origin: "stdin"}},
		},
		{
			name:  "stdin and a file",
			files: map[string]string{"a.txt": "A."},
			paths: []string{"a.txt", "-"},
			stdin: "Stdin text.",
			want: []wantDoc{
				{ID: "a", Text: "A.", Origin: "a.txt"},
				{ID: "stdin", Text: "Stdin text.", Origin: "stdin"},
			},
		},
		{
			name:  "empty stdin",
			paths: []string{"-"},
			stdin: " \n\t\n",
			errs:  []wantErr{{Origin: "stdin", Reason: "empty"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			writeFiles(t, dir, tt.files)
			r := read(tt.paths, tt.stdin)
			if r.err != nil {
				t.Fatalf("Read returned %v", r.err)
			}
			// Ids written "?hash:TEXT" stand for the hash id of TEXT: check its form and
			// that equal texts share it and different texts do not.
			hashes := map[string]string{}
			for i := range tt.want {
				text, ok := strings.CutPrefix(tt.want[i].ID, "?hash:")
				if !ok || i >= len(r.docs) {
					continue
				}
				id := r.docs[i].ID
				if !hashID.MatchString(id) {
					t.Errorf("document %d: id %q is not 16 lower-case hex digits", i, id)
				}
				if prev, ok := hashes[text]; ok && prev != id {
					t.Errorf("document %d: same text %q got ids %q and %q", i, text, prev, id)
				}
				for other, h := range hashes {
					if other != text && h == id {
						t.Errorf("document %d: texts %q and %q share id %q", i, other, text, id)
					}
				}
				hashes[text] = id
				tt.want[i].ID = id
			}
			checkDocs(t, r.docs, tt.want)
			checkErrs(t, r.errs, tt.errs)
		})
	}
}

// TestHashIDStable pins the id given to a record without one: ids are stored with coded
// events, so the same text must get the same id in every run and every version.
func TestHashIDStable(t *testing.T) {
	var got []string
	in := `{"text": "Iran said."}` + "\n" + `{"text": "Iran said."}` + "\n" + `{"text": "Iran said!"}` + "\n"
	err := ingest.ReadJSONL(strings.NewReader(in), "x", func(d ingest.Document) error {
		got = append(got, d.ID)
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("unexpected %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	// the first 8 bytes of the SHA-256 of the text, in hex
	want := []string{"3e536fbcdceb485d", "3e536fbcdceb485d", ""}
	if len(got) != 3 {
		t.Fatalf("got ids %q, want 3", got)
	}
	if got[0] != want[0] || got[1] != want[1] {
		t.Errorf("ids %q, want %q", got[:2], want[:2])
	}
	if got[2] == got[0] || !hashID.MatchString(got[2]) {
		t.Errorf("different text: id %q (first text %q)", got[2], got[0])
	}
}

// TestReadBadInput checks that each broken record is reported with its position and a reason
// while the other records of the same file and the other files are still delivered.
func TestReadBadInput(t *testing.T) {
	tooLong := `{"id": "huge", "text": "` + strings.Repeat("word ", 2<<20) + `"}` // 10 MB
	exact := `{"id": "max", "text": "` + strings.Repeat("a", ingest.MaxRecord-len(`{"id": "max", "text": ""}`)) + `"}`
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		want  []wantDoc
		errs  []wantErr
	}{
		{
			name:  "invalid UTF-8 in a text file",
			files: map[string]string{"bad.txt": "Iran said \xff\xfe it would.", "good.txt": "Good."},
			paths: []string{"bad.txt", "good.txt"},
			want:  []wantDoc{{ID: "good", Text: "Good.", Origin: "good.txt"}},
			errs:  []wantErr{{Origin: "bad.txt", ID: "bad", Reason: "invalid UTF-8 at offset 10"}},
		},
		{
			name: "invalid UTF-8 in a JSONL line",
			files: map[string]string{"x.jsonl": `{"id": "1", "text": "One."}` + "\n" +
				"{\"id\": \"2\", \"text\": \"Tw\xc3o.\"}\n" +
				`{"id": "3", "text": "Three."}` + "\n"},
			paths: []string{"x.jsonl"},
			want: []wantDoc{
				{ID: "1", Text: "One.", Origin: "x.jsonl:1"},
				{ID: "3", Text: "Three.", Origin: "x.jsonl:3"},
			},
			errs: []wantErr{{Origin: "x.jsonl:2", Reason: "invalid UTF-8"}},
		},
		{
			name:  "empty text file",
			files: map[string]string{"empty.txt": "", "blank.txt": " \n\t\r\n", "good.txt": "Good."},
			paths: []string{"empty.txt", "blank.txt", "good.txt"},
			want:  []wantDoc{{ID: "good", Text: "Good.", Origin: "good.txt"}},
			errs: []wantErr{
				{Origin: "empty.txt", ID: "empty", Reason: "empty"},
				{Origin: "blank.txt", ID: "blank", Reason: "empty"},
			},
		},
		{
			name: "JSONL line longer than MaxRecord",
			files: map[string]string{"big.jsonl": `{"id": "1", "text": "One."}` + "\n" +
				tooLong + "\n" +
				`{"id": "3", "text": "Three."}` + "\n" +
				exact + "\n" + // exactly MaxRecord bytes: accepted
				`{"id": "5", "text": "Five."}` + "\n"},
			paths: []string{"big.jsonl"},
			want: []wantDoc{
				{ID: "1", Text: "One.", Origin: "big.jsonl:1"},
				{ID: "3", Text: "Three.", Origin: "big.jsonl:3"},
				{ID: "max", Text: exact[len(`{"id": "max", "text": "`) : len(exact)-2], Origin: "big.jsonl:4"},
				{ID: "5", Text: "Five.", Origin: "big.jsonl:5"},
			},
			errs: []wantErr{{Origin: "big.jsonl:2", Reason: "longer than"}},
		},
		{
			name:  "text file longer than MaxRecord",
			files: map[string]string{"big.txt": strings.Repeat("word ", 2<<20), "good.txt": "Good."},
			paths: []string{"big.txt", "good.txt"},
			want:  []wantDoc{{ID: "good", Text: "Good.", Origin: "good.txt"}},
			errs:  []wantErr{{Origin: "big.txt", ID: "big", Reason: "longer than"}},
		},
		{
			name:  "binary file",
			files: map[string]string{"photo.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "good.txt": "Good."},
			paths: []string{"photo.txt", "good.txt"},
			want:  []wantDoc{{ID: "good", Text: "Good.", Origin: "good.txt"}},
			errs:  []wantErr{{Origin: "photo.txt", ID: "photo", Reason: "binary data (NUL byte at offset 8)"}},
		},
		{
			name: "binary data in a JSONL line",
			files: map[string]string{"x.jsonl": "{\"id\": \"1\", \"text\": \"O\x00ne.\"}\n" +
				`{"id": "2", "text": "Two."}`},
			paths: []string{"x.jsonl"},
			want:  []wantDoc{{ID: "2", Text: "Two.", Origin: "x.jsonl:2"}},
			errs:  []wantErr{{Origin: "x.jsonl:1", Reason: "binary data"}},
		},
		{
			name: "JSONL lines that are not JSON objects",
			files: map[string]string{"x.jsonl": `{"id": "1", "text": "One."}` + "\n" +
				`{"id": "2", "text": "Two.` + "\n" + // cut short
				`id: 3, text: Three.` + "\n" +
				`{"id": "4", "text": "Four."} trailing` + "\n" +
				`["not", "an", "object"]` + "\n" +
				`"just a string"` + "\n" +
				`{"id": "7", "text": "Seven."}` + "\n" +
				"null\n42\n[1,2,3]\n"},
			paths: []string{"x.jsonl"},
			want: []wantDoc{
				{ID: "1", Text: "One.", Origin: "x.jsonl:1"},
				{ID: "7", Text: "Seven.", Origin: "x.jsonl:7"},
			},
			errs: []wantErr{
				{Origin: "x.jsonl:2", Reason: "not JSON"},
				{Origin: "x.jsonl:3", Reason: "not JSON"},
				{Origin: "x.jsonl:4", Reason: "not JSON"},
				{Origin: "x.jsonl:5", Reason: "not a JSON object but an array"},
				{Origin: "x.jsonl:6", Reason: "not a JSON object but a string"},
				{Origin: "x.jsonl:8", Reason: "not a JSON object but null"},
				{Origin: "x.jsonl:9", Reason: "not a JSON object but a number"},
				{Origin: "x.jsonl:10", Reason: "not a JSON object but an array"},
			},
		},
		{
			name: "JSONL fields that are not strings",
			files: map[string]string{"x.jsonl": `{"id":"numtext","text":42}` + "\n" +
				`{"text":["a"]}` + "\n" +
				`{"text":"One.","title":true,"id":7}` + "\n" +
				`{"published":{"y":2017},"id":"p","text":"Two."}` + "\n" +
				`{"id":"ok","text":"Three."}` + "\n"},
			paths: []string{"x.jsonl"},
			want:  []wantDoc{{ID: "ok", Text: "Three.", Origin: "x.jsonl:5"}},
			errs: []wantErr{
				{Origin: "x.jsonl:1", ID: "numtext", Reason: "text must be a string, not a number"},
				{Origin: "x.jsonl:2", Reason: "text must be a string, not an array"},
				{Origin: "x.jsonl:3", ID: "7", Reason: "title must be a string, not true or false"},
				{Origin: "x.jsonl:4", ID: "p", Reason: "published must be a string, not an object"},
			},
		},
		{
			name: "JSONL record without text",
			files: map[string]string{"x.jsonl": `{"id": "1", "title": "No text here"}` + "\n" +
				`{"id": 2, "text": null}` + "\n" +
				`{"id": "3", "text": " \n\t"}` + "\n" +
				`{"body": "Wrong field."}` + "\n" +
				`{"id": "5", "text": "Five."}` + "\n"},
			paths: []string{"x.jsonl"},
			want:  []wantDoc{{ID: "5", Text: "Five.", Origin: "x.jsonl:5"}},
			errs: []wantErr{
				{Origin: "x.jsonl:1", ID: "1", Reason: `"text"`},
				{Origin: "x.jsonl:2", ID: "2", Reason: `"text"`},
				{Origin: "x.jsonl:3", ID: "3", Reason: "empty text"},
				{Origin: "x.jsonl:4", Reason: `"text"`},
			},
		},
		{
			name:  "file that does not exist",
			files: map[string]string{"good.txt": "Good."},
			paths: []string{"missing.txt", "missing-dir/x.jsonl", "good.txt"},
			want:  []wantDoc{{ID: "good", Text: "Good.", Origin: "good.txt"}},
			errs: []wantErr{
				{Origin: "missing.txt", Reason: "no such file or directory"},
				{Origin: "missing-dir/x.jsonl", Reason: "no such file or directory"},
			},
		},
		{
			name: "bad files inside a directory",
			files: map[string]string{
				"in/a.txt":   "",
				"in/b.jsonl": "not json\n" + `{"id": "b2", "text": "B2."}`,
				"in/c.txt":   "C.",
			},
			paths: []string{"in"},
			want: []wantDoc{
				{ID: "b2", Text: "B2.", Origin: "in/b.jsonl:2"},
				{ID: "c", Text: "C.", Origin: "in/c.txt"},
			},
			errs: []wantErr{
				{Origin: "in/a.txt", ID: "a", Reason: "empty"},
				{Origin: "in/b.jsonl:1", Reason: "not JSON"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			writeFiles(t, dir, tt.files)
			r := read(tt.paths, "")
			if r.err != nil {
				t.Fatalf("Read returned %v", r.err)
			}
			checkDocs(t, r.docs, tt.want)
			checkErrs(t, r.errs, tt.errs)
			for _, e := range r.errs {
				if msg := e.Error(); !strings.HasPrefix(msg, e.Origin+": ") || !strings.HasSuffix(msg, e.Reason) {
					t.Errorf("Error() = %q, want origin %q first and reason %q last", msg, e.Origin, e.Reason)
				}
			}
		})
	}
}

// TestReadJSONLBoundary checks the limit at exactly MaxRecord bytes on the last line of input,
// which has no newline.
func TestReadJSONLBoundary(t *testing.T) {
	line := `{"text": "` + strings.Repeat("a", ingest.MaxRecord+1-len(`{"text": ""}`)) + `"}`
	var docs int
	var errs []*ingest.RecordError
	ingest.ReadJSONL(strings.NewReader(line), "x", func(ingest.Document) error { docs++; return nil },
		func(e *ingest.RecordError) { errs = append(errs, e) })
	if docs != 0 || len(errs) != 1 || !strings.Contains(errs[0].Reason, "longer than") {
		t.Errorf("line of %d bytes (MaxRecord %d): %d documents, errors %v; want it reported as too long",
			len(line), ingest.MaxRecord, docs, errs)
	}
}

// TestReadRecordsLines checks that ReadRecords hands on each line whole and as it was, the lines
// kept after the input has moved on: short lines (handed on from the reader's buffer) among lines
// longer than that buffer (copied), with CRLF and LF endings.
func TestReadRecordsLines(t *testing.T) {
	var want []string
	var in strings.Builder
	for i := range 40 {
		line := fmt.Sprintf(`{"id": "%d", "text": "%s"}`, i, strings.Repeat("word ", []int{1, 30, 20000, 3}[i%4]))
		want = append(want, line)
		in.WriteString(line)
		in.WriteString([]string{"\n", "\r\n"}[i%2])
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"in.jsonl": in.String()})
	var got []ingest.Record
	err := ingest.ReadRecords([]string{filepath.Join(dir, "in.jsonl")}, nil, func(r ingest.Record) error {
		got = append(got, r)
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("unexpected error: %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for i, r := range got {
		if string(r.Line) != want[i] || r.LineNo != i+1 {
			t.Errorf("record %d: line %d %.40q..., want line %d %.40q...", i, r.LineNo, r.Line, i+1, want[i])
		}
	}
}

// TestReadEmptyJSONL: an empty .jsonl file is reported like an empty .txt file or empty stdin.
func TestReadEmptyJSONL(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, map[string]string{"empty.jsonl": "", "blank.jsonl": "\n \n"})
	r := read([]string{"empty.jsonl", "blank.jsonl"}, "")
	checkDocs(t, r.docs, nil)
	checkErrs(t, r.errs, []wantErr{{Origin: "empty.jsonl", Reason: "empty"}, {Origin: "blank.jsonl", Reason: "empty"}})
}

// TestReadStdinLineNumbers: line numbers on stdin count the blank lines before the first record.
func TestReadStdinLineNumbers(t *testing.T) {
	r := read([]string{"-"}, "\n\n"+`{"id": "1", "text": "One."}`+"\nnot json\n")
	checkDocs(t, r.docs, []wantDoc{{ID: "1", Text: "One.", Origin: "stdin:3"}})
	checkErrs(t, r.errs, []wantErr{{Origin: "stdin:4", Reason: "not JSON"}})
}

// TestReadHandlerError checks that an error from the handler stops reading and is returned.
func TestReadHandlerError(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, map[string]string{
		"a.jsonl": `{"id": "1", "text": "One."}` + "\n" + `{"id": "2", "text": "Two."}` + "\n" + `{"id": "3", "text": "Three."}` + "\n",
		"b.txt":   "B.",
	})
	stop := errors.New("stop")
	var ids []string
	err := ingest.Read([]string{"a.jsonl", "b.txt"}, strings.NewReader(""), func(d ingest.Document) error {
		ids = append(ids, d.ID)
		if d.ID == "2" {
			return stop
		}
		return nil
	}, func(e *ingest.RecordError) { t.Errorf("unexpected %v", e) })
	if err != stop {
		t.Errorf("Read returned %v, want the handler's error", err)
	}
	if strings.Join(ids, ",") != "1,2" {
		t.Errorf("handler saw ids %q, want 1,2 and then nothing", ids)
	}
}

// TestRecordErrorMessage checks the message format with and without a record id.
func TestRecordErrorMessage(t *testing.T) {
	tests := []struct {
		err  ingest.RecordError
		want string
	}{
		{ingest.RecordError{Origin: "a.txt", Reason: "empty article"}, "a.txt: empty article"},
		{ingest.RecordError{Origin: "x.jsonl:3", ID: "b-1", Reason: `no "text" field`}, `x.jsonl:3: record "b-1": no "text" field`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// FuzzReadJSONL feeds arbitrary bytes to ReadJSONL: it must not panic, must deliver only documents
// with text and an id, and must report every problem with a position inside the named input.
func FuzzReadJSONL(f *testing.F) {
	for _, seed := range []string{
		`{"id": "a", "text": "Iran said."}`,
		`{"id": 42, "text": "Two."}` + "\n" + `{"text": "No id."}` + "\r\n",
		`{"id": null, "text": "x", "title": "T", "published": "2023-03-14"}`,
		`{"text": ""}`,
		`{"text": "\u0000"}`,
		`{"id": {}, "text": "x"}`,
		`{"title": "no text"}`,
		`{"text": "cut`,
		"\n\n \t\n",
		"[1, 2]\nnull\n5\n\"s\"",
		"{\"text\": \"\xff\"}",
		"\x00\x01\x02",
		"\xef\xbb\xbf{\"text\": \"bom\"}",
	} {
		f.Add([]byte(seed))
	}
	const origin = "fuzz.jsonl"
	f.Fuzz(func(t *testing.T, data []byte) {
		var docs int
		err := ingest.ReadJSONL(bytes.NewReader(data), origin, func(d ingest.Document) error {
			docs++
			if d.Text == "" || strings.TrimSpace(d.Text) == "" {
				t.Errorf("document with empty text: %+v", d)
			}
			if d.ID == "" {
				t.Errorf("document without id: %+v", d)
			}
			if !utf8.ValidString(d.Text) {
				t.Errorf("document text is not UTF-8: %q", d.Text)
			}
			if !strings.HasPrefix(d.Origin, origin+":") {
				t.Errorf("document origin %q not in %q", d.Origin, origin)
			}
			return nil
		}, func(e *ingest.RecordError) {
			if e == nil {
				t.Fatal("nil *RecordError reported")
			}
			if !strings.HasPrefix(e.Origin, origin) {
				t.Errorf("error origin %q does not start with %q", e.Origin, origin)
			}
			if e.Reason == "" {
				t.Errorf("error without reason: %+v", e)
			}
		})
		if err != nil {
			t.Errorf("ReadJSONL returned %v with a handler that never fails", err)
		}
		if docs > bytes.Count(data, []byte("\n"))+1 {
			t.Errorf("%d documents from %d lines", docs, bytes.Count(data, []byte("\n"))+1)
		}
	})
}
