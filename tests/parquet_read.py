#!/usr/bin/env python3
"""Reads crosscheck's Parquet claim shards with pyarrow and with DuckDB, and checks them
against the JSON Lines claims of the same articles.

    python3 tests/parquet_read.py SHARD_DIR CLAIMS.jsonl

Checks: the schema version in every shard's metadata, the row count (pyarrow and DuckDB), and
every field of the first row against the first JSON claim. Exits 0 when all hold, 1 when one
does not, and 77 when neither pyarrow nor duckdb is installed (`tests/it/parquet.rs` fails on
that under CI=true).
"""

import glob
import json
import os
import sys


def fail(message):
    print(f"parquet_read.py: {message}", file=sys.stderr)
    sys.exit(1)


def expected_row(claim):
    """The shard row of a JSON claim, as docs/claims-parquet.md describes it."""
    subject = claim.get("subject")
    obj = claim.get("object")
    value = dict(claim["value"])
    kind = value.pop("type")
    shaped = {"type": kind}
    if kind in ("quantity", "rank", "order", "change"):
        shaped[kind] = value
    elif kind == "stance":
        shaped["stance"] = value["stance"]
    elif kind == "category":
        shaped["label"] = value["label"]
    row = {
        "kind": claim["kind"],
        "subject": subject["id"] if subject else None,
        "object": obj["id"] if obj else None,
        "region": claim["scope"]["region"],
        "year": claim["scope"]["year"],
        "id": claim["id"],
        "rule": claim["rule"],
        "value": shaped,
        "modality": claim["modality"],
        "evidence": claim["evidence"],
        "subject_entity": {k: v for k, v in subject.items() if k != "id"} if subject else None,
        "object_entity": {k: v for k, v in obj.items() if k != "id"} if obj else None,
    }
    for key, value in claim.items():
        if key not in ("subject", "object", "scope", "value") and key not in row:
            row[key] = value
    return row


def same(expected, actual, path):
    """`expected` (JSON) within `actual` (a row): every key JSON has, with its value; keys
    only the row has must be null."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            fail(f"{path}: expected a struct, found {actual!r}")
        for key, value in expected.items():
            same(value, actual.get(key), f"{path}.{key}")
        for key, value in actual.items():
            if key not in expected and value not in (None, []):
                fail(f"{path}.{key}: {value!r} where the JSON claim has nothing")
    elif isinstance(expected, float) or isinstance(actual, float):
        if expected is None or actual is None or float(expected) != float(actual):
            fail(f"{path}: expected {expected!r}, found {actual!r}")
    elif expected != actual:
        fail(f"{path}: expected {expected!r}, found {actual!r}")


def main():
    if len(sys.argv) != 3:
        fail("usage: parquet_read.py SHARD_DIR CLAIMS.jsonl")
    directory, jsonl = sys.argv[1], sys.argv[2]
    try:
        import pyarrow.parquet as pq
    except ImportError:
        pq = None
    try:
        import duckdb
    except ImportError:
        duckdb = None
    if pq is None and duckdb is None:
        print("parquet_read.py: neither pyarrow nor duckdb is installed", file=sys.stderr)
        sys.exit(77)
    with open(jsonl, encoding="utf-8") as lines:
        claims = [json.loads(line) for line in lines if line.strip()]
    shards = sorted(glob.glob(os.path.join(directory, "claims-*.parquet")))
    if not shards:
        fail(f"{directory}: no claims-*.parquet")
    checked = []
    if pq is not None:
        rows = 0
        for shard in shards:
            metadata = pq.read_metadata(shard).metadata or {}
            if metadata.get(b"crosscheck.schema") != b"claims/1":
                fail(f"{shard}: crosscheck.schema is {metadata.get(b'crosscheck.schema')!r}")
            rows += pq.read_metadata(shard).num_rows
        if rows != len(claims):
            fail(f"pyarrow: {rows} rows, {len(claims)} JSON claims")
        table = pq.read_table(shards[0])
        names = table.column_names
        if names[:5] != ["kind", "subject", "object", "region", "year"]:
            fail(f"the key columns are not first: {names[:5]}")
        same(expected_row(claims[0]), table.slice(0, 1).to_pylist()[0], "row 1")
        checked.append("pyarrow")
    if duckdb is not None:
        pattern = os.path.join(directory, "claims-*.parquet")
        connection = duckdb.connect()
        (rows,) = connection.execute("SELECT count(*) FROM read_parquet(?)", [pattern]).fetchone()
        if rows != len(claims):
            fail(f"duckdb: {rows} rows, {len(claims)} JSON claims")
        first = claims[0]
        found = connection.execute(
            "SELECT kind, subject, id, evidence.path, evidence.line, value.type, modality.polarity "
            "FROM read_parquet(?) WHERE id = ?",
            [pattern, first["id"]],
        ).fetchone()
        wanted = (
            first["kind"],
            first["subject"]["id"] if first.get("subject") else None,
            first["id"],
            first["evidence"]["path"],
            first["evidence"]["line"],
            first["value"]["type"],
            first["modality"]["polarity"],
        )
        if found != wanted:
            fail(f"duckdb: first claim reads {found}, expected {wanted}")
        checked.append("duckdb")
    print(f"{len(claims)} claims in {len(shards)} shards read back by {' and '.join(checked)}")


if __name__ == "__main__":
    main()
