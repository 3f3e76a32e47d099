#!/usr/bin/env python3
"""The comparison's grouping query of `compare --engine datafusion` (src/shard/datafusion.rs),
run by Spark SQL (PySpark, local mode) over the same Parquet shards (docs/scale-out.md).

    python3 bench/spark_groups.py SHARD_DIR [RULES_DIR]

The class tables come from the rules as in bench/duckdb_groups.py. Spark spells the struct
field `c.evidence.sentence` and `array_agg(DISTINCT id)` as `collect_set(id)`; on a cluster only
the path changes (`s3a://bucket/shards/`). Prints the same two tables as the DuckDB script.
"""

import os
import sys

from pyspark.sql import SparkSession

from duckdb_groups import object_classes

KEYED = """SELECT c.id, c.evidence.sentence AS sentence, c.region,
    coalesce(k.class, c.kind) AS kind_class, coalesce(o.class, c.object) AS object_class
FROM claims c
LEFT JOIN kind_classes k ON c.kind = k.name
LEFT JOIN object_classes o ON c.object = o.name"""

GROUPS = """SELECT region, kind_class, object_class, collect_set(id) AS ids
FROM keyed GROUP BY region, kind_class, object_class HAVING count(DISTINCT id) >= 2"""

SENTENCES = """SELECT collect_set(id) AS ids
FROM keyed GROUP BY sentence HAVING count(DISTINCT id) >= 2"""


def main():
    directory = sys.argv[1]
    rules = sys.argv[2] if len(sys.argv) > 2 else "rules"
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("crosscheck-groups")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark.read.parquet(os.path.join(directory, "claims-*.parquet")).createOrReplaceTempView("claims")
    schema = "name string, class string"
    spark.createDataFrame([], schema).createOrReplaceTempView("kind_classes")
    spark.createDataFrame(sorted(object_classes(rules).items()), schema).createOrReplaceTempView("object_classes")
    spark.sql(KEYED).createOrReplaceTempView("keyed")
    spark.sql(f"SELECT region, kind_class, object_class, size(ids) AS claims FROM ({GROUPS}) "
              "ORDER BY claims DESC, kind_class, object_class, region").show(truncate=False)
    spark.sql(f"SELECT count(*) AS sentences_shared, sum(size(ids)) AS claims FROM ({SENTENCES})").show()
    print(f"Spark {spark.version}")
    spark.stop()


if __name__ == "__main__":
    main()
