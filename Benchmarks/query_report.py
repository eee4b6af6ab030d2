#!/usr/bin/env python3
"""Markdown comparison of cegraph's query timings with the peers' (query_peers.py).

    query_report.py CEGRAPH.json PEERS.json

CEGRAPH.json: {"peers": {"cegraph": {...}}} (or the bare entry), with the same fields
as a peer entry of PEERS.json (two_hop_ns, two_hop_counts, path_ns, path_lengths,
betweenness, communities, load_s) and optionally "snapshot": {"seconds": ..},
"marthr": {"seconds": ..} or any other {"seconds": ..} step.

Percentiles are nearest-rank. Ratio columns are peer / cegraph: above 1, cegraph is
faster. Only the standard library is needed.
"""
import json
import math
import sys

PEER_ORDER = ("networkx", "igraph", "sqlite")
SQLITE_MAX_DEPTH = 6
KNOWN = {"two_hop_ns", "two_hop_counts", "path_ns", "path_lengths", "betweenness", "communities",
         "load_s", "build_s", "snapshot", "truncated", "version", "max_path_depth", "db_bytes",
         "skipped"}


def load(path):
    with open(path) as f:
        return json.load(f)


def percentile(values, p):
    """Nearest-rank: the smallest value with at least p% of the values at or below it."""
    if not values:
        return None
    s = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(s)))
    return s[rank - 1]


def fmt(x):
    if x is None:
        return "—"
    if isinstance(x, int) and not isinstance(x, bool):
        return f"{x:,}"
    ax = abs(x)
    if ax >= 1000:
        return f"{x:,.0f}"
    if ax >= 100:
        return f"{x:.0f}"
    if ax >= 10:
        return f"{x:.1f}"
    if ax >= 1:
        return f"{x:.2f}"
    if ax == 0:
        return "0"
    return f"{x:.3g}"


def fmt_ratio(r):
    if r is None:
        return "—"
    if r >= 100:
        return f"{r:,.0f}"
    if r >= 10:
        return f"{r:.1f}"
    return f"{r:.2f}"


def ratio(peer, ceg):
    if peer is None or ceg is None or ceg == 0:
        return None
    return peer / ceg


class Cell:
    def __init__(self, value, note="", ratio_base=None, digits=None):
        self.value = value  # number or None
        self.note = note    # text after the number
        self.ratio_base = ratio_base  # cegraph value to divide by, when not the row's own
        self.digits = digits  # fixed decimals (modularity), else fmt's choice

    def text(self):
        if self.value is None:
            return "—"
        num = f"{self.value:.{self.digits}f}" if self.digits is not None else fmt(self.value)
        return num + (f" {self.note}" if self.note else "")


def quantile_cells(entries, names, key, p, scale):
    """Per-query percentile cells; a truncated peer is compared on the same prefix."""
    ceg_ns = entries["cegraph"].get(key) or []
    cells = {}
    for name in names:
        ns = entries[name].get(key)
        if not ns:
            cells[name] = Cell(None)
            continue
        v = percentile(ns, p) / scale
        step = key[:-3]
        tr = (entries[name].get("truncated") or {}).get(step)
        if tr or (name != "cegraph" and ceg_ns and len(ns) != len(ceg_ns)):
            total = tr["of"] if tr else len(ceg_ns)
            base = percentile(ceg_ns[:len(ns)], p)
            cells[name] = Cell(v, f"({len(ns)} of {total} run)",
                               None if base is None else base / scale)
        else:
            cells[name] = Cell(v)
    return cells


def betweenness_cell(entry):
    b = entry.get("betweenness")
    if not b or b.get("seconds") is None:
        return Cell(None)
    k = b.get("sources")
    if k == 256:
        return Cell(b["seconds"])
    ext = b.get("extrapolated_256_s")
    if ext is None and k:
        ext = b["seconds"] * 256 / k
    return Cell(ext, f"(extrapolated from k={k})")


def community_cells(entries, names, algo, field):
    cells = {}
    for name in names:
        c = ((entries[name].get("communities") or {}).get(algo) or {})
        cells[name] = Cell(c.get(field), digits=4 if field == "modularity" else None)
    return cells


def load_cell(entry, is_cegraph):
    if is_cegraph and isinstance(entry.get("snapshot"), dict) and entry["snapshot"].get("seconds") is not None:
        return Cell(entry["snapshot"]["seconds"], "(snapshot)")
    return Cell(entry.get("load_s"))


