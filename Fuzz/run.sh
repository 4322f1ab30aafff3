#!/usr/bin/env bash
# Builds tally's libFuzzer targets and runs them for a given time.
#
#   Fuzz/run.sh [--plain [--workers N]] TARGET SECONDS
#       TARGET: parser, query, csv, prompt, export, or all (each for SECONDS). --plain builds without
#       AddressSanitizer and without comparison tracing in the engine, many times faster, for long runs
#       that count executions; it runs one fuzzing process per core (nproc) on one shared corpus and
#       counts the executions of all of them; --workers N runs N instead (--workers 1: one process).
#
# The engine (Sources/TallyCore and Fuzz/Support) is compiled once per flavour into a static library,
# module TallyFuzzEngine, built with -enable-testing; each target is one entry file in Fuzz/Targets/
# that imports it @testable and is linked against it with plain swiftc (SwiftPM cannot link a fuzzer
# into an executable target). Builds, corpora, logs and crash artifacts live in a scratch folder,
# $FUZZ_WORK (default /tmp/tally-fuzz), logs in $FUZZ_WORK/logs/TARGET-FLAVOUR/; the library and each
# binary are reused while no source is newer and the flags are the same. Seeds come from Grammar/ and
# Examples/ (every file, and every statement line on its own) and from Fuzz/seeds/csv/. Exits 1 when a target finds a crash, a leak or a timeout; the input that did
# it is in $FUZZ_WORK/artifacts/TARGET/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/tally-fuzz}
targets=(parser query csv prompt export)
sanitizers=fuzzer,address
flavour=asan
# The coverage instrumentation of the engine and of the entry files: libFuzzer's default (edges,
# indirect calls, comparison tracing) under ASan; without comparison tracing in plain mode, where it
# cost a third of the time.
engine_coverage=()
# Fuzzing processes: one under ASan; in plain mode one per core unless --workers says otherwise.
workers=1
# libFuzzer options of the flavour. Plain mode weighs each input's share of the mutations by how fast
# it runs as well as by how rare its features are (up to 30 times more turns for the fastest), as AFL
# does: on these targets the same coverage is reached with more executions a second (Fuzz/README.md).
flavour_options=()

usage() {
    echo "usage: Fuzz/run.sh [--plain [--workers N]] parser|query|csv|prompt|export|all SECONDS" >&2
    exit 2
}

if [[ ${1:-} == --plain ]]; then
    sanitizers=fuzzer
    flavour=plain
    engine_coverage=(-sanitize-coverage=edge,indirect-calls,inline-8bit-counters,pc-table)
    flavour_options=(-entropic_scale_per_exec_time=1)
    workers=$(nproc 2>/dev/null || echo 1)
    shift
    if [[ ${1:-} == --workers ]]; then
        [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage
        workers=$2
        shift 2
    fi
fi
[[ $# -eq 2 ]] || usage
[[ $2 =~ ^[0-9]+$ && $2 -gt 0 ]] || usage
case $1 in
    all) selected=("${targets[@]}") ;;
    parser|query|csv|prompt|export) selected=("$1") ;;
    *) usage ;;
esac
seconds=$2

entry_file() {
    case $1 in
        parser) echo "$root/Fuzz/Targets/ParserTarget.swift" ;;
        query) echo "$root/Fuzz/Targets/QueryTarget.swift" ;;
        csv) echo "$root/Fuzz/Targets/CSVTarget.swift" ;;
        prompt) echo "$root/Fuzz/Targets/PromptTarget.swift" ;;
        export) echo "$root/Fuzz/Targets/ExportTarget.swift" ;;
    esac
}

# Prints the first of the given files or folders' Swift sources newer than `$1`, if any.
newer_source() {
    local than=$1
    shift
    find "$@" -name '*.swift' -newer "$than" | head -n 1
}

# Compiles the engine into $engine unless its library is newer than every engine source and was built
# with the same flags. Whole-module optimisation, as in a release build: the engine's generic and
# small functions are specialised and inlined across files.
build_engine() {
    local library="$engine/libTallyFuzzEngine.a"
    local flags=(-sanitize="$sanitizers" "${engine_coverage[@]}" -parse-as-library -O -wmo -enable-testing)
    if [[ -f $library ]] && [[ $(cat "$engine/flags" 2>/dev/null) == "${flags[*]}" ]] \
        && [[ -z $(newer_source "$library" "$root/Sources/TallyCore" "$root/Fuzz/Support") ]]; then
        return
    fi
    echo "building the engine ($flavour)…" >&2
    local sources=() partial="$engine.partial"
    while IFS= read -r -d '' file; do sources+=("$file"); done \
        < <(find "$root/Sources/TallyCore" "$root/Fuzz/Support" -name '*.swift' -print0 | sort -z)
    rm -rf "$partial"
    mkdir -p "$partial"
    swiftc "${flags[@]}" -module-name TallyFuzzEngine \
        -emit-module -emit-module-path "$partial/TallyFuzzEngine.swiftmodule" \
        -emit-library -static -o "$partial/libTallyFuzzEngine.a" "${sources[@]}"
    echo "${flags[*]}" > "$partial/flags"
    rm -rf "$engine"
    mv "$partial" "$engine"
}

