package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// repo is the repository root, seen from this package's directory.
const repo = "../.."

func sharedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repo, "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "eval")); err != nil {
		t.Skipf("../shared is absent (%v): the shared gold sets are not here, so this test cannot run", err)
	}
	return dir
}

type floors struct {
	Sets map[string]struct {
		Docs          string             `json:"docs"`
		Gold          string             `json:"gold"`
		Min           map[string]float64 `json:"min"`
		MinTypeRecall map[string]float64 `json:"min_recall_per_type"`
	} `json:"sets"`
}

type evalJSON struct {
	Overall struct{ Matched, Gold, System int } `json:"overall"`
	PerType map[string]struct {
		Matched, Gold, System int
	} `json:"per_type"`
}

func prf(m, g, s int) (p, r, f float64) {
	if s > 0 {
		p = float64(m) / float64(s)
	}
	if g > 0 {
		r = float64(m) / float64(g)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// TestAccuracyFloors codes the shared gold sets and scores them with `dyad eval`; it fails when a
// figure falls below the floor recorded in testdata/accuracy.json.
func TestAccuracyFloors(t *testing.T) {
	sharedDir(t)
	raw, err := os.ReadFile(filepath.Join(repo, "testdata", "accuracy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fl floors
	if err := json.Unmarshal(raw, &fl); err != nil {
		t.Fatalf("testdata/accuracy.json: %v", err)
	}
	for name, set := range fl.Sets {
		t.Run(name, func(t *testing.T) {
			docs := filepath.Join(repo, set.Docs)
			if fi, err := os.Stat(docs); err == nil && fi.IsDir() {
				docs += string(filepath.Separator) // a directory: every .txt in it
			}
			out := filepath.Join(t.TempDir(), "events.jsonl")
			var stderr bytes.Buffer
			if code := run([]string{"code", "-o", out, docs}, nil, os.Stdout, &stderr); code != 0 {
				t.Fatalf("dyad code exited %d: %s", code, stderr.String())
			}
			var stdout bytes.Buffer
			if code := run([]string{"eval", "--json", filepath.Join(repo, set.Gold), out}, nil, &stdout, &stderr); code != 0 {
				t.Fatalf("dyad eval exited %d: %s", code, stderr.String())
			}
			var res evalJSON
			if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			p, r, f := prf(res.Overall.Matched, res.Overall.Gold, res.Overall.System)
			t.Logf("%s: precision %.3f recall %.3f F1 %.3f", name, p, r, f)
			got := map[string]float64{"precision": p, "recall": r, "f1": f}
			for k, min := range set.Min {
				if got[k]+1e-9 < min {
					t.Errorf("%s %s %.3f is below the floor %.3f", name, k, got[k], min)
				}
			}
			for typ, min := range set.MinTypeRecall {
				c := res.PerType[typ]
				_, r, _ := prf(c.Matched, c.Gold, c.System)
				if r+1e-9 < min {
					t.Errorf("%s %s recall %.3f is below the floor %.3f", name, typ, r, min)
				}
			}
		})
	}
}

// TestEvalAgreesWithSharedScorer runs dyad eval and ../shared/tools/score_events.py on the same
// output and expects the same counts, overall and per type.
func TestEvalAgreesWithSharedScorer(t *testing.T) {
	shared := sharedDir(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: scripts/test.sh installs it")
	}
	for _, c := range []struct{ docs, gold string }{
		{filepath.Join(shared, "seeds") + "/", filepath.Join(shared, "eval/dev/gold.jsonl")},
		{filepath.Join(shared, "eval/plover-gsr/docs.jsonl"), filepath.Join(shared, "eval/plover-gsr/gold.jsonl")},
		{filepath.Join(shared, "eval/dev/docs.jsonl"), filepath.Join(shared, "eval/dev/gold.jsonl")},
	} {
		out := filepath.Join(t.TempDir(), "events.jsonl")
		if code := run([]string{"code", "-o", out, c.docs}, nil, os.Stdout, os.Stderr); code != 0 {
			t.Fatalf("dyad code %s exited %d", c.docs, code)
		}
		cmd := exec.Command(py, filepath.Join(shared, "tools/score_events.py"), c.gold, out, "--json")
		pyOut, err := cmd.Output()
		if err != nil {
			t.Fatalf("score_events.py: %v", err)
		}
		var want struct {
			GoldEvents   int                                            `json:"gold_events"`
			SystemEvents int                                            `json:"system_events"`
			Matched      int                                            `json:"matched"`
			DatedMatched int                                            `json:"dated_matched"`
			PerType      map[string]struct{ Matched, Gold, System int } `json:"per_type"`
		}
		if err := json.Unmarshal(pyOut, &want); err != nil {
			t.Fatal(err)
		}
		var stdout bytes.Buffer
		if code := run([]string{"eval", "--json", c.gold, out}, nil, &stdout, os.Stderr); code != 0 {
			t.Fatalf("dyad eval exited %d", code)
		}
		var got struct {
			Overall struct{ Matched, Gold, System int }            `json:"overall"`
			Dated   int                                            `json:"dated_matched"`
			PerType map[string]struct{ Matched, Gold, System int } `json:"per_type"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Overall.Matched != want.Matched || got.Overall.Gold != want.GoldEvents || got.Overall.System != want.SystemEvents || got.Dated != want.DatedMatched {
			t.Errorf("%s: dyad eval %+v dated %d, score_events.py matched %d gold %d system %d dated %d",
				c.gold, got.Overall, got.Dated, want.Matched, want.GoldEvents, want.SystemEvents, want.DatedMatched)
		}
		for typ, w := range want.PerType {
			if g := got.PerType[typ]; g != w {
				t.Errorf("%s %s: dyad eval %+v, score_events.py %+v", c.gold, typ, g, w)
			}
		}
	}
}

// TestCodeDeterministic codes the same input twice and in parallel and expects the same bytes.
func TestCodeDeterministic(t *testing.T) {
	examples := filepath.Join(repo, "examples") + "/"
	var first []byte
	for i, workers := range []string{"1", "4", "1"} {
		var out, errb bytes.Buffer
		if code := run([]string{"code", "-workers", workers, examples}, nil, &out, &errb); code != 0 {
			t.Fatalf("dyad code exited %d: %s", code, errb.String())
		}
		if out.Len() == 0 {
			t.Fatal("no events from the example articles")
		}
		if i == 0 {
			first = out.Bytes()
		} else if !bytes.Equal(first, out.Bytes()) {
			t.Fatalf("run %d (workers %s) differs from the first run", i, workers)
		}
	}
}

func TestCodeExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	os.WriteFile(good, []byte(`{"id":"a","text":"Iran condemned Israel on Monday."}`+"\n"), 0o644)
	mixed := filepath.Join(dir, "mixed.jsonl")
	os.WriteFile(mixed, []byte(`{"id":"a","text":"Iran condemned Israel on Monday."}`+"\nnot json\n"+`{"id":"c"}`+"\n"+`{"id":"d","text":"Turkey praised Qatar."}`+"\n"), 0o644)
	ndjson := filepath.Join(dir, "data.NDJSON")
	os.WriteFile(ndjson, []byte(`{"id":"n","text":"Iran condemned Israel on Monday."}`+"\n"), 0o644)
	html := filepath.Join(dir, "page.html")
	os.WriteFile(html, []byte("<p>Iran condemned Israel on Monday.</p>"), 0o644)
	mixedDir := filepath.Join(dir, "mixed")
	os.MkdirAll(mixedDir, 0o755)
	os.WriteFile(filepath.Join(mixedDir, "a.ndjson"), []byte(`{"id":"m","text":"Iran condemned Israel on Monday."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(mixedDir, "b.json"), []byte(`{"id":"b","text":"Iran condemned Israel on Monday."}`), 0o644)
	jsonDir := filepath.Join(dir, "json")
	os.MkdirAll(jsonDir, 0o755)
	os.WriteFile(filepath.Join(jsonDir, "c.json"), []byte(`{"id":"c","text":"Iran condemned Israel on Monday."}`), 0o644)
	badDate := filepath.Join(dir, "dates.jsonl")
	os.WriteFile(badDate, []byte(`{"id":"p1","published":"05/10/2017","text":"Iran condemned Israel on Monday."}`+"\n"+
		`{"id":"p2","published":"2017-10-05","text":"Iran condemned Israel on Monday."}`+"\n"), 0o644)
	cases := []struct {
		name      string
		args      []string
		stdin     string
		want      int
		outHas    []string
		stderrHas []string
	}{
		{"ok", []string{"code", good}, "", 0, []string{`"type":"ACCUSE"`}, nil},
		{"some records bad", []string{"code", mixed}, "", 1, []string{`"doc_id":"a"`, `"doc_id":"d"`},
			[]string{"mixed.jsonl:2", "not JSON", "mixed.jsonl:3", `"text"`}},
		{"stdin text", []string{"code", "-"}, "Syria thanked Russia for its support.", 0, []string{`"doc_id":"stdin"`, `"SUPPORT"`}, nil},
		{"no paths", []string{"code"}, "", 2, nil, []string{"usage"}},
		{"bad format", []string{"code", "--format", "xml", good}, "", 2, nil, []string{"--format"}},
		{"unknown command", []string{"frobnicate"}, "", 2, nil, []string{"unknown command"}},
		{"csv", []string{"code", "--format", "csv", good}, "", 0, []string{"id,doc_id,sentence", ",ACCUSE,"}, nil},
		{"missing file", []string{"code", filepath.Join(dir, "nope.txt")}, "", 1, nil, []string{"nope.txt"}},
		{"published unreadable: a warning, coded all the same", []string{"code", badDate}, "", 0,
			[]string{`"doc_id":"p1","sentence":0,"date":"","date_source":"unknown"`, `"doc_id":"p2","sentence":0,"date":"2017-10-02"`},
			[]string{`warning: ` + badDate + `:1: record "p1": published "05/10/2017" is not a date`}},
		{"published unreadable, dyad actors", []string{"actors", badDate}, "", 0, []string{`"doc_id":"p1"`},
			[]string{`dyad actors: warning: ` + badDate + `:1: record "p1": published "05/10/2017"`}},
		{"negative workers", []string{"code", "--workers", "-3", good}, "", 2, nil, []string{"--workers must be 0 (one per CPU) or more, not -3"}},
		{"negative workers, ingest", []string{"ingest", "--workers", "-1", good}, "", 2, nil, []string{"--workers must be 0"}},
		{".ndjson as JSON Lines", []string{"code", ndjson}, "", 0, []string{`"doc_id":"n"`}, nil},
		{".html named: reported, not coded", []string{"code", html, good}, "", 1, []string{`"doc_id":"a"`},
			[]string{"page.html: not a kind of file dyad reads"}},
		{"directory: a skipped file is a warning", []string{"code", mixedDir}, "", 0, []string{`"doc_id":"m"`},
			[]string{"dyad code: warning: " + filepath.Join(mixedDir, "b.json") + ": skipped"}},
		{"directory of nothing dyad reads", []string{"code", jsonDir}, "", 1, nil,
			[]string{"warning: " + filepath.Join(jsonDir, "c.json") + ": skipped", jsonDir + ": no articles"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(c.args, strings.NewReader(c.stdin), &out, &errb)
			if code != c.want {
				t.Fatalf("exit status %d, want %d; stderr: %s", code, c.want, errb.String())
			}
			for _, s := range c.outHas {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range c.stderrHas {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb.String())
				}
			}
		})
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestWriteFailure expects the status of a failed write (3), distinct from that of records
// that could not be coded (1).
func TestWriteFailure(t *testing.T) {
	doc := `{"id":"a","published":"2015-06-01","text":"Iran condemned Israel on Monday. \"We will respond,\" Iranian President Hassan Rouhani said."}` + "\n"
	for _, args := range [][]string{{"code", "-"}, {"code", "--format", "csv", "-"}, {"code", "--merge", "-"},
		{"actors", "-"}, {"quotes", "-"}} {
		var errb bytes.Buffer
		if code := run(args, strings.NewReader(doc+`{"id":"b"}`+"\n"), failingWriter{}, &errb); code != exitWrite {
			t.Errorf("%q: exit %d, want %d; stderr:\n%s", args, code, exitWrite, errb.String())
		}
		if !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("%q: stderr lacks the write error:\n%s", args, errb.String())
		}
	}
}

// TestEventFields checks that every field of formats.md is written.
func TestEventFields(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"code", "-"}, strings.NewReader(`{"id":"x","published":"2017-10-05","text":"Iranian Foreign Minister Mohammad Javad Zarif met Syrian President Bashar al-Assad in Damascus on Thursday."}`), &out, os.Stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	line, _, _ := strings.Cut(out.String(), "\n")
	var e map[string]any
	if err := json.Unmarshal([]byte(line), &e); err != nil {
		t.Fatalf("%v: %q", err, line)
	}
	for _, k := range []string{"id", "doc_id", "sentence", "date", "date_source", "type", "mode", "intent",
		"intended", "negated", "cameo", "goldstein", "source", "target", "location", "evidence", "confidence"} {
		if _, ok := e[k]; !ok {
			t.Errorf("event lacks %q: %s", k, line)
		}
	}
	src, _ := e["source"].(map[string]any)
	for _, k := range []string{"text", "name", "country", "sector", "code"} {
		if _, ok := src[k]; !ok {
			t.Errorf("source lacks %q", k)
		}
	}
	if e["type"] != "CONSULT" || src["code"] != "IRNGOV" || e["date"] != "2017-10-05" {
		t.Errorf("unexpected event: %s", line)
	}
}

// TestActorsCommand writes actor records with their mentions and offsets.
func TestActorsCommand(t *testing.T) {
	var out, errb bytes.Buffer
	doc := `{"id":"a","published":"2015-06-01","text":"Iranian President Hassan Rouhani met Qatar's emir. Rouhani said he was pleased."}`
	if code := run([]string{"actors", "-"}, strings.NewReader(doc), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rec struct {
		DocID, Name, Country, Sector string
		Mentions                     []struct {
			Text       string
			Start, End int
		}
	}
	line, _, _ := strings.Cut(out.String(), "\n")
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Name != "Hassan Rouhani" || rec.Country != "IRN" || rec.Sector != "GOV" || len(rec.Mentions) != 3 {
		t.Errorf("first record %+v, want Hassan Rouhani IRN GOV with 3 mentions", rec)
	}
}

func TestWho(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"who", "Rouhani", "--date", "2022-01-01"}, nil, &out, &errb); code != 0 {
		t.Fatalf("who exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "IRNELI Hassan Rouhani") || !strings.Contains(out.String(), "not in office") {
		t.Errorf("who Rouhani on 2022-01-01:\n%s", out.String())
	}
	out.Reset()
	run([]string{"who", "--date", "2015-01-01", "Rouhani"}, nil, &out, &errb)
	if !strings.Contains(out.String(), "IRNGOV") {
		t.Errorf("who Rouhani on 2015-01-01:\n%s", out.String())
	}

}

// TestDictCheck checks directories of dictionaries, of patterns and of both, valid and broken.
func TestDictCheck(t *testing.T) {
	shipped := func(path string) string {
		b, err := os.ReadFile(filepath.Join(repo, path))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	orgs, patterns, verbs := shipped("actor/data/orgs.tsv"), shipped("event/data/patterns.tsv"), shipped("event/data/verbs.tsv")
	person := "# mine\nA B\tB\tIRN\tGOV\tpresident\t2013-01-01\t\n"
	tests := []struct {
		name      string
		files     map[string]string
		want      int
		outHas    string
		stderrHas []string
	}{
		{"dictionaries", map[string]string{"orgs.tsv": orgs, "people/mine.tsv": person}, 0, "ok (2 dictionary and 0 pattern files)", nil},
		{"patterns", map[string]string{"patterns.tsv": patterns, "verbs.tsv": verbs}, 0, "ok (0 dictionary and 2 pattern files)", nil},
		{"both", map[string]string{"orgs.tsv": orgs, "patterns.tsv": patterns}, 0, "ok (1 dictionary and 1 pattern files)", nil},
		{"broken", map[string]string{
			"people/mine.tsv": person + "C D\tD\tIRN\tGOB\tpresident\t2013-01-01\t\n",
			"patterns.tsv":    "ASSAULT\t-\t190\t-10\t-\t+attack\nASSAULT\tnope\t190\t-10\t-\t+strike\n",
			"speech.tsv":      "say\n",
		}, 1, "", []string{`mine.tsv:3: unknown sector "GOB"`, `patterns.tsv:2: mode "nope"`}},
		{"unknown file", map[string]string{"orgs.tsv": orgs, "actors.tsv": "x\n"}, 1, "", []string{"actors.tsv: unknown file"}},
		{"nothing to check", map[string]string{"notes.txt": "x"}, 1, "", []string{"no dictionary or pattern files"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var out, errb bytes.Buffer
			if code := run([]string{"dict", "check", dir}, nil, &out, &errb); code != tt.want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.want, errb.String())
			}
			if !strings.Contains(out.String(), tt.outHas) {
				t.Errorf("output lacks %q:\n%s", tt.outHas, out.String())
			}
			for _, want := range tt.stderrHas {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, errb.String())
				}
			}
		})
	}
}

// TestCodeMerge codes three reports of one meeting and a wire copy with --merge.
func TestCodeMerge(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"code", "--merge", filepath.Join(repo, "testdata", "merge") + "/"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var consult []map[string]any
	for _, l := range lines {
		var e map[string]any
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		if e["type"] == "CONSULT" {
			consult = append(consult, e)
		}
	}
	if len(consult) != 1 {
		t.Fatalf("want one merged meeting, got %d:\n%s", len(consult), out.String())
	}
	if consult[0]["mentions"] != float64(3) || len(consult[0]["sources"].([]any)) != 4 {
		t.Errorf("want 3 reports and 4 sources (one a copy): %v", consult[0])
	}
}

var update = flag.Bool("update", false, "rewrite the golden files")

// TestExplainGolden shows every decision of the coder on sentences written for the test.
func TestExplainGolden(t *testing.T) {
	text := "The Syrian president met senior Iranian lawmaker, Alaeddin Boroujerdi, in Damascus on Thursday. " +
		"The two sides discussed the fight against terrorism and called for closer ties. " +
		"Iran did not threaten Syria. Egypt threatened to expel Turkish diplomats."
	var out, errb bytes.Buffer
	if code := run([]string{"explain", "--date", "2017-10-05", text}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	golden := filepath.Join("testdata", "explain.golden")
	if *update {
		os.WriteFile(golden, out.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/dyad -run Explain -update creates it)", err)
	}
	if out.String() != string(want) {
		t.Errorf("dyad explain differs from %s:\n%s", golden, out.String())
	}
	for _, s := range []string{"event/data/patterns.tsv:", "learned from the text", "not coded: a topic", "negated", "not coded on its own"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("explanation lacks %q", s)
		}
	}
}

// TestCodeProfiles checks that --cpuprofile and --memprofile write profiles (gzipped, as pprof
// writes them) and leave the events as they are.
func TestCodeProfiles(t *testing.T) {
	defer func(rate int) { runtime.MemProfileRate = rate }(runtime.MemProfileRate)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	os.WriteFile(good, []byte(`{"id":"a","text":"Iran condemned Israel on Monday."}`+"\n"), 0o644)
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	var out, errb bytes.Buffer
	if code := run([]string{"code", "--cpuprofile", cpu, "--memprofile", mem, good}, nil, &out, &errb); code != 0 {
		t.Fatalf("dyad code exited %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), `"type":"ACCUSE"`) {
		t.Errorf("the event is missing with profiles on:\n%s", out.String())
	}
	for _, p := range []string{cpu, mem} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s is not a gzipped profile (%d bytes)", p, len(b))
		}
	}
}
