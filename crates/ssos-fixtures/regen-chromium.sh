#!/bin/sh
# Regenerate tests/fixtures/chromium/: plans as a web system prints them
# through a browser, the HTML from `gen-samples --html` printed to PDF by
# Chromium (Skia: CID fonts whose /W gives one width to a run of glyphs,
# ligature glyphs mapped to their own code points).
# Needs: apt-get install chromium (local only, never CI).
# Usage (from the repository root): crates/ssos-fixtures/regen-chromium.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/fixtures/chromium"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
cargo run -q -p ssos-fixtures --bin gen-samples -- --html "$tmp" >/dev/null
mkdir -p "$out"
for f in "$tmp"/*.html; do
    stem=$(basename "$f" .html)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/$stem.pdf" "file://$f" 2>/dev/null
done
ls -l "$out"
# A two-column page of cards (flex rows of tinted boxes), written by hand.
cards="$root/tests/fixtures/chromium-cards"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$cards/revere-cards.pdf" "file://$cards/revere-cards.html" 2>/dev/null
