//! What a call tells besides its typed answer, through the generated clients against the
//! emulator: the request id, status, headers and raw body of a success; the code, message,
//! request id and retry class of any operation's failure through one trait; error chains
//! that an `anyhow` report prints once per line; failures that name their cause; per-call
//! connect and read timeouts; the region and VPC endpoint data of the spec.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::error::Error as _;
use std::time::{Duration, Instant};

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::{
    CallOptions, CommonErrorCode, Config, Credentials, DispatchErrorKind, Error, Network,
    ProvideErrorMetadata, RetryConfig, Runtime, TimeoutKind,
};
use alibabacloud_emulator::{EmulatorHandle, Reply};
use alibabacloud_quickbi_public20220101 as quickbi;
use bss::operation::query_cash_coupons::QueryCashCouponsErrorCode;
use serde_json::json;

/// The body of a QueryCashCoupons answer with a field its API metadata does not list.
fn body_with_an_undocumented_field() -> serde_json::Value {
    json!({
        "Code": "Success",
        "Message": "Successful",
        "Success": true,
        "Data": {
            "CashCoupon": [{"CashCouponId": 7, "NominalValue": "100.00"}],
            "OutstandingAmount": "12.50"
        }
    })
}

#[tokio::test]
async fn a_success_gives_its_request_id_status_headers_and_raw_body() {
    let emulator = common::emulator().await;
    emulator.script_for(
        "QueryCashCoupons",
        Reply::success(body_with_an_undocumented_field()).header("x-e2e-extra", "yes"),
    );
    let response = common::bss_client(&emulator)
        .query_cash_coupons()
        .send_with_metadata()
        .await
        .unwrap();

    let requests = emulator.requests();
    assert_eq!(
        requests.len(),
        1,
        "one request, no second one for the metadata"
    );
    let sent_id = requests[0].request_id.as_deref().unwrap();
    assert_eq!(response.request_id(), Some(sent_id));
    let metadata = response.metadata();
    assert_eq!(metadata.request_id(), Some(sent_id));
    assert_eq!(metadata.status(), 200);
    assert_eq!(metadata.header("x-acs-request-id"), Some(sent_id));
    assert_eq!(metadata.header("x-e2e-extra"), Some("yes"));
    // What the typed model drops is in the raw body.
    let raw: serde_json::Value = metadata.json().unwrap();
    assert_eq!(raw["Data"]["OutstandingAmount"], "12.50");
    assert!(metadata.body().starts_with(b"{"));
    // `Debug` shows the size of the body, not its content.
    let shown = format!("{response:?}");
    assert!(!shown.contains("OutstandingAmount"), "{shown}");

    let (output, _) = response.into_parts();
    assert_eq!(output.data.cash_coupon[0].cash_coupon_id, Some(7));
    assert_eq!(output.request_id.as_deref(), Some(sent_id));
}

/// What generic code (a logger, a metrics layer) makes of any operation's error.
fn classify(error: &dyn ProvideErrorMetadata) -> String {
    match error.common_code() {
        Some(code) if code.is_authentication() => format!("authentication: {code}"),
        Some(code) if code.is_throttling() => format!("throttled: {code}"),
        _ if error.is_retryable() => "retryable".to_owned(),
        _ => format!("other: {}", error.code_str().unwrap_or("-")),
    }
}

#[tokio::test]
async fn the_errors_of_every_operation_share_their_metadata() {
    let emulator = common::emulator().await;
    let no_retry = || common::config(&emulator).retry(RetryConfig::disabled());

    // A gateway code from the signature check, on two products.
    let wrong_secret =
        no_retry().credentials_provider(Credentials::new(common::KEY_ID, "NotTheSecret").unwrap());
    let bss_error = bss::Client::new(wrong_secret.clone().build().unwrap())
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    let quickbi_error = quickbi::Client::new(wrong_secret.build().unwrap())
        .query_ticket_info()
        .ticket(common::TICKET)
        .send()
        .await
        .unwrap_err();
    let errors: [&dyn ProvideErrorMetadata; 2] = [&bss_error, &quickbi_error];
    for error in errors {
        assert_eq!(
            error.common_code(),
            Some(CommonErrorCode::SignatureDoesNotMatch)
        );
        assert_eq!(classify(error), "authentication: SignatureDoesNotMatch");
        assert_eq!(error.http_status(), Some(400));
        assert!(error.request_id().is_some());
        assert!(error.message().is_some());
        assert!(!error.is_retryable() && !error.is_throttling());
    }

    // Throttling, matched without a string compare.
    emulator.script_for("QueryCashCoupons", Reply::throttling());
    let throttled = bss::Client::new(no_retry().build().unwrap())
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    assert!(throttled.is_throttling() && throttled.is_retryable());
    assert!(matches!(
        throttled.common_code(),
        Some(CommonErrorCode::ThrottlingUser)
    ));
    assert_eq!(classify(&throttled), "throttled: Throttling.User");

    // A network failure: no code, no status, retryable.
    let refused = call_without_retries(&emulator, &format!("http://{}", closed_port())).await;
    assert_eq!(refused.code_str(), None);
    assert_eq!(refused.http_status(), None);
    assert_eq!(classify(&refused), "retryable");
}