# Links the target's entry file against the engine unless its binary is newer than both.
build() {
    local target=$1 binary="$work/bin/fuzz-$1-$flavour" entry
    entry=$(entry_file "$target")
    mkdir -p "$work/bin"
    if [[ -x $binary ]] && [[ ! "$engine/libTallyFuzzEngine.a" -nt $binary ]] && [[ -z $(newer_source "$binary" "$entry") ]]; then
        return
    fi
    echo "building $target fuzzer ($flavour)…" >&2
    # ld.gold warns about every ASan helper symbol; keep everything else.
    swiftc -sanitize="$sanitizers" "${engine_coverage[@]}" -parse-as-library -O -I "$engine" "$entry" -L "$engine" -lTallyFuzzEngine \
        -o "$binary.partial" 2> >(grep -v "Cannot export local symbol" >&2)
    mv "$binary.partial" "$binary"
}

# Writes one seed file per input, named by its checksum, into a corpus folder.
add_seed() {
    local corpus=$1 text=$2
    [[ -n $text ]] || return 0
    printf '%s' "$text" > "$corpus/seed-$(printf '%s' "$text" | cksum | cut -d' ' -f1)"
}

seed() {
    local target=$1 corpus="$work/corpus/$1"
    mkdir -p "$corpus"
    if [[ $target == export ]]; then
        for name in out.csv out.tsv out.json out.md chart.svg csv .csv "a b.csv" "x.CSV" "$(printf 'a%.0s' {1..250}).csv"; do
            add_seed "$corpus" "$name"
        done
        return
    fi
    if [[ $target == csv ]]; then
        cp "$root"/Fuzz/seeds/csv/*.csv "$corpus/"
        for file in "$root"/Sources/TallyData/Resources/*.csv; do
            head -n 40 "$file" > "$corpus/bundled-$(basename "$file")"
        done
        return
    fi
    local file line
    while IFS= read -r -d '' file; do
        add_seed "$corpus" "$(cat "$file")"
        while IFS= read -r line; do
            [[ $line =~ ^[[:space:]]*(--|#|$) ]] || add_seed "$corpus" "$line"
        done < "$file"
    done < <(find "$root/Grammar" "$root/Examples" -name '*.tally' -print0 2>/dev/null)
}

run() {
    local target=$1 dictionary="$root/Fuzz/tally.dict" max_len=1024
    if [[ $target == csv ]]; then dictionary="$root/Fuzz/csv.dict"; max_len=16384; fi
    local logs="$work/logs/$target-$flavour"
    rm -rf "$logs"
    mkdir -p "$work/artifacts/$target" "$logs"
    local log="$logs/run.log" status=0 options=("${flavour_options[@]}")
    # With several workers libFuzzer starts that many processes, each writing fuzz-N.log here and
    # picking up the others' finds from the corpus folder every second.
    if [[ $workers -gt 1 ]]; then options+=(-jobs="$workers" -workers="$workers"); fi
    # Short allocation stacks and a small quarantine: the engine allocates a lot, and full ASan
    # bookkeeping would make the fuzzers several times slower without finding more.
    # The Swift runtime's own crash reporter would catch a trap before libFuzzer and exit without
    # saving the input, so it is turned off: libFuzzer writes the crashing input to artifacts/.
    (cd "$logs" && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=2:quarantine_size_mb=16} \
        "$work/bin/fuzz-$target-$flavour" "$work/corpus/$target" "${options[@]}" \
        -max_total_time="$seconds" -dict="$dictionary" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/artifacts/$target/" -print_final_stats=1 > "$log" 2>&1) || status=$?
    # Every process's count, summed: the one log, or each worker's (run.log then repeats them all).
    local counted=("$log") runs
    if [[ $workers -gt 1 ]]; then counted=("$logs"/fuzz-*.log); fi
    runs=$(cat "${counted[@]}" | sed -n 's/^stat::number_of_executed_units: *//p' | awk '{ sum += $1 } END { if (NR) print sum }')
    if [[ $status -ne 0 ]]; then
        echo "$target: FAILED after ${runs:-?} executions (logs: $logs)" >&2
        grep -E "ERROR|SUMMARY|Test unit written" "${counted[@]}" >&2 || tail -n 20 "$log" >&2
        return 1
    fi
    local who="$flavour"
    if [[ $workers -gt 1 ]]; then who="$flavour, $workers workers"; fi
    echo "$target ($who): ${runs:-?} executions in ${seconds}s ($(( ${runs:-0} / seconds ))/s), no crash"
}

engine="$work/engine-$flavour"
build_engine
failed=0
for target in "${selected[@]}"; do
    build "$target"
    seed "$target"
    run "$target" || failed=1
done
exit $failed
