#!/usr/bin/env bash
# The journey benchmark (issue 19): 300 open cases on the large picture; the time the alert scan
# and the notification pass take together (target: under 2 s).
#
#   Benchmarks/journey.sh                     # SCALE=large, generated and imported here
#   DB=force.sqlite Benchmarks/journey.sh     # a copy of an existing picture (it is written to)
#   CASES=600 RUNS=5 Benchmarks/journey.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-$(mktemp -d /tmp/cegraph-journey-bench.XXXXXX)}
mkdir -p "$WORK"
# One product a command: `swift build` builds only the last of several --product options.
[ -n "${SKIP_BUILD:-}" ] || { swift build -c release --product cegraph-bench >/dev/null && swift build -c release --product cegraph >/dev/null; }
BIN="${BIN:-$(swift build -c release --show-bin-path)}"
if [ -z "${DB:-}" ]; then
    "$BIN/cegraph" generate --seed 1 --scale "${SCALE:-large}" -o "$WORK/data.jsonl" 2>/dev/null
    "$BIN/cegraph" --db "$WORK/journey.sqlite" import "$WORK/data.jsonl" --reason "benchmark" >/dev/null 2>&1
else
    sqlite3 "$DB" ".backup '$WORK/journey.sqlite'"
    for file in audit-key audit-head; do [ -f "$DB.$file" ] && cp -p "$DB.$file" "$WORK/journey.sqlite.$file"; done
fi
"$BIN/cegraph-bench" "$WORK/journey.sqlite" "$WORK" --journey "${CASES:-300}" --runs "${RUNS:-5}"
cat "$WORK/journey.json"; echo
