#!/usr/bin/env bash
# The crash suite at length (issue 17): `kill -9` at random moments during imports, service
# writes and command-line writes, TRIALS of each (CI runs 20), and at each system call that
# writes the store's files (more of a new database's page writes as TRIALS grows), then the
# integrity check, all or nothing, every acknowledged write kept and `cegraph audit verify`.
# The same tests as CI (Tests/CLITests/CrashTests.swift), debug build; prints each test's
# counts and keeps them in Benchmarks/results/crash.md.
#
#   Benchmarks/crash.sh                   # TRIALS=100, seed 17
#   TRIALS=300 SEED=5 Benchmarks/crash.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${TRIALS:-100}
SEED=${SEED:-17}
LOG=$(mktemp /tmp/cegraph-crash.XXXXXX)
mkdir -p Benchmarks/results
swift build --build-tests >"$LOG" 2>&1 || { cat "$LOG"; exit 1; }
started=$(date +%s)
status=0
CEGRAPH_CRASH_TRIALS=$TRIALS CEGRAPH_CRASH_SEED=$SEED \
    swift test --skip-build --disable-xctest --filter CrashTests >"$LOG" 2>&1 || status=$?
seconds=$(( $(date +%s) - started ))
{
    echo "# Crash suite ($(date +%F), $TRIALS trials of each, seed $SEED, ${seconds} s)"
    echo
    grep '^crash suite:' "$LOG" | sed 's/^/- /'
    echo
    grep -E '^(✔|✘|􀟈|􁁛|􀢄).*(Test run|Suite "?CrashTests)|tests? (passed|failed)' "$LOG" | tail -2 || true
} | tee Benchmarks/results/crash.md
if [ "$status" -ne 0 ]; then
    echo "the crash suite failed; its output is in $LOG" >&2
    grep -E 'failed|Expectation' "$LOG" | head -40 >&2 || true
fi
exit "$status"
