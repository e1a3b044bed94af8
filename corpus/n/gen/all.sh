#!/bin/sh
# Rebuild the whole author-N corpus from scratch and check it.
set -e
cd "$(dirname "$0")"
rm -rf ../plans/dev ../plans/holdout ../truth/dev ../truth/holdout
python3 gen.py
python3 check.py
