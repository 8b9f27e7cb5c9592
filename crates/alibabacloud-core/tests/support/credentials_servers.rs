//! Shared support of the credentials tests: a tiny HTTP server on 127.0.0.1 with a routing
//! closure and request recording (for the metadata service and credentials URIs), a clock
//! shared with the emulator, and a log capture.
//!
//! Included with `#[path = "support/credentials_servers.rs"] mod support;`.

#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use std::convert::Infallible;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use alibabacloud_core::time_source::TimeSource;
use alibabacloud_emulator::{Clock, FixedClock};
use bytes::Bytes;
use http::{HeaderMap, Method, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use time::OffsetDateTime;
use time::macros::format_description;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// What the server does with a request.
pub enum Answer {
    Respond(StatusCode, String),
    /// Never answer.
    Hang,
}

impl Answer {
    pub fn ok(body: impl Into<String>) -> Self {
        Answer::Respond(StatusCode::OK, body.into())
    }
    pub fn status(status: u16, body: impl Into<String>) -> Self {
        Answer::Respond(StatusCode::from_u16(status).unwrap(), body.into())
    }
}

type Handler = dyn Fn(&Seen) -> Answer + Send + Sync;

/// An HTTP/1 server on 127.0.0.1 that answers with `handler` and records every request.
pub struct TestServer {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    task: JoinHandle<()>,
}

impl TestServer {
    pub async fn start(handler: impl Fn(&Seen) -> Answer + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let task = {
            let seen = seen.clone();
            tokio::spawn(async move {
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        return;
                    };
                    let seen = seen.clone();
                    let handler = handler.clone();
                    tokio::spawn(async move {
                        let service = service_fn(move |request: http::Request<Incoming>| {
                            let seen = seen.clone();
                            let handler = handler.clone();
                            async move {
                                let (parts, body) = request.into_parts();
                                let body = body
                                    .collect()
                                    .await
                                    .map(|b| b.to_bytes())
                                    .unwrap_or_default();
                                let request = Seen {
                                    method: parts.method,
                                    path: parts.uri.path().to_string(),
                                    query: parts.uri.query().map(str::to_string),
                                    headers: parts.headers,
                                    body,
                                };
                                let answer = handler(&request);
                                seen.lock().unwrap().push(request);
                                match answer {
                                    Answer::Respond(status, body) => {
                                        let mut response =
                                            http::Response::new(Full::new(Bytes::from(body)));
                                        *response.status_mut() = status;
                                        Ok::<_, Infallible>(response)
                                    }
                                    Answer::Hang => std::future::pending().await,
                                }
                            }
                        });
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    });
                }
            })
        };
        Self { addr, seen, task }
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn paths(&self) -> Vec<String> {
        self.requests()
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A URL on 127.0.0.1 where nothing listens (connections are refused at once).
pub async fn closed_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

/// `2006-01-02T15:04:05Z` for `time`.
pub fn iso8601(time: SystemTime) -> String {
    OffsetDateTime::from(time)
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
        ))
        .unwrap()
}

/// The body the metadata service and credentials URIs answer.
pub fn credentials_json(id: &str, secret: &str, token: &str, expiration: SystemTime) -> String {
    serde_json::json!({
        "Code": "Success",
        "AccessKeyId": id,
        "AccessKeySecret": secret,
        "SecurityToken": token,
        "Expiration": iso8601(expiration),
        "LastUpdated": iso8601(SystemTime::now()),
    })
    .to_string()
}

/// The emulator's [`FixedClock`] as the SDK's [`TimeSource`]: both sides see the same time.
#[derive(Debug, Clone)]
pub struct SharedClock(pub FixedClock);

impl SharedClock {
    /// A clock stopped at the current time (whole seconds).
    pub fn now() -> Self {
        let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
        Self(FixedClock::new(now))
    }

    pub fn advance_secs(&self, secs: i64) {
        self.0.advance(time::Duration::seconds(secs));
    }
}

impl TimeSource for SharedClock {
    fn now(&self) -> SystemTime {
        self.0.now().into()
    }
}

/// Everything `tracing` writes on the current thread while a [`LogCapture`] guard is alive
/// (all levels, all targets).
///
/// One global subscriber (installed on first use) writes into the buffer of the thread's
/// capture, if any. A subscriber per test (`set_default`) would lose events: when it is the
/// only one alive, `tracing` caches each callsite's interest from whichever thread reaches it
/// first, so another test's thread can mark a callsite "never" for everyone.
#[derive(Clone, Default)]
pub struct LogCapture(Arc<Mutex<Vec<u8>>>);

thread_local! {
    static CAPTURE: std::cell::RefCell<Option<LogCapture>> = const { std::cell::RefCell::new(None) };
}

/// Stops the capture of the current thread when dropped.
pub struct CaptureGuard(());

impl Drop for CaptureGuard {
    fn drop(&mut self) {
        CAPTURE.with(|c| c.borrow_mut().take());
    }
}

/// Writes into the current thread's capture, or nowhere.
struct ThreadWriter;

impl Write for ThreadWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        CAPTURE.with(|c| {
            if let Some(capture) = c.borrow().as_ref() {
                capture.0.lock().unwrap().extend_from_slice(buf);
            }
        });
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl LogCapture {
    pub fn start() -> (Self, CaptureGuard) {
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            let subscriber = tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_ansi(false)
                .with_writer(|| ThreadWriter)
                .finish();
            tracing::subscriber::set_global_default(subscriber).unwrap();
        });
        let capture = LogCapture::default();
        CAPTURE.with(|c| *c.borrow_mut() = Some(capture.clone()));
        (capture, CaptureGuard(()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Waits (up to 5 s) until `check` holds, for what a background task does; `false` if it never
/// did.
pub async fn eventually(mut check: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !check() {
        if std::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    true
}

/// The output of a future that is ready at once (a cache hit); panics otherwise.
pub fn ready<T, E: std::fmt::Debug>(future: impl std::future::Future<Output = Result<T, E>>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(result) => result.unwrap(),
        std::task::Poll::Pending => panic!("not a cache hit"),
    }
}
