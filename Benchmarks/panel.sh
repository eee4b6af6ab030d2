#!/usr/bin/env bash
# The panel benchmark (issue 18): a panel of 60 cases on the force-scale picture; the time to
# build its agenda and to read the authority's main list (target: under 200 ms each).
#
#   Benchmarks/panel.sh                     # SCALE=force, generated and imported here
#   DB=force.sqlite Benchmarks/panel.sh     # a copy of an existing picture (it is written to)
#   CASES=120 RUNS=15 Benchmarks/panel.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-$(mktemp -d /tmp/cegraph-panel-bench.XXXXXX)}
mkdir -p "$WORK"
# One product a command: `swift build` builds only the last of several --product options.
[ -n "${SKIP_BUILD:-}" ] || { swift build -c release --product cegraph-bench >/dev/null && swift build -c release --product cegraph >/dev/null; }
BIN="${BIN:-$(swift build -c release --show-bin-path)}"
if [ -z "${DB:-}" ]; then
    "$BIN/cegraph" generate --seed 1 --scale "${SCALE:-force}" -o "$WORK/data.jsonl" 2>/dev/null
    "$BIN/cegraph" --db "$WORK/panel.sqlite" import "$WORK/data.jsonl" --reason "benchmark" >/dev/null 2>&1
else
    sqlite3 "$DB" ".backup '$WORK/panel.sqlite'"
    for file in audit-key audit-head; do [ -f "$DB.$file" ] && cp -p "$DB.$file" "$WORK/panel.sqlite.$file"; done
fi
"$BIN/cegraph-bench" "$WORK/panel.sqlite" "$WORK" --panel "${CASES:-60}" --runs "${RUNS:-9}"
cat "$WORK/panel.json"; echo
