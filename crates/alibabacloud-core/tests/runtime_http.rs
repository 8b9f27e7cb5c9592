//! The runtime against real HTTP on 127.0.0.1: the emulator (an independent implementation of
//! the gateway's signature checks) answers like the service, or as each test scripts it.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::transport::{
    HttpRequest, HttpTransport, HyperTransport, TransportFuture, TransportSettings,
};
use alibabacloud_core::{
    ApiStyle, CallOptions, Config, ConfigBuilder, Error, HttpMethod, Operation, OperationType,
    ParamLocation, Params, ProductEndpoints, ResponseErrorKind, RetryConfig, Runtime,
    SignatureVersion, SuccessCheck, TimeoutKind,
};
use alibabacloud_emulator::{Emulator, EmulatorHandle, Outcome, Reply};
use http::StatusCode;
use raw_server::RawServer;

#[path = "support/raw_server.rs"]
mod raw_server;

const ID: &str = "TestAccessKeyId";
const SECRET: &str = "TestAccessKeySecret-do-not-leak";
const STS_ID: &str = "STS.TestAccessKeyId";
const STS_SECRET: &str = "StsSecret-do-not-leak";
const STS_TOKEN: &str = "StsToken-do-not-leak";

static PRODUCT: ProductEndpoints = ProductEndpoints {
    product: "Demo",
    regional: &[("cn-hangzhou", "demo.cn-hangzhou.aliyuncs.com")],
    vpc: &[],
    rule: None,
};

const READ: Operation = Operation {
    product: "Demo",
    action: "DescribeThings",
    version: "2024-01-01",
    method: HttpMethod::Post,
    style: ApiStyle::Rpc,
    operation_type: OperationType::Read,
    ..Operation::DEFAULT
};

const WRITE: Operation = Operation {
    action: "CreateThing",
    operation_type: OperationType::Write,
    ..READ
};

async fn emulator() -> EmulatorHandle {
    Emulator::new()
        .access_key(ID, SECRET)
        .sts_credential(STS_ID, STS_SECRET, STS_TOKEN)
        .start()
        .await
        .unwrap()
}

fn fast_retry() -> RetryConfig {
    RetryConfig::default()
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(5))
}

fn config(endpoint: &str) -> ConfigBuilder {
    Config::builder()
        .endpoint(endpoint)
        .credentials_provider(Credentials::new(ID, SECRET).unwrap())
        .retry(fast_retry())
}

fn runtime(builder: ConfigBuilder) -> Runtime {
    Runtime::new(builder.build().unwrap(), &PRODUCT)
}

fn params() -> Params {
    let mut params = Params::new();
    params.push(ParamLocation::Query, "Name", "a b*c~+/é");
    params.push(ParamLocation::Query, "Empty", "");
    params.push(ParamLocation::Form, "Note", "form value & more");
    params
}

#[tokio::test]
async fn success_with_both_signature_styles() {
    let server = emulator().await;
    for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
        server.clear_requests();
        let rt = runtime(config(&server.endpoint()).signature_version(style));
        let raw = rt
            .invoke_raw(&READ, params(), &CallOptions::new())
            .await
            .unwrap();
        assert_eq!(raw.status(), 200);
        let body: serde_json::Value = raw
            .decode::<serde_json::Value, String>(SuccessCheck::Envelope)
            .unwrap();
        assert_eq!(body["Success"], true);
        assert!(raw.request_id().is_some());

        let requests = server.requests();
        assert_eq!(requests.len(), 1, "{style:?}");
        let r = &requests[0];
        assert!(r.verdict.is_accepted(), "{style:?}: {:?}", r.verdict);
        assert_eq!(r.method, "POST");
        assert_eq!(r.action.as_deref(), Some("DescribeThings"));
        assert_eq!(r.version.as_deref(), Some("2024-01-01"));
        assert_eq!(r.param("Name"), Some("a b*c~+/é"));
        assert_eq!(r.param("Empty"), Some(""));
        assert_eq!(r.param("Note"), Some("form value & more"));
        assert!(
            r.form.iter().any(|(k, _)| k == "Note"),
            "form params go in the body"
        );
        assert!(
            r.header("user-agent")
                .unwrap()
                .starts_with("AlibabaCloud (")
        );
        match style {
            SignatureVersion::Acs3HmacSha256 => {
                assert!(
                    r.header("authorization")
                        .unwrap()
                        .starts_with("ACS3-HMAC-SHA256 ")
                );
                assert_eq!(r.header("accept"), Some("application/json"));
            }
            _ => assert_eq!(r.param("SignatureMethod"), Some("HMAC-SHA1")),
        }
    }
}

