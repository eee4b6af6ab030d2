#!/usr/bin/env python3
"""Compute reference ("known answer") values for small real criminal networks.

The Swift tests in GraphQueryTests compare the cegraph engine against the JSON
files this script writes. Reference values come from NetworkX 3.6.1, with
igraph 1.0.0 used as a cross-check (betweenness) and for Leiden/multilevel.

How to run
----------
    python3 -m venv v && v/bin/pip install networkx==3.6.1 igraph==1.0.0 \
        && v/bin/python make_known_answers.py /path/to/shared/peers/networks OUTDIR

OUTDIR receives caviar.json, siren.json, london_gang.json, montreal_gangs.json,
montagna_meetings.json, montagna_phonecalls.json and krebs_911.json. With the
pinned versions above, running the script again reproduces these files byte for
byte: every random choice uses a fixed seed, JSON keys are sorted, and all
iteration (graph building, node lists, pair sampling) is in sorted order.

Graph construction (the Swift side does the same)
-------------------------------------------------
An UNDIRECTED SIMPLE graph. Nodes are the labels that are an endpoint of at
least one non-self-loop edge (isolated nodes are left out). Weights and
direction are ignored, duplicate pairs are merged, and self loops are dropped.
Labels are the strings in the file with surrounding whitespace removed (and a
UTF-8 BOM removed if there is one). "Sorted" always means Python's default str
ordering (by Unicode code point). Nodes are added to the networkx graph (and
given igraph vertex ids) in sorted label order, and edges in sorted
(min_label, max_label) order. This matters because Louvain/Leiden results
depend on node order.

Output fields
-------------
name, file (path relative to the networks dir), nodes, edges
degree                    {label: degree}
betweenness               {label: networkx betweenness_centrality(G,
                          normalized=False)}, each unordered pair counted
                          once, rounded to 9 decimals
betweenness_igraph_check  whether igraph Graph.betweenness(directed=False)
                          agrees with networkx within 1e-6 for every node
components                connected component sizes, largest first
pairs                     300 x [a, b, length, count]. rng =
                          random.Random(20261123); for each pair
                          a, b = rng.sample(sorted_labels, 2). length = shortest
                          path hop count (-1 if there is no path), count = number
                          of distinct shortest paths (0 if there is no path)
two_hop                   for the first 25 sorted labels, {label: number of
                          nodes at distance 1 or 2, not counting the node}
louvain                   {"seed": 42, "modularity", "count"} for
                          nx.community.louvain_communities(G, seed=42)
leiden                    {"modularity", "count"} for igraph
                          community_leiden(objective_function="modularity",
                          n_iterations=-1), called after random.seed(42)
multilevel                same for igraph community_multilevel(), called after
                          random.seed(42)
max_modularity_seen       the largest of the three modularities
All modularities are nx.community.modularity(G, partition) (resolution 1),
rounded to 12 decimals.
"""

import csv
import json
import os
import random
import sys

import igraph
import networkx as nx

NETWORKS = [
    # (name, relative file, format)
    ("caviar", "caviar/edges_derived_directed.csv", "csv"),
    ("siren", "siren/edges_derived.csv", "csv"),
    ("london_gang", "london_gang/edges_derived.csv", "csv"),
    ("montreal_gangs", "montreal_gangs/edges_derived.csv", "csv"),
    ("montagna_meetings", "montagna/Montagna_meetings_edgelist.csv", "tsv"),
    ("montagna_phonecalls", "montagna/Montagna_phonecalls_edgelist.csv", "tsv"),
    ("krebs_911", "krebs_911/terrorists.net", "space"),
]

PAIR_SEED = 20261123
PAIR_COUNT = 300
TWO_HOP_COUNT = 25
COMMUNITY_SEED = 42
BETWEENNESS_DECIMALS = 9
MODULARITY_DECIMALS = 12


