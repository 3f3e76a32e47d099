#!/usr/bin/env python3
"""The comparison's grouping query of `compare --engine datafusion` (src/shard/datafusion.rs),
run by DuckDB over the same Parquet shards (docs/scale-out.md).

    python3 bench/duckdb_groups.py SHARD_DIR [RULES_DIR]

The class tables are built from the rules' `[lexicon.*.parents]` as crosscheck builds them
(objects a parent links are one class, named by its least id; the bundled rules set no
`measured_by`, so `kind_classes` is empty). Prints the candidate groups and the claims that
share a sentence.
"""

import glob
import os
import sys
import tomllib

KEYED = """SELECT c.id, c.evidence['sentence'] AS sentence, c.region,
    coalesce(k.class, c.kind) AS kind_class, coalesce(o.class, c.object) AS object_class
FROM claims c
LEFT JOIN kind_classes k ON c.kind = k.name
LEFT JOIN object_classes o ON c.object = o.name"""

GROUPS = """SELECT region, kind_class, object_class, array_agg(DISTINCT id) AS ids
FROM keyed GROUP BY region, kind_class, object_class HAVING count(DISTINCT id) >= 2"""

SENTENCES = """SELECT array_agg(DISTINCT id) AS ids
FROM keyed GROUP BY sentence HAVING count(DISTINCT id) >= 2"""


def classes(pairs):
    """Each name of the pairs mapped to the least name of the names they join."""
    parent = {}

    def root(name):
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    for left, right in pairs:
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {name: root(name) for name in parent}


def object_classes(rules):
    """The object classes of the rules directory `rules` (bench/spark_groups.py reads them too)."""
    pairs = []
    for path in sorted(glob.glob(os.path.join(rules, "*.toml"))):
        with open(path, "rb") as file:
            document = tomllib.load(file)
        for lexicon in document.get("lexicon", {}).values():
            pairs.extend(lexicon.get("parents", {}).items())
    return classes(pairs)


def main():
    directory = sys.argv[1]
    rules = sys.argv[2] if len(sys.argv) > 2 else "rules"
    objects = object_classes(rules)
    import duckdb  # here, so that bench/spark_groups.py can use `object_classes` without DuckDB

    db = duckdb.connect()
    db.execute(f"CREATE VIEW claims AS SELECT * FROM read_parquet('{directory}/claims-*.parquet')")
    db.execute("CREATE TABLE kind_classes (name VARCHAR, class VARCHAR)")
    db.execute("CREATE TABLE object_classes (name VARCHAR, class VARCHAR)")
    db.executemany("INSERT INTO object_classes VALUES (?, ?)", sorted(objects.items()))
    db.execute(f"CREATE VIEW keyed AS {KEYED}")
    print(db.sql(f"SELECT region, kind_class, object_class, len(ids) AS claims FROM ({GROUPS}) "
                 "ORDER BY claims DESC, kind_class, object_class, region"))
    print(db.sql(f"SELECT count(*) AS sentences_shared, sum(len(ids)) AS claims FROM ({SENTENCES})"))


if __name__ == "__main__":
    main()
