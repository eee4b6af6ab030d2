#!/usr/bin/env bash
# The service benchmark (issue 6): wrk on loopback against `cegraph serve` (release) over the
# force-scale data set. Each request is a 2-hop association query for a random entity, with
# an API token, so every request also writes its audit row (as the service must).
#
#   Benchmarks/serve.sh                       # SCALE=force (generated and imported here)
#   DB=force.sqlite SECONDS_=30 Benchmarks/serve.sh  # a copy of force.sqlite, made for the run
#   TARGET=map CONNECTIONS=4 Benchmarks/serve.sh   # the map API: 3-hop SVG maps of the best-connected adults
#   SECONDS_=600 RSS_EVERY=30 Benchmarks/serve.sh  # the 10-minute memory run: resident set every 30 s
#   CACHE_MIB=0 Benchmarks/serve.sh                # every answer computed afresh (no kept answers or maps)
#   PEER=none Benchmarks/serve.sh                  # without the nginx peer
# Needs wrk (apt-get install wrk). With nginx installed (apt-get install nginx-light), the
# associations run also measures the peer in the same run: nginx serving the very answers
# cegraph gave, as static files with no token, reason or audit row, on the same cores with
# the same load; the ratio is what the service's checks and audit cost, whatever the
# machine's speed that minute.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-force}
DURATION=${SECONDS_:-30}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18090}
WORK=${WORK:-$(mktemp -d /tmp/cegraph-serve-bench.XXXXXX)}
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product cegraph >/dev/null
BIN="${BIN:-$(swift build -c release --show-bin-path)}"  # BIN=DIR: another build (a before/after run)
DB=${DB:-}
if [ -z "$DB" ]; then
    "$BIN/cegraph" generate --seed 1 --scale "$SCALE" -o "$WORK/data.jsonl" 2>/dev/null
    "$BIN/cegraph" --db "$WORK/bench.sqlite" import "$WORK/data.jsonl" --reason "benchmark" >/dev/null 2>&1
else
    # A copy: every request writes an audit row (about 3 KB for a 2-hop answer), so a run
    # grows the file by hundreds of megabytes, and the next run would measure a bigger one.
    # The audit key and head files go with it: the log's rows are sealed with the key.
    sqlite3 "$DB" ".backup '$WORK/bench.sqlite'"
    for file in audit-key audit-head; do [ -f "$DB.$file" ] && cp -p "$DB.$file" "$WORK/bench.sqlite.$file"; done
fi
DB="$WORK/bench.sqlite"
"$BIN/cegraph" --db "$DB" account list | grep -q '^bench' || \
    echo "benchmark password" | "$BIN/cegraph" --db "$DB" account add bench --role analyst --password-stdin >/dev/null
TOKEN=$("$BIN/cegraph" --db "$DB" account token bench --name "benchmark $(date +%s)")
TARGET=${TARGET:-associations}
case "$TARGET" in
associations)
    sqlite3 "$DB" "SELECT ref FROM entity WHERE kind IN ('child','adult') ORDER BY random() LIMIT 1000" > "$WORK/ids.txt"
    PATH_PREFIX="/api/associations/"; PATH_SUFFIX="?hops=2" ;;
map)
    # MAP_ROOTS: the entities to map; by default AD1547, whose 3-hop map in the force-scale
    # set (seed 1) has 462 entities and 1,699 links, the issue's "500 nodes". Graphviz draws
    # one map at a time, so run this one with CONNECTIONS=1 for a user's wait.
    printf '%s\n' ${MAP_ROOTS:-AD1547} > "$WORK/ids.txt"
    PATH_PREFIX="/api/maps/"; PATH_SUFFIX="?hops=${MAP_HOPS:-3}&audience=police" ;;