#[tokio::test]
async fn get_operations_send_form_params_in_the_query() {
    let server = emulator().await;
    let rt = runtime(config(&server.endpoint()));
    let get = Operation {
        method: HttpMethod::Get,
        ..READ
    };
    rt.invoke_raw(&get, params(), &CallOptions::new())
        .await
        .unwrap();
    let r = &server.requests()[0];
    assert_eq!(r.method, "GET");
    assert!(r.body.is_empty());
    assert!(
        r.query
            .iter()
            .any(|(k, v)| k == "Note" && v == "form value & more")
    );
}

#[tokio::test]
async fn sts_credentials_sign_the_token() {
    let server = emulator().await;
    for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
        server.clear_requests();
        let rt = runtime(
            config(&server.endpoint())
                .signature_version(style)
                .credentials_provider(
                    Credentials::new(STS_ID, STS_SECRET)
                        .unwrap()
                        .with_security_token(STS_TOKEN),
                ),
        );
        rt.invoke_raw(&READ, params(), &CallOptions::new())
            .await
            .unwrap();
        let r = &server.requests()[0];
        assert!(r.verdict.is_accepted(), "{style:?}: {:?}", r.verdict);
        assert_eq!(r.access_key_id.as_deref(), Some(STS_ID));
        match style {
            SignatureVersion::Acs3HmacSha256 => {
                assert_eq!(r.header("x-acs-security-token"), Some(STS_TOKEN));
                assert_eq!(r.header("x-acs-accesskey-id"), Some(STS_ID));
                let auth = r.header("authorization").unwrap();
                assert!(auth.contains("x-acs-security-token"), "{auth}");
            }
            _ => assert_eq!(r.param("SecurityToken"), Some(STS_TOKEN)),
        }
    }
}

#[tokio::test]
async fn a_wrong_secret_is_a_service_error_that_never_shows_the_secret() {
    let server = emulator().await;
    let rt = runtime(
        config(&server.endpoint())
            .credentials_provider(Credentials::new(ID, "wrong-secret").unwrap()),
    );
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    let service = err.as_service_error().expect("service error");
    assert_eq!(service.code_str(), "SignatureDoesNotMatch");
    assert_eq!(service.status(), 400);
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("wrong-secret"));
    assert_eq!(server.request_count(), 1, "4xx errors are not retried");
}

#[tokio::test]
async fn service_errors_carry_everything_the_body_says() {
    let server = emulator().await;
    server.script(Reply::error_with(
        StatusCode::FORBIDDEN,
        "Forbidden.RAM",
        "User not authorized to operate on the specified resource.",
    ));
    let rt = runtime(config(&server.endpoint()));
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    let Error::Service(service) = &err else {
        panic!("expected a service error, got {err:?}");
    };
    assert_eq!(service.code_str(), "Forbidden.RAM");
    assert_eq!(service.status(), 403);
    assert_eq!(
        service.message(),
        Some("User not authorized to operate on the specified resource.")
    );
    let request_id = service.request_id().unwrap().to_string();
    assert!(service.host_id().is_some());
    assert!(service.recommend().is_some());
    assert!(!service.body().is_empty());
    let text = err.to_string();
    assert!(text.contains("Forbidden.RAM"), "{text}");
    assert!(text.contains("not authorized"), "{text}");
    assert!(text.contains(&request_id), "{text}");
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_503_then_success_is_retried_with_a_fresh_signature() {
    let server = emulator().await;
    server.script(Reply::service_unavailable());
    let rt = runtime(config(&server.endpoint()));
    rt.invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.verdict.is_accepted()));
    assert_ne!(requests[0].nonce, requests[1].nonce);
    assert_ne!(
        requests[0].header("authorization"),
        requests[1].header("authorization")
    );
}

