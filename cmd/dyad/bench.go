package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/dyad-events/dyad/corpus"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/when"
)

// cmdBench measures `dyad code` end to end on a generated corpus (issue 7): it writes the corpus
// (or reuses it), runs this binary's `code` on it with one worker and with one per CPU, and
// prints throughput, peak memory and the time of each stage, with `wc -w` on the same input as
// a yardstick.
func cmdBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.Int("size", 500, "megabytes of JSON Lines to generate")
	seed := fs.Uint64("seed", 1, "seed of the corpus")
	dir := fs.String("dir", os.TempDir(), "directory for the corpus and the events, created when missing (the corpus is kept and reused)")
	sample := fs.Int("sample", 20, "megabytes of the corpus timed stage by stage")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dyad bench [flags]\n\nGenerates a corpus and times `dyad code` on it end to end.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return exitUsage
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "dyad bench: --dir: %v\n", err)
		return exitUsage
	}
	path := filepath.Join(*dir, fmt.Sprintf("dyad-bench-%d-%dMB.jsonl", *seed, *size))
	if err := ensureCorpus(path, *seed, int64(*size)<<20, stderr); err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return exitPartial
	}
	st, err := corpusStats(path)
	if err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return exitPartial
	}
	fmt.Fprintf(stdout, "corpus %s: %.1f MB of JSON Lines, %d articles, %.1f MB of text, %d sentences\n",
		path, mb(st.fileBytes), st.articles, mb(st.textBytes), st.sentences)

	wcTime, err := timeWC(path)
	if err != nil {
		fmt.Fprintf(stderr, "dyad bench: wc -w: %v\n", err)
		return exitPartial
	}
	fmt.Fprintf(stdout, "wc -w: %.2f s, %.1f MB/s of input\n", wcTime.Seconds(), mb(st.fileBytes)/wcTime.Seconds())

	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return exitPartial
	}
	var one float64
	for _, workers := range []int{1, runtime.NumCPU()} {
		r, err := runCode(self, path, filepath.Join(*dir, "dyad-bench-events.jsonl"), workers)
		if err != nil {
			fmt.Fprintf(stderr, "dyad bench: %v\n", err)
			return exitPartial
		}
		secs := r.wall.Seconds()
		rate := mb(st.textBytes) / secs
		if workers == 1 {
			one = rate
		}
		label := fmt.Sprintf("--workers %d", workers)
		if workers == 1 {
			label += ", GOMAXPROCS=1" // one core for everything: reading, coding, writing and the collector
		}
		fmt.Fprintf(stdout, "dyad code %s: %.2f s (cpu %.2f s), %.1f MB/s of text (%.1f MB/s of input), %.0f articles/s, %.0f sentences/s, %.0f events/s, peak RSS %.0f MiB, %.1f× slower than wc -w, %.2f× one core\n",
			label, secs, r.cpu.Seconds(), rate, mb(st.fileBytes)/secs, float64(st.articles)/secs,
			float64(st.sentences)/secs, float64(r.events)/secs, float64(r.maxRSS)/(1<<20),
			secs/wcTime.Seconds(), rate/one)
	}
	if err := stageTimes(path, int64(*sample)<<20, stdout); err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return exitPartial
	}
	return exitOK
}

func mb(n int64) float64 { return float64(n) / 1e6 }

// ensureCorpus writes the corpus to path unless a file of that name is there already.
func ensureCorpus(path string, seed uint64, size int64, stderr io.Writer) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	fmt.Fprintf(stderr, "dyad bench: writing %s\n", path)
	g, err := corpus.New(seed)
	if err != nil {
		return err
	}
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, _, err := g.Write(f, size); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

type stats struct {
	fileBytes, textBytes int64
	articles, sentences  int
}

// corpusStats counts the articles, bytes of text and sentences of a JSON Lines corpus.
func corpusStats(path string) (stats, error) {
	var st stats
	info, err := os.Stat(path)
	if err != nil {
		return st, err
	}
	st.fileBytes = info.Size()
	err = readCorpus(path, -1, func(d ingest.Document) {
		st.articles++
		st.textBytes += int64(len(d.Text))
		st.sentences += len(text.Sentences(d.Text))
	})
	return st, err
}

