#!/bin/sh
# Regenerate tests/fixtures/libreoffice/: files as LibreOffice really writes
# them, made by round-tripping generated samples through soffice.
# Needs: apt-get install libreoffice-writer libreoffice-calc (local only, never CI).
# Usage (from the repository root): crates/ssos-fixtures/regen-libreoffice.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/tests/fixtures/libreoffice"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
profile="file://$tmp/profile"
lo() { soffice -env:UserInstallation="$profile" --headless "$@" >/dev/null 2>&1; }

cd "$root"
cargo run -q -p ssos-fixtures --bin gen-samples -- "$tmp/src" >/dev/null
mkdir -p "$out" "$tmp/a" "$tmp/b" "$tmp/c"

# docx -> docx as LibreOffice writes it ("MS Word 2007 XML")
for f in lowell-heading-styles fall-river-template-table lynn-content-controls \
         greenfield-tracked-changes fitchburg-text-boxes taunton-incomplete; do
    lo --convert-to docx:"MS Word 2007 XML" --outdir "$tmp/a" "$tmp/src/$f.docx"
    cp "$tmp/a/$f.docx" "$out/$f.lo.docx"
done

# docx -> odt -> docx
for f in chelsea-bold-labels springfield-per-priority; do
    lo --convert-to odt --outdir "$tmp/b" "$tmp/src/$f.docx"
    cp "$tmp/b/$f.odt" "$out/$f.odt"
    lo --convert-to docx:"MS Word 2007 XML" --outdir "$tmp/c" "$tmp/b/$f.odt"
    cp "$tmp/c/$f.docx" "$out/$f.via-odt.docx"
done

# docx -> .doc (Word 97-2003) and PDF: real unsupported inputs
lo --convert-to doc:"MS Word 97" --outdir "$tmp/a" "$tmp/src/lowell-heading-styles.docx"
cp "$tmp/a/lowell-heading-styles.doc" "$out/lowell-heading-styles.doc"
lo --convert-to pdf:writer_pdf_Export --outdir "$tmp/a" "$tmp/src/lowell-heading-styles.docx"
cp "$tmp/a/lowell-heading-styles.pdf" "$out/lowell-heading-styles.pdf"

# xlsx -> ods, xlsx -> xls (Excel 97), xlsx -> xlsx as LibreOffice writes it
for f in worcester-form pittsfield-benchmarks; do
    lo --convert-to ods --outdir "$tmp/a" "$tmp/src/$f.xlsx"
    cp "$tmp/a/$f.ods" "$out/$f.ods"
    lo --convert-to xls:"MS Excel 97" --outdir "$tmp/a" "$tmp/src/$f.xlsx"
    cp "$tmp/a/$f.xls" "$out/$f.xls"
done
lo --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/b" "$tmp/src/worcester-form.xlsx"
cp "$tmp/b/worcester-form.xlsx" "$out/worcester-form.lo.xlsx"

ls -l "$out"
