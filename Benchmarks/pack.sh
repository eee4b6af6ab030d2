#!/usr/bin/env bash
# The briefing pack benchmark (issue 21, item 4): a MACCSE panel of 10 children on the
# force-scale picture, its agenda built; the time to read its briefing pack and print it as
# PDF (target: under 10 s). The last pack is kept as $WORK/pack.pdf.
#
#   Benchmarks/pack.sh                      # SCALE=force, generated and imported here
#   DB=force.sqlite Benchmarks/pack.sh      # a copy of an existing picture (it is written to)
#   CASES=20 RUNS=5 Benchmarks/pack.sh
#   SKIP_BUILD=1 BIN=$(swift build --show-bin-path) DB=demo.sqlite Benchmarks/pack.sh   # a debug build, the demo
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=pack SCALE=${SCALE:-force}
source Benchmarks/picture.sh
"$BIN/cegraph-bench" "$WORK/pack.sqlite" "$WORK" --pack "${CASES:-10}" --runs "${RUNS:-3}"
cat "$WORK/pack.json"; echo
echo "the last pack: $WORK/pack.pdf"