def read_raw_edges(path, fmt):
    """Return the list of (u, v) label pairs in the file, as strings."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    text = text.lstrip("\ufeff")
    pairs = []
    if fmt == "csv":
        rows = list(csv.reader(text.splitlines()))
        header = [c.strip().lstrip("\ufeff").lower() for c in rows[0]]
        if header[:2] != ["source", "target"]:
            raise ValueError(f"{path}: unexpected header {rows[0]!r}")
        for row in rows[1:]:
            if not row or all(not c.strip() for c in row):
                continue
            pairs.append((row[0].strip(), row[1].strip()))
    elif fmt in ("tsv", "space"):
        sep = "\t" if fmt == "tsv" else None
        for line in text.splitlines():
            if not line.strip():
                continue
            parts = line.split(sep)
            if len(parts) < 2:
                raise ValueError(f"{path}: bad line {line!r}")
            pairs.append((parts[0].strip(), parts[1].strip()))
    else:
        raise ValueError(fmt)
    return pairs


def build_graph(raw_pairs):
    edges = set()
    for u, v in raw_pairs:
        if u == v:
            continue
        edges.add((u, v) if u < v else (v, u))
    edges = sorted(edges)
    labels = sorted({x for e in edges for x in e})
    G = nx.Graph()
    G.add_nodes_from(labels)
    G.add_edges_from(edges)
    return G, labels, edges


def to_igraph(labels, edges):
    index = {lab: i for i, lab in enumerate(labels)}
    g = igraph.Graph(n=len(labels), edges=[(index[u], index[v]) for u, v in edges],
                     directed=False)
    g.vs["name"] = labels
    return g


def modularity(G, communities):
    return round(nx.community.modularity(G, communities), MODULARITY_DECIMALS)


def clustering_to_sets(clustering, labels):
    groups = {}
    for i, c in enumerate(clustering.membership):
        groups.setdefault(c, set()).add(labels[i])
    return [groups[k] for k in sorted(groups)]


def count_shortest_paths_bfs(G, a, b):
    """Independent BFS path counting, used to cross-check nx.all_shortest_paths."""
    dist = {a: 0}
    sigma = {a: 1}
    frontier = [a]
    while frontier and b not in dist:
        nxt = []
        for u in frontier:
            for w in sorted(G[u]):
                if w not in dist:
                    dist[w] = dist[u] + 1
                    sigma[w] = 0
                    nxt.append(w)
                if dist[w] == dist[u] + 1:
                    sigma[w] += sigma[u]
        frontier = nxt
    if b not in dist:
        return -1, 0
    return dist[b], sigma[b]


def analyse(name, rel, fmt, root):
    G, labels, edges = build_graph(read_raw_edges(os.path.join(root, rel), fmt))
    g = to_igraph(labels, edges)
    assert g.vcount() == G.number_of_nodes() and g.ecount() == G.number_of_edges()

    out = {"name": name, "file": rel, "nodes": G.number_of_nodes(),
           "edges": G.number_of_edges()}
    out["degree"] = {lab: G.degree(lab) for lab in labels}

    bc = nx.betweenness_centrality(G, normalized=False)
    out["betweenness"] = {lab: round(bc[lab], BETWEENNESS_DECIMALS) for lab in labels}
    ibc = g.betweenness(directed=False)
    out["betweenness_igraph_check"] = all(
        abs(ibc[i] - bc[lab]) <= 1e-6 for i, lab in enumerate(labels))

    out["components"] = sorted((len(c) for c in nx.connected_components(G)),
                               reverse=True)

    rng = random.Random(PAIR_SEED)
    pairs = []
    for _ in range(PAIR_COUNT):
        a, b = rng.sample(labels, 2)
        if nx.has_path(G, a, b):
            paths = list(nx.all_shortest_paths(G, a, b))
            length, count = len(paths[0]) - 1, len(paths)
        else:
            length, count = -1, 0
        assert (length, count) == count_shortest_paths_bfs(G, a, b), (a, b)
        pairs.append([a, b, length, count])
    out["pairs"] = pairs

    two_hop = {}
    for lab in labels[:TWO_HOP_COUNT]:
        reach = nx.single_source_shortest_path_length(G, lab, cutoff=2)
        two_hop[lab] = len(reach) - 1
    out["two_hop"] = two_hop

    louv = nx.community.louvain_communities(G, seed=COMMUNITY_SEED)
    out["louvain"] = {"seed": COMMUNITY_SEED, "modularity": modularity(G, louv),
                      "count": len(louv)}

    random.seed(COMMUNITY_SEED)
    leid = g.community_leiden(objective_function="modularity", n_iterations=-1)
    leid_sets = clustering_to_sets(leid, labels)
    out["leiden"] = {"modularity": modularity(G, leid_sets), "count": len(leid_sets)}
    assert abs(g.modularity(leid.membership) - out["leiden"]["modularity"]) < 1e-9

    random.seed(COMMUNITY_SEED)
    ml = g.community_multilevel()
    ml_sets = clustering_to_sets(ml, labels)
    out["multilevel"] = {"modularity": modularity(G, ml_sets), "count": len(ml_sets)}
    assert abs(g.modularity(ml.membership) - out["multilevel"]["modularity"]) < 1e-9

    out["max_modularity_seen"] = max(out["louvain"]["modularity"],
                                     out["leiden"]["modularity"],
                                     out["multilevel"]["modularity"])
    return out


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    root, outdir = argv[1], argv[2]
    os.makedirs(outdir, exist_ok=True)
    for name, rel, fmt in NETWORKS:
        result = analyse(name, rel, fmt, root)
        path = os.path.join(outdir, name + ".json")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(result, fh, sort_keys=True, indent=1, ensure_ascii=False)
            fh.write("\n")
        print(f"{name}: {result['nodes']} nodes, {result['edges']} edges, "
              f"components {result['components'][:5]}"
              f"{'...' if len(result['components']) > 5 else ''}, "
              f"igraph betweenness agrees: {result['betweenness_igraph_check']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