#[tokio::test]
async fn retries_stop_after_max_attempts() {
    let server = emulator().await;
    server.script_all([
        Reply::internal_error(),
        Reply::internal_error(),
        Reply::internal_error(),
        Reply::internal_error(),
    ]);
    let rt = runtime(config(&server.endpoint()));
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.code().map(String::as_str), Some("InternalError"));
    assert_eq!(server.request_count(), 3);

    // Per-call options override the client's retry settings.
    server.clear_requests();
    let err = rt
        .invoke_raw(
            &READ,
            params(),
            &CallOptions::new().retry(RetryConfig::disabled()),
        )
        .await
        .unwrap_err();
    assert!(err.as_service_error().is_some());
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_write_operation_is_not_retried_once_sent() {
    let server = emulator().await;
    server.script_all([Reply::service_unavailable(), Reply::normal()]);
    let rt = runtime(config(&server.endpoint()));
    let err = rt
        .invoke_raw(&WRITE, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.as_service_error().unwrap().status(), 503);
    assert_eq!(server.request_count(), 1);

    // A dropped connection after sending is not retried for a write either.
    server.clear_script();
    server.clear_requests();
    server.script(Reply::drop_connection());
    let err = rt
        .invoke_raw(&WRITE, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Dispatch(d) if !d.is_connect()),
        "{err:?}"
    );
    assert_eq!(server.request_count(), 1);
}

/// Counts the requests that go through a transport.
#[derive(Debug)]
struct Counting {
    inner: HyperTransport,
    calls: Arc<AtomicUsize>,
}

impl HttpTransport for Counting {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.inner.send(request)
    }
}

#[tokio::test]
async fn a_request_that_never_left_is_retried_even_for_a_write() {
    // A port nobody listens on: the connection is refused.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let calls = Arc::new(AtomicUsize::new(0));
    let transport = Counting {
        inner: HyperTransport::new(TransportSettings::new(
            Duration::from_secs(1),
            Duration::from_secs(1),
        ))
        .unwrap(),
        calls: calls.clone(),
    };
    let rt = runtime(config(&format!("http://127.0.0.1:{port}")).transport(transport));
    let err = rt
        .invoke_raw(&WRITE, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Dispatch(d) if d.is_connect()),
        "{err:?}"
    );
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert!(err.to_string().contains("could not connect"), "{err}");
}

#[tokio::test]
async fn throttling_honours_x_acs_retry_after() {
    let server = emulator().await;
    server.script(Reply::throttling().retry_after(Duration::from_millis(400)));
    let rt = runtime(config(&server.endpoint()));
    let started = Instant::now();
    rt.invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap();
    assert!(started.elapsed() >= Duration::from_millis(400));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let gap = requests[1].received_at - requests[0].received_at;
    assert!(gap >= time::Duration::milliseconds(390), "{gap}");

    // A wait longer than the client accepts ends the retries at once.
    server.clear_requests();
    server.script(Reply::throttling().retry_after(Duration::from_secs(120)));
    let started = Instant::now();
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.code().map(String::as_str), Some("Throttling.User"));
    assert_eq!(
        err.as_service_error().unwrap().retry_after(),
        Some(Duration::from_secs(120))
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_hanging_server_hits_the_read_timeout() {
    let server = emulator().await;
    server.script(Reply::hang());
    let rt = runtime(
        config(&server.endpoint())
            .read_timeout(Duration::from_millis(300))
            .retry(RetryConfig::disabled()),
    );
    let started = Instant::now();
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Read),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(server.requests()[0].outcome, Outcome::Hung);
}

