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
//! Next to them, the floor (`floor_by_hand`): the same request, signed and answered the same
//! way, then decoded, written out by hand for this one operation with the crates the core uses
//! (ring, percent-encoding, http, serde_json into a minimal struct) and nothing of the SDK: no
//! parameter table, credentials provider, retries, timeouts, spans or checks of the answer.
//! It is what any client must do for this call, measured in the same run; what our call takes
//! beyond it is the SDK's own work. It is checked once to build the very request our client
//! sends with the same time and nonce.
//!
//! Decoding a large body (`decode_10k_coupons`): the documented body with 10,000 coupons
//! (about 4.5 MB), through a whole call of our client on a canned transport (the SDK's own
//! decoding path; the rest of the call is a few microseconds next to milliseconds), with
//! `serde_json` into the generated model, and with `serde_json` into a minimal hand-written
//! struct of the same fields (plain `String`s, `derive(Deserialize)`; with `from_slice`, and
//! with one UTF-8 check then `from_str` as our decoding does), the baseline of issue #12
//! (target: our decoding within 1.05x of it).
//!
//! Run with `cargo bench -p alibabacloud-e2e --bench call` (`-- decode_10k` for the large
//! body only).

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

mod support;

use alibabacloud_bssopenapi20171214 as bss;
use bss::operation::query_cash_coupons::QueryCashCouponsResponse;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use support::floor::{FIXED_DATE, FIXED_NONCE, Floor, MinimalResponse, fixed, floor_params};
use support::{builder, coupons_body, documented_body, one_call, one_call_with_metadata};

/// The runtime of the calls: current-thread, with the timer of the operation timeout.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let body = documented_body();
    let runtime = runtime();

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

    // The floor, checked once to build the request our client sends with the same sources.
    let floor = Floor::new(&body);
    floor.check(&runtime);
    group.bench_function("floor_by_hand", |b| {
        b.iter(|| {
            floor.call(
                black_box(FIXED_DATE),
                black_box(FIXED_NONCE),
                floor_params(),
            )
        });
    });

    group.bench_function("decode_body_only", |b| {
        b.iter(|| serde_json::from_str::<QueryCashCouponsResponse>(black_box(&body)).unwrap());
    });
    group.finish();
}

fn decode_large(c: &mut Criterion) {
    const COUPONS: usize = 10_000;
    let body = coupons_body(COUPONS);
    let runtime = runtime();
    let client = bss::Client::new(builder(&body).build().unwrap());

    // Check once that every path decodes every coupon.
    let response = runtime.block_on(one_call(&client));
    assert_eq!(response.data.cash_coupon.len(), COUPONS);
    let generated: QueryCashCouponsResponse = serde_json::from_str(&body).unwrap();
    assert_eq!(generated.data.cash_coupon.len(), COUPONS);
    let minimal: MinimalResponse = serde_json::from_str(&body).unwrap();
    assert_eq!(minimal.data.cash_coupon.len(), COUPONS);

    let mut group = c.benchmark_group("decode_10k_coupons");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.sample_size(20);
    group.bench_function("sdk_call_canned", |b| {
        b.to_async(&runtime).iter(|| one_call(black_box(&client)));
    });
    group.bench_function("serde_json_generated_model", |b| {
        b.iter(|| {
            serde_json::from_slice::<QueryCashCouponsResponse>(black_box(body.as_bytes())).unwrap()
        });
    });
    group.bench_function("serde_json_minimal_struct", |b| {
        b.iter(|| serde_json::from_slice::<MinimalResponse>(black_box(body.as_bytes())).unwrap());
    });
    // The same with the body's UTF-8 checked once, then `from_str` (as our decoding does):
    // `from_slice` checks each string on its own.
    group.bench_function("serde_json_minimal_struct_from_str", |b| {
        b.iter(|| {
            let text = std::str::from_utf8(black_box(body.as_bytes())).unwrap();
            serde_json::from_str::<MinimalResponse>(text).unwrap()
        });
    });
    group.finish();
}

criterion_group!(benches, bench, decode_large);
criterion_main!(benches);
