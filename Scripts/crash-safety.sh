#!/usr/bin/env bash
# Crash safety of export: kills `tally` with SIGKILL at random moments of an export, RUNS times
# (default 100), and checks that the target is always either the old file or the complete new one.
#
#   Scripts/crash-safety.sh [RUNS] [ROWS]      ROWS: rows of the exported table (default 200000)
#
# Uses the debug binary (.build/debug/tally, or $TALLY_BINARY). A quick variant runs in the test suite
# (ReliabilityTests.killedExportLeavesTheOldOrTheNewFile). Exits 1 on the first target that is neither.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tally=${TALLY_BINARY:-$root/.build/debug/tally}
runs=${1:-100}
rows=${2:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
awk -v rows="$rows" 'BEGIN { print "id,grp,value"; for (i = 0; i < rows; i++) printf "r%d,g%d,%d\n", i, i % 1000, i % 97 }' > big.csv
export_statement='export big to "out.csv"'
start=$(date +%s.%N)
"$tally" --no-bundled --load big=big.csv -e "$export_statement" 2> /dev/null
full=$(echo "$(date +%s.%N) - $start" | bc)
mv out.csv expected.csv
old=0 new=0
for ((run = 1; run <= runs; run++)); do
    printf 'old\n' > out.csv
    "$tally" --no-bundled --load big=big.csv -e "$export_statement" 2> /dev/null &
    pid=$!
    sleep "$(echo "scale=3; $full * $RANDOM / 32767" | bc)"
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    if cmp -s out.csv expected.csv; then
        new=$((new + 1))
    elif [[ $(cat out.csv) == old ]]; then
        old=$((old + 1))
    else
        echo "run $run: out.csv is neither the old file nor the complete new one ($(wc -c < out.csv) bytes)" >&2
        exit 1
    fi
    rm -f .out.csv.tally-*
done
echo "crash safety: $runs kills during a ${full}s export; the target was the old file $old times, the complete new one $new times, never anything else"
