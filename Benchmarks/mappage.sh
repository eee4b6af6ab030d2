#!/usr/bin/env bash
# The map page benchmark (issue 21): `cegraph serve` (release) on a picture (`force` by
# default), headless Chromium through chromedriver opening /maps/{id} for entities whose
# neighbourhood holds about 500 entities, timed from navigation to the map drawn in the page
# (map.js's `cegraph-map-drawn` mark): the first time (the server lays the map out) and again
# (the drawing kept). The peer, in the same run, is Graphviz's own `sfdp` command laying out
# the same DOT. Screenshots of the first map at overview and zoomed go to $SHOTS when set.
#
#   Benchmarks/mappage.sh                       # force, generated and imported here
#   DB=force.sqlite SHOTS=/tmp/shots Benchmarks/mappage.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-force}
PORT=${PORT:-18095}
DRIVER_PORT=${DRIVER_PORT:-9517}
NAME=mappage
# shellcheck source=picture.sh
. Benchmarks/picture.sh
DB="$WORK/$NAME.sqlite"
"$BIN/cegraph" --db "$DB" account list | grep -q '^bench' || \
    echo "benchmark password" | "$BIN/cegraph" --db "$DB" account add bench --role analyst --password-stdin >/dev/null
TOKEN=$("$BIN/cegraph" --db "$DB" account token bench --name "map page $(date +%s)")
# The best-linked entities (people, places, groups...): their neighbourhoods are searched for about 500 entities.
sqlite3 "$DB" "SELECT e.ref FROM entity e JOIN (SELECT id, COUNT(*) AS degree FROM (SELECT from_id AS id FROM link UNION ALL SELECT to_id FROM link) GROUP BY id) d ON d.id = e.id ORDER BY d.degree DESC LIMIT 400" > "$WORK/hubs.txt"
"$BIN/cegraph" --db "$DB" serve --port "$PORT" > "$WORK/serve.log" 2>&1 &
SERVER=$!
chromedriver --port="$DRIVER_PORT" > "$WORK/driver.log" 2>&1 &
DRIVER=$!
trap 'kill $SERVER $DRIVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
python3 Benchmarks/mappage.py "$PORT" "$DRIVER_PORT" "$TOKEN" "$WORK/hubs.txt" "$BIN/cegraph" "$DB" "${SHOTS:-}"
