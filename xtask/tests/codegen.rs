//! The `codegen` command end to end: freshness of the committed crates, determinism, headers,
//! `--specs`/`--out`, `--check`, all-or-nothing writes, and the whole official products.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use xtask::codegen::{self, CodegenError, Options, files};

use common::{fixture_names, fixtures_dir, repository_specs};

/// `cargo xtask codegen --check` as a test: a stale checkout fails `cargo test`.
#[test]
fn committed_output_is_fresh() {
    let options = Options {
        deny_warnings: true,
        ..Options::repository()
    };
    let outcome = codegen::check(&options).unwrap();
    assert!(outcome.report.is_clean(), "{}", outcome.report);
    assert_eq!(outcome.report.unchanged, 62);
    assert!(outcome.summary.warnings.is_empty());
}

#[test]
fn generation_is_deterministic() {
    let first = codegen::generate(&repository_specs()).unwrap();
    let second = codegen::generate(&repository_specs()).unwrap();
    assert_eq!(first, second);
    for name in fixture_names() {
        let root = fixtures_dir().join(&name);
        assert_eq!(
            codegen::generate(&root).unwrap(),
            codegen::generate(&root).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn every_file_starts_with_the_header_and_validates() {
    let generated = codegen::generate(&repository_specs()).unwrap();
    for (path, contents) in &generated {
        let first = contents.lines().next().unwrap();
        let spec = match path.split('/').next().unwrap() {
            "bssopenapi20171214" => "specs/bssopenapi/2017-12-14/api-docs.json",
            "cs20151215" => "specs/cs/2015-12-15/api-docs.json",
            "elasticsearch20170613" => "specs/elasticsearch/2017-06-13/api-docs.json",
            "ocr-api20210707" => "specs/ocr-api/2021-07-07/api-docs.json",
            _ => "specs/quickbi-public/2022-01-01/api-docs.json",
        };
        let comment = if path.ends_with(".toml") {
            "#"
        } else if path.ends_with(".md") {
            "<!--"
        } else {
            "//"
        };
        assert_eq!(
            first,
            format!("{comment} generated from {spec} by `cargo xtask codegen`; do not edit."),
            "{path}"
        );
    }
    files::validate(&generated).unwrap();
    let expected = [
        "bssopenapi20171214/client/Cargo.toml",
        "bssopenapi20171214/client/README.md",
        "bssopenapi20171214/client/src/client.rs",
        "bssopenapi20171214/client/src/endpoints.rs",
        "bssopenapi20171214/client/src/lib.rs",
        "bssopenapi20171214/client/src/operation/mod.rs",
        "bssopenapi20171214/client/src/operation/query_cash_coupons.rs",
        "bssopenapi20171214/model/Cargo.toml",
        "bssopenapi20171214/model/README.md",
        "bssopenapi20171214/model/src/lib.rs",
        "bssopenapi20171214/model/src/query_cash_coupons.rs",
    ];
    for path in expected {
        assert!(generated.contains_key(path), "{path}");
        let quickbi = path
            .replace("bssopenapi20171214", "quickbi-public20220101")
            .replace("query_cash_coupons", "query_ticket_info");
        assert!(generated.contains_key(&quickbi), "{quickbi}");
    }
    // The ROA fixtures, CS (4 operations) and Elasticsearch (1), and the V3 one, OCR (1).
    assert!(generated.contains_key("cs20151215/client/src/operation/describe_cluster_detail.rs"));
    assert!(generated.contains_key("elasticsearch20170613/model/src/get_elastictask.rs"));
    assert!(generated.contains_key("ocr-api20210707/model/src/recognize_car_vin_code.rs"));
    assert_eq!(generated.len(), 62);
}

#[test]
fn crate_names_follow_the_official_packages() {
    let generated = codegen::generate(&repository_specs()).unwrap();
    let toml = &generated["quickbi-public20220101/client/Cargo.toml"];
    assert!(
        toml.contains("name = \"alibabacloud-quickbi-public20220101\""),
        "{toml}"
    );
    assert!(toml.contains(
        "alibabacloud-quickbi-public20220101-model = { path = \"../model\", version = \"0.1.0\" }"
    ));
    let toml = &generated["bssopenapi20171214/model/Cargo.toml"];
    assert!(
        toml.contains("name = \"alibabacloud-bssopenapi20171214-model\""),
        "{toml}"
    );
    assert!(
        !toml.contains("alibabacloud-core"),
        "no HTTP stack in models: {toml}"
    );
    let lib = &generated["quickbi-public20220101/client/src/lib.rs"];
    assert!(lib.contains("pub use ::alibabacloud_quickbi_public20220101_model as model;"));
}

/// Copies the two official products, unmodified, into a specs tree.
fn official_specs(dir: &Path) {
    for official in xtask::check_generated::OFFICIAL_PRODUCTS {
        let source = xtask::workspace_root().join(official);
        let spec = alibabacloud_spec::load_file(&source).unwrap();
        let target = dir
            .join(spec.info.product.to_ascii_lowercase())
            .join(&spec.info.version);
        fs::create_dir_all(&target).unwrap();
        fs::copy(&source, target.join("api-docs.json")).unwrap();
    }
}

#[test]
fn whole_official_products_generate() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = tmp.path().join("specs");
    official_specs(&specs);
    let generated = codegen::generate(&specs).unwrap();
    let operations = |dir: &str| {
        generated
            .keys()
            .filter(|p| p.starts_with(&format!("{dir}/client/src/operation/")))
            .filter(|p| !p.ends_with("mod.rs"))
            .count()
    };
    assert_eq!(operations("bssopenapi20171214"), 96);
    assert_eq!(operations("quickbi-public20220101"), 130);
    files::validate(&generated).unwrap();
    // The headers name the copy's path relative to its specs root, not the machine's.
    let lib = &generated["bssopenapi20171214/client/src/lib.rs"];
    assert!(lib.starts_with("// generated from specs/bssopenapi/2017-12-14/api-docs.json"));
}

#[test]
fn specs_and_out_flags_write_check_and_remove() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = tmp.path().join("my-specs");
    let out = tmp.path().join("out").join("services");
    copy_dir(&fixtures_dir().join("enums"), &specs);
    copy_dir(&fixtures_dir().join("maps"), &specs);
    let options = Options {
        specs: specs.clone(),
        out: out.clone(),
        deny_warnings: true,
        jobs: 0,
    };

    let report = codegen::run(&options).unwrap().report;
    assert_eq!((report.new.len(), report.changed.len()), (22, 0));
    assert!(codegen::check(&options).unwrap().report.is_clean());
    let lib = fs::read_to_string(out.join("fxenums20240101/model/src/lib.rs")).unwrap();
    assert!(lib.starts_with("// generated from my-specs/fxenums/2024-01-01/api-docs.json"));

    // A hand edit is reported as changed; a deleted file as new.
    let edited = out.join("fxenums20240101/model/src/lib.rs");
    fs::write(
        &edited,
        "// generated from x by `cargo xtask codegen`; do not edit.\n",
    )
    .unwrap();
    fs::remove_file(out.join("fxmaps20240101/client/src/client.rs")).unwrap();
    let report = codegen::check(&options).unwrap().report;
    assert_eq!(report.changed, ["fxenums20240101/model/src/lib.rs"]);
    assert_eq!(report.new, ["fxmaps20240101/client/src/client.rs"]);
    let text = report.to_string();
    assert!(text.contains("changed: ") && text.contains("fxenums20240101/model/src/lib.rs"));

    // Removing a spec removes its crates.
    fs::remove_dir_all(specs.join("fxmaps")).unwrap();
    let report = codegen::check(&options).unwrap().report;
    assert_eq!(report.removed.len(), 10, "{report}");
    codegen::run(&options).unwrap();
    assert!(!out.join("fxmaps20240101").exists());
    assert!(codegen::check(&options).unwrap().report.is_clean());
    // No staging directory is left behind.
    let siblings: Vec<_> = fs::read_dir(out.parent().unwrap()).unwrap().collect();
    assert_eq!(siblings.len(), 1);
}

#[test]
fn a_failure_leaves_the_old_tree_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = tmp.path().join("specs");
    let out = tmp.path().join("services");
    copy_dir(&fixtures_dir().join("scalars"), &specs);
    let options = Options {
        specs: specs.clone(),
        out: out.clone(),
        deny_warnings: false,
        jobs: 0,
    };
    codegen::run(&options).unwrap();
    let before = snapshot_tree(&out);

    // A second spec that cannot be generated: nothing is written.
    copy_dir(&common::refused_dir().join("bad-json"), &specs);
    let err = codegen::run(&options).unwrap_err();
    assert!(matches!(err, CodegenError::Spec { .. }), "{err}");
    assert_eq!(snapshot_tree(&out), before);
    fs::remove_dir_all(specs.join("fxbadjson")).unwrap();

    // With warnings denied, a spec that needs a fallback writes nothing either (the scalars
    // fixture has a type the generator does not know).
    let strict = Options {
        deny_warnings: true,
        ..options.clone()
    };
    fs::remove_dir_all(&out).unwrap();
    let err = codegen::run(&strict).unwrap_err();
    let CodegenError::DeniedWarnings(warnings) = &err else {
        panic!("{err}");
    };
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("$.apis.EchoScalars.responses['200'].schema.properties.Unknown.type: unknown type \"file\"; typed as any JSON value [unknown-type]"),
        "{err}"
    );
    assert!(!out.exists());
    codegen::run(&options).unwrap();

    // An output directory holding a file the generator did not write is not replaced.
    fs::write(out.join("NOTES.md"), "mine").unwrap();
    fs::write(
        out.join("fxscalars20240101/model/src/lib.rs"),
        "// generated from x by `cargo xtask codegen`; do not edit.\n",
    )
    .unwrap();
    let before = snapshot_tree(&out);
    let err = codegen::run(&options).unwrap_err();
    assert!(
        err.to_string()
            .contains("NOTES.md was not written by the generator"),
        "{err}"
    );
    assert_eq!(snapshot_tree(&out), before);
}

