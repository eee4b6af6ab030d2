#!/usr/bin/env bash
# The import benchmark (issue 2): generate a synthetic picture, import it with a release
# build, and report links per second end to end, the database's size and peak memory.
# In the same run it measures a peer on the same links: the sqlite3 shell loading them as
# CSV into a table with the same identity and reverse indexes (no validation, no
# provenance, no entities, no full-text index: the floor for storing the rows), and reports
# the ratio.
#
#   Benchmarks/import.sh                  # SCALE=large (1M entities, 5M links)
#   SCALE=force Benchmarks/import.sh      # 100k entities, 500k links, for a quick look
#
# Needs: swift, sqlite3, python3, GNU time (`make bench` installs sqlite3 and time).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-large}
SEED=${SEED:-1}
WORK=${WORK:-$(mktemp -d /tmp/cegraph-bench.XXXXXX)}
mkdir -p "$WORK"
trap 'rm -f "$WORK"/*.sqlite* "$WORK"/*.csv "$WORK"/*.jsonl' EXIT

swift build -c release --product cegraph >/dev/null
BIN="$(swift build -c release --show-bin-path)/cegraph"

echo "generating --scale $SCALE --seed $SEED ..." >&2
/usr/bin/time -f "%e %M" -o "$WORK/gen.time" "$BIN" generate --seed "$SEED" --scale "$SCALE" -o "$WORK/data.jsonl" 2>/dev/null
echo "importing with cegraph ..." >&2
/usr/bin/time -f "%e %M" -o "$WORK/import.time" "$BIN" --db "$WORK/cegraph.sqlite" import "$WORK/data.jsonl" --json \
    --reason "benchmark" > "$WORK/import.json"

echo "preparing the peer's CSV (not timed) ..." >&2
python3 - "$WORK/data.jsonl" "$WORK/links.csv" <<'PY'
import csv, json, sys
with open(sys.argv[1]) as source, open(sys.argv[2], "w", newline="") as target:
    out = csv.writer(target)
    for line in source:
        if '"record":"link"' in line:
            r = json.loads(line)
            out.writerow([r["from"], r["to"], r["kind"], r.get("first_seen", ""), r.get("last_seen", "")])
PY
echo "importing with the sqlite3 shell ..." >&2
cat > "$WORK/peer.sql" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA cache_size = -1048576;
CREATE TABLE link (from_ref TEXT NOT NULL, to_ref TEXT NOT NULL, kind TEXT NOT NULL, first_seen TEXT, last_seen TEXT);
BEGIN;
.mode csv
.import $WORK/links.csv link
CREATE UNIQUE INDEX link_identity ON link(from_ref, to_ref, kind);
CREATE INDEX link_by_to ON link(to_ref, from_ref);
COMMIT;
SQL
/usr/bin/time -f "%e %M" -o "$WORK/peer.time" sqlite3 "$WORK/peer.sqlite" < "$WORK/peer.sql" >/dev/null

python3 - "$WORK" "$SCALE" <<'PY'
import json, os, sys
work, scale = sys.argv[1], sys.argv[2]
def timing(name):
    seconds, kb = open(os.path.join(work, name)).read().split()
    return float(seconds), int(kb)
gen_s, gen_kb = timing("gen.time")
imp_s, imp_kb = timing("import.time")
peer_s, peer_kb = timing("peer.time")
summary = json.load(open(os.path.join(work, "import.json")))[0]
links = summary["links_added"]
ours = links / imp_s
peer = links / peer_s
size = os.path.getsize(os.path.join(work, "cegraph.sqlite"))
peer_size = os.path.getsize(os.path.join(work, "peer.sqlite"))
print(f"scale {scale}: {summary['entities_added']:,} entities, {summary['intel_added']:,} reports, {links:,} links")
print()
print("| measure | cegraph import | sqlite3 shell, links only | ratio (cegraph / peer) |")
print("| --- | --- | --- | --- |")
print(f"| wall time | {imp_s:.1f} s | {peer_s:.1f} s | {imp_s / peer_s:.2f} |")
print(f"| links per second, end to end | {ours:,.0f} | {peer:,.0f} | {ours / peer:.2f} |")
print(f"| peak memory | {imp_kb / 1024:,.0f} MiB | {peer_kb / 1024:,.0f} MiB | {imp_kb / peer_kb:.2f} |")
print(f"| database size | {size / 2**20:,.0f} MiB | {peer_size / 2**20:,.0f} MiB | {size / peer_size:.2f} |")
print()
print(f"generate --scale {scale}: {gen_s:.1f} s, peak {gen_kb / 1024:,.0f} MiB")
PY
