#!/usr/bin/env bash
# The journey benchmark (issue 19): 300 open cases on the large picture; the time the alert scan
# and the notification pass take together (target: under 2 s).
#
#   Benchmarks/journey.sh                     # SCALE=large, generated and imported here
#   DB=force.sqlite Benchmarks/journey.sh     # a copy of an existing picture (it is written to)
#   CASES=600 RUNS=5 Benchmarks/journey.sh
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=journey SCALE=${SCALE:-large}
source Benchmarks/picture.sh
"$BIN/cegraph-bench" "$WORK/journey.sqlite" "$WORK" --journey "${CASES:-300}" --runs "${RUNS:-5}"
cat "$WORK/journey.json"; echo