/// The error of a QueryCashCoupons call, without retries, to `endpoint`.
async fn call_without_retries(
    emulator: &EmulatorHandle,
    endpoint: &str,
) -> Error<QueryCashCouponsErrorCode> {
    let config = common::config(emulator)
        .retry(RetryConfig::disabled())
        .endpoint(endpoint)
        .build()
        .unwrap();
    let result = bss::Client::new(config).query_cash_coupons().send().await;
    result.unwrap_err()
}

/// An address where nothing listens.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    drop(listener);
    address
}

/// The lines an `anyhow` report prints: the error, then each cause.
fn report_lines(error: Error<impl alibabacloud_core::ErrorCode>) -> Vec<String> {
    let report = anyhow::Error::new(error);
    let lines: Vec<String> = report.chain().map(ToString::to_string).collect();
    // Each line says something the others do not: none repeats another (nor contains it).
    for (i, line) in lines.iter().enumerate() {
        assert!(!line.is_empty(), "{report:?}");
        for (j, other) in lines.iter().enumerate() {
            assert!(
                i == j || !line.contains(other.as_str()),
                "line {i} repeats line {j}:\n{report:?}"
            );
        }
    }
    lines
}

#[tokio::test]
async fn an_anyhow_report_prints_each_line_once_and_names_the_server() {
    let emulator = common::emulator().await;

    // Connection refused: names host and port; the OS's words are the cause.
    let address = closed_port();
    let error = call_without_retries(&emulator, &format!("http://{address}")).await;
    let Error::Dispatch(dispatch) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(dispatch.kind(), DispatchErrorKind::Connect);
    assert_eq!(dispatch.target(), Some(address.as_str()));
    let lines = report_lines(error);
    assert_eq!(
        lines[0],
        format!("could not connect to {address}: connection refused")
    );
    assert!(lines.len() > 1, "the cause is kept: {lines:?}");

    // A host that does not resolve (`.invalid` never does, RFC 6761): a DNS failure, named.
    let error = call_without_retries(&emulator, "http://ecs.invalid:8080").await;
    let Error::Dispatch(dispatch) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(dispatch.kind(), DispatchErrorKind::Dns, "{error:?}");
    assert_eq!(
        report_lines(error)[0],
        "could not resolve the host `ecs.invalid` (DNS lookup failed; port 8080)"
    );

    // TLS against a plain-HTTP port: says so, and suggests `http://`.
    let plain = emulator.endpoint();
    let authority = plain.trim_start_matches("http://").trim_end_matches('/');
    let error = call_without_retries(&emulator, &format!("https://{authority}")).await;
    let Error::Dispatch(dispatch) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(dispatch.kind(), DispatchErrorKind::Tls);
    let lines = report_lines(error);
    assert!(
        lines[0].starts_with(&format!("TLS handshake with {authority} failed"))
            && lines[0].contains(&format!("set the endpoint to `http://{authority}`")),
        "{lines:?}"
    );

    // No credentials: said once, nothing sent.
    let config = Config::builder()
        .region("cn-hangzhou")
        .endpoint(emulator.endpoint())
        .build()
        .unwrap();
    let error = bss::Client::new(config)
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Credentials(_)), "{error:?}");
    let lines = report_lines(error);
    assert!(lines[0].starts_with("no credentials: "), "{lines:?}");

    // A service error: one line, the code, message and request id.
    emulator.script_for("QueryCashCoupons", Reply::error("InvalidParameter"));
    let error = common::bss_client(&emulator)
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    assert!(error.source().is_none(), "{error:?}");
    let lines = report_lines(error);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("InvalidParameter"), "{lines:?}");

    // A read timeout: names the server and the timeout.
    emulator.script_for("QueryCashCoupons", Reply::hang());
    let error = common::bss_client(&emulator)
        .query_cash_coupons()
        .call_options(
            CallOptions::new()
                .retry(RetryConfig::disabled())
                .read_timeout(Duration::from_millis(150)),
        )
        .send()
        .await
        .unwrap_err();
    let lines = report_lines(error);
    assert_eq!(
        lines[0],
        format!("read timeout after 150ms waiting for {authority}")
    );
}