#[tokio::test]
async fn the_operation_timeout_bounds_the_whole_call() {
    let server = emulator().await;
    server.script_all([Reply::hang(), Reply::hang(), Reply::hang()]);
    let rt = runtime(config(&server.endpoint()));
    let started = Instant::now();
    let err = rt
        .invoke_raw(
            &READ,
            params(),
            &CallOptions::new().operation_timeout(Duration::from_millis(300)),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Operation),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));

    // The attempt timeout bounds each attempt; a read operation then retries.
    server.clear_script();
    server.clear_requests();
    server.script(Reply::hang());
    rt.invoke_raw(
        &READ,
        params(),
        &CallOptions::new().attempt_timeout(Duration::from_millis(200)),
    )
    .await
    .unwrap();
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_reset_connection_is_a_dispatch_error_and_retried_for_reads() {
    let server = emulator().await;
    server.script_all([Reply::drop_connection(), Reply::drop_connection()]);
    let rt = runtime(config(&server.endpoint()));
    rt.invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap();
    assert_eq!(server.request_count(), 3);

    server.clear_requests();
    server.script_all([
        Reply::drop_connection(),
        Reply::drop_connection(),
        Reply::drop_connection(),
    ]);
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Dispatch(d) if !d.is_connect()),
        "{err:?}"
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[tokio::test]
async fn an_html_502_is_a_response_error() {
    let server = emulator().await;
    let page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    server.script_all([
        Reply::html(StatusCode::BAD_GATEWAY, page),
        Reply::html(StatusCode::BAD_GATEWAY, page),
        Reply::html(StatusCode::BAD_GATEWAY, page),
    ]);
    let rt = runtime(config(&server.endpoint()));
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    let Error::Response(response) = &err else {
        panic!("expected a response error, got {err:?}");
    };
    assert_eq!(response.status(), 502);
    assert_eq!(response.body().as_ref(), page.as_bytes());
    assert!(err.to_string().contains("HTML"), "{err}");
    assert_eq!(server.request_count(), 3, "a 5xx is retried for reads");
}

#[tokio::test]
async fn a_200_with_success_false_is_a_service_error() {
    let server = emulator().await;
    server.script(Reply::unsuccessful("Biz.Failed", "it did not work"));
    let rt = runtime(config(&server.endpoint()));
    let err = rt
        .invoke::<serde_json::Value, String>(
            &READ,
            params(),
            &CallOptions::new(),
            SuccessCheck::Envelope,
        )
        .await
        .unwrap_err();
    let service = err.as_service_error().unwrap();
    assert_eq!(service.code_str(), "Biz.Failed");
    assert_eq!(service.status(), 200);
    assert_eq!(service.message(), Some("it did not work"));
    assert!(service.request_id().is_some());
    assert_eq!(
        server.request_count(),
        1,
        "a business failure is not retried"
    );

    // The undecoded answer says the same.
    server.script(Reply::unsuccessful("Biz.Failed", "it did not work"));
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.code().map(String::as_str), Some("Biz.Failed"));
}

#[tokio::test]
async fn a_200_with_success_false_and_a_throttling_code_is_retried() {
    let server = emulator().await;
    for code in ["Throttling.User", "ServiceUnavailable", "InternalError"] {
        server.clear_requests();
        server
            .script(Reply::unsuccessful(code, "slow down").retry_after(Duration::from_millis(20)));
        let rt = runtime(config(&server.endpoint()));
        let started = Instant::now();
        let body: serde_json::Value = rt
            .invoke::<_, String>(&READ, params(), &CallOptions::new(), SuccessCheck::Envelope)
            .await
            .unwrap();
        assert_eq!(body["Success"], true, "{code}");
        assert!(
            started.elapsed() >= Duration::from_millis(20),
            "{code}: the server's wait"
        );
        let requests = server.requests();
        assert_eq!(requests.len(), 2, "{code}");
        assert_ne!(requests[0].nonce, requests[1].nonce, "{code}: signed anew");

        // Not for a write, and not past the attempts allowed.
        server.clear_requests();
        server.script(Reply::unsuccessful(code, "slow down"));
        let err = rt
            .invoke::<serde_json::Value, String>(
                &WRITE,
                params(),
                &CallOptions::new(),
                SuccessCheck::Envelope,
            )
            .await
            .unwrap_err();
        assert_eq!(err.code().map(String::as_str), Some(code));
        assert_eq!(server.request_count(), 1, "{code}");
        server.clear_requests();
        server.script_all((0..3).map(|_| Reply::unsuccessful(code, "slow down")));
        let err = rt
            .invoke_raw(&READ, params(), &CallOptions::new())
            .await
            .unwrap_err();
        assert_eq!(err.as_service_error().unwrap().status(), 200, "{code}");
        assert_eq!(server.request_count(), 3, "{code}");
    }
}

