#!/usr/bin/env python3
"""Synthetic claims for the shard benchmarks (docs/scale-out.md): N claims as JSON Lines, made
from the claims of examples/ (a JSON Lines file `crosscheck extract examples/ -f jsonl` wrote).

    python3 bench/synthetic_claims.py EXAMPLES.jsonl N OUT.jsonl [--articles-per-region 10]

Synthetic article k holds one copy of every example claim, under the path
`synthetic/k.md`, with a unique id, its sentence marked with k (so copies are near-identical,
not identical), and its region set to one of N / (claims per article * 10) regions: each region
holds the claims of 10 articles, which agree, conflict and share wording as the examples do.
"""

import json
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    source, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    per_region = 10
    if "--articles-per-region" in sys.argv:
        per_region = int(sys.argv[sys.argv.index("--articles-per-region") + 1])
    with open(source, encoding="utf-8") as lines:
        claims = [json.loads(line) for line in lines if line.strip()]
    per_article = len(claims)
    articles = max(1, count // per_article)
    regions = max(1, articles // per_region)
    written = 0
    with open(out, "w", encoding="utf-8") as sink:
        for article in range(articles + 1):
            region = article % regions
            for number, claim in enumerate(claims):
                if written == count:
                    return
                copy = dict(claim)
                copy["evidence"] = dict(claim["evidence"])
                copy["scope"] = dict(claim["scope"])
                copy["id"] = f"{article:09x}{number:04x}"
                copy["evidence"]["path"] = f"synthetic/{article:07}.md"
                copy["evidence"]["sentence"] += f" [{article}]"
                copy["scope"]["region"] = f"{copy['scope']['region'] or 'world'}-{region}"
                sink.write(json.dumps(copy, separators=(",", ":"), ensure_ascii=False))
                sink.write("\n")
                written += 1


if __name__ == "__main__":
    main()
