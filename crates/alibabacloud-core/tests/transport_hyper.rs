//! The default transport on its own, against raw TCP servers on loopback: proxies (absolute
//! form, `CONNECT` tunnels, `NO_PROXY`), the connect timeout around the TLS handshake, per-call
//! overrides, and bodies read whole.

#![allow(clippy::unwrap_used, missing_docs)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alibabacloud_core::transport::{
    HttpBody, HttpTransport, HyperTransport, Proxy, ProxyBuilder, RequestTimeouts,
    TransportErrorKind, TransportSettings,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A server that records the head of each request and answers every one with `answer`
/// (`None`: never answers, keeps the connection open).
struct RawServer {
    port: u16,
    heads: Arc<Mutex<Vec<String>>>,
}

impl RawServer {
    async fn start(answer: Option<&'static [u8]>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let heads = Arc::new(Mutex::new(Vec::new()));
        let recorded = heads.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut stream, _)) = listener.accept().await else {
                    return;
                };
                let recorded = recorded.clone();
                tokio::spawn(async move {
                    loop {
                        let mut head = Vec::new();
                        let mut byte = [0u8; 1];
                        while !head.ends_with(b"\r\n\r\n") {
                            match stream.read(&mut byte).await {
                                Ok(1) => head.push(byte[0]),
                                _ => return,
                            }
                        }
                        recorded
                            .lock()
                            .unwrap()
                            .push(String::from_utf8_lossy(&head).into_owned());
                        match answer {
                            Some(answer) => {
                                if stream.write_all(answer).await.is_err() {
                                    return;
                                }
                            }
                            None => {
                                tokio::time::sleep(Duration::from_secs(30)).await;
                                return;
                            }
                        }
                    }
                });
            }
        });
        RawServer { port, heads }
    }

    fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

const OK: &[u8] =
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}";

fn transport(settings: TransportSettings) -> HyperTransport {
    HyperTransport::new(settings).unwrap()
}

fn settings() -> TransportSettings {
    TransportSettings::new(Duration::from_secs(5), Duration::from_secs(5)).with_proxy(Proxy::none())
}

/// A transport through the proxy `builder` describes.
fn through(builder: ProxyBuilder) -> HyperTransport {
    transport(settings().with_proxy(builder.build().unwrap()))
}

/// `head` carries `user:secret` as the proxy's Basic credentials.
fn assert_proxy_credentials(head: &str) {
    assert!(
        head.to_ascii_lowercase()
            .contains("proxy-authorization: basic dxnlcjpzzwnyzxq=\r\n"),
        "{head}"
    );
}

fn get(uri: &str) -> http::Request<HttpBody> {
    http::Request::builder()
        .uri(uri)
        .body(HttpBody::empty())
        .unwrap()
}

