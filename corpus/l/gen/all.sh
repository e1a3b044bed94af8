#!/bin/sh
# Rebuild the author-L corpus from scratch and check it.
# Needs: python3 with python-docx, openpyxl, python-pptx; pandoc; LibreOffice (writer + impress, headless);
# chromium; poppler-utils (pdftotext); node with the npm "docx" package (npm i docx, in this folder).
set -e
cd "$(dirname "$0")"
[ -d node_modules/docx ] || npm i docx
python3 gen.py
python3 check.py
