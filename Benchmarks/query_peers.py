#!/usr/bin/env python3
"""Time peer graph libraries on the same graph and queries as cegraph's query engine.

    query_peers.py --edges EDGES.tsv --pairs PAIRS.tsv \
        [--peers networkx,igraph,sqlite] \
        [--communities networkx,igraph_leiden,igraph_louvain] \
        [--steps two_hop,path,betweenness] [--betweenness-sources 8] \
        [--warmup 5] [--limit-seconds S] [--tmpdir DIR] [--out OUT.json]

EDGES.tsv: a first line `# nodes N edges M`, then one undirected edge `u<TAB>v` a line,
dense ids 0..N-1, no duplicates, no self loops. PAIRS.tsv: one query `a<TAB>b` a line.

Per peer, and per query, the wall time of the query call alone (time.perf_counter_ns),
after `--warmup` untimed queries (the first pairs of the file), with the cyclic garbage
collector paused during the timed loop (as timeit does):

  two_hop      the nodes within 2 hops of a, a excluded; the count is recorded.
  path         one shortest path a -> b; its hop length is recorded (-1: none; SQLite:
               -1 means none within 6 hops).
  betweenness  k sampled sources, random.Random(7).sample(range(N), k) (the same
               sources for every peer); seconds, and the linear extrapolation to 256.
  communities  (only with --communities) Louvain / Leiden; seconds, count, modularity.

`--limit-seconds S` bounds each query step (two_hop, path) of each peer: once a step has
run S seconds of wall time, it stops and records how many queries ran
(`"truncated": {"path": {"ran": n, "of": total, "limit_s": S}}`); the per-query arrays
then hold the first n queries. A SQLite query still running at the limit is interrupted
(progress handler) and not counted. NetworkX and igraph queries, betweenness and the
community steps cannot be interrupted once started.

Only the standard library, networkx and igraph (python-igraph) are needed; a peer whose
package is missing is skipped with a message. Progress goes to stderr, the JSON to --out
or stdout.
"""
import argparse
import gc
import json
import os
import platform
import random
import signal
import sqlite3
import sys
import tempfile
import time
import warnings

T0 = time.perf_counter()
STEPS = ("two_hop", "path", "betweenness")
PEERS = ("networkx", "igraph", "sqlite")
COMMUNITY_RUNS = ("networkx", "igraph_leiden", "igraph_louvain")
SQLITE_MAX_DEPTH = 6


def log(msg):
    print(f"[{time.perf_counter() - T0:9.1f}s] {msg}", file=sys.stderr, flush=True)


def csv_list(text, allowed, what):
    items = [x.strip() for x in text.split(",") if x.strip()] if text else []
    bad = [x for x in items if x not in allowed]
    if bad:
        sys.exit(f"unknown {what}: {', '.join(bad)} (choose from {', '.join(allowed)})")
    return items


# ---------------------------------------------------------------------------- input

def read_edges(path):
    """Returns (n, m, flat) where flat is [u0, v0, u1, v1, ...]."""
    with open(path, "rb") as f:
        first = f.readline()
        words = first.split()
        n = m = None
        if first.startswith(b"#"):
            try:
                n = int(words[words.index(b"nodes") + 1])
                m = int(words[words.index(b"edges") + 1])
            except (ValueError, IndexError):
                pass
            rest = f.read()
        else:
            rest = first + f.read()
    flat = list(map(int, rest.split()))
    del rest
    if len(flat) % 2:
        sys.exit(f"{path}: odd number of ids")
    if n is None:
        n = max(flat) + 1 if flat else 0
    if m is None:
        m = len(flat) // 2
    if m != len(flat) // 2:
        log(f"warning: header says {m} edges, file has {len(flat) // 2}; using the file")
        m = len(flat) // 2
    return n, m, flat


def read_pairs(path):
    pairs = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith("#"):
                pairs.append((int(parts[0]), int(parts[1])))
    return pairs


# ---------------------------------------------------------------------------- timing

class Deadline:
    """Wall-clock budget of one step (None: no limit)."""

    def __init__(self, seconds):
        self.at = None if not seconds else time.perf_counter() + seconds

    def passed(self):
        return self.at is not None and time.perf_counter() > self.at


class Interrupted(Exception):
    pass


