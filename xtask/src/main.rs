//! `cargo xtask`: project automation. Run `cargo xtask --help`.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use xtask::catalog_check::{self, CatalogOptions};
use xtask::check_generated::{self, CheckOptions};
use xtask::codegen::{self, Options, Outcome};

// Generating and formatting the whole catalog makes hundreds of millions of small
// allocations; mimalloc takes about a fifth off the time of the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
cargo xtask <command>

Commands:
  codegen [--check] [--specs DIR --out DIR] [--deny-warnings] [--jobs N] [--timings]
      Regenerate the crates under crates/services/ from specs/ (or DIR): one model crate
      and one client crate per <product>/<version>/api-docs.json. What a spec says that
      cannot be taken as it is gets a documented fallback and a warning naming the file,
      the operation and the JSON path; a file that is not JSON or not API metadata is an
      error. Every failing file is reported, and then nothing is written (writes are all
      or nothing); crates of removed specs are removed.
      --check          write nothing; exit 1 and list the files that are new, changed or
                       no longer generated when the output is stale. Warnings are denied
                       when checking the repository's specs/.
      --specs DIR      another specs root; needs --out (generating it into crates/services/
                       would delete the crates of the products DIR lacks)
      --out DIR        the output directory (default: crates/services/ of the workspace)
      --deny-warnings  a warning is an error (CI uses it for specs/)
      --jobs N         worker threads (default: one per core)
      --timings        print where the time went

  check-generated [--doc] [--no-fixtures]
      Generate the two whole official products of crates/alibabacloud-spec/tests/fixtures/
      official (and every fixture of xtask/tests/fixtures) into a scratch workspace and
      run `cargo clippy --all-targets -- -D warnings` there, reusing this workspace's
      Cargo.lock, lints and target directory ($CARGO_TARGET_DIR or target/).
      --doc           also run `cargo doc --no-deps` with RUSTDOCFLAGS=-D warnings and
                      `cargo test --doc` (every operation's example compiles)
      --no-fixtures   only the two official products

  catalog-check DIR [--sample N] [--seed S] [--doc] [--timings] [--no-compile] [--jobs N]
      Generate every product version under DIR (official metadata, e.g. the published
      catalog) into the scratch workspace target/xtask-catalog-check, compile all of them
      or a deterministic sample of N with `cargo clippy --all-targets -- -D warnings`, and
      print a table and one summary line: product versions and operations generated,
      warnings by kind, product versions compiled, lines per operation, timings. Exit 1
      when a file failed to generate or a compiled product failed.
      --sample N    compile N product versions chosen by the seed (default: all)
      --seed S      the sample's seed (default: 0)
      --doc         also `cargo doc` them with RUSTDOCFLAGS=-D warnings
      --timings     print where the time went, and the slowest products
      --no-compile  generate and write only

  --help
      This text.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        print_help();
        return Ok(ExitCode::from(2));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print_help();
            Ok(ExitCode::SUCCESS)
        }
        "codegen" => codegen_command(rest),
        "check-generated" => check_generated_command(rest),
        "catalog-check" => catalog_check_command(rest),
        other => Err(format!(
            "unknown command `{other}`; see `cargo xtask --help`"
        )),
    }
}

fn print_help() {
    let _ = std::io::stdout().write_all(HELP.as_bytes());
}

