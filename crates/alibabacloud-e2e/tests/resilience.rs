//! Retries and timeouts against the emulator: 5xx, throttling (with `x-acs-retry-after`),
//! dropped connections and timed-out attempts are retried for read operations, each
//! attempt signed anew; nothing is retried once a write operation (of the fixture spec
//! `tests/fixtures/e2efixture`) has been sent; attempt, read and operation timeouts fire
//! as configured. Backoffs are a few milliseconds and timeouts a few hundred, so the whole
//! file runs in about a second.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use alibabacloud_core::{
    ApiStyle, CallOptions, Error, HttpMethod, Operation, OperationType, ParamLocation, Params,
    ProductEndpoints, RawResponse, RetryConfig, Runtime, SuccessCheck, TimeoutKind,
};
use alibabacloud_emulator::{EmulatorHandle, Outcome, RecordedRequest, Reply, Verdict};
use alibabacloud_quickbi_public20220101 as quickbi;
use bss::operation::query_cash_coupons::QueryCashCouponsErrorCode;
use common::TICKET;
use http::StatusCode;
use quickbi::operation::query_ticket_info::QueryTicketInfoErrorCode;

use alibabacloud_bssopenapi20171214 as bss;

/// A short timeout for the tests that wait on a server that never answers.
const SHORT: Duration = Duration::from_millis(150);

fn statuses(requests: &[RecordedRequest]) -> Vec<Option<u16>> {
    requests.iter().map(RecordedRequest::status).collect()
}

/// Every attempt verified, each with its own nonce.
fn assert_signed_anew(requests: &[RecordedRequest]) {
    assert!(
        requests.iter().all(|r| r.verdict == Verdict::Accepted),
        "{requests:#?}"
    );
    let nonces: HashSet<_> = requests.iter().map(|r| r.nonce.clone()).collect();
    assert_eq!(
        nonces.len(),
        requests.len(),
        "each attempt needs a new nonce"
    );
}

#[tokio::test]
async fn server_errors_are_retried_with_a_fresh_signature() {
    let emulator = common::emulator().await;
    emulator.script_all([Reply::internal_error(), Reply::service_unavailable()]);
    let response = common::bss_client(&emulator)
        .query_cash_coupons()
        .effective_or_not(true)
        .send()
        .await
        .unwrap();
    common::assert_documented_cash_coupons(&response);
    let requests = emulator.requests();
    assert_eq!(statuses(&requests), [Some(500), Some(503), Some(200)]);
    assert_signed_anew(&requests);
    assert!(
        requests
            .iter()
            .all(|r| r.param("EffectiveOrNot") == Some("true"))
    );
    assert_eq!(response.request_id, requests[2].request_id);
}

#[tokio::test]
async fn retries_stop_after_the_configured_attempts() {
    let emulator = common::emulator().await;
    emulator.script_all([
        Reply::internal_error(),
        Reply::internal_error(),
        Reply::internal_error(),
        Reply::internal_error(),
    ]);
    let err = common::bss_client(&emulator)
        .query_cash_coupons()
        .send()
        .await
        .unwrap_err();
    // The last attempt's error, typed: InternalError is documented for QueryCashCoupons.
    assert_eq!(err.code(), Some(&QueryCashCouponsErrorCode::InternalError));
    assert_eq!(err.as_service_error().unwrap().status(), 500);
    assert_eq!(emulator.request_count(), 3);
    assert_eq!(emulator.pending_replies(), 1);

    // Per-call options win over the client's.
    emulator.clear_requests();
    let err = common::bss_client(&emulator)
        .query_cash_coupons()
        .call_options(CallOptions::new().retry(RetryConfig::disabled()))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(&QueryCashCouponsErrorCode::InternalError));
    assert_eq!(emulator.request_count(), 1);
}

#[tokio::test]
async fn an_html_502_from_a_proxy_is_retried_then_reported_as_undecodable() {
    let emulator = common::emulator().await;
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    emulator.script_for(
        "QueryTicketInfo",
        Reply::html(StatusCode::BAD_GATEWAY, page),
    );
    let client = common::quickbi_client(&emulator);
    let response = client.query_ticket_info().ticket(TICKET).send().await;
    common::assert_documented_ticket_info(&response.unwrap());
    assert_eq!(statuses(&emulator.requests()), [Some(502), Some(200)]);

    emulator.script_for(
        "QueryTicketInfo",
        Reply::html(StatusCode::BAD_GATEWAY, page),
    );
    let err = client
        .query_ticket_info()
        .ticket(TICKET)
        .call_options(CallOptions::new().retry(RetryConfig::disabled()))
        .send()
        .await
        .unwrap_err();
    match &err {
        Error::Response(response) => assert_eq!(response.status(), 502),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("HTML"), "{err}");
}

