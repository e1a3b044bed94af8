#!/usr/bin/env bash
# Fetches the public schemas that tests/output.rs validates our JUnit and
# SARIF output against, from the Python package index (a registry CI may
# reach), into target/schemas/:
#   junit-10.xsd   the JUnit XML schema of Jenkins' xunit plugin (MIT),
#                  shipped in pytest's source distribution;
#   sarif-2.1.0.json  the OASIS SARIF 2.1.0 JSON schema, shipped in the
#                  sarif-om source distribution.
# Nothing fetched is committed. Without these files the schema tests skip
# with a note, except under CI=true, where they fail.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/schemas
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pip_download() {
    python3 -m pip download --quiet --no-deps --no-binary :all: "$1" -d "$tmp"
}
if [[ ! -s $out/junit-10.xsd ]]; then
    pip_download pytest==8.3.4
    tar -xzf "$tmp"/pytest-8.3.4.tar.gz -C "$tmp" pytest-8.3.4/testing/example_scripts/junit-10.xsd
    cp "$tmp"/pytest-8.3.4/testing/example_scripts/junit-10.xsd "$out"/junit-10.xsd
fi
if [[ ! -s $out/sarif-2.1.0.json ]]; then
    pip_download sarif-om==1.0.4
    tar -xzf "$tmp"/sarif_om-1.0.4.tar.gz -C "$tmp" sarif_om-1.0.4/sarif-2.1.0-rtm.4.json
    cp "$tmp"/sarif_om-1.0.4/sarif-2.1.0-rtm.4.json "$out"/sarif-2.1.0.json
fi
ls -l "$out"
