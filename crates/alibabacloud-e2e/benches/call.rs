//! The client-side work of one call: a `QueryCashCoupons` request built through the
//! generated fluent builder (3 parameters), signed with ACS3-HMAC-SHA256 (system clock,
//! random nonce, as in production), handed to a transport that answers at once with the
//! documented example body (`CannedTransport`), and the answer decoded into the generated
//! types. Target: under 5 µs per call.
//!
//! Next to it, parts of that work on their own, to show where the time goes: decoding the
//! documented body with serde alone, and the call with the clock and nonce fixed, without
//! the operation timeout (no timer), and with neither.
//!
//! Run with `cargo bench -p alibabacloud-e2e --bench call`.

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::time_source::{FixedNonceSource, FixedTimeSource};
use alibabacloud_core::transport::CannedTransport;
use alibabacloud_core::{Config, ConfigBuilder, Credentials};
use bss::operation::query_cash_coupons::QueryCashCouponsResponse;
use criterion::{Criterion, criterion_group, criterion_main};

/// The documented success example of QueryCashCoupons (its `responseDemo`).
fn documented_body() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/bssopenapi/2017-12-14/api-docs.json"
    );
    let spec = alibabacloud_spec::load_file(std::path::Path::new(path)).unwrap();
    let demos = spec.apis["QueryCashCoupons"].response_demos().unwrap();
    demos
        .into_iter()
        .find(|d| d.demo_type == "json")
        .unwrap()
        .example
}

fn builder(body: &str) -> ConfigBuilder {
    Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(Credentials::new("YourAccessKeyId", "YourAccessKeySecret"))
        .transport(CannedTransport::new(200, body.to_owned()))
}

fn fixed(builder: ConfigBuilder) -> ConfigBuilder {
    builder
        .time_source(FixedTimeSource(
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200),
        ))
        .nonce_source(FixedNonceSource(
            "0123456789abcdef0123456789abcdef".to_owned(),
        ))
}

async fn one_call(client: &bss::Client) -> QueryCashCouponsResponse {
    client
        .query_cash_coupons()
        .effective_or_not(true)
        .expiry_time_start("2018-08-01T00:00:00Z")
        .expiry_time_end("2018-09-01T00:00:00Z")
        .send()
        .await
        .unwrap()
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

    let no_timer = bss::Client::new(builder(&body).operation_timeout(None).build().unwrap());
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
            .operation_timeout(None)
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