#[tokio::test]
async fn throttling_is_retried_after_the_servers_delay() {
    let emulator = common::emulator().await;
    let wait = Duration::from_millis(60);
    emulator.script_for("QueryTicketInfo", Reply::throttling().retry_after(wait));
    let started = Instant::now();
    let response = common::quickbi_client(&emulator)
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap();
    assert!(started.elapsed() >= wait, "{:?}", started.elapsed());
    common::assert_documented_ticket_info(&response);
    let requests = emulator.requests();
    assert_eq!(statuses(&requests), [Some(400), Some(200)]);
    assert_signed_anew(&requests);

    // Throttling sent as a 503, twice.
    emulator.clear_requests();
    emulator.script_all([Reply::throttling_503(), Reply::throttling_503()]);
    common::quickbi_client(&emulator)
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap();
    assert_eq!(
        statuses(&emulator.requests()),
        [Some(503), Some(503), Some(200)]
    );
}

#[tokio::test]
async fn a_retry_after_longer_than_allowed_ends_the_retries() {
    let emulator = common::emulator().await;
    // common::fast_retry() accepts waits up to 500 ms.
    emulator.script(Reply::throttling().retry_after(Duration::from_secs(30)));
    let started = Instant::now();
    let err = common::quickbi_client(&emulator)
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(
        err.code(),
        Some(&QueryTicketInfoErrorCode::Unknown(
            "Throttling.User".to_owned()
        ))
    );
    assert_eq!(
        err.as_service_error().unwrap().retry_after(),
        Some(Duration::from_secs(30))
    );
    assert_eq!(emulator.request_count(), 1);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let emulator = common::emulator().await;
    emulator.script(Reply::error("Authorize3rdTicket.Expired"));
    let err = common::quickbi_client(&emulator)
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        Some(&QueryTicketInfoErrorCode::Authorize3rdTicketExpired)
    );
    assert_eq!(emulator.request_count(), 1);
}

#[tokio::test]
async fn a_dropped_connection_is_retried_for_a_read() {
    let emulator = common::emulator().await;
    emulator.script(Reply::drop_connection());
    let response = common::bss_client(&emulator)
        .query_cash_coupons()
        .send()
        .await
        .unwrap();
    common::assert_documented_cash_coupons(&response);
    let requests = emulator.requests();
    assert_eq!(requests[0].outcome, Outcome::Dropped);
    assert_eq!(statuses(&requests), [None, Some(200)]);
    assert_signed_anew(&requests);
}

// ---------------------------------------------------------------------------------------
// Write operations: the fixture spec's CreateThing (`operationType: write`) next to its
// DescribeThing (`read`), called through the runtime the generated clients use.

static FIXTURE_ENDPOINTS: ProductEndpoints = ProductEndpoints {
    product: "E2eFixture",
    regional: &[("cn-hangzhou", "e2efixture.cn-hangzhou.aliyuncs.com")],
    vpc: &[],
    rule: None,
};

fn fixture_operation(action: &'static str, operation_type: OperationType) -> Operation {
    Operation {
        product: "E2eFixture",
        action,
        version: "2024-01-01",
        method: HttpMethod::Post,
        style: ApiStyle::Rpc,
        operation_type,
        secret_response_fields: &[],
    }
}

fn create_thing(operation_type: OperationType) -> (Operation, Params) {
    let mut params = Params::new();
    params.push(ParamLocation::Query, "Name", "thing-1");
    (fixture_operation("CreateThing", operation_type), params)
}

fn describe_thing() -> (Operation, Params) {
    let mut params = Params::new();
    params.push(ParamLocation::Query, "ThingId", "t-42");
    (
        fixture_operation("DescribeThing", OperationType::Read),
        params,
    )
}

fn fixture_runtime(emulator: &EmulatorHandle) -> Runtime {
    Runtime::new(
        common::config(emulator).build().unwrap(),
        &FIXTURE_ENDPOINTS,
    )
}

async fn call(
    runtime: &Runtime,
    (operation, params): (Operation, Params),
) -> Result<RawResponse, Error> {
    runtime
        .invoke_raw(&operation, params, &CallOptions::new())
        .await
}

#[tokio::test]
async fn a_write_operation_of_the_fixture_spec_succeeds() {
    let emulator = common::emulator().await;
    let raw = call(
        &fixture_runtime(&emulator),
        create_thing(OperationType::Write),
    )
    .await
    .unwrap();
    let body: serde_json::Value = raw
        .decode::<serde_json::Value, String>(SuccessCheck::Envelope)
        .unwrap();
    assert_eq!(body["ThingId"], "t-42");
    assert_eq!(body["Success"], true);
    let request = emulator.requests().pop().unwrap();
    assert_eq!(request.verdict, Verdict::Accepted);
    assert_eq!(request.action.as_deref(), Some("CreateThing"));
    assert_eq!(request.param("Name"), Some("thing-1"));
    assert_eq!(body["RequestId"].as_str(), request.request_id.as_deref());
}

