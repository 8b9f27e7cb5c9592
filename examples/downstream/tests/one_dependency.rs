//! One dependency is enough: the types a user's crate names to configure a client and to tell
//! its errors apart are the client crate's re-exports (this crate has no dependency on
//! `alibabacloud-core`, so a missing re-export fails to compile here).

#![allow(clippy::unwrap_used)]

use std::time::Duration;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_emulator::{Emulator, Reply};
use bss::operation::query_cash_coupons::QueryCashCouponsError;

/// What a user's code does with an error: every kind, named through the client crate.
fn describe(err: &QueryCashCouponsError) -> String {
    match err {
        bss::Error::Construction(bss::ConstructionError::MissingParameter {
            parameter, ..
        }) => {
            format!("missing parameter {parameter}")
        }
        bss::Error::Construction(e) => format!("cannot build the request: {e}"),
        bss::Error::Credentials(e) => {
            let e: &bss::CredentialsError = e;
            format!("no credentials: {e}")
        }
        bss::Error::Endpoint(e) => {
            let e: &bss::EndpointError = e;
            format!("no endpoint: {e}")
        }
        bss::Error::Timeout(e) if e.kind() == bss::TimeoutKind::Attempt => {
            "attempt timeout".to_owned()
        }
        bss::Error::Timeout(e) => format!("{} timeout", e.kind()),
        bss::Error::Dispatch(e) => format!("network: {e}"),
        bss::Error::Response(e) => format!("unreadable answer: {e}"),
        bss::Error::Service(e) => format!("service error {e}"),
        _ => "another error".to_owned(),
    }
}

#[tokio::test]
async fn errors_are_matched_with_the_client_crate_alone() {
    let emulator = Emulator::new()
        .access_key("test-id", "test-secret")
        .start()
        .await
        .unwrap();
    let config: bss::Config = bss::Config::builder()
        .region("cn-hangzhou")
        .endpoint(emulator.endpoint())
        .credentials_provider(bss::Credentials::new("test-id", "test-secret").unwrap())
        .attempt_timeout(Duration::from_millis(200))
        .retry(bss::RetryConfig::disabled())
        // The emulator on 127.0.0.1 is reached directly, whatever proxy the environment names.
        .proxy(bss::Proxy::none())
        .build()
        .unwrap();
    let client = bss::Client::new(config);

    emulator.script_for("QueryCashCoupons", Reply::hang());
    let err = client.query_cash_coupons().send().await.unwrap_err();
    assert_eq!(describe(&err), "attempt timeout");

    emulator.script_for("QueryCashCoupons", Reply::error("NotAuthorized"));
    let err = client.query_cash_coupons().send().await.unwrap_err();
    assert!(describe(&err).starts_with("service error"), "{err:?}");
    emulator.shutdown().await;
}

#[test]
fn configuration_types_come_from_the_client_crate() {
    let builder: bss::ConfigBuilder = bss::Config::builder();
    let err: bss::ConfigError = builder
        .region("cn-hangzhou")
        .credentials_provider(bss::Credentials::new("id", "secret").unwrap())
        .endpoint("not a url")
        .build()
        .unwrap_err();
    assert!(!err.to_string().is_empty());
    let _: bss::SignatureVersion = bss::SignatureVersion::default();
    let _: bss::CallOptions = bss::CallOptions::default();
}
