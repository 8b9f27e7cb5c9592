//! Fault injection: the runtime against a misbehaving server on 127.0.0.1 (written on raw TCP
//! in `support/raw_server.rs`). Every call ends with the expected typed error within its
//! configured timeouts (plus a generous margin: no tight timing assertion), and is retried
//! only when that is safe and useful. Timeouts are a few hundred milliseconds, so the file
//! runs in a few seconds.

#![allow(clippy::unwrap_used)]

#[path = "support/raw_server.rs"]
mod raw_server;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::transport::{HyperTransport, TransportSettings};
use alibabacloud_core::{
    ApiStyle, CallOptions, Config, ConfigBuilder, Error, HttpMethod, Operation, OperationType,
    ParamLocation, Params, ProductEndpoints, ResponseErrorKind, RetryConfig, Runtime, SuccessCheck,
    TimeoutKind,
};
use raw_server::{RawServer, answer, json_response, reset};
use tokio::io::AsyncWriteExt;

static PRODUCT: ProductEndpoints = ProductEndpoints {
    product: "Faults",
    regional: &[],
    vpc: &[],
    rule: None,
};

const READ: Operation = Operation {
    product: "Faults",
    action: "DescribeThing",
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

/// The read timeout of these tests: a server silent this long has stopped.
const READ_TIMEOUT: Duration = Duration::from_millis(300);
/// Room for scheduling on a loaded machine; no assertion is tighter than this.
const MARGIN: Duration = Duration::from_secs(2);

fn config(server: &RawServer) -> ConfigBuilder {
    Config::builder()
        .endpoint(server.endpoint())
        .credentials_provider(Credentials::new("id", "secret").unwrap())
        .connect_timeout(Duration::from_secs(1))
        .read_timeout(READ_TIMEOUT)
        .operation_timeout(Duration::from_secs(5))
        .retry(
            RetryConfig::default()
                .with_initial_backoff(Duration::from_millis(1))
                .with_max_backoff(Duration::from_millis(5)),
        )
}

fn params() -> Params {
    let mut params = Params::new();
    params.push(ParamLocation::Query, "ThingId", "t-1");
    params
}

async fn call(runtime: &Runtime, operation: &Operation) -> (Error, Duration) {
    let started = Instant::now();
    let result = runtime
        .invoke::<serde_json::Value, String>(
            operation,
            params(),
            &CallOptions::new(),
            SuccessCheck::Envelope,
        )
        .await;
    (result.unwrap_err(), started.elapsed())
}

fn runtime(builder: ConfigBuilder) -> Runtime {
    Runtime::new(builder.build().unwrap(), &PRODUCT)
}

#[tokio::test]
async fn a_reset_before_the_answer_is_a_dispatch_error_retried_for_reads_only() {
    let server = RawServer::start(|stream, _| async move { reset(stream) }).await;
    let rt = runtime(config(&server));
    let (err, elapsed) = call(&rt, &READ).await;
    assert!(
        matches!(&err, Error::Dispatch(d) if !d.is_connect()),
        "{err:?}"
    );
    assert_eq!(server.connections(), 3, "retried: a read");
    assert!(elapsed < MARGIN, "{elapsed:?}");

    let server = RawServer::start(|stream, _| async move { reset(stream) }).await;
    let (err, _) = call(&runtime(config(&server)), &WRITE).await;
    assert!(matches!(&err, Error::Dispatch(_)), "{err:?}");
    assert_eq!(server.connections(), 1, "a write is not sent twice");
}

#[tokio::test]
async fn a_reset_during_the_body_is_a_dispatch_error() {
    let server = RawServer::start(|mut stream, _| async move {
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{\"RequestId\":")
            .await;
        let _ = stream.flush().await;
        tokio::time::sleep(Duration::from_millis(20)).await;
        reset(stream);
    })
    .await;
    let (err, elapsed) = call(&runtime(config(&server)), &READ).await;
    assert!(
        matches!(&err, Error::Dispatch(d) if !d.is_connect()),
        "{err:?}"
    );
    assert_eq!(server.connections(), 3);
    assert!(elapsed < MARGIN, "{elapsed:?}");
}

#[tokio::test]
async fn a_server_that_never_answers_hits_the_read_timeout() {
    let server = RawServer::start(|stream, _| async move {
        tokio::time::sleep(Duration::from_secs(30)).await;
        drop(stream);
    })
    .await;
    let (err, elapsed) = call(&runtime(config(&server)), &READ).await;
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Read),
        "{err:?}"
    );
    assert_eq!(server.connections(), 3);
    assert!(
        elapsed >= READ_TIMEOUT && elapsed < 3 * READ_TIMEOUT + MARGIN,
        "{elapsed:?}"
    );

    // With an operation timeout shorter than the attempts, it ends the call.
    let operation = Duration::from_millis(500);
    let rt = runtime(config(&server).operation_timeout(operation));
    let (err, elapsed) = call(&rt, &READ).await;
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Operation),
        "{err:?}"
    );
    assert!(
        elapsed >= operation && elapsed < operation + MARGIN,
        "{elapsed:?}"
    );
}

