// Package storetest gives the tests and benchmarks of the store real databases to run against:
// a PostgreSQL server of their own, started in a temporary directory and stopped afterwards, and
// generated corpora of articles.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	// The PostgreSQL driver, to create the test databases.
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Postgres is a PostgreSQL server for tests.
type Postgres struct {
	admin  string // URL of a database to connect to for CREATE DATABASE
	shared bool   // a server given by DYAD_PG_URL, not ours: drop what we create
}

// StartPostgres returns a PostgreSQL server for tb: the one at DYAD_PG_URL when that is set (its
// user must be allowed to create databases), else a server of its own, started with the
// PostgreSQL binaries of /usr/lib/postgresql/*/bin (or initdb on PATH) in a temporary directory,
// listening on a free loopback port, and stopped when tb ends. As root it runs PostgreSQL as the
// postgres user, which PostgreSQL requires. When PostgreSQL is not installed, it skips tb.
func StartPostgres(tb testing.TB) *Postgres {
	tb.Helper()
	if u := os.Getenv("DYAD_PG_URL"); u != "" {
		return &Postgres{admin: u, shared: true}
	}
	bin := findBin()
	if bin == "" {
		tb.Skip("PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin nor on PATH): " +
			"skipping the PostgreSQL half of the tests; scripts/test.sh installs it, or set DYAD_PG_URL")
	}
	dir, err := os.MkdirTemp("", "dyad-pg-")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	var runAs []string // the command prefix that runs a PostgreSQL binary
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			tb.Skipf("running as root, and PostgreSQL refuses to run as root, but there is no postgres user to run it as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			tb.Fatal(err)
		}
		runAs = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) error {
		argv := append(append(runAs, filepath.Join(bin, name)), args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "LC_ALL=C")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, out)
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	if err := run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		tb.Fatalf("initdb: %v", err)
	}
	port, err := freePort()
	if err != nil {
		tb.Fatal(err)
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -c unix_socket_directories=%s", port, dir)
	if err := run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		tb.Fatalf("starting PostgreSQL: %v\n%s", err, log)
	}
	tb.Cleanup(func() {
		if err := run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop"); err != nil {
			tb.Errorf("stopping PostgreSQL: %v", err)
		}
	})
	return &Postgres{admin: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)}
}

// findBin returns the directory of the newest PostgreSQL's binaries, or "".
func findBin() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "pg_ctl")); err == nil {
			return dirs[i]
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

// version returns the major version in /usr/lib/postgresql/15/bin.
func version(dir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return v
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

var databases atomic.Int64

// NewDatabase creates an empty database on the server and returns its URL. On a server given by
// DYAD_PG_URL, it is dropped when tb ends.
func (p *Postgres) NewDatabase(tb testing.TB) string {
	tb.Helper()
	name := fmt.Sprintf("dyad_test_%d_%d", os.Getpid(), databases.Add(1))
	if err := p.exec(fmt.Sprintf("CREATE DATABASE %s", name)); err != nil {
		tb.Fatalf("creating a test database: %v", err)
	}
	if p.shared {
		tb.Cleanup(func() {
			if err := p.exec(fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name)); err != nil {
				tb.Errorf("dropping test database %s: %v", name, err)
			}
		})
	}
	u, err := url.Parse(p.admin)
	if err != nil {
		tb.Fatalf("DYAD_PG_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func (p *Postgres) exec(stmt string) error {
	db, err := sql.Open("pgx", p.admin)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, stmt)
	return err
}
