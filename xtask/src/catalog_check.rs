//! `cargo xtask catalog-check DIR`: what a maintainer runs on a folder of official metadata
//! (`<product>/<version>/api-docs.json`, e.g. a checkout of the whole published catalog)
//! before adding products. It generates every product version in one run (files of
//! unsupported styles are skipped, failures reported without stopping the others), writes
//! them into a scratch workspace (see [`crate::scratch`]), compiles all of them or a
//! deterministic sample with `cargo clippy --all-targets -- -D warnings` (and, with
//! `--doc`, `cargo doc` with `RUSTDOCFLAGS=-D warnings`), and prints a table and one
//! summary line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::codegen::{self, ProductOutcome, Summary};
use crate::scratch::{CargoReport, CargoStep, CheckError, Diagnostic, Scratch};

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CatalogOptions {
    /// The catalog: a specs root.
    pub dir: PathBuf,
    /// Compile only this many generated product versions, chosen by [`sample`].
    pub sample: Option<usize>,
    /// The seed of the sample.
    pub seed: u64,
    /// Also build the docs of the compiled ones with `RUSTDOCFLAGS=-D warnings`.
    pub doc: bool,
    /// Print where the generation's time went.
    pub timings: bool,
    /// Generate only: no compilation.
    pub no_compile: bool,
    /// Generator threads; 0 for one per core.
    pub jobs: usize,
}

/// How one compiled product version did.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// Whether both crates built without an error (clippy, and rustdoc with `--doc`).
    pub passed: bool,
    /// The error-level diagnostics, both crates together.
    pub errors: Vec<Diagnostic>,
}

/// Everything the check found.
#[derive(Debug)]
pub struct CatalogReport {
    /// The generation: a report per spec file, warnings, timings.
    pub summary: Summary,
    /// Crate directory -> how its compilation went, for the compiled ones.
    pub compiled: BTreeMap<String, Compiled>,
    /// Time spent writing the scratch workspace.
    pub write: Duration,
    /// The cargo commands run, and how long each took.
    pub commands: Vec<(String, Duration)>,
    /// The scratch workspace.
    pub workspace: PathBuf,
}

impl CatalogReport {
    /// Whether everything generated and everything compiled passed.
    pub fn passed(&self) -> bool {
        self.summary.errors().next().is_none() && self.compiled.values().all(|c| c.passed)
    }