fn codegen_command(args: &[String]) -> Result<ExitCode, String> {
    let mut options = Options::repository();
    let mut check = false;
    let mut timings = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--specs" => options.specs = PathBuf::from(value(&mut iter, "--specs")?),
            "--out" => options.out = PathBuf::from(value(&mut iter, "--out")?),
            "--deny-warnings" => options.deny_warnings = true,
            "--jobs" => options.jobs = number(&mut iter, "--jobs")?,
            "--timings" => timings = true,
            "-h" | "--help" => {
                print_help();
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown argument `{other}` of codegen")),
        }
    }
    // The repository's own specs must need no fallback.
    if check && options.reads_repository_specs() {
        options.deny_warnings = true;
    }
    let outcome = if check {
        codegen::check(&options)
    } else {
        codegen::run(&options)
    }
    .map_err(|e| e.to_string())?;
    print_outcome(&outcome, timings);
    let report = &outcome.report;
    if check {
        if report.is_clean() {
            eprintln!("{report}");
            Ok(ExitCode::SUCCESS)
        } else {
            eprint!("{report}");
            Ok(ExitCode::FAILURE)
        }
    } else {
        if report.is_clean() {
            eprintln!("{report}");
        } else {
            eprintln!(
                "{}: {} new, {} changed, {} removed, {} unchanged",
                options.out.display(),
                report.new.len(),
                report.changed.len(),
                report.removed.len(),
                report.unchanged
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The warnings, one per line, a count of the product versions, and the timings if asked.
fn print_outcome(outcome: &Outcome, timings: bool) {
    let summary = &outcome.summary;
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    let generated = summary
        .products
        .iter()
        .filter(|p| matches!(p.outcome, codegen::ProductOutcome::Generated))
        .count();
    let operations: usize = summary
        .products
        .iter()
        .map(|p| p.generated_operations)
        .sum();
    eprintln!(
        "generated {generated} of {} product versions ({operations} operations), {}",
        summary.products.len(),
        summary.warnings_line()
    );
    if timings {
        let t = &summary.timings;
        eprintln!(
            "timings: generate {:.2?} wall on {} threads (summed over threads: read {:.2?}, \
             load {:.2?}, lower {:.2?}, emit and format {:.2?}); compare and write {:.2?}",
            t.wall, t.jobs, t.read, t.load, t.lower, t.render, outcome.write
        );
    }
}

fn check_generated_command(args: &[String]) -> Result<ExitCode, String> {
    let mut options = CheckOptions::default();
    for arg in args {
        match arg.as_str() {
            "--doc" => options.doc = true,
            "--no-fixtures" => options.fixtures = false,
            "-h" | "--help" => {
                print_help();
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown argument `{other}` of check-generated")),
        }
    }
    let summary = check_generated::run(&options).map_err(|e| e.to_string())?;
    eprintln!("{summary}");
    Ok(ExitCode::SUCCESS)
}

fn catalog_check_command(args: &[String]) -> Result<ExitCode, String> {
    let mut options = CatalogOptions::default();
    let mut dir = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--sample" => options.sample = Some(number(&mut iter, "--sample")?),
            "--seed" => options.seed = number(&mut iter, "--seed")?,
            "--doc" => options.doc = true,
            "--timings" => options.timings = true,
            "--no-compile" => options.no_compile = true,
            "--jobs" => options.jobs = number(&mut iter, "--jobs")?,
            "-h" | "--help" => {
                print_help();
                return Ok(ExitCode::SUCCESS);
            }
            other if other.starts_with('-') => {
                return Err(format!("unknown argument `{other}` of catalog-check"));
            }
            other if dir.is_none() => dir = Some(PathBuf::from(other)),
            other => return Err(format!("catalog-check takes one DIR, not also `{other}`")),
        }
    }
    options.dir = dir.ok_or("catalog-check needs the catalog's DIR")?;
    let report = catalog_check::run(&options).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{}", report.table());
    let failures = report.failures();
    if !failures.is_empty() {
        let _ = write!(out, "\ncompilation failures:\n{failures}");
    }
    let kinds = report.summary.warnings_by_kind();
    if !kinds.is_empty() {
        let _ = writeln!(out, "\nwarnings by kind (first of each):");
        for kind in kinds.keys() {
            if let Some(w) = report.summary.warnings.iter().find(|w| w.kind() == *kind) {
                let _ = writeln!(out, "  {kind} {}: {w}", kinds[kind]);
            }
        }
    }
    let _ = write!(out, "\n{}", report.paging());
    if options.timings {
        let _ = write!(out, "\n{}", report.timings());
    }
    let _ = writeln!(out, "\ncatalog-check: {}", report.summary_line());
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn value<'a>(iter: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a str, String> {
    iter.next()
        .map(String::as_str)
        .ok_or_else(|| format!("{flag} needs a directory"))
}

fn number<'a, T: std::str::FromStr>(
    iter: &mut impl Iterator<Item = &'a String>,
    flag: &str,
) -> Result<T, String> {
    iter.next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("{flag} needs a number"))
}
