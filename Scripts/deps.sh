#!/usr/bin/env bash
# Installs the Debian packages tally needs to build and test, when they are missing:
#   libreadline-dev  GNU readline, for the interactive prompt
#   sqlite3          the independent engine the tests compare answers with
#   tmux             drives the prompt in a real terminal in the end-to-end tests
#   libpq-dev        the PostgreSQL client library, for `--engine postgres`
#   postgresql       a server the SQL translation tests run their queries on
set -euo pipefail
packages=(libreadline-dev sqlite3 tmux libpq-dev postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
