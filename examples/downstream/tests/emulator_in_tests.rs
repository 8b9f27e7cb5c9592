//! Using the emulator in your own tests: the example of the SDK's `README.md`, verbatim (from
//! `use std::time::Duration;` to the end; the SDK's tests check it).

#![allow(clippy::unwrap_used)]

use std::time::Duration;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_emulator::{Emulator, Reply, Verdict};
use bss::operation::query_cash_coupons::QueryCashCouponsErrorCode;
use serde_json::json;

#[tokio::test]
async fn my_code_against_the_emulator() {
    // 1. Start the emulator on a free port: it accepts this key pair and verifies the
    //    signature of every request with its own code.
    let emulator = Emulator::new()
        .access_key("test-id", "test-secret")
        .start()
        .await
        .unwrap();

    // 2. Point the generated client at it (Config and Credentials are re-exported).
    let config = bss::Config::builder()
        .region("cn-hangzhou")
        .endpoint(emulator.endpoint())
        .credentials_provider(bss::Credentials::new("test-id", "test-secret").unwrap())
        .build()
        .unwrap();
    let client = bss::Client::new(config);

    // 3. Script the answers your code must handle, in order.
    emulator.script_for(
        "QueryCashCoupons",
        Reply::throttling().retry_after(Duration::from_millis(10)),
    );
    emulator.script_for(
        "QueryCashCoupons",
        Reply::success(json!({
            "Success": true,
            "Data": {"CashCoupon": [{"CashCouponId": 1, "Status": "Available", "Balance": "12.50"}]}
        })),
    );
    emulator.script_for("QueryCashCoupons", Reply::error("NotAuthorized"));

    // 4. Run the code under test (here, the client itself).
    let response = client.query_cash_coupons().send().await.unwrap(); // throttled, retried
    assert_eq!(
        response.data.cash_coupon[0].balance.as_deref(),
        Some("12.50")
    );
    let err = client.query_cash_coupons().send().await.unwrap_err();
    assert_eq!(err.code(), Some(&QueryCashCouponsErrorCode::NotAuthorized));

    // 5. Check what was sent.
    let requests = emulator.requests_for("QueryCashCoupons");
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.verdict == Verdict::Accepted));
    emulator.shutdown().await;
}
