#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need, starts a throwaway PostgreSQL
# server on 127.0.0.1 for the SQL translation tests, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
./Scripts/deps.sh
python3 -c "import duckdb" 2>/dev/null || pip install -q duckdb >/dev/null 2>&1 || echo "duckdb not installed: its differential tests will be skipped" >&2
if [ "$(id -u)" -eq 0 ]; then
  TALLY_POSTGRES_URL=$(Tests/Support/start-postgres.sh) && export TALLY_POSTGRES_URL ||
    echo "PostgreSQL did not start: its tests will be skipped" >&2
fi
swift test "$@"
