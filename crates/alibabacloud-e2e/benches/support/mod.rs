//! The call the `call` benchmark and the `call_count` example make: `QueryCashCoupons`
//! through the generated client, answered at once by a `CannedTransport` with the documented
//! example body.

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