#[tokio::test]
async fn a_decode_error_names_the_field_and_the_expected_type() {
    let emulator = common::emulator().await;
    let mut body = body_with_an_undocumented_field();
    body["Data"]["CashCoupon"][0]["CashCouponId"] = json!({"not": "a number"});
    emulator.script_for("QueryCashCoupons", Reply::success(body));
    let error = common::bss_client(&emulator)
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    let Error::Response(response) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        response.json_path(),
        Some("Data.CashCoupon[0].CashCouponId")
    );
    let shown = error.to_string();
    assert!(
        shown.contains("at `Data.CashCoupon[0].CashCouponId`")
            && shown.contains("expected a 64-bit integer"),
        "{shown}"
    );
    assert!(error.request_id().is_some(), "{error:?}");
}

#[tokio::test]
async fn per_call_connect_and_read_timeouts_override_the_clients() {
    let emulator = common::emulator().await;
    let client = bss::Client::new(
        common::config(&emulator)
            .read_timeout(Duration::from_millis(200))
            .retry(RetryConfig::disabled())
            .build()
            .unwrap(),
    );

    // Longer than the client's read timeout: the call's own lets it through.
    emulator.script_for("QueryCashCoupons", Reply::delay(Duration::from_millis(600)));
    client
        .query_cash_coupons()
        .call_options(
            CallOptions::new()
                .connect_timeout(Duration::from_secs(1))
                .read_timeout(Duration::from_secs(3)),
        )
        .send()
        .await
        .unwrap();

    // The client's own still applies to the next call.
    emulator.script_for("QueryCashCoupons", Reply::delay(Duration::from_millis(600)));
    let started = Instant::now();
    let error = client.query_cash_coupons().send().await.unwrap_err();
    let Error::Timeout(timeout) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(timeout.kind(), TimeoutKind::Read);
    assert_eq!(timeout.after(), Some(Duration::from_millis(200)));
    assert!(started.elapsed() < Duration::from_millis(550), "{error}");
}

#[tokio::test]
async fn a_region_the_endpoint_data_does_not_know_is_an_error_naming_the_known_ones() {
    let config = |region: &str| {
        Config::builder()
            .region(region)
            .credentials_provider(Credentials::new(common::KEY_ID, common::KEY_SECRET).unwrap())
    };
    // A typo of a region in Quick BI's table, and one the BSS rule would have sent to the
    // international endpoint: no request, an error that names the known regions.
    let error = quickbi::Client::new(config("cn-hangzou").build().unwrap())
        .query_ticket_info()
        .ticket(common::TICKET)
        .send()
        .await
        .unwrap_err();
    let shown = error.to_string();
    assert!(matches!(error, Error::Endpoint(_)), "{error:?}");
    assert!(
        shown.contains("`cn-hangzou`")
            && shown.contains("did you mean `cn-hangzhou`?")
            && shown.contains("ap-southeast-1, ap-southeast-3"),
        "{shown}"
    );
    let error = bss::Client::new(config("us-eest-1").build().unwrap())
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("did you mean `us-east-1`?"),
        "{error}"
    );

    // An Alibaba Cloud region outside the table still goes by the product's rule.
    let runtime = Runtime::new(
        config("cn-wulanchabu").build().unwrap(),
        &quickbi::endpoints::ENDPOINTS,
    );
    assert_eq!(
        runtime.endpoint().unwrap().authority(),
        "quickbi-public.cn-wulanchabu.aliyuncs.com"
    );
    // An explicit endpoint wins over any region.
    let explicit = config("cn-hangzou")
        .endpoint("http://127.0.0.1:9")
        .build()
        .unwrap();
    let runtime = Runtime::new(explicit, &quickbi::endpoints::ENDPOINTS);
    assert_eq!(runtime.endpoint().unwrap().authority(), "127.0.0.1:9");
}

#[tokio::test]
async fn the_vpc_network_takes_the_vpc_host_of_the_endpoint_data() {
    let vpc = |region: &str| {
        Config::builder()
            .region(region)
            .network(Network::Vpc)
            .build()
            .unwrap()
    };
    let runtime = Runtime::new(vpc("cn-hangzhou"), &quickbi::endpoints::ENDPOINTS);
    assert_eq!(
        runtime.endpoint().unwrap().authority(),
        "quickbi-public-vpc.cn-hangzhou.aliyuncs.com"
    );
    // BSS lists no VPC host: an error, not the public host.
    let runtime = Runtime::new(vpc("cn-hangzhou"), &bss::endpoints::ENDPOINTS);
    let error = runtime.endpoint().unwrap_err().to_string();
    assert!(
        error.contains("no VPC endpoint for region `cn-hangzhou`") && error.contains("none"),
        "{error}"
    );
    // Quick BI outside its VPC regions: the error lists them.
    let runtime = Runtime::new(vpc("cn-shenzhen"), &quickbi::endpoints::ENDPOINTS);
    let error = runtime.endpoint().unwrap_err().to_string();
    assert!(error.contains("cn-hangzhou, cn-hongkong"), "{error}");
}
