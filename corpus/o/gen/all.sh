#!/bin/sh
# Rebuild corpus O from scratch: plans/{dev,holdout}, truth/{dev,holdout}, gen/build/ (intermediates).
# Needs Python 3 with python-docx, python-pptx; chromium; LibreOffice (soffice); poppler-utils (pdftotext).
set -e
cd "$(dirname "$0")"
python3 build.py
python3 check.py
