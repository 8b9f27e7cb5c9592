//! Scripted replies over HTTP: errors, throttling, 5xx, raw pages, delays, dropped
//! connections, hangs, `Success: false`, ordering, and how scripts meet verification.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use alibabacloud_emulator::sign::SigningKey;
use alibabacloud_emulator::{Emulator, EmulatorHandle, Outcome, Reply, Verdict};
use common::{Call, ID, SECRET, client, send, try_send};
use http::StatusCode;
use serde_json::json;

async fn emulator() -> EmulatorHandle {
    Emulator::new()
        .access_key(ID, SECRET)
        .start()
        .await
        .unwrap()
}

fn call() -> Call {
    Call::new("DescribeRegions", "2014-05-26")
}

#[tokio::test]
async fn error_replies() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    emu.script_all([
        Reply::throttling().retry_after(Duration::from_millis(1500)),
        Reply::throttling_503(),
        Reply::internal_error(),
        Reply::service_unavailable(),
        Reply::error("Some.BusinessError"),
        Reply::error_with(
            StatusCode::FORBIDDEN,
            "Forbidden.RAM",
            "User not authorized.",
        ),
        Reply::error("SignatureNonceUsed"),
    ]);
    assert_eq!(emu.pending_replies(), 7);

    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "Throttling.User".into())
    );
    assert_eq!(
        answer.message(),
        "Request was denied due to user flow control."
    );
    assert_eq!(answer.header("x-acs-retry-after").as_deref(), Some("1500"));
    assert!(answer.header("x-acs-request-id").is_some());

    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (503, "Throttling.User".into())
    );
    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (500, "InternalError".into())
    );
    let answer = send(call().rpc(&endpoint, false)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (503, "ServiceUnavailable".into())
    );
    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "Some.BusinessError".into())
    );
    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code(), answer.message()),
        (403, "Forbidden.RAM".into(), "User not authorized.".into())
    );
    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(
        answer.message(),
        "Specified signature nonce was used already."
    );

    assert_eq!(emu.pending_replies(), 0);
    assert_eq!(send(call().acs3(&endpoint)).await.status, 200);
    let statuses: Vec<_> = emu.requests().iter().map(|r| r.status()).collect();
    assert_eq!(statuses, [400, 503, 500, 503, 400, 403, 400, 200].map(Some));
}

#[tokio::test]
async fn raw_and_success_replies() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    emu.script(Reply::html(StatusCode::BAD_GATEWAY, page));
    emu.script(Reply::raw(StatusCode::OK, "not json").header("x-custom", "1"));
    emu.script(Reply::success(
        json!({"RequestId": "old", "Data": {"N": 1}}),
    ));
    emu.script(Reply::unsuccessful("Biz.Failed", "It did not work."));

    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(answer.status, 502);
    assert_eq!(answer.text, page);
    assert_eq!(answer.header("content-type").as_deref(), Some("text/html"));
    assert_eq!(answer.header("x-acs-request-id"), None);

    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!((answer.status, answer.text.as_str()), (200, "not json"));
    assert_eq!(answer.header("x-custom").as_deref(), Some("1"));

    let answer = send(call().acs3(&endpoint)).await;
    let body = answer.json();
    let success_id = body["RequestId"].as_str().unwrap().to_owned();
    assert_eq!(body["Data"]["N"], 1);
    assert_ne!(body["RequestId"], "old");
    assert_eq!(
        answer.header("x-acs-request-id").as_deref(),
        body["RequestId"].as_str()
    );

    let answer = send(call().acs3(&endpoint)).await;
    assert_eq!(answer.status, 200);
    let body = answer.json();
    assert_eq!(
        (
            body["Success"].clone(),
            body["Code"].clone(),
            body["Message"].clone()
        ),
        (json!(false), json!("Biz.Failed"), json!("It did not work."))
    );
    assert!(body["RequestId"].is_string());

    let recorded = emu.requests();
    assert_eq!(recorded[0].request_id, None);
    assert_eq!(recorded[2].request_id.as_deref(), Some(success_id.as_str()));
}

#[tokio::test]
async fn delayed_replies() {
    let emu = emulator().await;
    emu.script(Reply::delay(Duration::from_millis(300)));
    emu.script(Reply::internal_error().delayed(Duration::from_millis(300)));
    let started = Instant::now();
    let answer = send(call().acs3(&emu.endpoint())).await;
    assert_eq!(answer.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let started = Instant::now();
    let answer = send(call().acs3(&emu.endpoint())).await;
    assert_eq!(answer.status, 500);
    assert!(started.elapsed() >= Duration::from_millis(300));
    // A client timeout shorter than the delay.
    emu.script(Reply::delay(Duration::from_secs(2)));
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let error = try_send(&impatient, call().acs3(&emu.endpoint()))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
}

#[tokio::test]
async fn dropped_connections() {
    let emu = emulator().await;
    emu.script(Reply::drop_connection());
    let error = try_send(&client(), call().acs3(&emu.endpoint()))
        .await
        .unwrap_err();
    assert!(!error.is_timeout(), "{error:?}");
    assert!(
        error.is_request() || error.is_connect() || error.is_body(),
        "{error:?}"
    );
    let recorded = emu.requests();
    assert_eq!(recorded[0].outcome, Outcome::Dropped);
    assert_eq!(recorded[0].verdict, Verdict::Accepted);

    // Nothing at all was written on the wire.
    emu.script(Reply::drop_connection());
    let request = call().acs3(&emu.endpoint());
    let mut raw = format!(
        "POST {} HTTP/1.1\r\n",
        request.uri().path_and_query().unwrap()
    );
    for (name, value) in request.headers() {
        raw.push_str(&format!("{name}: {}\r\n", value.to_str().unwrap()));
    }
    raw.push_str("content-length: 0\r\n\r\n");
    let out = common::raw_exchange(emu.local_addr(), raw.as_bytes(), Duration::from_secs(2)).await;
    assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));

    // The server keeps serving.
    assert_eq!(send(call().acs3(&emu.endpoint())).await.status, 200);
}

