#!/bin/sh
# Rebuild author M's corpus from scratch and check it.
set -e
cd "$(dirname "$0")/.."
python3 gen/gen.py
python3 gen/check.py
