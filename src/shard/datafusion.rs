//! `compare --engine datafusion`: the comparison's groups formed by `DataFusion` SQL over the
//! Parquet shards (feature `datafusion`).
//!
//! The shards are registered as the table `claims`, and the policy's kind and object classes
//! ([`super::groups::Classes`]) as two small tables, `kind_classes` and `object_classes`
//! (`name`, `class`). [`KEYED`] gives each claim its group key (region, kind class, object
//! class); [`GROUPS`] groups by it and keeps the candidates, keys with two claims or more;
//! [`SENTENCES`] (when the policy checks shared wording) groups claims by sentence the same
//! way. The claims of each group, joined where a sentence links two groups, are then handed to
//! the comparator apart ([`super::groups::compare_groups`]). The same SQL runs in `DuckDB`
//! (which spells the struct field `c.evidence['sentence']`), and in Spark or Ballista with
//! their own table registration (docs/scale-out.md).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use datafusion::datasource::MemTable;
use datafusion::prelude::{ParquetReadOptions, SessionConfig, SessionContext};

use super::groups::{Classes, UnionFind};
use crate::claim::Claim;
use crate::finding::Policy;

/// Each claim's group key: its region, kind class and object class.
pub const KEYED: &str = "SELECT c.id, get_field(c.evidence, 'sentence') AS sentence, c.region, \
    coalesce(k.class, c.kind) AS kind_class, coalesce(o.class, c.object) AS object_class \
    FROM claims c \
    LEFT JOIN kind_classes k ON c.kind = k.name \
    LEFT JOIN object_classes o ON c.object = o.name";

/// The candidate groups: keys with two claims or more, each with its claims' ids.
pub const GROUPS: &str = "SELECT region, kind_class, object_class, array_agg(DISTINCT id) AS ids \
    FROM keyed GROUP BY region, kind_class, object_class HAVING count(DISTINCT id) >= 2";

/// Claims that share a sentence (their groups are compared as one when the policy checks
/// shared wording).
pub const SENTENCES: &str = "SELECT array_agg(DISTINCT id) AS ids \
    FROM keyed GROUP BY sentence HAVING count(DISTINCT id) >= 2";

/// The groups of `claims` (indices, each ascending) that `DataFusion` forms over the shards
/// `files` (which hold those claims) under `policy`.
pub fn groups(files: &[PathBuf], claims: &[Claim], policy: &Policy) -> Result<Vec<Vec<usize>>, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(rayon::current_num_threads().max(1))
        .build()
        .map_err(|error| format!("cannot start DataFusion's runtime: {error}"))?;
    let lists = runtime
        .block_on(query(files, policy))
        .map_err(|error| format!("DataFusion: {error}"))?;
    let index: HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(position, claim)| (claim.id.as_str(), position))
        .collect();
    let mut sets = UnionFind::new(claims.len());
    for list in lists {
        // Claims of rules `--select`/`--ignore` left out are not among `claims`.
        let mut members = list.iter().filter_map(|id| index.get(id.as_str()).copied());
        if let Some(first) = members.next() {
            for member in members {
                sets.join(first, member);
            }
        }
    }
    Ok(sets.sets())
}

/// The id lists of [`GROUPS`] and, when the policy checks shared wording, of [`SENTENCES`].
async fn query(files: &[PathBuf], policy: &Policy) -> datafusion::error::Result<Vec<Vec<String>>> {
    // Strings read as plain UTF-8, not as DataFusion's default string views: `array_agg` over
    // views copies each view array's buffer list per group, which at ten thousand claims took
    // half a minute and ten gigabytes.
    let config = SessionConfig::new()
        .with_target_partitions(rayon::current_num_threads().max(1))
        .set_bool("datafusion.execution.parquet.schema_force_view_types", false);
    let context = SessionContext::new_with_config(config);
    let paths: Vec<String> = files.iter().map(|file| file.to_string_lossy().into_owned()).collect();
    let shards = context.read_parquet(paths, ParquetReadOptions::default()).await?;
    context.register_table("claims", shards.into_view())?;
    let classes = Classes::of(policy);
    context.register_table("kind_classes", Arc::new(class_table(&classes.kinds)?))?;
    context.register_table("object_classes", Arc::new(class_table(&classes.objects)?))?;
    let keyed = context.sql(KEYED).await?;
    context.register_table("keyed", keyed.into_view())?;
    let mut lists = id_lists(&context.sql(GROUPS).await?.collect().await?)?;
    if policy.shared_wording.is_some() {
        lists.extend(id_lists(&context.sql(SENTENCES).await?.collect().await?)?);
    }
    Ok(lists)
}

/// A table `(name, class)` of one of the policy's class maps.
fn class_table(classes: &std::collections::BTreeMap<String, String>) -> datafusion::error::Result<MemTable> {
    let schema = Arc::new(Schema::new(vec![
        Field::new("name", DataType::Utf8, false),
        Field::new("class", DataType::Utf8, false),
    ]));
    let names = StringArray::from_iter_values(classes.keys());
    let values = StringArray::from_iter_values(classes.values());
    let batch = RecordBatch::try_new(Arc::clone(&schema), vec![Arc::new(names), Arc::new(values)])?;
    MemTable::try_new(schema, vec![vec![batch]])
}

/// The `ids` column of a result: one list of claim ids per row.
fn id_lists(batches: &[RecordBatch]) -> datafusion::error::Result<Vec<Vec<String>>> {
    let mut lists = Vec::new();
    for batch in batches {
        let Some(column) = batch.column_by_name("ids") else {
            return Err(datafusion::error::DataFusionError::Internal(
                "the query has no `ids`".into(),
            ));
        };
        let column = column.as_list::<i32>();
        // The ids of every row cast at once: a row's list sliced out of DataFusion's string
        // views copies the views' buffer list each time, which made this quadratic (ten
        // thousand claims took minutes and gigabytes).
        let ids = datafusion::arrow::compute::cast(column.values(), &DataType::Utf8)?;
        let ids = ids.as_string::<i32>();
        for window in column.value_offsets().windows(2) {
            let (start, end) = (window[0] as usize, window[1] as usize);
            lists.push(
                (start..end)
                    .filter(|&id| ids.is_valid(id))
                    .map(|id| ids.value(id).to_owned())
                    .collect(),
            );
        }
    }
    Ok(lists)
}
