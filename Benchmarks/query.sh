#!/usr/bin/env bash
# The query benchmark (issue 3): cegraph's engine against NetworkX, igraph and a SQLite
# recursive CTE, in one run, on the same graph and the same random queries.
#
#   Benchmarks/query.sh                   # SCALE=large: 1M entities, 5M links (about 30 min)
#   SCALE=force Benchmarks/query.sh       # 100k entities, 500k links, a quick look
#   QUERIES=1000 PEERS=networkx,igraph,sqlite COMMUNITIES=igraph_leiden,igraph_louvain,networkx
#   DB=picture.sqlite Benchmarks/query.sh    # an existing database instead of generate + import
#
# Steps: a release build; `cegraph generate` and `import` into a fresh database; the
# cegraph-bench tool (snapshot build, 2-hop and shortest path per query, MARTHR over the
# whole graph, betweenness from 256 sampled sources on both cores, Louvain), which also
# writes the graph and the queries; the peers from a virtual environment made here
# (`pip install networkx igraph`); then the Markdown table, also saved to
# Benchmarks/results/query-$SCALE.md. NetworkX betweenness is timed on 8 sources and
# extrapolated to 256, and the table says so.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-large}
SEED=${SEED:-1}
QUERIES=${QUERIES:-1000}
PEERS=${PEERS:-networkx,igraph,sqlite}
COMMUNITIES=${COMMUNITIES:-igraph_leiden,igraph_louvain,networkx}
LIMIT=${LIMIT_SECONDS:-900}
WORK=${WORK:-$(mktemp -d /tmp/cegraph-query-bench.XXXXXX)}
VENV=${VENV:-$WORK/venv}
mkdir -p "$WORK" Benchmarks/results
trap 'rm -f "$WORK"/*.sqlite* "$WORK"/data.jsonl' EXIT

swift build -c release --product cegraph >/dev/null
swift build -c release --product cegraph-bench >/dev/null
BIN="$(swift build -c release --show-bin-path)"

if [ ! -x "$VENV/bin/python" ]; then
    echo "making the peers' virtual environment in $VENV ..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet networkx igraph
fi

DB=${DB:-}
if [ -z "$DB" ]; then
    echo "generating --scale $SCALE and importing ..." >&2
    "$BIN/cegraph" generate --seed "$SEED" --scale "$SCALE" -o "$WORK/data.jsonl" 2>/dev/null
    "$BIN/cegraph" --db "$WORK/bench.sqlite" import "$WORK/data.jsonl" --reason "benchmark" >/dev/null 2>&1
    DB="$WORK/bench.sqlite"
fi

echo "cegraph ..." >&2
"$BIN/cegraph-bench" "$DB" "$WORK" --queries "$QUERIES"

echo "peers ($PEERS; communities: $COMMUNITIES) ..." >&2
"$VENV/bin/python" Benchmarks/query_peers.py --edges "$WORK/edges.tsv" --pairs "$WORK/pairs.tsv" \
    --peers "$PEERS" --communities "$COMMUNITIES" --betweenness-sources 8 --limit-seconds "$LIMIT" \
    --tmpdir "$WORK" --out "$WORK/peers.json"

{
    echo "# Query benchmark, scale $SCALE, $QUERIES queries ($(date -u +%Y-%m-%d), $(nproc) cores)"
    echo
    python3 Benchmarks/query_report.py "$WORK/cegraph.json" "$WORK/peers.json"
} | tee "Benchmarks/results/query-$SCALE.md"
