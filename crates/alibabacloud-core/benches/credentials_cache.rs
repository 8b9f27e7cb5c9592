//! A cache hit: the cached temporary credentials handed to a call (what every call of a client
//! on the default chain pays once the credentials are fetched), through the future and through
//! `credentials_now` (what the runtime asks first), next to fixed credentials.
//! Run with `cargo bench -p alibabacloud-core --bench credentials_cache`.
#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use alibabacloud_core::credentials::{
    CacheSettings, CachedCredentialsProvider, Credentials, ProvideCredentials,
    ProvideCredentialsFuture,
};
use criterion::{Criterion, criterion_group, criterion_main};

/// Temporary credentials valid for an hour.
#[derive(Debug)]
struct Source;

impl ProvideCredentials for Source {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(async {
            Ok(Credentials::new("STS.id", "secret")?
                .with_security_token("token")
                .with_expiration(SystemTime::now() + Duration::from_secs(3600)))
        })
    }

    fn name(&self) -> &'static str {
        "bench"
    }
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let cached =
        CachedCredentialsProvider::new(Source, CacheSettings::default(), Default::default());
    runtime.block_on(cached.provide_credentials()).unwrap();
    c.bench_function("cached credentials, hit", |b| {
        b.iter(|| {
            runtime
                .block_on(black_box(&cached).provide_credentials())
                .unwrap()
        })
    });
    // What the runtime asks first: the fresh credentials, without a future.
    c.bench_function("cached credentials, hit, now", |b| {
        b.iter(|| black_box(&cached).credentials_now().unwrap())
    });
    let fixed = Credentials::new("id", "secret").unwrap();
    c.bench_function("fixed credentials", |b| {
        b.iter(|| {
            runtime
                .block_on(black_box(&fixed).provide_credentials())
                .unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