def run_step(peer, step, query, measure, items, warmup, limit_s, on_deadline=None):
    """Times query(item) for every item; measure(result) (untimed) gives the figure kept.

    Returns (ns list, figures list, truncation dict or None)."""
    # Warm-up: the first `warmup` items, untimed, under their own budget.
    dl = Deadline(limit_s)
    if on_deadline:
        on_deadline(dl)
    for item in items[:warmup]:
        if dl.passed():
            break
        try:
            query(item)
        except Interrupted:
            break
    gc.collect()
    gc_was_enabled = gc.isenabled()
    gc.disable()
    ns, figures = [], []
    perf = time.perf_counter_ns
    started = time.perf_counter()
    dl = Deadline(limit_s)
    if on_deadline:
        on_deadline(dl)
    truncated = None
    try:
        for item in items:
            if dl.passed():
                truncated = True
                break
            try:
                t = perf()
                result = query(item)
                t = perf() - t
            except Interrupted:
                truncated = True
                break
            ns.append(t)
            figures.append(measure(result))
    finally:
        if gc_was_enabled:
            gc.enable()
        if on_deadline:
            on_deadline(Deadline(None))
    wall = time.perf_counter() - started
    total_ms = sum(ns) / 1e6
    msg = f"{peer}: {step}: {len(ns)}/{len(items)} queries, {total_ms:.1f} ms in queries, {wall:.1f} s wall"
    if truncated:
        msg += f" (stopped at the {limit_s} s limit)"
    log(msg)
    trunc = {"ran": len(ns), "of": len(items), "limit_s": limit_s} if truncated else None
    return ns, figures, trunc


def betweenness_entry(k, seconds, sources):
    return {
        "sources": k,
        "seconds": seconds,
        "extrapolated_256_s": seconds * 256 / k,
        "extrapolated": k != 256,
        "source_ids": sources,
    }


def path_len(path):
    return -1 if not path else len(path) - 1


# ---------------------------------------------------------------------------- peers

