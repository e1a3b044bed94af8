#!/bin/sh
# Regenerate tests/fixtures/weasyprint/: plans as a web system prints them,
# HTML from `gen-samples --html` printed to PDF by weasyprint.
# Needs: pip install weasyprint (local only, never CI).
# Usage (from the repository root): crates/ssos-fixtures/regen-weasyprint.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/fixtures/weasyprint"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
cargo run -q -p ssos-fixtures --bin gen-samples -- --html "$tmp" >/dev/null
mkdir -p "$out"
for f in "$tmp"/*.html; do
    stem=$(basename "$f" .html)
    python3 -c 'import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])' "$f" "$out/$stem.pdf"
done
ls -l "$out"
