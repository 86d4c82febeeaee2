#!/usr/bin/env bash
# Runs every check and test of dyad. Installs what the tests need when it is missing:
# python3 (the shared scorer that `dyad eval` is checked against), PostgreSQL and staticcheck.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null 2>&1; then
	echo "installing python3 (for the shared scorer)" >&2
	if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq python3 >/dev/null
	else sudo apt-get update -qq && sudo apt-get install -y -qq python3 >/dev/null; fi
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
	echo "installing postgresql (the store's tests run against a real server)" >&2
	if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
	else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; fi
fi
STATICCHECK_MOD=honnef.co/go/tools/cmd/staticcheck@v0.8.2
if ! command -v staticcheck >/dev/null 2>&1 && [ ! -x "$(go env GOPATH)/bin/staticcheck" ]; then
	echo "installing $STATICCHECK_MOD" >&2
	go install "$STATICCHECK_MOD"
fi
PATH="$PATH:$(go env GOPATH)/bin"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change:" >&2; echo "$unformatted" >&2; exit 1
fi
go vet ./...
staticcheck ./...
if [ ! -d ../shared/eval ]; then
	echo "note: ../shared/eval is absent: the accuracy-floor tests and the tests on the shared articles are skipped (CI's .ci/run requires it)" >&2
fi
go test -count=1 ./...