// readCorpus calls fn with the documents of the first limit bytes of path (limit < 0: all).
func readCorpus(path string, limit int64, fn func(ingest.Document)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if limit >= 0 {
		r = io.LimitReader(f, limit)
	}
	var bad error
	err = ingest.ReadJSONL(r, path, func(d ingest.Document) error { fn(d); return nil },
		func(e *ingest.RecordError) {
			if limit < 0 && bad == nil { // with a limit, the last line may be cut
				bad = e
			}
		})
	return errors.Join(err, bad)
}

// timeWC times `wc -w` on path.
func timeWC(path string) (time.Duration, error) {
	start := time.Now()
	cmd := exec.Command("wc", "-w", path)
	cmd.Stdout = io.Discard
	err := cmd.Run()
	return time.Since(start), err
}

type codeRun struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
	events    int
}

// runCode runs `self code --workers N -o out path` and measures it; with one worker, on one core
// (GOMAXPROCS=1).
func runCode(self, path, out string, workers int) (codeRun, error) {
	var r codeRun
	var errBuf bytes.Buffer
	cmd := exec.Command(self, "code", "--workers", strconv.Itoa(workers), "-o", out, path)
	cmd.Stderr = &errBuf
	if workers == 1 {
		// the one-core figure: the reader, the writer and the garbage collector share that core
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	}
	start := time.Now()
	err := cmd.Run()
	r.wall = time.Since(start)
	if err != nil {
		return r, fmt.Errorf("dyad code: %v: %s", err, errBuf.Bytes())
	}
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = int64(ru.Maxrss) << 10 // kilobytes on Linux
	}
	f, err := os.Open(out)
	if err != nil {
		return r, err
	}
	defer f.Close()
	defer os.Remove(out)
	br := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := br.ReadSlice('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			r.events++
		}
		if err == io.EOF {
			break
		}
		if err != nil && err != bufio.ErrBufferFull {
			return r, err
		}
	}
	return r, nil
}

// stageTimes codes the first limit bytes of the corpus in this process, one document at a time,
// and prints the time of the stages that can be run on their own (sentences, tokens, time
// expressions) next to the whole coding; the rest is actors, patterns and places.
func stageTimes(path string, limit int64, w io.Writer) error {
	coder, err := event.NewCoder("", "")
	if err != nil {
		return err
	}
	var docs []ingest.Document
	var size int64
	if err := readCorpus(path, limit, func(d ingest.Document) {
		docs = append(docs, d)
		size += int64(len(d.Text))
	}); err != nil {
		return err
	}
	var tSent, tTok, tWhen, tAll time.Duration
	var toks []text.Token
	for _, d := range docs {
		t0 := time.Now()
		sents := text.Sentences(d.Text)
		t1 := time.Now()
		for _, s := range sents {
			toks = text.AppendTokens(toks[:0], s.Text, s.Start)
		}
		t2 := time.Now()
		date, _ := event.PublicationDate(d)
		for _, s := range sents {
			when.Find(s.Text, date)
		}
		t3 := time.Now()
		coder.Code(d)
		t4 := time.Now()
		tSent, tTok, tWhen, tAll = tSent+t1.Sub(t0), tTok+t2.Sub(t1), tWhen+t3.Sub(t2), tAll+t4.Sub(t3)
	}
	fmt.Fprintf(w, "stages on %.1f MB of text, one core (share of the whole coding):\n", mb(size))
	row := func(name string, d time.Duration) {
		fmt.Fprintf(w, "  %-40s %6.2f s %5.1f%% %8.1f MB/s\n", name, d.Seconds(), 100*d.Seconds()/tAll.Seconds(), mb(size)/d.Seconds())
	}
	row("sentences (text.Sentences)", tSent)
	row("tokens (text.Tokens)", tTok)
	row("time expressions (when.Find)", tWhen)
	row("actors, patterns, places, dates (rest)", tAll-tSent-tTok-tWhen)
	row("whole coding (event.Coder.Code)", tAll)
	return nil
}
