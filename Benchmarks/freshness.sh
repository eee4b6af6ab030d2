#!/usr/bin/env bash
# The freshness benchmark (issue 22): `cegraph serve` (release) on a copy of a picture, 2-hop
# association reads from READERS clients for SECONDS_ seconds without writes, then as long
# with one intelligence entry (a new link) a second, each followed at once by a query that
# must see it. Prints read p50/p99 in both phases, commit times and write-to-visible latency;
# with RSS_HOUR=1 it then writes once a second for an hour (RSS_SECONDS) and prints the
# resident set before and after (the memory target).
#
#   DB=large.sqlite Benchmarks/freshness.sh          # the issue's figures (large picture)
#   SCALE=force Benchmarks/freshness.sh               # generated and imported here
#   CACHE_MIB=0 ...                                   # every answer computed afresh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-force}
DURATION=${SECONDS_:-60}
READERS=${READERS:-2}
PORT=${PORT:-18094}
NAME=freshness
# shellcheck source=picture.sh
. Benchmarks/picture.sh
DB="$WORK/$NAME.sqlite"
"$BIN/cegraph" --db "$DB" init >/dev/null 2>&1 || true
"$BIN/cegraph" --db "$DB" account list | grep -q '^bench' || \
    echo "benchmark password" | "$BIN/cegraph" --db "$DB" account add bench --role analyst --password-stdin >/dev/null
TOKEN=$("$BIN/cegraph" --db "$DB" account token bench --name "freshness $(date +%s)")
sqlite3 "$DB" "SELECT ref FROM entity WHERE kind IN ('child','adult') ORDER BY random() LIMIT 1000" > "$WORK/ids.txt"
"$BIN/cegraph" --db "$DB" serve --port "$PORT" --cache-mib "${CACHE_MIB:-64}" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
grep "snapshot loaded" "$WORK/serve.log" || true
RSS_START=$(ps -o rss= -p $SERVER)
python3 Benchmarks/freshness.py "$PORT" "$TOKEN" "$WORK/ids.txt" "$DURATION" "$READERS"
echo "healthz: $(curl -sf "http://127.0.0.1:$PORT/healthz")"
echo "server resident set: ${RSS_START} KiB at start, $(ps -o rss= -p $SERVER) KiB after the run"
if [ -n "${RSS_HOUR:-}" ]; then
    SECONDS_HOUR=${RSS_SECONDS:-3600}
    python3 Benchmarks/freshness.py "$PORT" "$TOKEN" "$WORK/ids.txt" "$SECONDS_HOUR" "${HOUR_READERS:-0}" writes > "$WORK/hour.txt"
    echo "after $SECONDS_HOUR s more of one write a second: $(ps -o rss= -p $SERVER) KiB"
    cat "$WORK/hour.txt"
fi
