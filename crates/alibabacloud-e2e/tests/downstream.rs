//! `examples/downstream` is a user's crate with a workspace of its own (CI builds and tests it
//! out of the repository, `.ci/downstream.sh`), so its tests cannot look at this repository.
//! What ties it to the repository is checked here: the README shows its emulator test
//! verbatim, its copies of the specs are the repository's, and nothing but its dependency
//! declarations points into the repository.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .replace("\r\n", "\n")
}

#[test]
fn the_readme_shows_the_downstream_emulator_test_verbatim() {
    let readme = read(&root().join("README.md"));
    let test = read(&root().join("examples/downstream/tests/emulator_in_tests.rs"));
    // The line, not the mention in the file's doc comment.
    let start = test.find("\nuse std::time::Duration;").unwrap() + 1;
    let example = test[start..].trim_end();
    assert!(
        readme.contains(example),
        "README.md must show examples/downstream/tests/emulator_in_tests.rs from \
         `use std::time::Duration;` to the end, verbatim:\n{example}"
    );
}

#[test]
fn the_downstream_specs_are_copies_of_the_repository_specs() {
    let copies = root().join("examples/downstream/tests/specs");
    let mut found = 0;
    let mut pending = vec![copies.clone()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let relative = path.strip_prefix(&copies).unwrap();
            let original = root().join("specs").join(relative);
            assert_eq!(
                read(&path),
                read(&original),
                "{} differs from {}: copy it again",
                path.display(),
                original.display()
            );
            found += 1;
        }
    }
    assert_eq!(found, 2, "the copies of both specs");
}

#[test]
fn only_dependency_declarations_point_into_the_repository() {
    let downstream = root().join("examples/downstream");
    let manifest = read(&downstream.join("Cargo.toml"));
    for line in manifest.lines().filter(|l| l.contains("../")) {
        let declaration = line.split_once(" = { path = \"../../crates/");
        assert!(
            declaration.is_some() && !line.trim_start().starts_with('#'),
            "examples/downstream/Cargo.toml: only dependencies may point into the repository: {line}"
        );
    }
    let mut pending = vec![downstream.join("src"), downstream.join("tests")];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                assert!(
                    !read(&path).contains("../"),
                    "{} reaches out of the crate",
                    path.display()
                );
            }
        }
    }
}
