#!/bin/sh
# Starts a throwaway PostgreSQL cluster named "tally" on 127.0.0.1 (port 54329, or
# $TALLY_POSTGRES_PORT) with trust authentication, for the tests, and prints its URL.
# Needs Debian's postgresql package; run as root (the server itself runs as user postgres).
set -eu
port=${TALLY_POSTGRES_PORT:-54329}
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{ print $1 "/" $2 }' | grep -qx "$version/tally"; then
    pg_createcluster "$version" tally -p "$port" -- --auth-local=trust --auth-host=trust >/dev/null
fi
if ! pg_lsclusters -h | awk '$2 == "tally" { print $4 }' | grep -qx online; then
    pg_ctlcluster "$version" tally start
fi
echo "postgresql://postgres@127.0.0.1:$port/postgres"
