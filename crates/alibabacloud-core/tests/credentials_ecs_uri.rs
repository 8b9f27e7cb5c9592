//! The ECS RAM role (instance metadata service) and credentials URI providers, against small
//! servers on 127.0.0.1.

#![allow(clippy::unwrap_used)]

#[path = "support/credentials_servers.rs"]
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alibabacloud_core::credentials::{
    AssumeRoleSettings, CacheSettings, Credentials, CredentialsErrorKind, CredentialsUriProvider,
    EcsRamRoleProvider, ProvideCredentials, ProviderConfig, RamRoleArnProvider,
    SharedCredentialsProvider,
};
use alibabacloud_core::env::Env;
use alibabacloud_core::time_source::TimeSource;
use http::Method;
use raw_server::RawServer;
use support::{
    Answer, LogCapture, SharedClock, TestServer, closed_url, credentials_json, eventually, ready,
};
use tokio::io::AsyncWriteExt;

#[path = "support/raw_server.rs"]
mod raw_server;

const SECRET: &str = "EcsSecretValue0001";
const TOKEN: &str = "EcsTokenValue0002";
const ROLE_PATH: &str = "/latest/meta-data/ram/security-credentials/";

fn config(env: &[(&str, &str)], clock: &SharedClock) -> ProviderConfig {
    ProviderConfig::new()
        .with_env(Env::from_pairs(env.iter().copied()))
        .with_time_source(clock.clone())
        .with_cache_settings(CacheSettings::new().with_refresh_jitter(Duration::ZERO))
}

/// A metadata service: IMDSv2 when `v2`, else the token request is refused with 403 (an old
/// service). GETs with a wrong token get 401. Each credentials fetch returns a new id.
async fn imds(v2: bool, clock: &SharedClock) -> (TestServer, Arc<AtomicUsize>) {
    let fetches = Arc::new(AtomicUsize::new(0));
    let counter = fetches.clone();
    let clock = clock.clone();
    let server = TestServer::start(move |request| {
        let token_ok = match request.header("x-aliyun-ecs-metadata-token") {
            Some(token) => token == "imds-session-token",
            None => !v2,
        };
        match (request.method.clone(), request.path.as_str()) {
            (Method::PUT, "/latest/api/token") if v2 => {
                if request.header("x-aliyun-ecs-metadata-token-ttl-seconds") == Some("21600") {
                    Answer::ok("imds-session-token")
                } else {
                    Answer::status(400, "missing ttl")
                }
            }
            (Method::PUT, "/latest/api/token") => Answer::status(403, "Forbidden"),
            _ if !token_ok => Answer::status(401, "Unauthorized"),
            (Method::GET, ROLE_PATH) => Answer::ok("EcsRole\n"),
            (Method::GET, "/latest/meta-data/ram/security-credentials/EcsRole") => {
                let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
                Answer::ok(credentials_json(
                    &format!("STS.ecs{n}"),
                    SECRET,
                    TOKEN,
                    clock.now() + Duration::from_secs(6 * 3600),
                ))
            }
            _ => Answer::status(404, "Not Found"),
        }
    })
    .await;
    (server, fetches)
}

#[tokio::test]
async fn imdsv2_token_then_role_discovery_then_credentials_cached_and_refreshed() {
    let clock = SharedClock::now();
    let (server, _) = imds(true, &clock).await;
    let config = config(&[], &clock).with_metadata_endpoint(server.url());
    let provider = EcsRamRoleProvider::from_env(&config).unwrap();

    let (logs, guard) = LogCapture::start();
    let credentials = provider.provide_credentials().await.unwrap();
    tracing::info!(?credentials, ?provider, "obtained");
    drop(guard);
    let logs = logs.text();
    assert!(logs.contains("STS.ecs1"), "{logs}");
    for secret in [SECRET, TOKEN, "imds-session-token"] {
        assert!(!logs.contains(secret), "secret in logs: {logs}");
    }
    assert_eq!(credentials.access_key_id(), "STS.ecs1");
    assert_eq!(credentials.access_key_secret(), SECRET);
    assert_eq!(credentials.security_token(), Some(TOKEN));
    assert_eq!(credentials.provider_name(), Some("ecs_ram_role"));
    assert_eq!(
        server.paths(),
        [
            "PUT /latest/api/token",
            "GET /latest/meta-data/ram/security-credentials/",
            "GET /latest/meta-data/ram/security-credentials/EcsRole",
        ]
    );
    assert!(
        server.requests()[1..]
            .iter()
            .all(|r| r.header("x-aliyun-ecs-metadata-token") == Some("imds-session-token"))
    );

    // The credentials last 6 hours; as in the official SDKs they are prefetched an hour after
    // each fetch, in the background: the call that finds them due is served at once.
    clock.advance_secs(59 * 60);
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.ecs1"
    );
    assert_eq!(server.requests().len(), 3);
    clock.advance_secs(2 * 60);
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.ecs1"
    );
    assert!(eventually(|| server.requests().len() == 6).await);
    assert!(
        eventually(|| {
            // The refreshed credentials are what the next calls get.
            ready(provider.provide_credentials()).access_key_id() == "STS.ecs2"
        })
        .await
    );
    assert_eq!(server.requests().len(), 6);
}

