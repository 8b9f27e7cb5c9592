//! The generic server over HTTP: lifecycle, the success path in both signature versions,
//! every signature error, recording, the body limit and hostile input.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;
use std::time::Duration;

use alibabacloud_emulator::sign::SigningKey;
use alibabacloud_emulator::{
    AuthScheme, Emulator, EmulatorError, EmulatorHandle, FixedClock, MAX_RECORDED_BODY, Outcome,
    Verdict, codes,
};
use common::{Call, ID, SECRET, raw_exchange, send};
use time::OffsetDateTime;

async fn emulator() -> EmulatorHandle {
    Emulator::new()
        .access_key(ID, SECRET)
        .start()
        .await
        .unwrap()
}

#[tokio::test]
async fn generic_success_in_both_signature_versions() {
    let emu = emulator().await;
    assert!(emu.endpoint().starts_with("http://127.0.0.1:"));
    assert_eq!(emu.endpoint(), format!("http://{}", emu.host()));

    let answer = send(
        Call::new("DescribeRegions", "2014-05-26")
            .query("RegionId", "cn-hangzhou")
            .acs3(&emu.endpoint()),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let body = answer.json();
    assert_eq!(body["Success"], true);
    let request_id = body["RequestId"].as_str().unwrap();
    assert_eq!(request_id.len(), 36);
    assert_eq!(
        answer.header("x-acs-request-id").as_deref(),
        Some(request_id)
    );
    assert_eq!(
        answer.header("content-type").as_deref(),
        Some("application/json;charset=utf-8")
    );

    for in_body in [false, true] {
        let answer =
            send(Call::new("DescribeRegions", "2014-05-26").rpc(&emu.endpoint(), in_body)).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
    }
    let answer = send(
        Call::new("DescribeRegions", "2014-05-26")
            .method("GET")
            .rpc(&emu.endpoint(), false),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    // An ACS3 request with a form body.
    let answer = send(
        Call::new("CreateThing", "2020-01-01")
            .form("Name", "a b+c&d=é")
            .acs3(&emu.endpoint()),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(emu.requests()[4].param("Name"), Some("a b+c&d=é"));
    emu.shutdown().await;
}

#[tokio::test]
async fn records_every_request() {
    let emu = emulator().await;
    let call = Call::new("DescribeRegions", "2014-05-26").query("RegionId", "cn-hangzhou");
    let answer = send(call.acs3(&emu.endpoint())).await;
    let bad = Call::new("DescribeRegions", "2014-05-26").key(SigningKey::new(ID, "wrong"));
    send(bad.rpc(&emu.endpoint(), true)).await;

    let requests = emu.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(emu.request_count(), 2);
    let first = &requests[0];
    assert_eq!(first.method, "POST");
    assert_eq!(first.path, "/");
    assert_eq!(
        first.query,
        [("RegionId".to_owned(), "cn-hangzhou".to_owned())]
    );
    assert_eq!(first.action.as_deref(), Some("DescribeRegions"));
    assert_eq!(first.version.as_deref(), Some("2014-05-26"));
    assert_eq!(first.auth_scheme, Some(AuthScheme::Acs3HmacSha256));
    assert_eq!(first.access_key_id.as_deref(), Some(ID));
    assert_eq!(first.nonce.as_deref(), Some(call.nonce.as_str()));
    assert_eq!(first.verdict, Verdict::Accepted);
    assert_eq!(first.outcome, Outcome::Answered(200));
    assert_eq!(first.status(), Some(200));
    assert_eq!(
        first.request_id.as_deref(),
        answer.json()["RequestId"].as_str()
    );
    assert!(
        first
            .header("authorization")
            .unwrap()
            .starts_with("ACS3-HMAC-SHA256")
    );
    assert!((OffsetDateTime::now_utc() - first.received_at).abs() < time::Duration::minutes(1));

    let second = &requests[1];
    assert_eq!(second.auth_scheme, Some(AuthScheme::RpcHmacSha1));
    assert_eq!(
        second.verdict.rejection_code(),
        Some(codes::SIGNATURE_DOES_NOT_MATCH)
    );
    assert_eq!(second.outcome, Outcome::Answered(400));
    assert!(!second.body.is_empty());
    assert_eq!(second.param("Action"), Some("DescribeRegions"));
    assert_eq!(emu.requests_for("DescribeRegions").len(), 2);
    assert!(emu.requests_for("Other").is_empty());

    emu.clear_requests();
    assert!(emu.requests().is_empty());
}

#[tokio::test]
async fn signature_errors_over_http() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();

    // SignatureDoesNotMatch, with the server's string to sign and the service's fields.
    let call = Call::new("DescribeRegions", "2014-05-26").key(SigningKey::new(ID, "nope"));
    let answer = send(call.rpc(&endpoint, false)).await;
    assert_eq!(answer.status, 400);
    let body = answer.json();
    assert_eq!(body["Code"], "SignatureDoesNotMatch");
    let message = body["Message"].as_str().unwrap();
    assert!(
        message.starts_with("Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions"),
        "{message}"
    );
    assert_eq!(body["HostId"], "127.0.0.1");
    let request_id = body["RequestId"].as_str().unwrap();
    assert_eq!(
        answer.header("x-acs-request-id").as_deref(),
        Some(request_id)
    );
    assert_eq!(
        body["Recommend"],
        format!(
            "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&requestId={request_id}"
        )
    );
    let answer = send(
        Call::new("A", "1")
            .key(SigningKey::new(ID, "nope"))
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(answer.code(), "SignatureDoesNotMatch");
    assert!(
        answer
            .message()
            .contains("server string to sign is:ACS3-HMAC-SHA256\n")
    );
    assert!(
        answer.json()["CanonicalRequest"]
            .as_str()
            .unwrap()
            .starts_with("POST\n/\n")
    );

    // InvalidAccessKeyId.NotFound, 404.
    let answer = send(
        Call::new("A", "1")
            .key(SigningKey::new("nobody", SECRET))
            .acs3(&endpoint),
    )
    .await;
    assert_eq!(
        (answer.status, answer.code()),
        (404, "InvalidAccessKeyId.NotFound".into())
    );

    // No signature at all.
    let request = http::Request::post(format!("{endpoint}/?Action=A&Version=1"))
        .body(bytes::Bytes::new())
        .unwrap();
    let answer = send(request).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "IncompleteSignature".into())
    );

    // A stale timestamp, in both versions.
    let stale = OffsetDateTime::now_utc() - time::Duration::minutes(20);
    let answer = send(Call::new("A", "1").at(stale).acs3(&endpoint)).await;
    assert_eq!(answer.code(), "InvalidTimeStamp.Expired");
    assert_eq!(
        answer.message(),
        "Specified time stamp or date value is expired."
    );
    let answer = send(Call::new("A", "1").at(stale).rpc(&endpoint, true)).await;
    assert_eq!(answer.code(), "InvalidTimeStamp.Expired");
    let future = OffsetDateTime::now_utc() + time::Duration::minutes(20);
    let answer = send(Call::new("A", "1").at(future).acs3(&endpoint)).await;
    assert_eq!(answer.code(), "InvalidTimeStamp.Expired");

    // A reused nonce.
    let call = Call::new("A", "1");
    assert_eq!(send(call.acs3(&endpoint)).await.status, 200);
    let answer = send(call.acs3(&endpoint)).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "SignatureNonceUsed".into())
    );
    let call = Call::new("A", "1");
    assert_eq!(send(call.rpc(&endpoint, false)).await.status, 200);
    assert_eq!(
        send(call.rpc(&endpoint, true)).await.code(),
        "SignatureNonceUsed"
    );

    emu.shutdown().await;
}