/// Writes `head` then `drip` one byte at a time, `every` apart, until the client leaves.
async fn drip(mut stream: tokio::net::TcpStream, head: &[u8], drip: &[u8], every: Duration) {
    if stream.write_all(head).await.is_err() {
        return;
    }
    for byte in drip.iter().cycle() {
        tokio::time::sleep(every).await;
        if stream.write_all(&[*byte]).await.is_err() {
            return;
        }
    }
}

#[tokio::test]
async fn a_drip_of_headers_is_cut_by_the_operation_timeout() {
    // A byte every 100 ms: never silent for the read timeout, never done.
    let server = RawServer::start(|stream, _| async move {
        drip(
            stream,
            b"HTTP/1.1 200 OK\r\n",
            b"x-drip: aaaaaaaa\r\n",
            Duration::from_millis(100),
        )
        .await;
    })
    .await;
    let operation = Duration::from_millis(800);
    let rt = runtime(config(&server).operation_timeout(operation));
    let (err, elapsed) = call(&rt, &READ).await;
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Operation),
        "{err:?}"
    );
    assert!(
        elapsed >= operation && elapsed < operation + MARGIN,
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn a_drip_of_the_body_is_cut_by_the_attempt_timeout_and_retried() {
    let server = RawServer::start(|stream, _| async move {
        drip(
            stream,
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n",
            b" ",
            Duration::from_millis(50),
        )
        .await;
    })
    .await;
    let attempt = Duration::from_millis(300);
    let rt = runtime(config(&server).attempt_timeout(attempt));
    let (err, elapsed) = call(&rt, &READ).await;
    assert!(
        matches!(&err, Error::Timeout(t) if t.kind() == TimeoutKind::Attempt),
        "{err:?}"
    );
    assert_eq!(server.connections(), 3);
    assert!(
        elapsed >= 3 * attempt && elapsed < 3 * attempt + MARGIN,
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn truncated_json_is_an_undecodable_response_not_retried() {
    let server = RawServer::start(|stream, _| async move {
        answer(
            stream,
            &json_response(200, r#"{"RequestId":"R","Success":tr"#),
        )
        .await;
    })
    .await;
    let (err, _) = call(&runtime(config(&server)), &READ).await;
    let Error::Response(response) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(response.kind(), ResponseErrorKind::Undecodable);
    assert_eq!(response.status(), 200);
    assert_eq!(response.request_id(), Some("RAW-REQUEST-ID"));
    assert!(err.to_string().contains("not the documented JSON"), "{err}");
    assert_eq!(
        server.connections(),
        1,
        "a complete but broken answer is not retried"
    );

    // Cut by the connection (shorter than announced): a network failure, retried.
    let server = RawServer::start(|stream, _| async move {
        answer(
            stream,
            b"HTTP/1.1 200 OK\r\ncontent-length: 200\r\n\r\n{\"RequestId\":\"R\",\"Succ",
        )
        .await;
    })
    .await;
    let (err, _) = call(&runtime(config(&server)), &READ).await;
    assert!(matches!(&err, Error::Dispatch(_)), "{err:?}");
    assert_eq!(server.connections(), 3);
}

#[tokio::test]
async fn an_html_page_is_an_undecodable_response() {
    let page = "<html><body><h1>Gateway</h1></body></html>";
    for (status, attempts) in [(200, 1), (502, 3)] {
        let server = RawServer::start(move |stream, _| async move {
            let text = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: text/html\r\ncontent-length: {}\r\n\r\n{page}",
                page.len()
            );
            answer(stream, text.as_bytes()).await;
        })
        .await;
        let (err, _) = call(&runtime(config(&server)), &READ).await;
        let Error::Response(response) = &err else {
            panic!("{status}: {err:?}")
        };
        assert_eq!(response.status(), status);
        assert_eq!(response.body().as_ref(), page.as_bytes());
        assert_eq!(
            server.connections(),
            attempts,
            "{status}: 5xx only is retried"
        );
    }
}

#[tokio::test]
async fn a_100_mb_chunked_body_stops_at_the_cap_and_is_not_retried() {
    let written = Arc::new(AtomicUsize::new(0));
    let counter = written.clone();
    let server = RawServer::start(move |mut stream, _| {
        let counter = counter.clone();
        async move {
            let head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
            if stream.write_all(head).await.is_err() {
                return;
            }
            let chunk = vec![b' '; 64 * 1024];
            let framed = [format!("{:x}\r\n", chunk.len()).into_bytes(), chunk, b"\r\n".to_vec()]
                .concat();
            for _ in 0..(100 * 1024 * 1024 / (64 * 1024)) {
                if stream.write_all(&framed).await.is_err() {
                    return;
                }
                counter.fetch_add(64 * 1024, Ordering::SeqCst);
            }
            let _ = stream.write_all(b"0\r\n\r\n").await;
        }
    })
    .await;
    let cap = 4 * 1024 * 1024;
    let transport = HyperTransport::new(
        TransportSettings::new(Duration::from_secs(1), READ_TIMEOUT).with_max_body_size(cap),
    )
    .unwrap();
    let (err, elapsed) = call(&runtime(config(&server).transport(transport)), &READ).await;
    let Error::Response(response) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        response.kind(),
        ResponseErrorKind::BodyTooLarge { limit: cap }
    );
    assert!(response.body().is_empty(), "nothing of it is kept");
    assert_eq!(server.connections(), 1, "not read three times");
    assert!(elapsed < MARGIN, "{elapsed:?}");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let sent = written.load(Ordering::SeqCst);
    assert!(
        sent < 100 * 1024 * 1024,
        "the client stopped reading ({sent} bytes sent)"
    );
}

#[tokio::test]
async fn a_redirect_to_another_host_is_not_followed() {
    let other = RawServer::start(|stream, _| async move {
        answer(stream, &json_response(200, r#"{"Success":true}"#)).await;
    })
    .await;
    for status in [301, 302, 307, 308] {
        let location = format!("{}/?stolen=1", other.endpoint());
        let server = RawServer::start(move |stream, _| {
            let location = location.clone();
            async move {
                let text = format!(
                    "HTTP/1.1 {status} Moved\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n"
                );
                answer(stream, text.as_bytes()).await;
            }
        })
        .await;
        let (err, _) = call(&runtime(config(&server)), &READ).await;
        let Error::Response(response) = &err else {
            panic!("{status}: {err:?}")
        };
        assert_eq!(response.status(), status);
        assert_eq!(server.connections(), 1, "{status}: not retried");
    }
    assert_eq!(other.connections(), 0, "the other host received nothing");
}

fn throttled(retry_after: &'static str) -> Vec<u8> {
    let body = r#"{"Code":"Throttling.User","Message":"slow down","RequestId":"R"}"#;
    format!(
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nx-acs-retry-after: {retry_after}\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[tokio::test]
async fn a_huge_retry_after_ends_the_retries_at_once() {
    for huge in [
        "18446744073709551615",
        "99999999999",
        "184467440737095516150",
    ] {
        let server =
            RawServer::start(
                move |stream, _| async move { answer(stream, &throttled(huge)).await },
            )
            .await;
        let (err, elapsed) = call(&runtime(config(&server)), &READ).await;
        let service = err.as_service_error().unwrap();
        assert_eq!(service.code_str(), "Throttling.User");
        assert_eq!(server.connections(), 1, "{huge}: not waited for");
        assert!(elapsed < MARGIN, "{huge}: {elapsed:?}");
        let expected = huge
            .parse::<u64>()
            .map_or(Duration::MAX, Duration::from_millis);
        assert_eq!(service.retry_after(), Some(expected), "{huge}");
    }
}

#[tokio::test]
async fn a_negative_retry_after_is_ignored_and_the_backoff_applies() {
    for negative in ["-1", "-9999999", " -0.5 "] {
        let server = RawServer::start(move |stream, _| async move {
            answer(stream, &throttled(negative)).await;
        })
        .await;
        let (err, elapsed) = call(&runtime(config(&server)), &READ).await;
        let service = err.as_service_error().unwrap();
        assert_eq!(service.code_str(), "Throttling.User");
        assert_eq!(service.retry_after(), None);
        assert_eq!(
            server.connections(),
            3,
            "{negative}: retried with the backoff"
        );
        assert!(elapsed < MARGIN, "{negative}: {elapsed:?}");
    }
}