    /// The table: one line per product version.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<44} {:<8} {:>5} {:>5} {:>5} {:>8} {:>8}  result",
            "product/version", "style", "ops", "gen", "warn", "lines", "gen ms"
        );
        for p in &self.summary.products {
            let name = format!("{}/{}", p.product, p.version);
            let result = match &p.outcome {
                ProductOutcome::Skipped => "skipped (style)".to_owned(),
                ProductOutcome::Failed(e) => format!("FAILED: {e}"),
                ProductOutcome::Generated => {
                    match p.dir.as_ref().and_then(|d| self.compiled.get(d)) {
                        None => "generated".to_owned(),
                        Some(c) if c.passed => "compiled".to_owned(),
                        Some(c) => format!("COMPILE FAILED: {}", lint_counts(&c.errors)),
                    }
                }
            };
            let _ = writeln!(
                out,
                "{:<44} {:<8} {:>5} {:>5} {:>5} {:>8} {:>8}  {result}",
                name,
                p.style,
                p.operations,
                p.generated_operations,
                p.warnings,
                p.lines,
                p.time.as_millis()
            );
        }
        out
    }

    /// The paging patterns of the generated operations, summed over the products: how many
    /// operations show each, how many get a paginator, and how many stream items.
    pub fn paging(&self) -> String {
        let mut counts = codegen::paging::PagingCounts::default();
        for p in &self.summary.products {
            counts.add(&p.paging);
        }
        counts.table()
    }

    /// The first diagnostics of each product that failed to compile.
    pub fn failures(&self) -> String {
        let mut out = String::new();
        for (dir, c) in &self.compiled {
            if c.passed {
                continue;
            }
            let _ = writeln!(out, "{dir}: {}", lint_counts(&c.errors));
            for d in c.errors.iter().take(5) {
                let _ = writeln!(out, "  {} {}: {}", d.place, d.code, d.message);
            }
        }
        out
    }

    /// Where the time went.
    pub fn timings(&self) -> String {
        let t = &self.summary.timings;
        let mut out = format!(
            "generate: {:.2?} wall on {} threads (summed over threads: read {:.2?}, load \
             {:.2?}, lower {:.2?}, emit and format {:.2?}); write {:.2?}\n",
            t.wall, t.jobs, t.read, t.load, t.lower, t.render, self.write
        );
        for (command, took) in &self.commands {
            let _ = writeln!(out, "`{command}`: {took:.1?}");
        }
        let mut slowest: Vec<_> = self.summary.products.iter().collect();
        slowest.sort_by_key(|p| std::cmp::Reverse(p.time));
        let list: Vec<String> = slowest
            .iter()
            .take(5)
            .map(|p| format!("{}/{} {:.2?}", p.product, p.version, p.time))
            .collect();
        let _ = writeln!(out, "slowest to generate: {}", list.join(", "));
        out
    }

    /// One line: generated G of N product versions (O of M operations), W warnings by kind,
    /// compiled C of S, the lines per operation, and the timings.
    pub fn summary_line(&self) -> String {
        let products = &self.summary.products;
        let generated: Vec<_> = products
            .iter()
            .filter(|p| matches!(p.outcome, ProductOutcome::Generated))
            .collect();
        let operations: usize = products.iter().map(|p| p.operations).sum();
        let generated_operations: usize = generated.iter().map(|p| p.generated_operations).sum();
        let lines: usize = generated.iter().map(|p| p.lines).sum();
        let skipped = products
            .iter()
            .filter(|p| matches!(p.outcome, ProductOutcome::Skipped))
            .count();
        let failed = products.len() - generated.len() - skipped;
        let passed = self.compiled.values().filter(|c| c.passed).count();
        let per_op = lines.checked_div(generated_operations).unwrap_or(0);
        let compile_time: Duration = self.commands.iter().map(|(_, d)| *d).sum();
        format!(
            "generated {} of {} product versions ({} of {} operations; {skipped} skipped for \
             their style, {failed} failed), {}, compiled {passed} of {} ({}), {lines} lines \
             ({per_op} per operation); generate {:.1?}, write {:.1?}, compile {:.1?}",
            generated.len(),
            products.len(),
            generated_operations,
            operations,
            self.summary.warnings_line(),
            self.compiled.len(),
            if self.commands.is_empty() {
                "not compiled".to_owned()
            } else {
                self.commands
                    .iter()
                    .map(|(c, _)| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            self.summary.timings.wall,
            self.write,
            compile_time,
        )
    }
}

/// `clippy::x 3, clippy::y 1`.
fn lint_counts(errors: &[Diagnostic]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in errors {
        *counts.entry(e.code.as_str()).or_insert(0) += 1;
    }
    if counts.is_empty() {
        return "not built (a dependency failed?)".to_owned();
    }
    counts
        .iter()
        .map(|(code, n)| format!("{code} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `n` of `items` chosen by `seed`: a Fisher-Yates shuffle driven by SplitMix64, then the
/// first `n` in their original order. The same seed always gives the same sample.
pub fn sample<T: Clone>(items: &[T], n: usize, seed: u64) -> Vec<T> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut indexes: Vec<usize> = (0..items.len()).collect();
    for i in (1..indexes.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        indexes.swap(i, j);
    }
    let mut chosen: Vec<usize> = indexes.into_iter().take(n).collect();
    chosen.sort_unstable();
    chosen.into_iter().map(|i| items[i].clone()).collect()
}

/// Generates, writes and compiles; see the module docs.
///
/// # Errors
/// When the catalog cannot be listed, the scratch workspace cannot be written, or cargo
/// cannot be started. Failures of single products are in the report.
pub fn run(options: &CatalogOptions) -> Result<CatalogReport, CheckError> {
    let generation = codegen::generate_report(&options.dir, options.jobs)?;
    let scratch = Scratch::new("xtask-catalog-check");
    let started = Instant::now();
    scratch.write(&generation.files)?;
    let write = started.elapsed();
    let summary = generation.summary;

    let generated: Vec<String> = summary
        .products
        .iter()
        .filter(|p| matches!(p.outcome, ProductOutcome::Generated))
        .filter_map(|p| p.dir.clone())
        .collect();
    let chosen = match options.sample {
        Some(n) if n < generated.len() => sample(&generated, n, options.seed),
        _ => generated,
    };
    let mut report = CatalogReport {
        summary,
        compiled: BTreeMap::new(),
        write,
        commands: Vec::new(),
        workspace: scratch.dir.clone(),
    };
    if options.no_compile || chosen.is_empty() {
        return Ok(report);
    }

    // Both crates of each chosen product version.
    let mut packages = Vec::new();
    for dir in &chosen {
        packages.push(format!("alibabacloud-{dir}-model"));
        packages.push(format!("alibabacloud-{dir}"));
        report.compiled.insert(
            dir.clone(),
            Compiled {
                passed: true,
                errors: Vec::new(),
            },
        );
    }
    let mut steps: Vec<CargoStep<'_>> = Vec::new();
    let mut clippy = vec!["clippy", "--keep-going", "--all-targets"];
    let mut doc = vec!["doc", "--keep-going", "--no-deps"];
    for p in &packages {
        clippy.extend(["-p", p.as_str()]);
        doc.extend(["-p", p.as_str()]);
    }
    clippy.extend(["--", "-D", "warnings"]);
    steps.push((clippy, None));
    if options.doc {
        steps.push((doc, Some(("RUSTDOCFLAGS", "-D warnings"))));
    }
    let services = scratch.services();
    for (args, env) in steps {
        let cargo = scratch.cargo_report(&args, env)?;
        let name = args
            .iter()
            .take_while(|a| **a != "-p")
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        report.commands.push((format!("cargo {name}"), cargo.took));
        record(&mut report.compiled, &services, &cargo);
    }
    Ok(report)
}

/// Marks the products whose crates had errors or were not built.
fn record(compiled: &mut BTreeMap<String, Compiled>, services: &Path, cargo: &CargoReport) {
    let product_of = |manifest_dir: &Path| -> Option<String> {
        let rel = manifest_dir.strip_prefix(services).ok()?;
        rel.components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
    };
    let mut built: BTreeMap<String, usize> = BTreeMap::new();
    for dir in &cargo.built {
        if let Some(product) = product_of(dir) {
            *built.entry(product).or_insert(0) += 1;
        }
    }
    for (dir, errors) in &cargo.errors {
        if let Some(product) = product_of(dir)
            && let Some(c) = compiled.get_mut(&product)
        {
            c.passed = false;
            c.errors.extend(errors.iter().cloned());
        }
    }
    for (product, c) in compiled.iter_mut() {
        // Both the model and the client crate must have been built.
        if built.get(product).copied().unwrap_or(0) < 2 {
            c.passed = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_deterministic_subsets_in_order() {
        let items: Vec<u32> = (0..50).collect();
        let a = sample(&items, 10, 7);
        assert_eq!(a, sample(&items, 10, 7));
        assert_eq!(a.len(), 10);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert_ne!(a, sample(&items, 10, 8));
        assert_eq!(sample(&items, 60, 1), items);
        assert!(sample(&items, 0, 1).is_empty());
    }
}
