//! One insta snapshot per generated file, named by its path: the two committed products and
//! every fixture of `tests/fixtures`. Review them as hand-written code.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use xtask::codegen::{self, FileSet};

fn snapshot_name(path: &str) -> String {
    path.replace('/', "__")
}

fn assert_snapshots(files: &FileSet) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (path, contents) in files {
            insta::assert_snapshot!(snapshot_name(path), contents);
        }
    });
}

#[test]
fn committed_products() {
    assert_snapshots(&codegen::generate(&common::repository_specs()).unwrap());
}

#[test]
fn fixtures() {
    for name in common::fixture_names() {
        assert_snapshots(&common::generate_fixture(&name));
    }
}

/// A snapshot whose file is no longer generated would rot unnoticed.
#[test]
fn no_orphan_snapshots() {
    let mut expected = BTreeSet::new();
    let mut all = codegen::generate(&common::repository_specs()).unwrap();
    for name in common::fixture_names() {
        all.extend(common::generate_fixture(&name));
    }
    for path in all.keys() {
        expected.insert(format!("{}.snap", snapshot_name(path)));
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let orphans: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".snap") && !expected.contains(n))
        .collect();
    assert!(
        orphans.is_empty(),
        "snapshots of files no longer generated: {orphans:?}"
    );
}
