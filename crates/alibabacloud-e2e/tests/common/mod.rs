//! What the end-to-end tests share: the emulator with the repository's specs and the
//! fixture spec, the credentials it accepts, and client configurations pointing at it.

#![allow(dead_code, clippy::unwrap_used, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::{Config, ConfigBuilder, Credentials, RetryConfig};
use alibabacloud_emulator::{Emulator, EmulatorHandle};
use alibabacloud_quickbi_public20220101 as quickbi;

/// The AccessKey pair the emulator accepts.
pub const KEY_ID: &str = "LTAIe2eTestKeyId";
pub const KEY_SECRET: &str = "E2eTestKeySecretValue";

/// The STS credential the emulator accepts (the token is required with it).
pub const STS_ID: &str = "STS.e2eTestKeyId";
pub const STS_SECRET: &str = "E2eStsSecretValue";
pub const STS_TOKEN: &str = "E2eStsSecurityTokenValue";

/// The documented example ticket of QueryTicketInfo (a secret parameter).
pub const TICKET: &str = "a27a9aec-****-****-bd40-1a21ea41d7c5";

/// The repository's `specs/`.
pub fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs")
}

/// The fixture spec: product `E2eFixture` with a `write` and a `read` operation.
pub fn fixture_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/e2efixture/2024-01-01/api-docs.json")
}

/// The spec of one repository product, e.g. `bssopenapi/2017-12-14`.
pub fn repository_spec(product_version: &str) -> alibabacloud_spec::Spec {
    alibabacloud_spec::load_file(&specs_dir().join(product_version).join("api-docs.json")).unwrap()
}

/// An emulator serving the repository's specs and the fixture spec, accepting
/// [`KEY_ID`] and the STS credential [`STS_ID`].
pub async fn emulator() -> EmulatorHandle {
    Emulator::new()
        .access_key(KEY_ID, KEY_SECRET)
        .sts_credential(STS_ID, STS_SECRET, STS_TOKEN)
        .spec_dir(specs_dir())
        .unwrap()
        .spec_file(fixture_spec())
        .unwrap()
        .start()
        .await
        .unwrap()
}

/// Three attempts with waits of at most a few milliseconds.
pub fn fast_retry() -> RetryConfig {
    RetryConfig::standard()
        .with_max_attempts(3)
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(5))
        .with_max_retry_after(Duration::from_millis(500))
}

/// A configuration pointing at the emulator with the AccessKey pair, fast retries and
/// short timeouts (so that a hanging test fails fast).
pub fn config(emulator: &EmulatorHandle) -> ConfigBuilder {
    Config::builder()
        .region("cn-hangzhou")
        .endpoint(emulator.endpoint())
        .credentials_provider(Credentials::new(KEY_ID, KEY_SECRET).unwrap())
        .retry(fast_retry())
        .connect_timeout(Duration::from_secs(1))
        .read_timeout(Duration::from_secs(2))
        .operation_timeout(Duration::from_secs(5))
}

/// The BSS OpenAPI client on [`config`].
pub fn bss_client(emulator: &EmulatorHandle) -> bss::Client {
    bss::Client::new(config(emulator).build().unwrap())
}

/// The Quick BI client on [`config`].
pub fn quickbi_client(emulator: &EmulatorHandle) -> quickbi::Client {
    quickbi::Client::new(config(emulator).build().unwrap())
}

/// Checks every field of the documented QueryTicketInfo answer but `RequestId` (which the
/// emulator sets to the id of the request it answered).
pub fn assert_documented_ticket_info(
    response: &quickbi::operation::query_ticket_info::QueryTicketInfoResponse,
) {
    assert_eq!(response.success, Some(true));
    let result = &response.result;
    assert_eq!(
        result.access_ticket.as_deref(),
        Some("a27a9aec-****-****-bd40-1a21ea41d7c5")
    );
    assert_eq!(
        result.cmpt_id.as_deref(),
        Some("sfdgsds-****-****-a608-mghdgd")
    );
    assert_eq!(
        result.global_param.as_deref(),
        Some(
            "[{\"paramKey\":\"price\",\"joinType\":\"and\",\"conditionList\":[{\"operate\":\">\",\
             \"value\":\"0\"}]},{\"paramKey\":\"product_type\",\"joinType\":\"and\",\
             \"conditionList\":[{\"operate\":\"in\",\"value\":[\"办公用品\",\"家具产品\"]}]}]\\n"
        )
    );
    assert_eq!(result.invalid_time.as_deref(), Some("2022-01-30 03:03:49"));
    assert_eq!(result.max_ticket_num, Some(9999));
    assert_eq!(
        result.organization_id.as_deref(),
        Some("2fe4fbd8-****-****-b3e1-e92c7af083ea")
    );
    assert_eq!(result.register_time.as_deref(), Some("2022-01-09 22:23:49"));
    assert_eq!(result.used_ticket_num, Some(47));
    assert_eq!(result.user_id.as_deref(), Some("974e50**********9033f46"));
    assert_eq!(result.watermark_param.as_deref(), Some("ticket"));
    assert_eq!(
        result.works_id.as_deref(),
        Some("ccd3428c-****-****-a608-26bae29dffee")
    );
}

/// Checks every field of the documented QueryCashCoupons answer but `RequestId`.
pub fn assert_documented_cash_coupons(
    response: &bss::operation::query_cash_coupons::QueryCashCouponsResponse,
) {
    use bss::operation::query_cash_coupons::CashCouponStatus;

    assert_eq!(response.code.as_deref(), Some("Success"));
    assert_eq!(response.message.as_deref(), Some("Successful"));
    assert_eq!(response.success, Some(true));
    assert_eq!(response.data.cash_coupon.len(), 1);
    let coupon = &response.data.cash_coupon[0];
    assert_eq!(coupon.status, Some(CashCouponStatus::Available));
    assert_eq!(coupon.expiry_time.as_deref(), Some("2019-01-29T15:15:50Z"));
    assert_eq!(coupon.granted_time.as_deref(), Some("2018-08-02T15:15:50Z"));
    assert_eq!(coupon.nominal_value.as_deref(), Some("100.00"));
    assert_eq!(
        coupon.effective_time.as_deref(),
        Some("2018-08-02T15:15:50Z")
    );
    assert_eq!(
        coupon.applicable_scenarios.as_deref(),
        Some(
            "Pay for the pay-as-you-go bills of Alibaba Cloud services or purchase an instance \
             of an Alibaba Cloud service\n"
        )
    );
    assert_eq!(coupon.cash_coupon_id, Some(34534253254325));
    assert_eq!(
        coupon.applicable_products.as_deref(),
        Some("All Alibaba Cloud services\n")
    );
    assert_eq!(coupon.cash_coupon_no.as_deref(), Some("Q-b1485def8f04a"));
    assert_eq!(coupon.balance.as_deref(), Some("100.00"));
    assert_eq!(
        coupon.description.as_deref(),
        Some("This voucher is used for testing product function")
    );
}
