#!/usr/bin/env bash
# The render benchmark (issue 4): association maps of about 500 and 2,000 entities, rendered
# to SVG in process by cegraph (GraphvizRenderer) and, in the same run, by the `dot` command
# on the same DOT text with the same layout engine; medians of RUNS renders each.
#
#   Benchmarks/render.sh                  # SCALE=force (generated and imported here)
#   DB=picture.sqlite RUNS=5 Benchmarks/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-force}
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d /tmp/cegraph-render-bench.XXXXXX)}
mkdir -p "$WORK" Benchmarks/results
swift build -c release --product cegraph >/dev/null
swift build -c release --product cegraph-bench >/dev/null
BIN="$(swift build -c release --show-bin-path)"
DB=${DB:-}
if [ -z "$DB" ]; then
    "$BIN/cegraph" generate --seed 1 --scale "$SCALE" -o "$WORK/data.jsonl" 2>/dev/null
    "$BIN/cegraph" --db "$WORK/bench.sqlite" import "$WORK/data.jsonl" --reason "benchmark" >/dev/null 2>&1
    DB="$WORK/bench.sqlite"
fi
"$BIN/cegraph-bench" "$DB" "$WORK" --render --runs "$RUNS" 2>/dev/null
python3 - "$WORK" "$RUNS" <<'PY' | tee Benchmarks/results/render.md
import json, statistics, subprocess, sys, time
work, runs = sys.argv[1], int(sys.argv[2])
ours = json.load(open(f"{work}/render.json"))
print(f"# Render benchmark ({time.strftime('%Y-%m-%d')}, medians of {runs} renders to SVG)\n")
print("| map | entities | links | engine | cegraph in process | `dot` command | ratio (command / in process) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for size, row in sorted(ours.items(), key=lambda item: int(item[0])):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(["dot", f"-K{row['engine']}", "-Tsvg", f"{work}/map-{size}.dot", "-o", "/dev/null"], check=True)
        times.append(time.perf_counter() - started)
    command = statistics.median(times)
    print(f"| {size} | {row['entities']} | {row['links']} | {row['engine']} | {row['median_s']:.3f} s | {command:.3f} s | {command / row['median_s']:.2f} |")
PY