*) echo "TARGET is associations or map" >&2; exit 2 ;;
esac
"$BIN/cegraph" --db "$DB" serve --port "$PORT" --cache-mib "${CACHE_MIB:-64}" --worker-threads "${WORKERS:-16}" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
# The first request builds the query snapshot; the benchmark measures the service after it.
curl -sf -H "Authorization: Bearer $TOKEN" -H "X-Justification: service benchmark" "http://127.0.0.1:$PORT$PATH_PREFIX$(head -1 "$WORK/ids.txt")$PATH_SUFFIX" >/dev/null
if [ "$TARGET" = associations ]; then
    # Every id once (filling the kept answers, when kept), each answer saved for the peer.
    mkdir -p "$WORK/static$PATH_PREFIX"
    while read -r id; do
        printf 'url = "http://127.0.0.1:%s%s%s%s"\noutput = "%s/static%s%s"\n' "$PORT" "$PATH_PREFIX" "$id" "$PATH_SUFFIX" "$WORK" "$PATH_PREFIX" "$id"
    done < "$WORK/ids.txt" | curl -sf -Z --no-progress-meter --parallel-max 4 -K - -H "Authorization: Bearer $TOKEN" -H "X-Justification: service benchmark warm-up"
fi
cat > "$WORK/ids.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
request = function()
  return wrk.format("GET", "$PATH_PREFIX" .. ids[math.random(#ids)] .. "$PATH_SUFFIX", {["Authorization"] = "Bearer $TOKEN", ["X-Justification"] = "service benchmark"})
end
LUA
RSS_BEFORE=$(ps -o rss= -p $SERVER)
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
# Five seconds of the same load, not measured: the first seconds after a start are slower
# (page cache, thread pools), and the issue's figures are for a running service.
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s --timeout 10s -s "$WORK/ids.lua" "http://127.0.0.1:$PORT" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$WORK/ids.lua" "http://127.0.0.1:$PORT" > "$WORK/wrk.txt" &
WRK=$!
if [ -n "${RSS_EVERY:-}" ]; then
    # The memory run: the server's resident set while the load runs.
    : > "$WORK/rss.txt"
    while kill -0 $WRK 2>/dev/null; do
        SQLITE=$(curl -sf "http://127.0.0.1:$PORT/healthz" | sed -n 's/.*"sqlite_memory_bytes":\([0-9]*\).*/\1/p')
        echo "$(date +%s) $(ps -o rss= -p $SERVER) $(( ${SQLITE:-0} / 1024 ))" >> "$WORK/rss.txt"
        sleep "$RSS_EVERY"
    done
    echo "resident set (KiB) every ${RSS_EVERY}s:"; awk '{print $2}' "$WORK/rss.txt" | paste -sd' '
    echo "of which SQLite (KiB):"; awk '{print $3}' "$WORK/rss.txt" | paste -sd' '
fi
wait $WRK
cat "$WORK/wrk.txt"
RSS_AFTER=$(ps -o rss= -p $SERVER)
echo "server resident set: ${RSS_BEFORE} KiB before, ${RSS_AFTER} KiB after"
if [ "$TARGET" = associations ] && [ "${PEER:-nginx}" = nginx ] && command -v nginx >/dev/null; then
    kill $SERVER; wait $SERVER 2>/dev/null || true
    PEER_PORT=$((PORT + 1))
    cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 100000000;
    default_type application/json;
    server { listen 127.0.0.1:$PEER_PORT; root $WORK/static; }
}
NGINX
    nginx -c "$WORK/nginx.conf" -p "$WORK"
    for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PEER_PORT$PATH_PREFIX$(head -1 "$WORK/ids.txt")" >/dev/null && break; sleep 0.1; done
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$WORK/ids.lua" "http://127.0.0.1:$PEER_PORT" > /dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$WORK/ids.lua" "http://127.0.0.1:$PEER_PORT" > "$WORK/peer.txt"
    kill "$(cat "$WORK/nginx.pid")"
    echo "peer: nginx serving the same answers as static files"
    grep -E "Requests/sec|50%|99%" "$WORK/peer.txt"
    awk '/Requests\/sec/ { if (FILENAME ~ /peer/) peer = $2; else ours = $2 }
         END { if (peer > 0) printf "cegraph / nginx: %.2f of the peer'"'"'s requests/s\n", ours / peer }' "$WORK/wrk.txt" "$WORK/peer.txt"
fi
echo "target: $TARGET; work folder: $WORK"
