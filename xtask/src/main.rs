//! `cargo xtask`: project automation. Run `cargo xtask --help`.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use xtask::check_generated::{self, CheckOptions};
use xtask::codegen::{self, Options};

const HELP: &str = "\
cargo xtask <command>

Commands:
  codegen [--check] [--specs DIR] [--out DIR]
      Regenerate the crates under crates/services/ from specs/ (or DIR): one model crate
      and one client crate per <product>/<version>/api-docs.json. Writes are all or
      nothing; crates of removed specs are removed.
      --check   write nothing; exit 1 and list the files that are new, changed or no longer
                generated when the output is stale
      --specs   the specs root (default: specs/ of the workspace)
      --out     the output directory (default: crates/services/ of the workspace)

  check-generated [--doc] [--no-fixtures]
      Generate the two whole official products of crates/alibabacloud-spec/tests/fixtures/
      official (and every fixture of xtask/tests/fixtures) into a temporary workspace and
      run `cargo clippy --all-targets -- -D warnings` there, reusing this workspace's
      Cargo.lock, lints and target directory ($CARGO_TARGET_DIR or target/).
      --doc           also run `cargo doc --no-deps` with RUSTDOCFLAGS=-D warnings and
                      `cargo test --doc` (every operation's example compiles)
      --no-fixtures   only the two official products

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
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--specs" => options.specs = PathBuf::from(value(&mut iter, "--specs")?),
            "--out" => options.out = PathBuf::from(value(&mut iter, "--out")?),
            "-h" | "--help" => {
                print_help();
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown argument `{other}` of codegen")),
        }
    }
    if check {
        let report = codegen::check(&options).map_err(|e| e.to_string())?;
        if report.is_clean() {
            eprintln!("{report}");
            Ok(ExitCode::SUCCESS)
        } else {
            eprint!("{report}");
            Ok(ExitCode::FAILURE)
        }
    } else {
        let report = codegen::run(&options).map_err(|e| e.to_string())?;
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

fn value<'a>(iter: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a str, String> {
    iter.next()
        .map(String::as_str)
        .ok_or_else(|| format!("{flag} needs a directory"))
}
