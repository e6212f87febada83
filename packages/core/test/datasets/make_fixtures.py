#!/usr/bin/env python3
"""Expected centrality values for packages/core/test/metrics, computed with networkx.

Regenerate (from the repository root):

    python3 packages/core/test/datasets/make_fixtures.py > packages/core/test/datasets/networkx-fixtures.json

Each graph lists its nodes and edges (with a weight "w" where weighted) and a list of cases:
the powermap `centrality` options, the networkx call that produced the values, and the values.
Iterative measures are solved to a much tighter tolerance than networkx's default (stated per
case), so the committed values are the converged ones and tests compare within 1e-6.
"""
import json
import random
import sys

import networkx as nx

TIGHT = dict(tol=1e-13, max_iter=100000)


def cases_for(G, weighted_attr=None):
    """The standard battery of cases; networkx `weight=` is a path length for betweenness/closeness."""
    directed = G.is_directed()
    direction = "directed" if directed else "undirected"
    base = {"direction": direction}
    out = []

    def add(measure, opts, call, values):
        out.append({"measure": measure, "options": {**base, **opts}, "networkx": call, "expected": {str(k): float(v) for k, v in values.items()}})

    add("degree", {}, "degree_centrality(G)", nx.degree_centrality(G))
    if directed:
        add("indegree", {}, "in_degree_centrality(G)", nx.in_degree_centrality(G))
        add("outdegree", {}, "out_degree_centrality(G)", nx.out_degree_centrality(G))
    add("betweenness", {}, "betweenness_centrality(G)", nx.betweenness_centrality(G))
    add("betweenness", {"normalized": False}, "betweenness_centrality(G, normalized=False)", nx.betweenness_centrality(G, normalized=False))
    add("closeness", {}, "closeness_centrality(G)", nx.closeness_centrality(G))
    add("closeness", {"wfImproved": False}, "closeness_centrality(G, wf_improved=False)", nx.closeness_centrality(G, wf_improved=False))
    add("pagerank", {}, "pagerank(G, alpha=0.85, tol=1e-13)", nx.pagerank(G, alpha=0.85, weight=None, **TIGHT))
    add("pagerank", {"alpha": 0.7}, "pagerank(G, alpha=0.7, tol=1e-13)", nx.pagerank(G, alpha=0.7, weight=None, **TIGHT))
    nodes = list(G.nodes())
    pers = {nodes[0]: 1, nodes[len(nodes) // 2]: 3}
    add("pagerank", {"personalization": {str(k): v for k, v in pers.items()}}, f"pagerank(G, personalization={pers}, tol=1e-13)",
        nx.pagerank(G, personalization=pers, weight=None, **TIGHT))
    try:
        add("eigenvector", {}, "eigenvector_centrality(G, tol=1e-13)", nx.eigenvector_centrality(G, **TIGHT))
    except nx.PowerIterationFailedConvergence:
        pass
    if weighted_attr:
        W = {"weighted": True, "weightAttr": weighted_attr}
        add("degree", W, f"degree(weight='{weighted_attr}') / (n-1)",
            {k: d / (len(G) - 1) for k, d in G.degree(weight=weighted_attr)})
        add("betweenness", {**W, "distance": "weight"}, f"betweenness_centrality(G, weight='{weighted_attr}')",
            nx.betweenness_centrality(G, weight=weighted_attr))
        add("closeness", {**W, "distance": "weight"}, f"closeness_centrality(G, distance='{weighted_attr}')",
            nx.closeness_centrality(G, distance=weighted_attr))
        # Our default reading of weights for path measures: length = 1 / weight. Lengths 1/w are not
        # exact in floating point (1/3 + 2/3 vs 1/2 + 1/2), and networkx counts equal-length paths
        # only on exact float equality; integer lengths 420/w (420 = lcm(1..7)) keep every tie exact.
        # Betweenness is invariant under that scaling; closeness scales by 1/420.
        H = G.copy()
        for _, _, d in H.edges(data=True):
            d["inv"] = 420 // d[weighted_attr]
            assert 420 % d[weighted_attr] == 0
        add("betweenness", W, f"betweenness_centrality(G, weight=420/'{weighted_attr}')", nx.betweenness_centrality(H, weight="inv"))
        add("closeness", W, f"420 * closeness_centrality(G, distance=420/'{weighted_attr}')",
            {k: 420 * v for k, v in nx.closeness_centrality(H, distance="inv").items()})
        add("pagerank", W, f"pagerank(G, weight='{weighted_attr}', tol=1e-13)", nx.pagerank(G, weight=weighted_attr, **TIGHT))
        try:
            add("eigenvector", W, f"eigenvector_centrality(G, weight='{weighted_attr}', tol=1e-13)",
                nx.eigenvector_centrality(G, weight=weighted_attr, **TIGHT))
        except nx.PowerIterationFailedConvergence:
            pass
    return out


def dump(name, G, weighted_attr=None, note=""):
    edges = []
    for u, v, d in G.edges(data=True):
        e = [str(u), str(v)]
        if weighted_attr:
            e.append(d[weighted_attr])
        edges.append(e)
    return {
        "name": name,
        "note": note,
        "directed": G.is_directed(),
        "nodes": [str(n) for n in G.nodes()],
        "edges": edges,
        "cases": cases_for(G, weighted_attr),
    }


def small_directed():
    """A seeded random directed graph with integer weights 1..5, a dangling node and an isolate."""
    rng = random.Random(20240601)
    G = nx.gnp_random_graph(24, 0.12, seed=7, directed=True)
    for u, v in G.edges():
        G[u][v]["w"] = rng.randint(1, 5)
    G.add_edge(3, 24, w=2)  # 24 is dangling (no out-edges)
    G.add_node(25)  # isolate
    return G


def multi_directed():
    """Parallel relationships and a self-loop: degree/PageRank add them up, paths take the shortest."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(8))
    for u, v, w in [(0, 1, 2), (0, 1, 1), (1, 2, 1), (2, 0, 3), (2, 3, 1), (3, 4, 2), (4, 2, 1), (4, 5, 1), (5, 6, 4),
                    (6, 5, 1), (5, 5, 2), (6, 7, 1), (7, 0, 5), (3, 4, 1), (1, 6, 2)]:
        G.add_edge(u, v, w=w)
    return G


def multi_cases(G):
    base = {"direction": "directed"}
    W = {"weighted": True, "weightAttr": "w"}
    c = []

    def add(measure, opts, call, values):
        c.append({"measure": measure, "options": {**base, **opts}, "networkx": call, "expected": {str(k): float(v) for k, v in values.items()}})

    add("degree", {}, "degree_centrality(G)", nx.degree_centrality(G))
    add("indegree", {}, "in_degree_centrality(G)", nx.in_degree_centrality(G))
    add("betweenness", {}, "betweenness_centrality(G)", nx.betweenness_centrality(G))
    add("betweenness", {**W, "distance": "weight"}, "betweenness_centrality(G, weight='w')", nx.betweenness_centrality(G, weight="w"))
    add("closeness", {}, "closeness_centrality(G)", nx.closeness_centrality(G))
    add("closeness", {**W, "distance": "weight"}, "closeness_centrality(G, distance='w')", nx.closeness_centrality(G, distance="w"))
    add("pagerank", {}, "pagerank(G, tol=1e-13)", nx.pagerank(G, weight=None, **TIGHT))
    add("pagerank", W, "pagerank(G, weight='w', tol=1e-13)", nx.pagerank(G, weight="w", **TIGHT))
    return c


def main():
    karate = nx.karate_club_graph()  # edges carry "weight" (number of interactions)
    florentine = nx.florentine_families_graph()
    sd = small_directed()
    md = multi_directed()
    mdump = {
        "name": "multi-directed",
        "note": "MultiDiGraph with parallel edges and a self-loop",
        "directed": True,
        "nodes": [str(n) for n in md.nodes()],
        "edges": [[str(u), str(v), d["w"]] for u, v, d in md.edges(data=True)],
        "cases": multi_cases(md),
    }
    out = {
        "generator": "packages/core/test/datasets/make_fixtures.py",
        "command": "python3 packages/core/test/datasets/make_fixtures.py > packages/core/test/datasets/networkx-fixtures.json",
        "networkx": nx.__version__,
        "graphs": [
            dump("karate", karate, "weight", "Zachary's karate club, networkx karate_club_graph()"),
            dump("florentine", florentine, None, "Padgett's Florentine families, networkx florentine_families_graph()"),
            dump("small-directed", sd, "w", "gnp_random_graph(24, 0.12, seed=7, directed=True) + weights 1..5 (seed 20240601) + dangling 24 + isolate 25"),
            mdump,
        ],
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
