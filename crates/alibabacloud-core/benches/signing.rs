//! One ACS3 signature of the QueryCashCoupons request (vector V3-3) next to the bare crypto it
//! stands for, with the library the signer uses (`ring`): SHA-256 of the empty body, SHA-256
//! of a canonical request of the same length and one HMAC-SHA256 (key set-up included) of the
//! string to sign. The signer's target is 1.5x the bare crypto. Run with `cargo bench -p alibabacloud-core --bench signing`.
#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, UNIX_EPOCH};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::signing::{
    SignableBody, SignableRequest, SigningParams, acs3_canonical_request, acs3_string_to_sign,
    rpc_v1_sign_params, sign_acs3,
};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ring::{digest, hmac};

const QUERY: [(&str, &str); 3] = [
    ("EffectiveOrNot", "true"),
    ("ExpiryTimeStart", "2018-08-01T00:00:00Z"),
    ("ExpiryTimeEnd", "2018-09-01T00:00:00Z"),
];
const HEADERS: [(&str, &str); 3] = [
    ("host", "business.aliyuncs.com"),
    ("x-acs-action", "QueryCashCoupons"),
    ("x-acs-version", "2017-12-14"),
];

fn request() -> SignableRequest<'static> {
    SignableRequest {
        method: "POST",
        path: "/",
        query: &QUERY,
        headers: &HEADERS,
        body: SignableBody::Empty,
    }
}

fn bench(c: &mut Criterion) {
    let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap();
    let time = UNIX_EPOCH + Duration::from_secs(1_704_067_200);
    let nonce = "0123456789abcdef0123456789abcdef";
    let params = SigningParams::new(&credentials, time, nonce);
    let request = request();

    let canonical = acs3_canonical_request(&request, &params).unwrap();
    let string_to_sign = acs3_string_to_sign(&request, &params).unwrap();

    let mut group = c.benchmark_group("acs3");
    group.bench_function("sign_query_cash_coupons", |b| {
        b.iter(|| sign_acs3(black_box(&request), black_box(&params)).unwrap());
    });
    // The first signature with a given `Credentials` also absorbs the secret into the HMAC
    // state it caches (two more SHA-256 compressions); this is that cold case.
    group.bench_function("sign_query_cash_coupons_fresh_credentials", |b| {
        b.iter_batched_ref(
            || Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap(),
            |fresh| {
                let params = SigningParams::new(fresh, time, nonce);
                sign_acs3(black_box(&request), black_box(&params)).unwrap()
            },
            BatchSize::SmallInput,
        );
    });
    group.bench_function("bare_crypto", |b| {
        b.iter(|| {
            let body = digest::digest(&digest::SHA256, black_box(b""));
            let canonical = digest::digest(&digest::SHA256, black_box(canonical.as_bytes()));
            let key = hmac::Key::new(hmac::HMAC_SHA256, black_box(b"YourAccessKeySecret"));
            let tag = hmac::sign(&key, black_box(string_to_sign.as_bytes()));
            (body, canonical, tag)
        });
    });
    group.bench_function("canonical_request_string", |b| {
        b.iter(|| acs3_canonical_request(black_box(&request), black_box(&params)).unwrap());
    });
    group.finish();

    let rpc_params = [
        ("AccessKeyId", "testid"),
        ("Action", "QueryCashCoupons"),
        ("EffectiveOrNot", "true"),
        ("Format", "JSON"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", nonce),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2024-01-01T00:00:00Z"),
        ("Version", "2017-12-14"),
    ];
    c.bench_function("rpc_v1/sign_params_query_cash_coupons", |b| {
        b.iter(|| rpc_v1_sign_params(black_box("POST"), black_box(&rpc_params), "testsecret"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