#[tokio::test]
async fn falls_back_to_imdsv1_unless_disabled() {
    let clock = SharedClock::now();
    let (server, _) = imds(false, &clock).await;
    let config_v1 = config(&[], &clock).with_metadata_endpoint(server.url());
    let credentials = EcsRamRoleProvider::from_env(&config_v1)
        .unwrap()
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.ecs1");
    assert!(
        server.requests()[1..]
            .iter()
            .all(|r| r.header("x-aliyun-ecs-metadata-token").is_none())
    );

    let disabled = config(&[("ALIBABA_CLOUD_IMDSV1_DISABLED", "true")], &clock)
        .with_metadata_endpoint(server.url());
    let before = server.requests().len();
    let error = EcsRamRoleProvider::from_env(&disabled)
        .unwrap()
        .provide_credentials()
        .await
        .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("IMDSv1 is disabled") && text.contains("HTTP 403"),
        "{text}"
    );
    assert_eq!(server.requests().len(), before + 1, "no tokenless GET");
}

#[tokio::test]
async fn configured_role_skips_discovery_and_disabled_service_is_not_configured() {
    let clock = SharedClock::now();
    let (server, _) = imds(true, &clock).await;
    let config = config(&[("ALIBABA_CLOUD_ECS_METADATA", "EcsRole")], &clock)
        .with_metadata_endpoint(server.url());
    EcsRamRoleProvider::from_env(&config)
        .unwrap()
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(
        server.paths(),
        [
            "PUT /latest/api/token",
            "GET /latest/meta-data/ram/security-credentials/EcsRole"
        ]
    );

    let disabled = config_of(&[("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "TRUE")]);
    let error = EcsRamRoleProvider::from_env(&disabled).unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::NotConfigured);
    assert!(
        error
            .to_string()
            .contains("ALIBABA_CLOUD_ECS_METADATA_DISABLED")
    );
}

fn config_of(env: &[(&str, &str)]) -> ProviderConfig {
    ProviderConfig::new().with_env(Env::from_pairs(env.iter().copied()))
}

#[tokio::test]
async fn bad_metadata_answers_are_clear_errors_without_secrets() {
    let cases: [(&str, u16, &str); 5] = [
        (
            r#"{"Code":"Failed","AccessKeyId":"x"}"#,
            200,
            "Code `Failed`",
        ),
        ("<html>oops", 200, "is not JSON"),
        (
            &format!(
                r#"{{"Code":"Success","AccessKeyId":"STS.x","AccessKeySecret":"{SECRET}","Expiration":"2099-01-01T00:00:00Z"}}"#
            ),
            200,
            "field `SecurityToken` is missing",
        ),
        // The answer is not quoted (it may echo the session token).
        ("role not found", 404, "HTTP 404 (14 bytes not shown)"),
        ("", 200, "no RAM role is attached"),
    ];
    for (body, status, expected) in cases {
        let body = body.to_string();
        let server = TestServer::start(move |request| match request.path.as_str() {
            "/latest/api/token" => Answer::ok("t"),
            ROLE_PATH if expected.contains("no RAM role") => Answer::ok(""),
            ROLE_PATH => Answer::ok("EcsRole"),
            _ => Answer::status(status, body.clone()),
        })
        .await;
        let config = config_of(&[]).with_metadata_endpoint(server.url());
        let error = EcsRamRoleProvider::from_env(&config)
            .unwrap()
            .provide_credentials()
            .await
            .unwrap_err();
        let text = error.to_string();
        assert_eq!(error.kind(), CredentialsErrorKind::ProviderFailed);
        assert!(text.contains(expected), "expected `{expected}` in: {text}");
        assert!(text.contains(&server.url()), "names the URL: {text}");
        assert!(!text.contains(SECRET), "{text}");
        assert!(!text.contains("role not found"), "{text}");
    }
}

#[tokio::test]
async fn an_unusable_session_token_is_named_as_such() {
    for token in [
        "SeSs\nIoN".to_owned(),
        "<html>\n<body>portal</body>".to_owned(),
        "a".repeat(5000),
    ] {
        let answer = token.clone();
        let server = TestServer::start(move |request| match request.path.as_str() {
            "/latest/api/token" => Answer::ok(answer.clone()),
            _ => Answer::status(500, "unexpected"),
        })
        .await;
        let config = config_of(&[]).with_metadata_endpoint(server.url());
        let error = EcsRamRoleProvider::from_env(&config)
            .unwrap()
            .provide_credentials()
            .await
            .unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(
            text.contains("answered a session token that cannot be used"),
            "{text}"
        );
        assert!(!text.contains("invalid metadata URL"), "{text}");
        assert!(!text.contains("portal") && !text.contains("SeSs"), "{text}");
        assert_eq!(server.requests().len(), 1, "nothing sent with it");
    }
}

#[tokio::test]
async fn the_whole_metadata_fetch_has_a_deadline() {
    // Every step answers within its own timeouts (1 s to connect, 1 s between bytes), but
    // the role comes after 0.9 s and the credentials trickle in: the fetch ends at 2 s.
    let server = RawServer::start(|mut stream, request| async move {
        let line = request.request_line().to_owned();
        if line.starts_with("PUT /latest/api/token") {
            raw_server::answer(
                stream,
                b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\nconnection: close\r\n\r\ntoken",
            )
            .await;
        } else if line.starts_with(&format!("GET {ROLE_PATH} ")) {
            tokio::time::sleep(Duration::from_millis(900)).await;
            raw_server::answer(
                stream,
                b"HTTP/1.1 200 OK\r\ncontent-length: 7\r\nconnection: close\r\n\r\nEcsRole",
            )
            .await;
        } else {
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{")
                .await;
            for _ in 0..20 {
                tokio::time::sleep(Duration::from_millis(400)).await;
                if stream.write_all(b" ").await.is_err() {
                    return;
                }
            }
        }
    })
    .await;
    let config = config_of(&[]).with_metadata_endpoint(server.endpoint());
    let provider = EcsRamRoleProvider::from_env(&config).unwrap();
    let started = Instant::now();
    let error = provider.provide_credentials().await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        error.to_string().contains("did not complete the fetch")
            && error.to_string().contains("within 2 s"),
        "{error}"
    );
    assert!(elapsed < Duration::from_millis(2600), "{elapsed:?}");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_silent_metadata_service_fails_in_about_a_second() {
    let server = TestServer::start(|_| Answer::Hang).await;
    let config = config_of(&[]).with_metadata_endpoint(server.url());
    let provider = EcsRamRoleProvider::from_env(&config).unwrap();
    let started = Instant::now();
    let error = provider.provide_credentials().await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_millis(2500),
        "{elapsed:?}"
    );
    assert!(error.to_string().contains("did not answer"), "{error}");
    assert_eq!(
        server.requests().len(),
        1,
        "no IMDSv1 retry after a timeout"
    );

    // Nothing listening: at once.
    let config = config_of(&[]).with_metadata_endpoint(closed_url().await);
    let started = Instant::now();
    let error = EcsRamRoleProvider::from_env(&config)
        .unwrap()
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(900));
    assert!(error.to_string().contains("did not answer"), "{error}");
}

#[tokio::test]
async fn credentials_uri_success_cache_refresh_and_redacted_url() {
    let clock = SharedClock::now();
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let server_clock = clock.clone();
    let server = TestServer::start(move |request| {
        if request.path != "/creds" {
            return Answer::status(404, "no");
        }
        let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
        Answer::ok(credentials_json(
            &format!("STS.uri{n}"),
            SECRET,
            TOKEN,
            server_clock.now() + Duration::from_secs(3600),
        ))
    })
    .await;
    let uri = format!("{}/creds?auth=UriQueryToken0003", server.url());
    let config = config(&[("ALIBABA_CLOUD_CREDENTIALS_URI", &uri)], &clock);
    let provider = CredentialsUriProvider::from_env(&config).unwrap();
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.uri1");
    assert_eq!(credentials.provider_name(), Some("credentials_uri"));
    assert_eq!(
        server.requests()[0].query.as_deref(),
        Some("auth=UriQueryToken0003")
    );
    assert!(!format!("{provider:?}").contains("UriQueryToken0003"));

    clock.advance_secs(30 * 60);
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.uri1"
    );
    clock.advance_secs(16 * 60);
    // Stale: served at once, refreshed in the background.
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "STS.uri1"
    );
    assert!(eventually(|| calls.load(Ordering::SeqCst) == 2).await);
    assert!(
        eventually(|| ready(provider.provide_credentials()).access_key_id() == "STS.uri2").await
    );
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn credentials_uri_errors_name_the_url_never_the_body_or_query() {
    let cases: [(u16, String, &str); 5] = [
        (500, "upstream down".into(), "HTTP 500: upstream down"),
        (200, format!("AccessKeySecret={SECRET}"), "is not JSON"),
        (
            200,
            format!(
                r#"{{"AccessKeyId":"STS.x","AccessKeySecret":"{SECRET}","Expiration":"2099-01-01T00:00:00Z"}}"#
            ),
            "field `SecurityToken` is missing",
        ),
        (
            200,
            format!(r#"{{"Code":"Denied","AccessKeyId":"STS.x","AccessKeySecret":"{SECRET}"}}"#),
            "Code `Denied`",
        ),
        (
            200,
            format!(
                r#"{{"AccessKeyId":"STS.x","AccessKeySecret":"{SECRET}","SecurityToken":"{TOKEN}","Expiration":"soon"}}"#
            ),
            "field `Expiration`",
        ),
    ];
    for (status, body, expected) in cases {
        let server = TestServer::start(move |_| Answer::status(status, body.clone())).await;
        let uri = format!("{}/creds?auth=UriQueryToken0003", server.url());
        let config = config_of(&[]);
        let error = CredentialsUriProvider::new(uri, &config)
            .unwrap()
            .provide_credentials()
            .await
            .unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(text.contains(expected), "expected `{expected}` in: {text}");
        assert!(text.contains(&format!("{}/creds", server.url())), "{text}");
        for secret in [SECRET, TOKEN, "UriQueryToken0003"] {
            assert!(!text.contains(secret), "secret in error: {text}");
        }
    }

    let error = CredentialsUriProvider::new("ftp://x/creds", &config_of(&[])).unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    let error = CredentialsUriProvider::from_env(&config_of(&[])).unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::NotConfigured);

    let config = config_of(&[]);
    let error = CredentialsUriProvider::new(
        format!("{}/c?auth=UriQueryToken0003", closed_url().await),
        &config,
    )
    .unwrap()
    .provide_credentials()
    .await
    .unwrap_err();
    let text = format!("{error}");
    assert!(
        text.contains("GET http://127.0.0.1:") && !text.contains("UriQueryToken0003"),
        "{text}"
    );
}

