# Sourced by the benchmarks that write to a picture (panel.sh, journey.sh, freshness.sh): builds the release
# products, and puts a picture in "$WORK/$NAME.sqlite": a copy of $DB (with its audit key and
# head) when given, else `generate --scale $SCALE` imported. Needs NAME and SCALE; sets WORK
# and BIN.
WORK=${WORK:-$(mktemp -d "/tmp/cegraph-$NAME-bench.XXXXXX")}
mkdir -p "$WORK"
# One product a command: `swift build` builds only the last of several --product options.
[ -n "${SKIP_BUILD:-}" ] || { swift build -c release --product cegraph-bench >/dev/null && swift build -c release --product cegraph >/dev/null; }
BIN="${BIN:-$(swift build -c release --show-bin-path)}"
if [ -z "${DB:-}" ]; then
    "$BIN/cegraph" generate --seed 1 --scale "$SCALE" -o "$WORK/data.jsonl" 2>/dev/null
    "$BIN/cegraph" --db "$WORK/$NAME.sqlite" import "$WORK/data.jsonl" --reason "benchmark" >/dev/null 2>&1
else
    sqlite3 "$DB" ".backup '$WORK/$NAME.sqlite'"
    for file in audit-key audit-head; do [ -f "$DB.$file" ] && cp -p "$DB.$file" "$WORK/$NAME.sqlite.$file"; done
fi
