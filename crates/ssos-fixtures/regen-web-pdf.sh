#!/bin/sh
# Regenerate tests/fixtures/ENGINE/: plans as a web system prints them, the
# HTML from `gen-samples --html` printed to PDF by ENGINE:
#   weasyprint  (needs: pip install weasyprint)
#   chromium    (needs: apt-get install chromium; Skia: CID fonts whose /W
#                gives one width to a run of glyphs, ligature glyphs mapped
#                to their own code points)
# Local only, never CI.
# Usage (from the repository root): crates/ssos-fixtures/regen-web-pdf.sh weasyprint|chromium
set -eu
engine=${1:?usage: regen-web-pdf.sh weasyprint|chromium}
case "$engine" in weasyprint|chromium) ;; *) echo "unknown engine: $engine" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/fixtures/$engine"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
cargo run -q -p ssos-fixtures --bin gen-samples -- --html "$tmp" >/dev/null
mkdir -p "$out"
for f in "$tmp"/*.html; do
    stem=$(basename "$f" .html)
    case "$engine" in
    weasyprint)
        python3 -c 'import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])' \
            "$f" "$out/$stem.pdf" ;;
    chromium)
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
            --print-to-pdf="$out/$stem.pdf" "file://$f" 2>/dev/null ;;
    esac
done
ls -l "$out"
if [ "$engine" = chromium ]; then
    # A two-column page of cards (flex rows of tinted boxes), written by hand.
    cards="$root/tests/fixtures/chromium-cards"
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$cards/revere-cards.pdf" "file://$cards/revere-cards.html" 2>/dev/null
    # The same with the last row of cards cut by the page break.
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$cards/quincy-cards-cut.pdf" "file://$cards/quincy-cards-cut.html" 2>/dev/null
fi
if [ "$engine" = weasyprint ]; then
    # A CSS grid of shaded section bands beside the responses, written by hand.
    grid="$root/tests/fixtures/weasyprint-grid"
    python3 -c 'import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])' \
        "$grid/norwood-grid.html" "$grid/norwood-grid.pdf"
    # A two-column table as `pandoc -s` styles it (cells centred in their rows).
    python3 -c 'import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])' \
        "$grid/fall-river-centred.html" "$grid/fall-river-centred.pdf"
fi
