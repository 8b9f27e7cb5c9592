//! How long generating a whole product takes in memory: the official BssOpenApi metadata
//! (96 operations), from JSON text to validated, formatted files, on one thread (the command
//! runs one spec file per core at a time; `cargo xtask catalog-check DIR --timings` and
//! `cargo xtask codegen --timings` measure whole catalogs).
//!
//! Run with `cargo bench -p xtask --bench codegen`.

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use xtask::check_generated::OFFICIAL_PRODUCTS;
use xtask::codegen::{files, generate_spec};
use xtask::workspace_root;

// As the `xtask` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SPEC_PATH: &str = "specs/bssopenapi/2017-12-14/api-docs.json";

fn codegen(c: &mut Criterion) {
    let text = std::fs::read_to_string(workspace_root().join(OFFICIAL_PRODUCTS[0])).unwrap();
    let spec = alibabacloud_spec::load_str(&text, SPEC_PATH).unwrap();
    assert_eq!(spec.apis.len(), 96);

    let mut group = c.benchmark_group("bssopenapi_96_operations");
    group.sample_size(20);
    group.bench_function("generate (IR, emit, format)", |b| {
        b.iter(|| generate_spec(black_box(&spec), SPEC_PATH).unwrap())
    });
    group.bench_function("load + generate + validate", |b| {
        b.iter(|| {
            let spec = alibabacloud_spec::load_str(black_box(&text), SPEC_PATH).unwrap();
            let files = generate_spec(&spec, SPEC_PATH).unwrap();
            files::validate(&files).unwrap();
            files
        })
    });
    group.finish();
}

criterion_group!(benches, codegen);
criterion_main!(benches);
