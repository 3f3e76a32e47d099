//! `crosscheck extract`: list the claims the rules find.

use std::time::{Duration, Instant};

use super::{Context, Processed, exit, load_rules, process, stream};
use crate::rules::RuleSet;
use crate::shard::parquet::ShardDir;
use crate::text::input::Inputs;
use crate::cli::ExtractArgs;
use crate::report::ClaimFormat;
use crate::report::{self, RenderOptions};
use crate::stats::Stats;

/// Extracts and renders claims.
pub(crate) fn run(args: &ExtractArgs, context: &mut Context) -> u8 {
    let started = Instant::now();
    let Some(set) = load_rules(&args.rules, context) else {
        return exit::ERROR;
    };
    let Some(inputs) = super::resolve_inputs(&args.input, &args.rules.rules, context) else {
        return exit::ERROR;
    };
    let options = RenderOptions {
        color: args.input.output.is_none() && context.color_stdout,
    };
    let mut processed = Processed::default();
    let mut render = Duration::ZERO;
    let Some(format) = args.format.claim_format() else {
        return shards(args, inputs, &set, context, started);
    };
    let written = if format == ClaimFormat::Jsonl {
        // One line per claim needs no other claim: stream them, file by file, so memory does not
        // grow with the corpus.
        crate::output::write_to(args.input.output.as_deref(), |out| {
            processed = stream(inputs, &args.input, &set, context, |_, claims| {
                let started = Instant::now();
                let written = report::render_claims(&[], &claims, ClaimFormat::Jsonl, out, &options);
                render += started.elapsed();
                written
            })?;
            Ok(())
        })
    } else {
        processed = process(inputs, &args.input, &set, context);
        let started = Instant::now();
        let written = crate::output::write_to(args.input.output.as_deref(), |out| {
            report::render_claims(&processed.infos, &processed.claims, format, out, &options)
        });
        render = started.elapsed();
        written
    };
    if let Err(error) = written {
        context.error(&format!("cannot write output: {error}"));
    }
    if args.input.stats {
        let stats = Stats::new(&processed.tally, None, render, started.elapsed());
        eprint!("{}", stats.render());
    }
    exit::OK
}

/// `--format parquet`: the claims of each `--shard-files` files as one shard, streamed (one
/// chunk's claims held at a time), into a temporary directory put in place of `-o DIR` once
/// every shard is written.
fn shards(args: &ExtractArgs, inputs: Inputs, set: &RuleSet, context: &mut Context, started: Instant) -> u8 {
    let Some(target) = args.input.output.as_deref() else {
        context.error("`--format parquet` writes a directory of shards: name it with `-o DIR`");
        return exit::ERROR;
    };
    let mut directory = match ShardDir::create(target) {
        Ok(directory) => directory,
        Err(error) => {
            context.error(&error.to_string());
            return exit::ERROR;
        }
    };
    let mut pending: Vec<crate::claim::Claim> = Vec::new();
    let mut files = 0;
    let mut render = Duration::ZERO;
    let failed = |error: crate::shard::ShardError| std::io::Error::other(error.to_string());
    let streamed = stream(inputs, &args.input, set, context, |_, claims| {
        pending.extend(claims);
        files += 1;
        if files == args.shard_files {
            let written = Instant::now();
            directory.write(&pending).map_err(failed)?;
            render += written.elapsed();
            pending.clear();
            files = 0;
        }
        Ok(())
    });
    let processed = match streamed {
        Ok(processed) => processed,
        Err(error) => {
            context.error(&format!("cannot write output: {error}"));
            return exit::ERROR;
        }
    };
    // The last chunk, and one empty shard for a run without files, so that the directory
    // always reads as a table.
    if files > 0 || directory.is_empty() {
        let written = Instant::now();
        if let Err(error) = directory.write(&pending) {
            context.error(&format!("cannot write output: {error}"));
            return exit::ERROR;
        }
        render += written.elapsed();
    }
    if let Err(error) = directory.commit() {
        context.error(&format!("cannot write output: {error}"));
        return exit::ERROR;
    }
    if args.input.stats {
        let stats = Stats::new(&processed.tally, None, render, started.elapsed());
        eprint!("{}", stats.render());
    }
    exit::OK
}