#[test]
fn the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = tmp.path().join("specs");
    let out = tmp.path().join("services");
    copy_dir(&fixtures_dir().join("empty"), &specs);
    let xtask = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(args)
            .output()
            .unwrap()
    };
    let (specs_arg, out_arg) = (specs.to_str().unwrap(), out.to_str().unwrap());

    let check = xtask(&["codegen", "--check", "--specs", specs_arg, "--out", out_arg]);
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("is stale; run `cargo xtask codegen`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("new (generated, not on disk): "),
        "{stderr}"
    );
    assert!(
        stderr.contains("fxempty20240101/client/src/lib.rs"),
        "{stderr}"
    );

    let write = xtask(&["codegen", "--specs", specs_arg, "--out", out_arg]);
    assert!(
        write.status.success(),
        "{}",
        String::from_utf8_lossy(&write.stderr)
    );
    let check = xtask(&["codegen", "--check", "--specs", specs_arg, "--out", out_arg]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    let help = xtask(&["--help"]);
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("codegen [--check] [--specs DIR --out DIR] [--deny-warnings]"));
    assert!(help.contains("catalog-check DIR [--sample N] [--seed S]"));

    // Another specs folder into the repository's crates/services/ would delete crates.
    let refused = xtask(&["codegen", "--specs", specs_arg]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains(&format!("--specs {specs_arg} needs --out")),
        "{stderr}"
    );
    assert!(
        stderr.contains("would delete the crates of every product"),
        "{stderr}"
    );

    // Warnings are printed, and denied on request.
    let quirks = common::quirks_dir().join("duplicate-parameter");
    let quirks_arg = quirks.to_str().unwrap();
    let quirks_out = tmp.path().join("quirks-out");
    let quirks_out_arg = quirks_out.to_str().unwrap();
    let warned = xtask(&[
        "codegen",
        "--specs",
        quirks_arg,
        "--out",
        quirks_out_arg,
        "--timings",
    ]);
    assert!(warned.status.success());
    let stderr = String::from_utf8_lossy(&warned.stderr);
    assert!(stderr.contains("warning: "), "{stderr}");
    assert!(stderr.contains("[duplicate-parameter]"), "{stderr}");
    assert!(
        stderr.contains(
            "generated 1 of 1 product versions (1 operations), 1 warnings (duplicate-parameter 1)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("timings: generate "), "{stderr}");
    let denied = xtask(&[
        "codegen",
        "--check",
        "--deny-warnings",
        "--specs",
        quirks_arg,
        "--out",
        quirks_out_arg,
    ]);
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&denied.stderr)
            .contains("1 warnings, and warnings are denied (nothing was written):")
    );
    let bad = xtask(&["codegen", "--specs"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--specs needs a directory"));
    let missing = xtask(&[
        "codegen",
        "--check",
        "--specs",
        "/nonexistent/specs",
        "--out",
        out_arg,
    ]);
    assert!(!missing.status.success());
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/specs: $: cannot read")
    );
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn snapshot_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push((path.display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}
