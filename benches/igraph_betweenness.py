#!/usr/bin/env python3
"""igraph's betweenness on a PartnerMap map, against `partnermap stats` on the same map.

design.md §10: on the stress map, `partnermap stats` (open the file and compute every
indicator, betweenness included) must take at most half the time igraph, the C library
researchers use, takes for betweenness alone on the same graph on the same machine.

The script runs `partnermap stats MAP --json`, builds the simple graph (one link per pair of
actors with at least one partnership, isolated actors included) in python-igraph, times
`Graph.betweenness()`, checks that igraph's values, normalised as networkx does, agree with
ours, then times `partnermap stats MAP` end to end and prints the ratio.

    pip install igraph
    cargo build --release
    target/release/partnermap generate --actors 10000 --partnerships 30000 --seed 1 -o stress.ron
    python3 benches/igraph_betweenness.py stress.ron [--bin target/release/partnermap] [--runs 3]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time

import igraph


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", help="a .ron map, e.g. the stress map")
    parser.add_argument("--bin", default="target/release/partnermap")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each side")
    args = parser.parse_args()

    out = subprocess.run(
        [args.bin, "stats", args.map, "--json"], check=True, capture_output=True, text=True
    )
    stats = json.loads(out.stdout)
    ids = [a["id"] for a in stats["actors"]]
    index = {a: i for i, a in enumerate(ids)}
    pairs = {
        tuple(sorted((index[p["a"]], index[p["b"]]))) for p in stats["partnerships"]
    }
    g = igraph.Graph(n=len(ids), edges=sorted(pairs))
    n = g.vcount()
    print(f"{args.map}: {n} actors, {g.ecount()} pairs, igraph {igraph.__version__}")

    igraph_secs = []
    for _ in range(args.runs):
        start = time.perf_counter()
        raw = g.betweenness(directed=False)
        igraph_secs.append(time.perf_counter() - start)

    # igraph counts each unordered pair once; networkx normalises by (n − 1)(n − 2) / 2.
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    ours = [a["betweenness"] for a in stats["actors"]]
    worst = max((abs(r * scale - o) for r, o in zip(raw, ours)), default=0.0)
    top = sorted(range(n), key=lambda i: -raw[i])[:3]
    for i in top:
        print(
            f"  actor {ids[i]}: igraph {raw[i] * scale:.12f}  partnermap {ours[i]:.12f}"
        )
    print(f"  largest difference over all {n} actors: {worst:.2e}")

    stats_secs = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(
            [args.bin, "stats", args.map], check=True, stdout=subprocess.DEVNULL
        )
        stats_secs.append(time.perf_counter() - start)

    ig, pm = statistics.median(igraph_secs), statistics.median(stats_secs)
    print(f"igraph betweenness: {ig:.3f} s (median of {args.runs}: {igraph_secs})")
    print(f"partnermap stats:   {pm:.3f} s (median of {args.runs}: {stats_secs})")
    print(f"ratio stats / igraph = {pm / ig:.2f} (budget 0.50)")
    if worst > 1e-9:
        print("igraph and partnermap disagree", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