#[tokio::test]
async fn a_failed_write_is_never_retried_once_sent_but_a_read_is() {
    let emulator = common::emulator().await;
    let runtime = fixture_runtime(&emulator);
    let failures = [
        ("500", Reply::internal_error()),
        ("503", Reply::service_unavailable()),
        (
            "throttling",
            Reply::throttling().retry_after(Duration::from_millis(1)),
        ),
        ("dropped connection", Reply::drop_connection()),
    ];
    for (what, reply) in failures {
        for operation_type in [
            OperationType::Write,
            OperationType::ReadAndWrite,
            OperationType::Unspecified,
        ] {
            emulator.clear_requests();
            emulator.script(reply.clone());
            let err = call(&runtime, create_thing(operation_type))
                .await
                .unwrap_err();
            assert_eq!(
                emulator.request_count(),
                1,
                "{what}, {operation_type:?}: {err:?}"
            );
            match what {
                "dropped connection" => assert!(matches!(err, Error::Dispatch(_)), "{err:?}"),
                _ => assert!(matches!(err, Error::Service(_)), "{err:?}"),
            }
        }

        // The same failure on the read operation of the same spec is retried.
        emulator.clear_requests();
        emulator.script(reply);
        let raw = call(&runtime, describe_thing()).await.unwrap();
        let body: serde_json::Value = raw.decode::<_, String>(SuccessCheck::Envelope).unwrap();
        assert_eq!(body["Name"], "thing-1", "{what}");
        let requests = emulator.requests();
        assert_eq!(requests.len(), 2, "{what}");
        assert_signed_anew(&requests);
    }
}

#[tokio::test]
async fn a_timed_out_write_is_not_retried() {
    let emulator = common::emulator().await;
    let runtime = Runtime::new(
        common::config(&emulator)
            .attempt_timeout(SHORT)
            .build()
            .unwrap(),
        &FIXTURE_ENDPOINTS,
    );
    emulator.script(Reply::hang());
    let err = call(&runtime, create_thing(OperationType::Write))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Attempt),
        "{err:?}"
    );
    assert_eq!(emulator.request_count(), 1);
}

// ---------------------------------------------------------------------------------------
// Timeouts.

#[tokio::test]
async fn the_attempt_timeout_cuts_a_hanging_call() {
    let emulator = common::emulator().await;
    emulator.script(Reply::hang());
    let client = quickbi::Client::new(
        common::config(&emulator)
            .attempt_timeout(SHORT)
            .retry(RetryConfig::disabled())
            .build()
            .unwrap(),
    );
    let started = Instant::now();
    let err = client
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= SHORT && elapsed < Duration::from_secs(1),
        "{elapsed:?}"
    );
    match &err {
        Error::Timeout(timeout) => {
            assert_eq!(timeout.kind(), TimeoutKind::Attempt);
            assert_eq!(timeout.after(), Some(SHORT));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.code(), None);
    assert_eq!(emulator.requests()[0].outcome, Outcome::Hung);
}

#[tokio::test]
async fn the_read_timeout_fires_when_the_server_stops_sending() {
    let emulator = common::emulator().await;
    emulator.script(Reply::hang());
    let client = quickbi::Client::new(
        common::config(&emulator)
            .read_timeout(SHORT)
            .retry(RetryConfig::disabled())
            .build()
            .unwrap(),
    );
    let started = Instant::now();
    let err = client
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Read),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_timed_out_attempt_of_a_read_is_retried() {
    let emulator = common::emulator().await;
    emulator.script(Reply::hang());
    let client = quickbi::Client::new(
        common::config(&emulator)
            .attempt_timeout(SHORT)
            .build()
            .unwrap(),
    );
    let response = client
        .query_ticket_info()
        .ticket(TICKET)
        .send()
        .await
        .unwrap();
    common::assert_documented_ticket_info(&response);
    let requests = emulator.requests();
    assert_eq!(statuses(&requests), [None, Some(200)]);
    assert_signed_anew(&requests);
}

#[tokio::test]
async fn the_operation_timeout_bounds_the_whole_call() {
    let emulator = common::emulator().await;
    // Every attempt is slow; the per-call operation timeout ends the call.
    emulator.script_all([
        Reply::delay(Duration::from_secs(3)),
        Reply::delay(Duration::from_secs(3)),
    ]);
    let started = Instant::now();
    let err = common::bss_client(&emulator)
        .query_cash_coupons()
        .call_options(CallOptions::new().operation_timeout(Duration::from_millis(250)))
        .send()
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    match &err {
        Error::Timeout(timeout) => {
            assert_eq!(timeout.kind(), TimeoutKind::Operation);
            assert_eq!(timeout.after(), Some(Duration::from_millis(250)));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("operation timeout"), "{err}");

    // Attempts that time out, retried until the operation timeout (per call) ends them.
    emulator.clear_script();
    emulator.clear_requests();
    // More attempts allowed (and scripted to hang) than fit in the operation timeout, so the
    // operation timeout ends the call whatever the backoff draws.
    emulator.script_all((0..8).map(|_| Reply::hang()));
    let err = common::bss_client(&emulator)
        .query_cash_coupons()
        .call_options(
            CallOptions::new()
                .retry(
                    RetryConfig::default()
                        .with_max_attempts(8)
                        .with_initial_backoff(Duration::from_millis(1)),
                )
                .attempt_timeout(Duration::from_millis(100))
                .operation_timeout(Duration::from_millis(400)),
        )
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Operation),
        "{err:?}"
    );
    assert!(
        emulator.request_count() >= 2,
        "{}",
        emulator.request_count()
    );
}
