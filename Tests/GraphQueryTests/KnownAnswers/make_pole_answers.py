#!/usr/bin/env python3
"""Known answers for the query engine on the POLE data set (../shared/peers/pole).

Builds the graph a POLE import should give with Tests/GraphStoreTests/KnownAnswers/
pole_counts.py (the import mapping restated without cegraph's code), as an undirected
simple graph over cegraph's ids (`neo4j:LABEL:ID`), and computes with NetworkX 3.6.1 and
igraph 1.0.0:

- the whole graph: entity and tie counts, component sizes, the 25 highest degrees, and
  300 pairs of persons with their shortest-path length and number of shortest paths;
- the persons' network (adults and children, the links between them): betweenness
  (unnormalised, each pair once) for every person, and the modularity of NetworkX
  Louvain (seed 42) and igraph Leiden.

    python3 -m venv v && v/bin/pip install networkx==3.6.1 igraph==1.0.0
    v/bin/python make_pole_answers.py /path/to/shared/peers/pole > pole.json
"""
import json
import os
import random
import sys

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "GraphStoreTests", "KnownAnswers"))
import pole_counts  # noqa: E402
from make_known_answers import count_shortest_paths_bfs  # noqa: E402


def main():
    built = pole_counts.build(sys.argv[1])
    labels = built["labels"]
    ident = {node: f"neo4j:{labels[node]}:{node}" for node in built["entities"]}
    kinds = {ident[node]: kind for node, kind in built["entities"].items()}
    whole = nx.Graph()
    whole.add_nodes_from(sorted(kinds))
    for a, b, _ in sorted(built["links"]):
        whole.add_edge(ident[a], ident[b])

    persons = sorted(node for node, kind in kinds.items() if kind in ("adult", "child"))
    # Built in sorted order, not with subgraph(): its node order follows a set's, which
    # changes with Python's string hashing, and Louvain's result depends on the order.
    social = nx.Graph()
    social.add_nodes_from(persons)
    social.add_edges_from(sorted((a, b) for a, b in whole.edges if kinds[a] in ("adult", "child")
                                 and kinds[b] in ("adult", "child")))
    degrees = sorted(whole.degree, key=lambda item: (-item[1], item[0]))[:25]
    rng = random.Random(20261123)
    pairs = []
    for _ in range(300):
        a, b = rng.sample(persons, 2)
        length, count = count_shortest_paths_bfs(whole, a, b)
        pairs.append([a, b, length, count])

    betweenness = nx.betweenness_centrality(social, normalized=False)
    ordered = sorted(social.nodes)
    ig = igraph.Graph(n=len(ordered), edges=[(ordered.index(a), ordered.index(b)) for a, b in social.edges])
    ig_betweenness = ig.betweenness(directed=False)
    assert all(abs(ig_betweenness[i] - betweenness[node]) < 1e-6 for i, node in enumerate(ordered))
    louvain = nx.community.louvain_communities(social, seed=42)
    random.seed(42)
    leiden = ig.community_leiden(objective_function="modularity", n_iterations=-1)

    print(json.dumps({
        "nodes": whole.number_of_nodes(),
        "edges": whole.number_of_edges(),
        "components": sorted((len(c) for c in nx.connected_components(whole)), reverse=True),
        "top_degrees": [[node, degree] for node, degree in degrees],
        "pairs": pairs,
        "persons": {
            "nodes": social.number_of_nodes(),
            "edges": social.number_of_edges(),
            "betweenness": {node: round(value, 9) for node, value in sorted(betweenness.items())},
            "louvain_modularity": round(nx.community.modularity(social, louvain), 12),
            "leiden_modularity": round(leiden.modularity, 12),
        },
    }, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
