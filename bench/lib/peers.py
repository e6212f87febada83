#!/usr/bin/env python3
"""networkx / igraph on the same generated graph as bench/worker.ts (called by bench/run.ts).

    python3 bench/lib/peers.py EDGE_FILE N SMALL_LIMIT [LIBRARIES]

EDGE_FILE has one "from to strength" line per relationship (actor numbers). Prints one JSON record
per line, like the Node worker. LIBRARIES (default "networkx,igraph") picks which to run: bench/run.ts
runs each with the first interpreter that can import it (pyenv's python3 may have networkx and
Debian's /usr/bin/python3 igraph). Libraries that cannot be imported are reported as such.
"""
import json
import re
import statistics
import sys
import time


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def rss_mb(field):
    try:
        with open("/proc/self/status") as f:
            m = re.search(field + r":\s+(\d+) kB", f.read())
            return int(m.group(1)) / 1024 if m else None
    except OSError:
        return None


def emit(row):
    sys.stdout.write(json.dumps(row) + "\n")
    sys.stdout.flush()


def run(measure, impl, size, fn, note=None):
    times, walls, peak, extra, planned, i = [], [], 0.0, 0.0, 1, 0
    try:
        while i < planned:
            reset_peak()
            held = rss_mb("VmRSS") or 0
            t0, c0 = time.perf_counter(), time.process_time()
            x = fn()
            dt = (time.process_time() - c0) * 1000  # CPU time, as the Node worker
            walls.append((time.perf_counter() - t0) * 1000)
            p = rss_mb("VmHWM") or 0
            peak, extra = max(peak, p), max(extra, p - held)
            del x
            times.append(dt)
            if i == 0:
                planned = 5 if dt < 1000 else 3 if dt < 10000 else 1
            i += 1
    except Exception as e:  # report and go on
        emit({"measure": measure, "size": size, "implementation": impl, "medianMs": None, "peakMB": None, "note": f"failed: {e}"[:160]})
        return
    row = {"measure": measure, "size": size, "implementation": impl, "medianMs": statistics.median(times), "wallMs": statistics.median(walls), "peakMB": peak, "extraMB": extra, "runs": len(times)}
    if note:
        row["note"] = note
    emit(row)


def read_edges(path):
    edges = []
    with open(path) as f:
        for line in f:
            a, b, w = line.split()
            edges.append((int(a), int(b), int(w)))
    return edges


def with_networkx(path, n, small):
    import networkx as nx

    def build():
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        G.add_weighted_edges_from(read_edges(path))
        return G

    run("build model", "networkx", n, build, "read edge list + DiGraph")
    G = build()
    run("degree", "networkx", n, lambda: nx.degree_centrality(G))
    run("pagerank", "networkx", n, lambda: nx.pagerank(G, alpha=0.85, tol=1e-6 / n, weight=None), "tol 1e-6/n (L1 < 1e-6)")
    run("eigenvector", "networkx", n, lambda: nx.eigenvector_centrality(G, tol=1e-6 / n, max_iter=1000), "tol 1e-6/n")
    if n <= 1000:  # networkx needs 320 s for exact betweenness at 10k (baseline)
        run("betweenness (exact)", "networkx", n, lambda: nx.betweenness_centrality(G))
        run("betweenness (exact, weighted)", "networkx", n, lambda: nx.betweenness_centrality(G, weight="weight"))
        run("closeness (exact)", "networkx", n, lambda: nx.closeness_centrality(G))
    run("weak components", "networkx", n, lambda: list(nx.weakly_connected_components(G)))
    run("strong components", "networkx", n, lambda: list(nx.strongly_connected_components(G)))
    run("BFS (single source)", "networkx", n, lambda: nx.single_source_shortest_path_length(G, 0))
    run("Dijkstra (single source)", "networkx", n, lambda: nx.single_source_dijkstra_path_length(G, 0, weight="weight"))


def with_igraph(path, n, small):
    import igraph as ig

    def build():
        e = read_edges(path)
        g = ig.Graph(n=n, edges=[(a, b) for a, b, _ in e], directed=True)
        g.es["weight"] = [w for _, _, w in e]
        return g

    run("build model", "igraph", n, build, "read edge list + Graph")
    g = build()
    run("pagerank", "igraph", n, lambda: g.pagerank(), "PRPACK")
    run("eigenvector", "igraph", n, lambda: g.eigenvector_centrality(directed=True))
    if n <= small:
        run("betweenness (exact)", "igraph", n, lambda: g.betweenness())
        run("betweenness (exact, weighted)", "igraph", n, lambda: g.betweenness(weights="weight"))
        run("closeness (exact)", "igraph", n, lambda: g.closeness(mode="in"))
    run("weak components", "igraph", n, lambda: g.connected_components(mode="weak"))
    run("strong components", "igraph", n, lambda: g.connected_components(mode="strong"))
    run("BFS (single source)", "igraph", n, lambda: g.distances(source=0, mode="out"))
    run("Dijkstra (single source)", "igraph", n, lambda: g.distances(source=0, weights="weight", mode="out"))
    if n <= small:
        # Multilevel (Louvain) needs an undirected graph: parallel pairs merged, weights summed.
        u = g.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
        run("Louvain", "igraph", n, lambda: u.community_multilevel(weights="weight"), "community_multilevel on the undirected collapse")


def main():
    path, n, small = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    wanted = sys.argv[4].split(",") if len(sys.argv) > 4 else ["networkx", "igraph"]
    for name, fn in (("networkx", with_networkx), ("igraph", with_igraph)):
        if name not in wanted:
            continue
        try:
            __import__(name)
        except ImportError:
            emit({"measure": "availability", "size": n, "implementation": name, "medianMs": None, "peakMB": None, "note": f"python3 module {name} not importable: skipped"})
            continue
        fn(path, n, small)


if __name__ == "__main__":
    main()
