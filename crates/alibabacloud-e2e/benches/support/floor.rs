//! The floor of the call the `call` benchmark and the `call_count` example make: the same
//! `QueryCashCoupons` request, signed with ACS3-HMAC-SHA256, built as an `http::Request`,
//! answered as the canned transport answers and decoded into a minimal hand-written struct,
//! written out by hand for this one operation with the crates the core uses (ring,
//! percent-encoding, http, serde_json) and nothing of the SDK: no parameter table,
//! credentials provider, retries, timeouts, spans or checks of the answer. What any client
//! must do for this call; what our call does beyond it is the SDK's own work.
//!
//! It takes a fixed time and nonce; so do the clients it is compared with ([`fixed`]).

use std::time::{Duration, SystemTime};

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::ConfigBuilder;
use alibabacloud_core::time_source::{FixedNonceSource, FixedTimeSource};
use alibabacloud_core::transport::CannedTransport;
use serde::Deserialize;

use super::{builder, one_call};

/// The time and nonce of the clients with fixed sources, and of the floor.
pub(crate) const FIXED_DATE: &str = "2024-01-01T00:00:00Z";
pub(crate) const FIXED_NONCE: &str = "0123456789abcdef0123456789abcdef";

/// `builder` with the fixed time and nonce.
pub(crate) fn fixed(builder: ConfigBuilder) -> ConfigBuilder {
    builder
        .time_source(FixedTimeSource(
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200),
        ))
        .nonce_source(FixedNonceSource(FIXED_NONCE.to_owned()))
}

/// The hand-written struct a user would decode the answer into with serde alone: the same
/// fields, plain types, no unknown-field or open-enum handling.
#[allow(dead_code)] // Read by serde; the benchmark only keeps the count.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct MinimalResponse {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    success: Option<bool>,
    pub(crate) data: MinimalData,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct MinimalData {
    pub(crate) cash_coupon: Vec<MinimalCoupon>,
}

#[allow(dead_code)] // Read by serde.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct MinimalCoupon {
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
pub(crate) fn floor_params() -> [(&'static str, &'static str); 3] {
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
pub(crate) struct Floor {
    key: ring::hmac::Key,
    host: &'static str,
    user_agent: http::HeaderValue,
    status: http::StatusCode,
    headers: http::HeaderMap,
    body: bytes::Bytes,
}

impl Floor {
    pub(crate) fn new(body: &str) -> Self {
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
    pub(crate) fn request(
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
    pub(crate) fn call(
        &self,
        date: &str,
        nonce: &str,
        params: [(&str, &str); 3],
    ) -> MinimalResponse {
        let request = self.request(date, nonce, params);
        // The canned transport's answer; the request is dropped (the transport keeps it).
        let mut response = http::Response::new(self.body.clone());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        drop(std::hint::black_box(request));
        let text = std::str::from_utf8(response.body()).unwrap();
        serde_json::from_str(text).unwrap()
    }

    /// Panics unless the floor builds the request our client sends with the same fixed time
    /// and nonce (the same method, URI, headers and body), and decodes the answer.
    pub(crate) fn check(&self, runtime: &tokio::runtime::Runtime) {
        let canned = CannedTransport::new(200, self.body.clone());
        let body = std::str::from_utf8(&self.body).unwrap();
        let client = bss::Client::new(
            fixed(builder(body))
                .transport(canned.clone())
                .build()
                .unwrap(),
        );
        runtime.block_on(one_call(&client));
        assert_eq!(
            describe(&canned.last_request().unwrap()),
            describe(&self.request(FIXED_DATE, FIXED_NONCE, floor_params())),
            "the floor does not build the request our client sends"
        );
        let decoded = self.call(FIXED_DATE, FIXED_NONCE, floor_params());
        assert_eq!(decoded.data.cash_coupon.len(), 1);
    }
}