#[tokio::test]
async fn plain_http_goes_through_the_proxy_in_absolute_form_with_its_credentials() {
    let proxy = RawServer::start(Some(OK)).await;
    let proxied =
        through(Proxy::custom().http(format!("http://user:secret@127.0.0.1:{}", proxy.port)));
    // The destination does not exist: only the proxy is reached.
    let response = proxied
        .send(get(
            "http://ecs.cn-hangzhou.aliyuncs.com:8080/?Action=Describe",
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(&response.body()[..], b"{}");
    let heads = proxy.heads();
    assert_eq!(heads.len(), 1);
    assert!(
        heads[0].starts_with(
            "GET http://ecs.cn-hangzhou.aliyuncs.com:8080/?Action=Describe HTTP/1.1\r\n"
        ),
        "{}",
        heads[0]
    );
    assert_proxy_credentials(&heads[0]);
    // The proxy's password is in no Debug output.
    assert!(!format!("{proxied:?}").contains("secret"));
}

#[tokio::test]
async fn https_goes_through_a_connect_tunnel() {
    // The proxy refuses the tunnel: the CONNECT request is what this test looks at.
    let proxy =
        RawServer::start(Some(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")).await;
    let proxied =
        through(Proxy::custom().all(format!("http://user:secret@127.0.0.1:{}", proxy.port)));
    let err = proxied
        .send(get(
            "https://business.aliyuncs.com/?Action=QueryCashCoupons",
        ))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Connect, "{err:?}");
    let heads = proxy.heads();
    assert_eq!(heads.len(), 1);
    assert!(
        heads[0].starts_with("CONNECT business.aliyuncs.com:443 HTTP/1.1\r\n"),
        "{}",
        heads[0]
    );
    assert_proxy_credentials(&heads[0]);
    // Neither the query nor the proxy's password is in the error.
    let mut chain = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(e) = source {
        chain.push_str(&format!(": {e}"));
        source = e.source();
    }
    assert!(
        !chain.contains("QueryCashCoupons") && !chain.contains("secret"),
        "{chain}"
    );
}

#[tokio::test]
async fn no_proxy_hosts_are_reached_directly() {
    let proxy = RawServer::start(Some(OK)).await;
    let server = RawServer::start(Some(OK)).await;
    let transport = through(
        Proxy::custom()
            .all(format!("http://127.0.0.1:{}", proxy.port))
            .no_proxy("localhost,127.0.0.1"),
    );
    let response = transport
        .send(get(&format!("http://127.0.0.1:{}/direct", server.port)))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(proxy.heads().is_empty());
    assert!(server.heads()[0].starts_with("GET /direct HTTP/1.1\r\n"));
}

#[test]
fn proxies_that_cannot_be_used_are_refused_by_setting_without_their_url() {
    for (builder, message) in [
        (
            Proxy::custom().https("socks5://user:secret@proxy:1080"),
            "invalid https proxy: only `http://` proxies are supported",
        ),
        (
            Proxy::custom().http("https://user:secret@proxy:3128"),
            "invalid http proxy: only `http://` proxies are supported",
        ),
        (
            Proxy::custom().all("not a url"),
            "invalid http proxy: not a URL",
        ),
    ] {
        let err = builder.build().unwrap_err();
        assert_eq!(err.to_string(), message);
    }
}

#[tokio::test]
async fn a_tls_handshake_that_never_ends_is_a_connect_timeout_and_calls_can_shorten_it() {
    // Accepts TCP connections and says nothing: the TLS handshake waits.
    let silent = RawServer::start(None).await;
    let uri = format!("https://127.0.0.1:{}/", silent.port);
    let transport = transport(
        TransportSettings::new(Duration::from_millis(300), Duration::from_secs(5))
            .with_proxy(Proxy::none()),
    );
    let started = Instant::now();
    let err = transport.send(get(&uri)).await.unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), TransportErrorKind::ConnectTimeout, "{err:?}");
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );

    // A call's own connect timeout, shorter, on the same transport.
    let mut request = get(&uri);
    request
        .extensions_mut()
        .insert(RequestTimeouts::new(Some(Duration::from_millis(50)), None));
    let started = Instant::now();
    let err = transport.send(request).await.unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), TransportErrorKind::ConnectTimeout, "{err:?}");
    assert!(elapsed < Duration::from_millis(250), "{elapsed:?}");
}

#[tokio::test]
async fn a_body_in_many_parts_is_read_whole() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let body: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let sent = body.clone();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut head = [0u8; 1024];
        let _ = stream.read(&mut head).await.unwrap();
        let head = format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n", sent.len());
        stream.write_all(head.as_bytes()).await.unwrap();
        for part in sent.chunks(7_000) {
            stream.write_all(part).await.unwrap();
            stream.flush().await.unwrap();
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    });
    let response = transport(settings())
        .send(get(&format!("http://127.0.0.1:{port}/")))
        .await
        .unwrap();
    assert_eq!(&response.body()[..], &body[..]);
}

#[tokio::test]
async fn a_uri_without_a_scheme_and_host_is_refused() {
    let err = transport(settings())
        .send(get("/relative"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Request);
}

/// The environment's proxies, checked in a child process of this test binary: the variables
/// are set on the child's command (setting them in this process would race the other tests).
#[tokio::test]
async fn the_environments_proxy_is_used_and_no_proxy_respected() {
    let proxy = RawServer::start(Some(OK)).await;
    let exe = std::env::current_exe().unwrap();
    // The child is awaited, not waited for: this runtime serves the proxy meanwhile.
    let run = |no_proxy: &str| {
        tokio::process::Command::new(&exe)
            .args(["--exact", "env_proxy_child", "--ignored", "--nocapture"])
            .env(
                "HTTP_PROXY",
                format!("http://user:secret@127.0.0.1:{}", proxy.port),
            )
            .env("NO_PROXY", no_proxy)
            .env_remove("http_proxy")
            .env_remove("no_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .output()
    };
    let through = run("localhost").await.unwrap();
    assert!(through.status.success(), "{through:?}");
    let heads = proxy.heads();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(
        heads[0].starts_with("GET http://ecs.invalid:8080/env HTTP/1.1\r\n"),
        "{}",
        heads[0]
    );
    assert_proxy_credentials(&heads[0]);

    // The host is in NO_PROXY: the child goes direct, where `.invalid` never resolves (RFC
    // 6761: no network is reached), and the proxy sees nothing more.
    let direct = run(".invalid").await.unwrap();
    assert!(!direct.status.success());
    assert_eq!(proxy.heads().len(), 1);
}

/// Run by the test above, in a child process with the proxy variables set.
#[tokio::test]
#[ignore = "run by the_environments_proxy_is_used_and_no_proxy_respected"]
async fn env_proxy_child() {
    let transport = HyperTransport::new(TransportSettings::new(
        Duration::from_millis(500),
        Duration::from_secs(5),
    ))
    .unwrap();
    let response = transport
        .send(get("http://ecs.invalid:8080/env"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}
