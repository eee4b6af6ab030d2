#!/usr/bin/env bash
# The panel benchmark (issue 18): a panel of 60 cases on the force-scale picture; the time to
# build its agenda and to read the authority's main list (target: under 200 ms each).
#
#   Benchmarks/panel.sh                     # SCALE=force, generated and imported here
#   DB=force.sqlite Benchmarks/panel.sh     # a copy of an existing picture (it is written to)
#   CASES=120 RUNS=15 Benchmarks/panel.sh
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=panel SCALE=${SCALE:-force}
source Benchmarks/picture.sh
"$BIN/cegraph-bench" "$WORK/panel.sqlite" "$WORK" --panel "${CASES:-60}" --runs "${RUNS:-9}"
cat "$WORK/panel.json"; echo
