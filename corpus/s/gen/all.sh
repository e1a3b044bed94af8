#!/bin/sh
# Rebuild corpus S from scratch: plans/{dev,holdout} and truth/{dev,holdout}, then verify.
set -e
cd "$(dirname "$0")"
rm -rf ../plans ../truth
python3 build.py ..
python3 check.py ..