def bench_networkx(ctx):
    import networkx as nx

    out = {"version": nx.__version__}
    log("networkx: building the graph ...")
    t = time.perf_counter()
    G = nx.Graph()
    G.add_nodes_from(range(ctx.n))
    it = iter(ctx.flat)
    G.add_edges_from(zip(it, it))
    build = time.perf_counter() - t
    out.update(load_s=ctx.parse_s + build, build_s=build)
    log(f"networkx: built in {build:.1f} s ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
    gc.collect()
    gc.freeze()  # keep the graph out of the collector's later passes

    if "two_hop" in ctx.steps:
        # Manual union over the adjacency dicts. Measured at N=200,000/M=1,000,000:
        # about 17 us a query with G._adj (the plain dict-of-dicts NetworkX's own
        # algorithms iterate), 27 us through the public G.adj view, and 48 us with
        # nx.single_source_shortest_path_length(G, a, cutoff=2). The fastest is used.
        adj = G._adj

        def two_hop(pair):
            a = pair[0]
            s = set(adj[a])
            for v in list(s):
                s.update(adj[v])
            s.discard(a)
            return s

        ns, counts, tr = run_step("networkx", "two_hop", two_hop, len, ctx.pairs, ctx.warmup, ctx.limit_s)
        out.update(two_hop_ns=ns, two_hop_counts=counts)
        if tr:
            out.setdefault("truncated", {})["two_hop"] = tr

    if "path" in ctx.steps:
        NoPath = nx.NetworkXNoPath
        bsp = nx.bidirectional_shortest_path

        def path(pair):
            try:
                return bsp(G, pair[0], pair[1])
            except NoPath:
                return None

        ns, lengths, tr = run_step("networkx", "path", path, path_len, ctx.pairs, ctx.warmup, ctx.limit_s)
        out.update(path_ns=ns, path_lengths=lengths)
        if tr:
            out.setdefault("truncated", {})["path"] = tr

    if "betweenness" in ctx.steps and ctx.k > 0:
        # NetworkX draws its own sample: seed=7 becomes random.Random(7) and it calls
        # .sample(list(G.nodes()), k); with nodes added as range(N) these are the
        # sources the other peers get. Checked here (untimed).
        same = random.Random(7).sample(list(G.nodes()), ctx.k) == ctx.sources
        log(f"networkx: betweenness from {ctx.k} sources (sources match: {same}) ...")
        t = time.perf_counter()
        nx.betweenness_centrality(G, k=ctx.k, seed=7, normalized=False)
        secs = time.perf_counter() - t
        out["betweenness"] = betweenness_entry(ctx.k, secs, ctx.sources)
        out["betweenness"]["sources_match"] = same
        log(f"networkx: betweenness {secs:.2f} s, {secs * 256 / ctx.k:.1f} s extrapolated to 256")

    if "networkx" in ctx.communities:
        log("networkx: louvain_communities(seed=42) ...")
        t = time.perf_counter()
        comms = nx.community.louvain_communities(G, seed=42)
        secs = time.perf_counter() - t
        t = time.perf_counter()
        q = nx.community.modularity(G, comms)
        qs = time.perf_counter() - t
        out["communities"] = {"louvain": {"seconds": secs, "count": len(comms), "modularity": q,
                                          "modularity_s": qs, "algorithm": "nx.community.louvain_communities(seed=42)"}}
        log(f"networkx: louvain {secs:.1f} s, {len(comms)} communities, modularity {q:.4f}")

    gc.unfreeze()
    del G
    gc.collect()
    return out


def bench_igraph(ctx):
    import igraph

    out = {"version": igraph.__version__}
    log("igraph: building the graph ...")
    t = time.perf_counter()
    it = iter(ctx.flat)
    g = igraph.Graph(n=ctx.n, edges=list(zip(it, it)), directed=False)
    build = time.perf_counter() - t
    out.update(load_s=ctx.parse_s + build, build_s=build)
    log(f"igraph: built in {build:.1f} s ({g.vcount()} nodes, {g.ecount()} edges)")
    # get_shortest_path warns "Couldn't reach some vertices" when there is no path.
    warnings.filterwarnings("ignore", message="Couldn't reach some vertices")

    if "two_hop" in ctx.steps:
        nb = g.neighborhood
        ns, counts, tr = run_step("igraph", "two_hop", lambda p: nb(p[0], order=2, mindist=1), len,
                                  ctx.pairs, ctx.warmup, ctx.limit_s)
        out.update(two_hop_ns=ns, two_hop_counts=counts)
        if tr:
            out.setdefault("truncated", {})["two_hop"] = tr

    if "path" in ctx.steps:
        # One vertex path; the BFS stops once b is reached. [] when there is none.
        gsp = g.get_shortest_path
        ns, lengths, tr = run_step("igraph", "path", lambda p: gsp(p[0], p[1]), path_len,
                                   ctx.pairs, ctx.warmup, ctx.limit_s)
        out.update(path_ns=ns, path_lengths=lengths)
        if tr:
            out.setdefault("truncated", {})["path"] = tr

    if "betweenness" in ctx.steps and ctx.k > 0:
        # Graph.betweenness(sources=...) (igraph_betweenness_subset, targets = all
        # vertices) is supported in python-igraph 0.10+ and 1.0.
        log(f"igraph: betweenness from {ctx.k} sources ...")
        t = time.perf_counter()
        g.betweenness(sources=ctx.sources, directed=False)
        secs = time.perf_counter() - t
        out["betweenness"] = betweenness_entry(ctx.k, secs, ctx.sources)
        log(f"igraph: betweenness {secs:.2f} s, {secs * 256 / ctx.k:.1f} s extrapolated to 256")

    comms = {}
    if "igraph_leiden" in ctx.communities:
        log("igraph: community_leiden(objective_function='modularity') ...")
        random.seed(42)  # python-igraph draws from Python's random module by default
        t = time.perf_counter()
        cl = g.community_leiden(objective_function="modularity")
        secs = time.perf_counter() - t
        q = g.modularity(cl.membership)
        comms["leiden"] = {"seconds": secs, "count": len(cl), "modularity": q,
                           "algorithm": "community_leiden(objective_function='modularity', n_iterations=2)"}
        log(f"igraph: leiden {secs:.1f} s, {len(cl)} communities, modularity {q:.4f}")
    if "igraph_louvain" in ctx.communities:
        log("igraph: community_multilevel() ...")
        random.seed(42)
        t = time.perf_counter()
        cl = g.community_multilevel()
        secs = time.perf_counter() - t
        q = g.modularity(cl.membership)
        comms["louvain"] = {"seconds": secs, "count": len(cl), "modularity": q,
                            "algorithm": "community_multilevel()"}
        log(f"igraph: louvain (multilevel) {secs:.1f} s, {len(cl)} communities, modularity {q:.4f}")
    if comms:
        out["communities"] = comms

    del g
    gc.collect()
    return out


SQL_TWO_HOP = """
WITH RECURSIVE r(n, d) AS (
    SELECT ?1, 0
    UNION
    SELECT e.dst, r.d + 1 FROM r JOIN edge AS e ON e.src = r.n WHERE r.d < 2
)
SELECT DISTINCT n FROM r WHERE n <> ?1
"""

# BFS from a, at most 6 hops. UNION drops repeated (node, depth) rows; the queue is
# first-in first-out, so rows come out by increasing depth and the first row for b
# holds its distance. The CTE runs as a co-routine: LIMIT 1 stops it there.
SQL_PATH = f"""
WITH RECURSIVE r(n, d) AS (
    SELECT ?1, 0
    UNION
    SELECT e.dst, r.d + 1 FROM r JOIN edge AS e ON e.src = r.n WHERE r.d < {SQLITE_MAX_DEPTH}
)
SELECT d FROM r WHERE n = ?2 LIMIT 1
"""


def bench_sqlite(ctx):
    out = {"version": sqlite3.sqlite_version, "max_path_depth": SQLITE_MAX_DEPTH}
    fd, path = tempfile.mkstemp(prefix="query-peers-", suffix=".sqlite", dir=ctx.tmpdir)
    os.close(fd)
    try:
        log(f"sqlite: building {path} ...")
        t = time.perf_counter()
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-1048576")  # 1 GiB, as in Benchmarks/import.sh
        db.execute("BEGIN")
        db.execute("CREATE TEMP TABLE raw(u INTEGER, v INTEGER)")
        it = iter(ctx.flat)
        db.executemany("INSERT INTO raw VALUES (?, ?)", zip(it, it))
        db.execute("CREATE TABLE edge(src INTEGER NOT NULL, dst INTEGER NOT NULL, "
                   "PRIMARY KEY (src, dst)) WITHOUT ROWID")
        # Both directions, written in key order (SQLite's sorter, not Python's).
        db.execute("INSERT INTO edge SELECT u, v FROM raw UNION ALL SELECT v, u FROM raw ORDER BY 1, 2")
        db.execute("DROP TABLE raw")
        db.execute("COMMIT")
        build = time.perf_counter() - t
        rows = db.execute("SELECT count(*) FROM edge").fetchone()[0]
        out.update(load_s=ctx.parse_s + build, build_s=build, db_bytes=os.path.getsize(path))
        log(f"sqlite: built in {build:.1f} s ({rows} directed rows, {os.path.getsize(path) >> 20} MiB)")

        # A query still running at the step's deadline is interrupted.
        state = {"dl": Deadline(None)}

        def on_deadline(dl):
            state["dl"] = dl
            if dl.at is None:
                db.set_progress_handler(None, 0)
            else:
                db.set_progress_handler(lambda: 1 if dl.passed() else 0, 100_000)

        def guarded(sql, params):
            try:
                return db.execute(sql, params).fetchall()
            except sqlite3.OperationalError as e:
                if "interrupt" in str(e) and state["dl"].passed():
                    raise Interrupted() from e
                raise

        if "two_hop" in ctx.steps:
            ns, counts, tr = run_step("sqlite", "two_hop", lambda p: guarded(SQL_TWO_HOP, (p[0],)), len,
                                      ctx.pairs, ctx.warmup, ctx.limit_s, on_deadline)
            out.update(two_hop_ns=ns, two_hop_counts=counts)
            if tr:
                out.setdefault("truncated", {})["two_hop"] = tr

        if "path" in ctx.steps:
            ns, lengths, tr = run_step("sqlite", "path", lambda p: guarded(SQL_PATH, p),
                                       lambda rows: rows[0][0] if rows else -1,
                                       ctx.pairs, ctx.warmup, ctx.limit_s, on_deadline)
            out.update(path_ns=ns, path_lengths=lengths)
            if tr:
                out.setdefault("truncated", {})["path"] = tr
        db.close()
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.remove(path + suffix)
            except FileNotFoundError:
                pass
    return out


RUNNERS = {"networkx": bench_networkx, "igraph": bench_igraph, "sqlite": bench_sqlite}


# ---------------------------------------------------------------------------- main

def agreement(peers):
    """Prints how often the peers agree with each other (stderr)."""
    names = [p for p in peers if isinstance(peers[p], dict)]
    for key in ("two_hop_counts", "path_lengths"):
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                xa, xb = peers[a].get(key), peers[b].get(key)
                if xa is None or xb is None:
                    continue
                n = min(len(xa), len(xb))
                if key == "path_lengths" and "sqlite" in (a, b):
                    other, sq = (xb, xa) if a == "sqlite" else (xa, xb)
                    idx = [j for j in range(n) if other[j] <= SQLITE_MAX_DEPTH]
                    ok = sum(1 for j in idx if other[j] == sq[j])
                    log(f"agreement {key}: {a} vs {b}: {ok}/{len(idx)} comparable "
                        f"({n - len(idx)} beyond {SQLITE_MAX_DEPTH} hops)")
                else:
                    ok = sum(1 for j in range(n) if xa[j] == xb[j])
                    log(f"agreement {key}: {a} vs {b}: {ok}/{n}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--edges", required=True)
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--communities", default="", help="comma list of " + ",".join(COMMUNITY_RUNS))
    ap.add_argument("--steps", default=",".join(STEPS), help="comma list of " + ",".join(STEPS))
    ap.add_argument("--betweenness-sources", type=int, default=8)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--limit-seconds", type=float, default=None,
                    help="wall-time bound of each query step (two_hop, path) of each peer")
    ap.add_argument("--tmpdir", default=None, help="where the SQLite file goes (default: the system's)")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    # On SIGTERM, unwind so the SQLite temp file is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    ctx = argparse.Namespace()
    ctx.peers = csv_list(args.peers, PEERS, "peers")
    ctx.communities = csv_list(args.communities, COMMUNITY_RUNS, "community runs")
    ctx.steps = csv_list(args.steps, STEPS, "steps")
    ctx.warmup, ctx.limit_s, ctx.tmpdir = args.warmup, args.limit_seconds, args.tmpdir

    log(f"reading {args.edges} ...")
    t = time.perf_counter()
    ctx.n, ctx.m, ctx.flat = read_edges(args.edges)
    ctx.parse_s = time.perf_counter() - t
    ctx.pairs = read_pairs(args.pairs)
    log(f"{ctx.n} nodes, {ctx.m} edges parsed in {ctx.parse_s:.1f} s; {len(ctx.pairs)} pairs")
    bad = [p for p in ctx.pairs if not (0 <= p[0] < ctx.n and 0 <= p[1] < ctx.n)]
    if bad:
        sys.exit(f"{args.pairs}: {len(bad)} pairs outside 0..{ctx.n - 1}, e.g. {bad[0]}")
    ctx.k = min(max(args.betweenness_sources, 0), ctx.n)
    ctx.sources = random.Random(7).sample(range(ctx.n), ctx.k)

    result = {
        "graph": {"nodes": ctx.n, "edges": ctx.m, "pairs": len(ctx.pairs), "parse_s": ctx.parse_s},
        "settings": {"warmup": ctx.warmup, "limit_seconds": ctx.limit_s,
                     "betweenness_sources": ctx.k, "steps": ctx.steps,
                     "python": platform.python_version(), "machine": platform.machine()},
        "peers": {},
    }
    for peer in ctx.peers:
        # Community runs go with the peer whose graph they need.
        try:
            runner = RUNNERS[peer]
            log(f"== {peer}")
            t = time.perf_counter()
            result["peers"][peer] = runner(ctx)
            log(f"== {peer} done in {time.perf_counter() - t:.1f} s")
        except ImportError as e:
            log(f"{peer}: skipped ({e})")
            result["peers"][peer] = {"skipped": str(e)}
    # Community runs asked for without their peer in --peers.
    for run, peer in (("networkx", "networkx"), ("igraph_leiden", "igraph"), ("igraph_louvain", "igraph")):
        if run in ctx.communities and peer not in ctx.peers:
            log(f"note: --communities {run} needs {peer} in --peers; not run")

    agreement(result["peers"])
    text = json.dumps(result, separators=(",", ":"))
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
        log(f"wrote {args.out}")
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