#[tokio::test]
async fn bad_input_is_a_construction_error_before_any_io() {
    let server = emulator().await;
    let rt = runtime(config(&server.endpoint()).signature_version(SignatureVersion::HmacSha1));
    let mut bad = Params::new();
    bad.push(ParamLocation::Query, "Signature", "forged");
    let err = rt
        .invoke_raw(&READ, bad, &CallOptions::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Construction(_)), "{err:?}");

    let mut bad = Params::new();
    bad.push(ParamLocation::Header, "x-acs-note", "line\nbreak");
    let err = rt
        .invoke_raw(&READ, bad, &CallOptions::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Construction(_)), "{err:?}");
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn missing_credentials_and_endpoints_fail_before_any_io() {
    let server = emulator().await;
    let rt = Runtime::new(
        Config::builder()
            .endpoint(server.endpoint())
            .build()
            .unwrap(),
        &PRODUCT,
    );
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Credentials(_)), "{err:?}");

    let rt = Runtime::new(
        Config::builder()
            .region("eu-west-1")
            .credentials_provider(Credentials::new(ID, SECRET).unwrap())
            .build()
            .unwrap(),
        &PRODUCT,
    );
    let err = rt
        .invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Endpoint(_)), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("Demo") && text.contains("eu-west-1") && text.contains("cn-hangzhou"),
        "{text}"
    );
    assert_eq!(server.request_count(), 0);
}