def table(entries, peers):
    names = ["cegraph"] + peers
    header = ["measure"] + names + [f"{p} / cegraph" for p in peers]
    rows = []

    def add(label, cells, with_ratio=True):
        ceg = cells.get("cegraph", Cell(None))
        line = [label] + [cells.get(n, Cell(None)).text() for n in names]
        for p in peers:
            c = cells.get(p, Cell(None))
            if not with_ratio:
                line.append("—")
                continue
            base = c.ratio_base if c.ratio_base is not None else ceg.value
            line.append(fmt_ratio(ratio(c.value, base)))
        rows.append(line)

    add("2-hop p50 (µs)", quantile_cells(entries, names, "two_hop_ns", 50, 1e3))
    add("2-hop p99 (µs)", quantile_cells(entries, names, "two_hop_ns", 99, 1e3))
    add("path p50 (ms)", quantile_cells(entries, names, "path_ns", 50, 1e6))
    add("path p99 (ms)", quantile_cells(entries, names, "path_ns", 99, 1e6))
    add("betweenness, 256 sources (s)", {n: betweenness_cell(entries[n]) for n in names})

    algos = []
    for n in names:
        for a in (entries[n].get("communities") or {}):
            if a not in algos:
                algos.append(a)
    for algo in sorted(algos, key=lambda a: (a != "louvain", a)):
        add(f"communities, {algo} (s)", community_cells(entries, names, algo, "seconds"))
        add(f"{algo}: modularity", community_cells(entries, names, algo, "modularity"), with_ratio=False)
        add(f"{algo}: communities", community_cells(entries, names, algo, "count"), with_ratio=False)

    add("load / snapshot (s)", {n: load_cell(entries[n], n == "cegraph") for n in names})

    # cegraph's extra steps ({"seconds": ..}), e.g. marthr.
    ceg = entries["cegraph"]
    for key, val in ceg.items():
        if key in KNOWN or not isinstance(val, dict) or val.get("seconds") is None:
            continue
        add(f"{key} (s)", {"cegraph": Cell(val["seconds"])})

    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def agreement(entries, peers):
    ceg = entries["cegraph"]
    out = ["| peer | 2-hop counts agree | path lengths agree |", "| --- | --- | --- |"]
    details = []
    for p in peers:
        cells = []
        for key in ("two_hop_counts", "path_lengths"):
            a, b = ceg.get(key), entries[p].get(key)
            if not a or not b:
                cells.append("—")
                continue
            n = min(len(a), len(b))
            idx = list(range(n))
            skipped = 0
            if key == "path_lengths" and p == "sqlite":
                # SQLite looks 6 hops deep at most: a longer path is not comparable.
                idx = [i for i in idx if a[i] <= SQLITE_MAX_DEPTH]
                skipped = n - len(idx)
            bad = [i for i in idx if a[i] != b[i]]
            text = f"{len(idx) - len(bad)} / {len(idx)}"
            notes = []
            if skipped:
                notes.append(f"{skipped} beyond {SQLITE_MAX_DEPTH} hops not comparable")
            if n < max(len(a), len(b)):
                notes.append(f"first {n} queries")
            if notes:
                text += " (" + "; ".join(notes) + ")"
            cells.append(text)
            if bad:
                shown = ", ".join(f"#{i}: {a[i]} vs {b[i]}" for i in bad[:5])
                more = f", … {len(bad) - 5} more" if len(bad) > 5 else ""
                details.append(f"- {p} {key} (cegraph vs {p}): {shown}{more}")
        out.append(f"| {p} | {cells[0]} | {cells[1]} |")
    return out, details


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: query_report.py CEGRAPH.json PEERS.json")
    cdoc, pdoc = load(sys.argv[1]), load(sys.argv[2])
    ceg = (cdoc.get("peers") or {}).get("cegraph") if "peers" in cdoc else cdoc
    if ceg is None:
        sys.exit(f"{sys.argv[1]}: no peers.cegraph entry")
    pe = pdoc.get("peers") or {}
    peers = [p for p in PEER_ORDER if isinstance(pe.get(p), dict) and "skipped" not in pe[p]]
    peers += [p for p in pe if p not in peers and p != "cegraph" and isinstance(pe[p], dict)
              and "skipped" not in pe[p]]
    entries = {"cegraph": ceg, **{p: pe[p] for p in peers}}

    g = pdoc.get("graph") or {}
    cg = cdoc.get("graph") or {}
    lines = []
    if g:
        lines.append(f"Graph: {g.get('nodes', 0):,} nodes, {g.get('edges', 0):,} edges, "
                     f"{g.get('pairs', len(ceg.get('two_hop_ns') or [])):,} query pairs.")
    if cg and g and (cg.get("nodes"), cg.get("edges")) != (g.get("nodes"), g.get("edges")):
        lines.append(f"**Warning:** cegraph ran on {cg.get('nodes')} nodes / {cg.get('edges')} edges, "
                     f"the peers on {g.get('nodes')} / {g.get('edges')}.")
    versions = [f"{p} {pe[p]['version']}" for p in peers if pe[p].get("version")]
    if versions:
        lines.append("Peers: " + ", ".join(versions) + ".")
    skipped = [p for p in pe if isinstance(pe[p], dict) and "skipped" in pe[p]]
    if skipped:
        lines.append("Skipped: " + ", ".join(f"{p} ({pe[p]['skipped']})" for p in skipped) + ".")
    lines.append("")
    lines += table(entries, peers)
    lines.append("")
    lines.append("Percentiles are nearest-rank over the timed queries. Ratios are peer / cegraph "
                 "(above 1: cegraph is faster); a step a peer did not finish (`--limit-seconds`) "
                 "is compared with cegraph on the same first queries. Betweenness: seconds for "
                 "256 sources, or the peer's time for k sources times 256/k. Load: the peers "
                 "parse the edge list and build their structure; cegraph's figure is its "
                 "snapshot load when reported. SQLite's path query is a recursive CTE, at most "
                 f"{SQLITE_MAX_DEPTH} hops deep, returning the length only.")
    lines.append("")
    lines.append("### Agreement with cegraph")
    lines.append("")
    agree, details = agreement(entries, peers)
    lines += agree
    if details:
        lines.append("")
        lines.append("Disagreements (query index: cegraph vs peer):")
        lines += details
    print("\n".join(lines))


if __name__ == "__main__":
    main()