#[tokio::test]
async fn sts_credentials_and_runtime_keys() {
    let emu = Emulator::new()
        .sts_credential("STS.id", "sts-secret", "the-token")
        .start()
        .await
        .unwrap();
    let endpoint = emu.endpoint();
    let good = SigningKey::sts("STS.id", "sts-secret", "the-token");
    assert_eq!(
        send(Call::new("A", "1").key(good.clone()).acs3(&endpoint))
            .await
            .status,
        200
    );
    assert_eq!(
        send(Call::new("A", "1").key(good).rpc(&endpoint, true))
            .await
            .status,
        200
    );

    let missing = SigningKey::new("STS.id", "sts-secret");
    assert_eq!(
        send(Call::new("A", "1").key(missing.clone()).acs3(&endpoint))
            .await
            .code(),
        "MissingSecurityToken"
    );
    assert_eq!(
        send(Call::new("A", "1").key(missing).rpc(&endpoint, false))
            .await
            .code(),
        "MissingSecurityToken"
    );
    let wrong = SigningKey::sts("STS.id", "sts-secret", "other-token");
    assert_eq!(
        send(Call::new("A", "1").key(wrong).acs3(&endpoint))
            .await
            .code(),
        "InvalidSecurityToken.MismatchWithAccessKey"
    );

    // A key added while running is accepted by the next request; a removed one is not.
    let key = SigningKey::new("late", "late-secret");
    assert_eq!(
        send(Call::new("A", "1").key(key.clone()).acs3(&endpoint))
            .await
            .status,
        404
    );
    emu.credentials().add_access_key("late", "late-secret");
    assert_eq!(
        send(Call::new("A", "1").key(key.clone()).acs3(&endpoint))
            .await
            .status,
        200
    );
    assert!(emu.credentials().remove("late"));
    assert_eq!(
        send(Call::new("A", "1").key(key).acs3(&endpoint))
            .await
            .status,
        404
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn injected_clock_replays_old_requests() {
    let at = time::macros::datetime!(2024-01-01 00:00:00 UTC);
    let clock = FixedClock::new(at);
    let emu = Emulator::new()
        .access_key(ID, SECRET)
        .clock(clock.clone())
        .start()
        .await
        .unwrap();
    let call = Call::new("A", "1").at(at);
    assert_eq!(send(call.acs3(&emu.endpoint())).await.status, 200);
    assert_eq!(emu.requests()[0].received_at, at);
    // The same nonce 16 minutes later: the nonce is forgotten but the date is too old.
    clock.advance(time::Duration::minutes(16));
    let answer = send(call.acs3(&emu.endpoint())).await;
    assert_eq!(answer.code(), "InvalidTimeStamp.Expired");
    // Signed "now" by the new clock, reusing the old nonce: accepted.
    let call = call.at(at + time::Duration::minutes(16));
    assert_eq!(send(call.acs3(&emu.endpoint())).await.status, 200);
}

#[tokio::test]
async fn action_and_version_are_required() {
    let emu = emulator().await;
    let answer = send(Call::new("", "1").acs3(&emu.endpoint())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (400, "MissingAction".into())
    );
    assert_eq!(
        answer.message(),
        "The input parameter \"Action\" that is mandatory for processing this request is not supplied."
    );
    let answer = send(Call::new("A", "").rpc(&emu.endpoint(), false)).await;
    assert_eq!(answer.code(), "MissingVersion");
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let emu = Emulator::new()
        .access_key(ID, SECRET)
        .max_body_size(1024)
        .start()
        .await
        .unwrap();
    let big = "x".repeat(2000);
    let answer = send(Call::new("A", "1").form("Data", &big).acs3(&emu.endpoint())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (413, "RequestEntityTooLarge".into())
    );
    let recorded = &emu.requests()[0];
    assert_eq!(recorded.verdict, Verdict::Unreadable);
    assert!(recorded.body.is_empty());
    assert_eq!(recorded.body_len, 0);
    assert!(!recorded.is_body_truncated());

    // Chunked, without Content-Length.
    let mut raw =
        b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    for _ in 0..3 {
        raw.extend_from_slice(b"200\r\n");
        raw.extend_from_slice(&[b'y'; 0x200]);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    let out = raw_exchange(emu.local_addr(), &raw, Duration::from_secs(2)).await;
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");

    // A body under the limit is fine.
    let answer = send(
        Call::new("A", "1")
            .form("Data", "small")
            .acs3(&emu.endpoint()),
    )
    .await;
    assert_eq!(answer.status, 200);
}

#[tokio::test]
async fn the_record_keeps_the_last_max_recorded_requests() {
    let emu = Emulator::new()
        .access_key(ID, SECRET)
        .max_recorded(3)
        .start()
        .await
        .unwrap();
    for n in 0..5 {
        let call = Call::new("DescribeRegions", "2014-05-26").query("N", &n.to_string());
        assert_eq!(send(call.acs3(&emu.endpoint())).await.status, 200);
    }
    let kept: Vec<_> = emu
        .requests()
        .iter()
        .map(|r| r.param("N").unwrap().to_owned())
        .collect();
    assert_eq!(kept, ["2", "3", "4"], "the oldest are dropped first");
    assert_eq!(emu.requests_for("DescribeRegions").len(), 3);
    assert_eq!(emu.request_count(), 5, "the count includes dropped records");

    emu.clear_requests();
    assert_eq!((emu.requests().len(), emu.request_count()), (0, 0));
    send(Call::new("DescribeRegions", "2014-05-26").acs3(&emu.endpoint())).await;
    assert_eq!((emu.requests().len(), emu.request_count()), (1, 1));
    emu.shutdown().await;

    // 0 records nothing, counts everything, and the checks (nonces included) still run.
    let emu = Emulator::new()
        .access_key(ID, SECRET)
        .max_recorded(0)
        .start()
        .await
        .unwrap();
    let call = Call::new("DescribeRegions", "2014-05-26");
    assert_eq!(send(call.acs3(&emu.endpoint())).await.status, 200);
    let again = send(call.acs3(&emu.endpoint())).await;
    assert_eq!(again.code(), "SignatureNonceUsed");
    assert!(emu.requests().is_empty());
    assert_eq!(emu.request_count(), 2);
    emu.shutdown().await;
}

#[tokio::test]
async fn the_record_keeps_within_its_byte_budget() {
    // 60 KiB bodies (kept whole, with their decoded form): 10 000 of them took 1.95 GiB
    // when only the count was bounded. A 1 MiB budget keeps the last few.
    let budget = 1024 * 1024;
    let emu = Emulator::new()
        .access_key(ID, SECRET)
        .max_recorded_bytes(budget)
        .start()
        .await
        .unwrap();
    let note = "x".repeat(60 * 1024);
    for n in 0..40 {
        let call = Call::new("CreateThing", "2020-01-01")
            .query("N", &n.to_string())
            .form("Note", &note);
        assert_eq!(send(call.acs3(&emu.endpoint())).await.status, 200);
        assert!(emu.recorded_bytes() <= budget, "{}", emu.recorded_bytes());
    }
    let kept = emu.requests();
    let sizes: usize = kept.iter().map(|r| r.recorded_size()).sum();
    assert_eq!(sizes, emu.recorded_bytes());
    assert!(kept.len() >= 5 && kept.len() < 10, "{}", kept.len());
    assert!(
        kept.iter()
            .all(|r| r.body.len() == note.len() + 5 && r.param("Note") == Some(&note)),
        "kept whole"
    );
    let last: Vec<String> = kept
        .iter()
        .map(|r| r.param("N").unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (40 - kept.len()..40).map(|n| n.to_string()).collect();
    assert_eq!(last, expected, "the oldest are dropped first");
    assert_eq!(emu.request_count(), 40);
    emu.clear_requests();
    assert_eq!(emu.recorded_bytes(), 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn recorded_bodies_are_cut_at_64_kib() {
    let emu = emulator().await;
    let big = "x".repeat(100_000);
    let request = Call::new("CreateThing", "2020-01-01")
        .form("Small", "s")
        .form("Big", &big)
        .form("After", "a")
        .acs3(&emu.endpoint());
    let sent = request.body().clone();
    let answer = send(request).await;
    assert_eq!(
        answer.status, 200,
        "the whole body is verified: {}",
        answer.text
    );

    let recorded = &emu.requests()[0];
    assert_eq!(recorded.verdict, Verdict::Accepted);
    assert_eq!(recorded.body.len(), MAX_RECORDED_BODY);
    assert_eq!(recorded.body, sent.slice(..MAX_RECORDED_BODY));
    assert_eq!(recorded.body_len, sent.len());
    assert!(recorded.is_body_truncated());
    // The form keeps the parameters that fit in 64 KiB, in order.
    assert_eq!(recorded.form, [("Small".to_owned(), "s".to_owned())]);
    assert_eq!(recorded.param("Big"), None);

    // A body under 64 KiB is kept whole, with its form.
    let answer = send(
        Call::new("CreateThing", "2020-01-01")
            .form("Name", "thing")
            .acs3(&emu.endpoint()),
    )
    .await;
    assert_eq!(answer.status, 200);
    let recorded = &emu.requests()[1];
    assert_eq!(&recorded.body[..], b"Name=thing");
    assert_eq!(recorded.body_len, recorded.body.len());
    assert!(!recorded.is_body_truncated());
    assert_eq!(recorded.param("Name"), Some("thing"));
    emu.shutdown().await;
}

#[tokio::test]
async fn hostile_input_never_breaks_the_server() {
    let emu = emulator().await;
    let addr = emu.local_addr();
    let cases: [&[u8]; 6] = [
        b"\x00\x01\x02 garbage\r\n\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /?a=%FF&%zz=%&Signature=%E0%80 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: x\r\nAuthorization: ACS3-HMAC-SHA256 \xff\xfe=\x80\r\nx-acs-date: \xff\r\nContent-Length: 0\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 8\r\n\r\n\xff=\xfe&&==",
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
    ];
    for raw in cases {
        let out = raw_exchange(addr, raw, Duration::from_millis(500)).await;
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.is_empty() || text.starts_with("HTTP/1.1 4"),
            "{:?} -> {text}",
            String::from_utf8_lossy(raw)
        );
    }
    // Still serving.
    assert_eq!(
        send(Call::new("A", "1").acs3(&emu.endpoint())).await.status,
        200
    );
    for recorded in emu.requests() {
        assert_ne!(recorded.status(), Some(500), "{recorded:?}");
    }
}

#[tokio::test]
async fn concurrent_requests() {
    let emu = emulator().await;
    let endpoint = emu.endpoint();
    let mut tasks = Vec::new();
    for i in 0..24 {
        let endpoint = endpoint.clone();
        tasks.push(tokio::spawn(async move {
            let call = Call::new("A", "1").query("I", &i.to_string());
            if i % 2 == 0 {
                send(call.acs3(&endpoint)).await.status
            } else {
                send(call.rpc(&endpoint, i % 3 == 0)).await.status
            }
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
    let requests = emu.requests();
    assert_eq!(requests.len(), 24);
    let nonces: HashSet<_> = requests.iter().map(|r| r.nonce.clone()).collect();
    assert_eq!(nonces.len(), 24);
}

#[tokio::test]
async fn fixed_port_shutdown_and_drop() {
    // Find a free port, then ask for it.
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let emu = Emulator::new()
        .access_key(ID, SECRET)
        .port(port)
        .start()
        .await
        .unwrap();
    assert_eq!(emu.endpoint(), format!("http://127.0.0.1:{port}"));

    // The port is taken now.
    let error = Emulator::new().port(port).start().await.unwrap_err();
    assert!(
        matches!(error, EmulatorError::Bind { port: p, .. } if p == port),
        "{error}"
    );
    assert!(error.to_string().contains(&port.to_string()));

    let addr = emu.local_addr();
    emu.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());

    // Dropping the handle stops the server too.
    let emu = emulator().await;
    let addr = emu.local_addr();
    assert_eq!(
        send(Call::new("A", "1").acs3(&emu.endpoint())).await.status,
        200
    );
    drop(emu);
    let mut refused = false;
    for _ in 0..50 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(refused, "the listener outlived the handle");
}
