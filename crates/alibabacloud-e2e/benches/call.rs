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
use std::time::{Duration, SystemTime};

mod support;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::ConfigBuilder;
use alibabacloud_core::time_source::{FixedNonceSource, FixedTimeSource};
use alibabacloud_core::transport::CannedTransport;
use bss::operation::query_cash_coupons::QueryCashCouponsResponse;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;
use support::{builder, coupons_body, documented_body, one_call, one_call_with_metadata};

/// The time and nonce of the clients with fixed sources, and of the floor.
const FIXED_DATE: &str = "2024-01-01T00:00:00Z";
const FIXED_NONCE: &str = "0123456789abcdef0123456789abcdef";

fn fixed(builder: ConfigBuilder) -> ConfigBuilder {
    builder
        .time_source(FixedTimeSource(
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200),
        ))
        .nonce_source(FixedNonceSource(FIXED_NONCE.to_owned()))
}

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

    // The floor, checked once against the request our client sends with the same sources.
    let floor = Floor::new(&body);
    let canned = CannedTransport::new(200, body.clone());
    let seen = bss::Client::new(
        fixed(builder(&body))
            .transport(canned.clone())
            .build()
            .unwrap(),
    );
    runtime.block_on(one_call(&seen));
    assert_eq!(
        describe(&canned.last_request().unwrap()),
        describe(&floor.request(FIXED_DATE, FIXED_NONCE, floor_params())),
        "the floor does not build the request our client sends"
    );
    assert_eq!(
        floor
            .call(FIXED_DATE, FIXED_NONCE, floor_params())
            .data
            .cash_coupon
            .len(),
        1
    );
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

/// The hand-written struct a user would decode the answer into with serde alone: the same
/// fields, plain types, no unknown-field or open-enum handling.
#[allow(dead_code)] // Read by serde; the benchmark only keeps the count.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MinimalResponse {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    success: Option<bool>,
    data: MinimalData,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MinimalData {
    cash_coupon: Vec<MinimalCoupon>,
}

#[allow(dead_code)] // Read by serde.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MinimalCoupon {
    status: Option<String>,
    expiry_time: Option<String>,
    granted_time: Option<String>,
    nominal_value: Option<String>,
    effective_time: Option<String>,
    applicable_scenarios: Option<String>,
    cash_coupon_id: Option<i64>,
    applicable_products: Option<String>,
    cash_coupon_no: Option<String>,
    balance: Option<String>,
    description: Option<String>,
}

/// The bench request's parameters, as a caller of the floor gives them.
fn floor_params() -> [(&'static str, &'static str); 3] {
    [
        ("EffectiveOrNot", "true"),
        ("ExpiryTimeStart", "2018-08-01T00:00:00Z"),
        ("ExpiryTimeEnd", "2018-09-01T00:00:00Z"),
    ]
}

/// A request's method, URI and headers (sorted), to compare two requests.
fn describe(request: &http::Request<bytes::Bytes>) -> String {
    let mut headers: Vec<String> = request
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap()))
        .collect();
    headers.sort();
    format!(
        "{} {}\n{}\nbody: {:?}",
        request.method(),
        request.uri(),
        headers.join("\n"),
        request.body()
    )
}

/// RFC 3986's unreserved characters stay as they are; everything else is percent-encoded.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
/// The SHA-256 of the empty body.
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SIGNED_HEADERS: &str =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

/// The floor of the call: `QueryCashCoupons` signed with ACS3-HMAC-SHA256, built as an
/// `http::Request`, answered as the canned transport answers, and decoded into the minimal
/// struct, by hand for this one operation.
struct Floor {
    key: ring::hmac::Key,
    host: &'static str,
    user_agent: http::HeaderValue,
    status: http::StatusCode,
    headers: http::HeaderMap,
    body: bytes::Bytes,
}

impl Floor {
    fn new(body: &str) -> Self {
        let config = builder(body).build().unwrap();
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json;charset=utf-8"),
        );
        Floor {
            key: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, b"YourAccessKeySecret"),
            host: "business.aliyuncs.com",
            user_agent: http::HeaderValue::from_str(config.user_agent()).unwrap(),
            status: http::StatusCode::OK,
            headers,
            body: bytes::Bytes::from(body.to_owned()),
        }
    }

    /// The signed request.
    fn request(
        &self,
        date: &str,
        nonce: &str,
        mut params: [(&str, &str); 3],
    ) -> http::Request<bytes::Bytes> {
        use percent_encoding::utf8_percent_encode as encode;
        params.sort_unstable_by_key(|&(name, _)| name);
        let mut query = String::with_capacity(128);
        for (name, value) in params {
            if !query.is_empty() {
                query.push('&');
            }
            query.extend(encode(name, UNRESERVED));
            query.push('=');
            query.extend(encode(value, UNRESERVED));
        }
        let host = self.host;
        let canonical = format!(
            "POST\n/\n{query}\nhost:{host}\nx-acs-action:QueryCashCoupons\n\
             x-acs-content-sha256:{EMPTY_SHA256}\nx-acs-date:{date}\n\
             x-acs-signature-nonce:{nonce}\nx-acs-version:2017-12-14\n\n\
             {SIGNED_HEADERS}\n{EMPTY_SHA256}"
        );
        let hashed = hex::encode(ring::digest::digest(
            &ring::digest::SHA256,
            canonical.as_bytes(),
        ));
        let to_sign = format!("ACS3-HMAC-SHA256\n{hashed}");
        let signature = hex::encode(ring::hmac::sign(&self.key, to_sign.as_bytes()));
        // Names and constant values made once, at compile time; the rest checked once each.
        let value = |text: &str| http::HeaderValue::from_str(text).unwrap();
        let name = http::HeaderName::from_static;
        let mut request = http::Request::new(bytes::Bytes::new());
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = format!("https://{host}/?{query}").parse().unwrap();
        let headers = request.headers_mut();
        headers.reserve(11);
        headers.insert(http::header::HOST, value(host));
        headers.insert(
            name("x-acs-action"),
            http::HeaderValue::from_static("QueryCashCoupons"),
        );
        headers.insert(
            name("x-acs-version"),
            http::HeaderValue::from_static("2017-12-14"),
        );
        headers.insert(name("x-acs-date"), value(date));
        headers.insert(name("x-acs-signature-nonce"), value(nonce));
        headers.insert(
            name("x-acs-content-sha256"),
            http::HeaderValue::from_static(EMPTY_SHA256),
        );
        headers.insert(
            http::header::AUTHORIZATION,
            value(&format!(
                "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,\
                 SignedHeaders={SIGNED_HEADERS},Signature={signature}"
            )),
        );
        headers.insert(
            http::header::ACCEPT,
            http::HeaderValue::from_static("application/json"),
        );
        headers.insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(0));
        headers.insert(http::header::USER_AGENT, self.user_agent.clone());
        request
    }

    /// The whole call: the request, the canned answer, the decoded body.
    fn call(&self, date: &str, nonce: &str, params: [(&str, &str); 3]) -> MinimalResponse {
        let request = self.request(date, nonce, params);
        // The canned transport's answer, and the request it keeps.
        let mut response = http::Response::new(self.body.clone());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        drop(black_box(request));
        let text = std::str::from_utf8(response.body()).unwrap();
        serde_json::from_str(text).unwrap()
    }
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
