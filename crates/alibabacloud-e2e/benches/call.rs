//! The client-side work of one call: a `QueryCashCoupons` request built through the
//! generated fluent builder (3 parameters), signed with ACS3-HMAC-SHA256 (system clock,
//! random nonce, as in production), handed to a transport that answers at once with the
//! documented example body (`CannedTransport`), and the answer decoded into the generated
//! types. Target: under 5 µs per call.
//!
//! Next to it, the same call through `send_with_metadata()` (the request id, status, headers
//! and raw body kept next to the output), and parts of that work on their own, to show where the time goes: decoding the
//! documented body with serde alone, and the call with the clock and nonce fixed, without
//! the operation timeout (no timer), and with neither.
//!
//! Run with `cargo bench -p alibabacloud-e2e --bench call`.

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, SystemTime};

mod support;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::ConfigBuilder;
use alibabacloud_core::time_source::{FixedNonceSource, FixedTimeSource};
use bss::operation::query_cash_coupons::QueryCashCouponsResponse;
use criterion::{Criterion, criterion_group, criterion_main};
use support::{builder, documented_body, one_call, one_call_with_metadata};

fn fixed(builder: ConfigBuilder) -> ConfigBuilder {
    builder
        .time_source(FixedTimeSource(
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200),
        ))
        .nonce_source(FixedNonceSource(
            "0123456789abcdef0123456789abcdef".to_owned(),
        ))
}

fn bench(c: &mut Criterion) {
    let body = documented_body();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();

    // Check once that the bench does what it says.
    let client = bss::Client::new(builder(&body).build().unwrap());
    let response = runtime.block_on(one_call(&client));
    assert_eq!(response.data.cash_coupon.len(), 1);

    let mut group = c.benchmark_group("query_cash_coupons");
    group.bench_function("call", |b| {
        b.to_async(&runtime).iter(|| one_call(black_box(&client)));
    });

    // The same call through `send_with_metadata()`: the request id, status, headers and raw
    // body kept next to the output (moved, not copied).
    let with_metadata = runtime.block_on(one_call_with_metadata(&client));
    assert!(with_metadata.request_id().is_some());
    group.bench_function("call_with_metadata", |b| {
        b.to_async(&runtime)
            .iter(|| one_call_with_metadata(black_box(&client)));
    });

    let no_timer = bss::Client::new(builder(&body).without_operation_timeout().build().unwrap());
    group.bench_function("call_without_operation_timeout", |b| {
        b.to_async(&runtime).iter(|| one_call(black_box(&no_timer)));
    });

    let fixed_sources = bss::Client::new(fixed(builder(&body)).build().unwrap());
    group.bench_function("call_with_fixed_time_and_nonce", |b| {
        b.to_async(&runtime)
            .iter(|| one_call(black_box(&fixed_sources)));
    });

    let bare = bss::Client::new(
        fixed(builder(&body))
            .without_operation_timeout()
            .build()
            .unwrap(),
    );
    group.bench_function("call_fixed_sources_no_timer", |b| {
        b.to_async(&runtime).iter(|| one_call(black_box(&bare)));
    });

    group.bench_function("decode_body_only", |b| {
        b.iter(|| serde_json::from_str::<QueryCashCouponsResponse>(black_box(&body)).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