#[tokio::test]
async fn hung_replies_end_at_shutdown() {
    let emu = emulator().await;
    emu.script(Reply::hang());
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let error = try_send(&impatient, call().acs3(&emu.endpoint()))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(emu.requests()[0].outcome, Outcome::Hung);

    // A request hanging while the emulator shuts down is cut, and shutdown does not wait
    // for it.
    emu.script(Reply::hang());
    let request = call().acs3(&emu.endpoint());
    let pending = tokio::spawn(async move { try_send(&client(), request).await });
    while emu.request_count() < 2 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::timeout(Duration::from_secs(2), emu.shutdown())
        .await
        .unwrap();
    let result = tokio::time::timeout(Duration::from_secs(2), pending)
        .await
        .unwrap()
        .unwrap();
    assert!(result.is_err());
}

#[tokio::test]
async fn fifo_and_per_action() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    emu.script_for("CreateThing", Reply::error("First"));
    emu.script(Reply::error("Any"));
    emu.script_for("CreateThing", Reply::error("Second"));

    let other = Call::new("DescribeThing", "1");
    let create = Call::new("CreateThing", "1");
    assert_eq!(send(other.acs3(&endpoint)).await.code(), "Any");
    assert_eq!(
        send(Call::new("DescribeThing", "1").acs3(&endpoint))
            .await
            .status,
        200
    );
    assert_eq!(send(create.acs3(&endpoint)).await.code(), "First");
    assert_eq!(
        send(Call::new("CreateThing", "1").rpc(&endpoint, true))
            .await
            .code(),
        "Second"
    );
    assert_eq!(
        send(Call::new("CreateThing", "1").acs3(&endpoint))
            .await
            .status,
        200
    );

    emu.script(Reply::internal_error());
    emu.clear_script();
    assert_eq!(emu.pending_replies(), 0);
    assert_eq!(
        send(Call::new("CreateThing", "1").acs3(&endpoint))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn signatures_are_checked_before_scripts() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    emu.script(Reply::internal_error());
    // A badly signed request gets the signature error; the script waits.
    let bad = call().key(SigningKey::new(ID, "wrong"));
    assert_eq!(
        send(bad.acs3(&endpoint)).await.code(),
        "SignatureDoesNotMatch"
    );
    assert_eq!(emu.pending_replies(), 1);
    assert_eq!(send(call().acs3(&endpoint)).await.status, 500);

    // Unless the reply skips verification.
    emu.script(Reply::service_unavailable().skip_verification());
    let unsigned = http::Request::post(format!("{endpoint}/?Action=A&Version=1"))
        .body(bytes::Bytes::new())
        .unwrap();
    assert_eq!(send(unsigned).await.status, 503);
    let last = emu.requests().pop().unwrap();
    assert_eq!(last.verdict, Verdict::NotChecked);
    assert_eq!(last.action.as_deref(), Some("A"));
}

#[tokio::test]
async fn retries_need_fresh_nonces() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();

    // A client that retries correctly: each attempt signed anew.
    emu.script_all([
        Reply::service_unavailable(),
        Reply::throttling().retry_after(Duration::from_millis(5)),
    ]);
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let answer = send(call().acs3(&endpoint)).await;
        statuses.push(answer.status);
        if answer.status == 200 {
            break;
        }
    }
    assert_eq!(statuses, [503, 400, 200]);
    let attempts = emu.requests_for("DescribeRegions");
    assert_eq!(attempts.len(), 3);
    let nonces: HashSet<_> = attempts.iter().map(|r| r.nonce.clone().unwrap()).collect();
    assert_eq!(nonces.len(), 3);
    assert!(attempts.iter().all(|r| r.verdict.is_accepted()));

    // A client that resends the same signed request: the nonce was used by the first
    // (scripted) answer.
    emu.clear_requests();
    emu.script(Reply::service_unavailable());
    let once = call();
    assert_eq!(send(once.acs3(&endpoint)).await.status, 503);
    assert_eq!(
        send(once.acs3(&endpoint)).await.code(),
        "SignatureNonceUsed"
    );
}