/// A server that answers every request with `200 OK` and then a body that never ends (or, when
/// `announce` is set, announces 100 MB and sends nothing); counts the bytes it managed to send.
async fn flooding_server(announce: bool) -> (String, Arc<AtomicUsize>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                // The request: read up to the end of its headers.
                let mut seen = Vec::new();
                let mut buf = [0u8; 4096];
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                    }
                }
                let head = if announce {
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n"
                } else {
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                };
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                if announce {
                    std::future::pending::<()>().await;
                }
                let chunk = vec![b' '; 64 * 1024];
                while stream.write_all(&chunk).await.is_ok() {
                    counter.fetch_add(chunk.len(), Ordering::SeqCst);
                }
            });
        }
    });
    (url, sent)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn endless_bodies_are_cut_at_one_mebibyte_with_an_error_naming_the_url() {
    const LIMIT: &str = "larger than 1048576 bytes (1 MiB)";
    for announce in [false, true] {
        // A credentials URI: the error names the URL without its query.
        let (url, sent) = flooding_server(announce).await;
        let uri = format!("{url}/creds?auth=UriQueryToken0003");
        let provider = CredentialsUriProvider::new(&uri, &config_of(&[])).unwrap();
        let started = Instant::now();
        let error = provider.provide_credentials().await.unwrap_err();
        let text = error.to_string();
        assert_eq!(error.kind(), CredentialsErrorKind::ProviderFailed);
        assert!(text.contains(LIMIT), "{text}");
        assert!(text.contains(&format!("{url}/creds")), "{text}");
        assert!(!text.contains("UriQueryToken0003"), "{text}");
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(
            sent.load(Ordering::SeqCst) < 64 * 1024 * 1024,
            "reading stopped"
        );

        // The metadata service: reported as such, not as a service that did not answer.
        let (url, _) = flooding_server(announce).await;
        let config = config_of(&[]).with_metadata_endpoint(&url);
        let error = EcsRamRoleProvider::from_env(&config)
            .unwrap()
            .provide_credentials()
            .await
            .unwrap_err();
        let text = error.to_string();
        assert!(text.contains(LIMIT), "{text}");
        assert!(text.contains(&format!("{url}/latest/api/token")), "{text}");
        assert!(!text.contains("did not answer"), "{text}");

        // STS.
        let (url, _) = flooding_server(announce).await;
        let provider = RamRoleArnProvider::new(
            SharedCredentialsProvider::new(Credentials::new("LTAIsource", "SourceSecret0009")),
            AssumeRoleSettings::new("acs:ram::1:role/r"),
            &config_of(&[]).with_sts_endpoint(&url),
        )
        .unwrap();
        let error = provider.provide_credentials().await.unwrap_err();
        let text = error.to_string();
        assert!(text.contains(LIMIT), "{text}");
        assert!(text.contains(&url), "{text}");
    }
}
