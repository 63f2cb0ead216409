#!/usr/bin/env python3
"""How close `partnermap stats`'s estimated betweenness is to igraph's exact values.

On maps whose actors × pairs pass 2·10⁹, PartnerMap estimates betweenness from 2,000 sources
sampled with a fixed seed (src/analysis/betweenness.rs). This script runs `partnermap stats
MAP --json` on such a map, computes the exact values with igraph (normalised as networkx
does), and prints how far the estimate is: for the actors of highest exact betweenness, the
mean and largest relative error and how many of them the estimate also ranks highest.

    pip install igraph
    target/release/partnermap generate --actors 30000 --partnerships 90000 --seed 1 -o big.ron
    python3 benches/betweenness_estimate.py big.ron [--bin target/release/partnermap]
"""

import argparse
import json
import statistics
import subprocess

import igraph


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", help="a .ron map past the exact cost, e.g. 30,000 / 90,000")
    parser.add_argument("--bin", default="target/release/partnermap")
    args = parser.parse_args()

    out = subprocess.run(
        [args.bin, "stats", args.map, "--json"], check=True, capture_output=True, text=True
    )
    stats = json.loads(out.stdout)
    print(f"betweenness_method: {stats['network']['betweenness_method']}")
    ids = [a["id"] for a in stats["actors"]]
    index = {a: i for i, a in enumerate(ids)}
    pairs = {
        tuple(sorted((index[p["a"]], index[p["b"]]))) for p in stats["partnerships"]
    }
    g = igraph.Graph(n=len(ids), edges=sorted(pairs))
    n = g.vcount()
    print(f"{args.map}: {n} actors, {g.ecount()} pairs")
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    exact = [v * scale for v in g.betweenness(directed=False)]
    estimate = [a["betweenness"] for a in stats["actors"]]

    by_exact = sorted(range(n), key=lambda i: -exact[i])
    by_estimate = sorted(range(n), key=lambda i: -estimate[i])
    for top in (10, 100, 1000):
        errors = [abs(estimate[i] - exact[i]) / exact[i] for i in by_exact[:top]]
        shared = len(set(by_exact[:top]) & set(by_estimate[:top]))
        print(
            f"top {top:>4} by exact value: relative error mean {statistics.mean(errors):.1%},"
            f" median {statistics.median(errors):.1%}, largest {max(errors):.1%};"
            f" {shared} of them also in the estimate's top {top}"
        )
    total = sum(exact)
    print(f"sum over all actors: estimate / exact = {sum(estimate) / total:.4f}")


if __name__ == "__main__":
    main()
