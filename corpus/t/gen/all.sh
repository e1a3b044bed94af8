#!/bin/sh
# Rebuild corpus T from scratch: plans/{dev,holdout}, truth/{dev,holdout}, then check.
set -eu
GEN=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$GEN")
TMP=/tmp/lo_t_$$
trap 'rm -rf "$TMP"' EXIT INT TERM
rm -rf "$ROOT/plans/dev" "$ROOT/plans/holdout" "$ROOT/truth/dev" "$ROOT/truth/holdout" "$ROOT/truth/manifest.json"
mkdir -p "$ROOT/plans/dev" "$ROOT/plans/holdout" "$ROOT/truth/dev" "$ROOT/truth/holdout" "$TMP"
export PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
python3 "$GEN/build.py" "$ROOT" "$TMP"
python3 "$GEN/check.py" "$ROOT"
