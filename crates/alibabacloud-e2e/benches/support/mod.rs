//! The call the `call` benchmark and the `call_count` example make: `QueryCashCoupons`
//! through the generated client, answered at once by a `CannedTransport` with the documented
//! example body; and the large body (10,000 coupons) of the decoding benchmark and the
//! `large_body_memory` example. The `loopback` benchmark and its examples make the same call
//! against a local server (`loopback.rs` beside this file). The same call by hand, without
//! the SDK, is in `floor.rs`.

// Each file that includes this module uses a part of it.
#![allow(dead_code)]

pub(crate) mod floor;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::transport::CannedTransport;
use alibabacloud_core::{Config, ConfigBuilder, Credentials, Response};
use bss::operation::query_cash_coupons::{QueryCashCouponsFluentBuilder, QueryCashCouponsResponse};

/// The documented success example of QueryCashCoupons (its `responseDemo`).
pub(crate) fn documented_body() -> String {
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

/// The documented body with `coupons` coupons instead of one: the documented coupon repeated
/// with distinct ids and numbers, as compact JSON, as services send it (10,000 coupons make
/// about 4.5 MB).
pub(crate) fn coupons_body(coupons: usize) -> String {
    let mut document: serde_json::Value = serde_json::from_str(&documented_body()).unwrap();
    let coupon = document["Data"]["CashCoupon"][0].clone();
    let first_id = coupon["CashCouponId"].as_i64().unwrap();
    let all = (0..coupons)
        .map(|n| {
            let mut coupon = coupon.clone();
            coupon["CashCouponId"] = (first_id + n as i64).into();
            coupon["CashCouponNo"] = format!("Q-{n:013x}").into();
            coupon
        })
        .collect();
    document["Data"]["CashCoupon"] = serde_json::Value::Array(all);
    serde_json::to_string(&document).unwrap()
}

/// A configuration whose transport answers every call with `body`.
pub(crate) fn builder(body: &str) -> ConfigBuilder {
    Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap())
        .transport(CannedTransport::new(200, body.to_owned()))
}

/// The request: 3 parameters.
fn request(client: &bss::Client) -> QueryCashCouponsFluentBuilder {
    client
        .query_cash_coupons()
        .effective_or_not(true)
        .expiry_time_start("2018-08-01T00:00:00Z")
        .expiry_time_end("2018-09-01T00:00:00Z")
}

/// One call with `send()`.
pub(crate) async fn one_call(client: &bss::Client) -> QueryCashCouponsResponse {
    request(client).send().await.unwrap()
}

/// One call with `send_with_metadata()`.
pub(crate) async fn one_call_with_metadata(
    client: &bss::Client,
) -> Response<QueryCashCouponsResponse> {
    request(client).send_with_metadata().await.unwrap()
}
