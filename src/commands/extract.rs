//! `crosscheck extract`: list the claims the rules find.

use std::time::{Duration, Instant};

use super::{Context, Processed, exit, load_rules, process, stream, stream_rendered};
use crate::cli::ExtractArgs;
use crate::output::Directory;
use crate::report::ClaimFormat;
use crate::report::{self, RenderOptions};
use crate::rules::RuleSet;
use crate::shard::parquet;
use crate::stats::Stats;
use crate::text::input::Inputs;

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
            let lines = |claims: &[crate::claim::Claim], buffer: &mut Vec<u8>| {
                report::render_claims(&[], claims, ClaimFormat::Jsonl, buffer, &options)
            };
            processed = stream_rendered(inputs, &args.input, &set, context, &lines, |rendered| {
                render += rendered.took;
                out.write_all(&rendered.bytes)
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
/// chunk's claims held at a time), into a directory put in place of `-o DIR` once every shard
/// is written ([`crate::output::Directory`]).
fn shards(args: &ExtractArgs, inputs: Inputs, set: &RuleSet, context: &mut Context, started: Instant) -> u8 {
    let Some(target) = args.input.output.as_deref() else {
        context.error("`--format parquet` writes a directory of shards: name it with `-o DIR`");
        return exit::ERROR;
    };
    let directory = match Directory::create(target, parquet::is_shard_name) {
        Ok(directory) => directory,
        Err(error) => {
            context.error(&format!(
                "{error}; `--format parquet` writes a directory of claim shards"
            ));
            return exit::ERROR;
        }
    };
    let mut written = 0;
    let mut pending: Vec<crate::claim::Claim> = Vec::new();
    let mut files = 0;
    let mut render = Duration::ZERO;
    let streamed = stream(inputs, &args.input, set, context, |_, claims| {
        pending.extend(claims);
        files += 1;
        if files == args.shard_files {
            let started = Instant::now();
            write_shard(&directory, written, &pending)?;
            render += started.elapsed();
            written += 1;
            pending.clear();
            files = 0;
        }
        Ok(())
    });
    // The last chunk, and one empty shard for a run without files, so that the directory
    // always reads as a table.
    let done = streamed.and_then(|processed| {
        if files > 0 || written == 0 {
            let started = Instant::now();
            write_shard(&directory, written, &pending)?;
            render += started.elapsed();
        }
        Ok(processed)
    });
    let processed =
        match done.and_then(|processed| directory.commit().map(|()| processed).map_err(std::io::Error::other)) {
            Ok(processed) => processed,
            Err(error) => {
                context.error(&format!("cannot write output: {error}"));
                return exit::ERROR;
            }
        };
    if args.input.stats {
        let stats = Stats::new(&processed.tally, None, render, started.elapsed());
        eprint!("{}", stats.render());
    }
    exit::OK
}

/// Writes `claims` as shard `number` of `directory`.
fn write_shard(directory: &Directory, number: usize, claims: &[crate::claim::Claim]) -> std::io::Result<()> {
    let name = parquet::shard_name(number);
    let failed = |error: String| std::io::Error::other(format!("{name}: {error}"));
    let file = directory
        .create_file(&name)
        .map_err(|error| failed(error.to_string()))?;
    let mut out = std::io::BufWriter::new(file);
    parquet::write(&mut out, claims).map_err(|error| failed(error.to_string()))?;
    std::io::Write::flush(&mut out).map_err(|error| failed(error.to_string()))
}
