#!/usr/bin/env bash
# MARTHR's candidates against planted ground truth (issue 20). Generates the picture at
# SCALE (force by default; large too) with `--truth`, imports it, and runs
# `cegraph-bench --marthr`: precision and recall of the candidate list at 10, 50 and all,
# how many entities meet each threshold, and the ranking's time over the whole picture
# (release build, snapshot warm). Writes $WORK/marthr.json and prints a table.
#
#   Benchmarks/marthr.sh                 # force
#   SCALE=large Benchmarks/marthr.sh     # large (about 10 minutes to generate and import)
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-force}
WORK=${WORK:-$(mktemp -d "/tmp/cegraph-marthr-$SCALE.XXXXXX")}
mkdir -p "$WORK"
[ -n "${SKIP_BUILD:-}" ] || { swift build -c release --product cegraph-bench >/dev/null && swift build -c release --product cegraph >/dev/null; }
BIN="${BIN:-$(swift build -c release --show-bin-path)}"
if [ ! -f "$WORK/picture.sqlite" ]; then
    "$BIN/cegraph" generate --seed 1 --scale "$SCALE" -o "$WORK/data.jsonl" --truth "$WORK/truth.jsonl"
    "$BIN/cegraph" --db "$WORK/picture.sqlite" import "$WORK/data.jsonl" --reason "benchmark" >/dev/null
fi
"$BIN/cegraph-bench" "$WORK/picture.sqlite" "$WORK" --marthr "$WORK/truth.jsonl" --runs "${RUNS:-3}"
python3 - "$WORK/marthr.json" "$SCALE" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"## MARTHR candidates against planted ground truth: {sys.argv[2]} ({r['entities']} entities, {r['links']} links), as of {r['as_of']}")
print()
print(f"Meeting any threshold: {r['meeting_any']} ({float(r['meeting_share'])*100:.2f}% of entities); "
      + ", ".join(f"threshold {k}: {v}" for k, v in sorted(r['meeting'].items())))
print(f"Planted: " + ", ".join(f"{v} {k}" for k, v in sorted(r['planted'].items())))
print()
print("| list | precision | recall (all planted) | organisers | facilitators | groups | places |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for key, name in (("at_10", "top 10"), ("at_50", "top 50"), ("at_all", f"all ({r['at_all']['listed']})")):
    a = r[key]
    print(f"| {name} | {a['precision']} | {a['recall']} | {a['recall_organisers']} | {a['recall_facilitators']} | {a['recall_groups']} | {a['recall_places']} |")
print()
print(f"Ranking the whole picture: {', '.join(str(s) for s in r['ranking_seconds'])} s (snapshot load {r['snapshot_seconds']} s)")
PY