#[tokio::test]
async fn the_operation_timeout_keeps_the_real_error() {
    let server = emulator().await;
    let rt = runtime(config(&server.endpoint()));
    let options = CallOptions::new().operation_timeout(Duration::from_millis(500));

    // A wait the operation timeout cannot fit: the throttling error comes back at once,
    // with its code and request id, instead of a bare timeout after sleeping into it.
    server.script(Reply::throttling().retry_after(Duration::from_secs(2)));
    let started = Instant::now();
    let err = rt.invoke_raw(&READ, params(), &options).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(err.code().map(String::as_str), Some("Throttling.User"));
    assert!(err.request_id().is_some());
    assert_eq!(server.request_count(), 1);

    // When the deadline falls during a later attempt, the timeout carries the previous
    // attempt's error as its source.
    server.clear_requests();
    server.script_all([Reply::service_unavailable(), Reply::hang()]);
    let err = rt.invoke_raw(&READ, params(), &options).await.unwrap_err();
    let Error::Timeout(timeout) = &err else {
        panic!("expected a timeout, got {err:?}");
    };
    assert_eq!(timeout.kind(), TimeoutKind::Operation);
    assert_eq!(timeout.after(), Some(Duration::from_millis(500)));
    let source = std::error::Error::source(timeout).expect("the previous error");
    assert!(
        source.to_string().contains("ServiceUnavailable"),
        "{source}"
    );
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_body_longer_than_the_cap_is_a_typed_error_and_not_retried() {
    let server = emulator().await;
    for status in [StatusCode::OK, StatusCode::SERVICE_UNAVAILABLE] {
        server.clear_requests();
        server.clear_script();
        server.script_all((0..3).map(|_| Reply::raw(status, vec![b' '; 64 * 1024])));
        let transport = HyperTransport::new(
            TransportSettings::new(Duration::from_secs(1), Duration::from_secs(1))
                .with_max_body_size(16 * 1024),
        )
        .unwrap();
        // Retries are on (a read operation, 3 attempts): a body over the cap is not a
        // transient failure, so it is read once.
        let rt = runtime(config(&server.endpoint()).transport(transport));
        let err = rt
            .invoke_raw(&READ, params(), &CallOptions::new())
            .await
            .unwrap_err();
        let Error::Response(response) = &err else {
            panic!("expected a response error, got {err:?}");
        };
        assert_eq!(
            response.kind(),
            ResponseErrorKind::BodyTooLarge { limit: 16 * 1024 }
        );
        assert_eq!(response.status(), status.as_u16());
        assert!(response.body().is_empty());
        assert!(err.to_string().contains("16384 bytes"), "{err}");
        assert_eq!(server.request_count(), 1, "{status}: not retried");
    }
}

#[tokio::test]
async fn durations_too_long_for_the_clock_are_no_limit() {
    let server = emulator().await;
    // Every timeout at its largest value: nothing overflows, the call goes through.
    let rt = runtime(
        config(&server.endpoint())
            .connect_timeout(Duration::MAX)
            .read_timeout(Duration::MAX)
            .attempt_timeout(Duration::MAX)
            .operation_timeout(Duration::MAX),
    );
    rt.invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap();
    let options = CallOptions::new()
        .operation_timeout(Duration::MAX)
        .attempt_timeout(Duration::MAX);
    let default = runtime(config(&server.endpoint()));
    default.invoke_raw(&READ, params(), &options).await.unwrap();

    // A backoff and a server's wait too long for the clock: the operation timeout cannot
    // fit them, so the error comes back at once instead of a panic.
    let huge = RetryConfig::default()
        .with_initial_backoff(Duration::MAX)
        .with_max_backoff(Duration::MAX)
        .with_max_retry_after(Duration::MAX);
    let options = CallOptions::new()
        .retry(huge)
        .operation_timeout(Duration::from_secs(5));
    for reply in [
        Reply::service_unavailable(),
        Reply::throttling().header("x-acs-retry-after", u64::MAX.to_string()),
    ] {
        server.clear_requests();
        server.script(reply);
        let started = Instant::now();
        let err = default
            .invoke_raw(&READ, params(), &options)
            .await
            .unwrap_err();
        assert!(err.as_service_error().is_some(), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(3));
        assert_eq!(server.request_count(), 1);
    }
}

#[tokio::test]
async fn a_post_without_a_body_says_content_length_0_on_the_wire() {
    let server = RawServer::start(|stream, _request| async move {
        raw_server::answer(
            stream,
            &raw_server::json_response(200, r#"{"RequestId":"R","Success":true}"#),
        )
        .await;
    })
    .await;
    for style in [SignatureVersion::Acs3HmacSha256, SignatureVersion::HmacSha1] {
        let rt = runtime(config(&server.endpoint()).signature_version(style));
        let mut query_only = Params::new();
        query_only.push(ParamLocation::Query, "Name", "x");
        rt.invoke_raw(&READ, query_only, &CallOptions::new())
            .await
            .unwrap();
        // With a form body, the length of the body.
        let mut with_form = Params::new();
        with_form.push(ParamLocation::Form, "Note", "abc");
        rt.invoke_raw(&READ, with_form, &CallOptions::new())
            .await
            .unwrap();
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    for pair in requests.chunks(2) {
        assert!(
            pair[0].request_line().starts_with("POST /?"),
            "{}",
            pair[0].head
        );
        assert_eq!(
            pair[0].header("content-length").as_deref(),
            Some("0"),
            "{}",
            pair[0].head
        );
        assert_eq!(
            pair[1].header("content-length").as_deref(),
            Some("8"),
            "{}",
            pair[1].head
        );
        assert_eq!(pair[1].body, b"Note=abc");
    }

    // A GET has no body and says nothing of its length.
    let get = Operation {
        method: HttpMethod::Get,
        ..READ
    };
    let rt = runtime(config(&server.endpoint()));
    rt.invoke_raw(&get, params(), &CallOptions::new())
        .await
        .unwrap();
    let request = server.requests().pop().unwrap();
    assert!(
        request.request_line().starts_with("GET /?"),
        "{}",
        request.head
    );
    assert_eq!(request.header("content-length"), None, "{}", request.head);
}

#[tokio::test]
async fn per_call_read_timeouts_bound_the_wait_on_the_same_transport() {
    let server = emulator().await;
    // The transport waits 30 s for an answer; the call's read timeout bounds the wait for the
    // headers, from the request being sent, on the same transport and pool.
    let transport = HyperTransport::new(TransportSettings::new(
        Duration::from_millis(100),
        Duration::from_secs(30),
    ))
    .unwrap();
    let rt = runtime(
        config(&server.endpoint())
            .transport(transport)
            .retry(RetryConfig::disabled()),
    );
    server.script(Reply::hang());
    let started = Instant::now();
    let options = CallOptions::new().read_timeout(Duration::from_millis(200));
    let err = rt.invoke_raw(&READ, params(), &options).await.unwrap_err();
    let Error::Timeout(timeout) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(timeout.kind(), TimeoutKind::Read);
    assert_eq!(timeout.after(), Some(Duration::from_millis(200)));
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(200) && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );

    // Without an override the transport's own timeouts apply: the scripted delay is waited out.
    server.script(Reply::delay(Duration::from_millis(400)));
    rt.invoke_raw(&READ, params(), &CallOptions::new())
        .await
        .unwrap();
}
