#!/bin/sh
# Rebuild author K's corpus from scratch and check it.
# Needs: python3 with python-docx, openpyxl; pandoc; LibreOffice (soffice); chromium; node + npm; poppler-utils (pdftotext).
set -e
cd "$(dirname "$0")"
python3 -c "import docx, openpyxl" 2>/dev/null || pip install python-docx openpyxl
[ -d node_modules/docx ] || npm install --no-audit --no-fund
python3 gen.py
python3 check.py
