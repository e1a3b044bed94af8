#!/usr/bin/env bash
# Coverage-guided fuzzing of one reader with cargo-fuzz (libFuzzer).
#   fuzz/run.sh TARGET [SECONDS]     e.g. fuzz/run.sh docx 300
# TARGET: docx sheet eml msg zip pdf pptx any lint_parts (or "list", or "all" to run
# each target for SECONDS in turn). Seeds come from samples/ and the
# hostile fixtures; the corpus grows under fuzz/corpus/TARGET and crashes
# land in fuzz/artifacts/TARGET (minimize one with
# `cargo fuzz tmin TARGET FILE`, then add it under tests/fixtures/fuzz/ with
# a case in tests/hostile.rs).
# Needs `cargo install cargo-fuzz`. cargo-fuzz passes -Z flags (sanitizers),
# which a stable toolchain accepts only with RUSTC_BOOTSTRAP=1: set here, for
# this script only.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
TARGETS=(docx sheet eml msg zip pdf pptx any lint_parts)
target=${1:-list}
secs=${2:-60}
jobs=${FUZZ_JOBS:-1}

if [[ $target == list ]]; then
    printf '%s\n' "${TARGETS[@]}"
    exit 0
fi
if [[ $target == all ]]; then
    for t in "${TARGETS[@]}"; do "$0" "$t" "$secs"; done
    exit 0
fi

seed() {
    local dir=corpus/$1
    mkdir -p "$dir"
    [[ -n $(ls -A "$dir" 2>/dev/null) ]] && return 0
    local hostile=../tests/fixtures/hostile
    case $1 in
        docx) cp ../samples/*.docx "$dir"/ ;;
        any) cp ../samples/*.{docx,xlsx,pdf,pptx,eml,msg,zip} "$dir"/ ;;
        sheet)
            # First byte picks the format: 0 xlsx, 1 xls, 2 ods.
            for f in ../samples/*.xlsx ../tests/fixtures/libreoffice/*.xlsx; do
                [[ -f $f ]] && { printf '\x00'; cat "$f"; } > "$dir/$(basename "$f")"
            done
            for f in ../tests/fixtures/libreoffice/*.ods; do
                [[ -f $f ]] && { printf '\x02'; cat "$f"; } > "$dir/$(basename "$f")"
            done
            ;;
        eml) cp ../samples/*.eml "$dir"/ ;;
        msg) cp ../samples/*.msg "$dir"/ ;;
        zip) cp ../samples/*.zip "$dir"/ ;;
        pdf) cp ../samples/*.pdf ../tests/fixtures/libreoffice/*.pdf "$dir"/ ;;
        pptx) cp ../samples/*.pptx ../tests/fixtures/libreoffice/*.pptx "$dir"/ ;;
        lint_parts)
            # First byte picks the part: 0 document.xml, 1 styles.xml, 2 numbering.xml.
            local i=0
            for f in ../samples/*.docx; do
                for p in 0 1 2; do
                    local part=(word/document.xml word/styles.xml word/numbering.xml)
                    if unzip -p "$f" "${part[$p]}" > /tmp/ssos-fuzz-part 2>/dev/null && [[ -s /tmp/ssos-fuzz-part ]]; then
                        { printf "\\x0$p"; cat /tmp/ssos-fuzz-part; } > "$dir/seed-$i-$p"
                    fi
                done
                i=$((i + 1))
            done
            ;;
    esac
    if [[ -d $hostile ]]; then
        case $1 in
            docx | any) cp "$hostile"/*.docx "$dir"/ 2>/dev/null || true ;;
            eml) cp "$hostile"/*.eml "$dir"/ 2>/dev/null || true ;;
            msg) cp "$hostile"/*.msg "$dir"/ 2>/dev/null || true ;;
            zip) cp "$hostile"/*.zip "$dir"/ 2>/dev/null || true ;;
        esac
    fi
}

seed "$target"
mkdir -p "artifacts/$target"
parallel=()
if ((jobs > 1)); then parallel=(-jobs="$jobs" -workers="$jobs"); fi
# -rss_limit_mb: a real leak or blow-up, not a big input; -timeout: a hang.
cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=20 -max_len=1048576 \
    -print_final_stats=1 -artifact_prefix="artifacts/$target/" "${parallel[@]}"
