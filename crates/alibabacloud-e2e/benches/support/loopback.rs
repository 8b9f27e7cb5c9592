//! The loopback set-up of the `loopback` benchmark and of the `call_allocations` and
//! `large_body_memory` examples: a local HTTP/1.1 server on 127.0.0.1 that answers every
//! request with one body, our generated client pointed at it, and bare reqwest sending the
//! request our client sends, captured once on the server and replayed.
//!
//! Only the SDK's public API is used (`Config::builder().endpoint(..)`, static
//! `Credentials::new`, the default transport), so these tools measure whatever transport the
//! core has.
//!
//! The server runs a current-thread tokio runtime on a thread of its own, the clients a
//! current-thread runtime on the thread that calls [`Setup::start`] (see the benchmark's
//! documentation for why). The server lives until the process ends.
//!
//! Include it next to `support/mod.rs` (`mod support;`), whose call it makes.

// Each file that includes this module uses a part of it.
#![allow(dead_code)]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::{Config, Credentials};
use bss::operation::query_cash_coupons::QueryCashCouponsResponse;
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HOST};
use http::{HeaderValue, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;

/// The request id the server answers with (that of the documented example).
pub(crate) const REQUEST_ID: &str = "147B566E-DB4C-4E43-BDBB-5DB1D9D268DB";

/// A request as the server received it: what bare reqwest replays, and what the start-up
/// check compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Recorded {
    pub(crate) method: http::Method,
    /// Path and query.
    pub(crate) target: String,
    /// Every header, sorted by name then value (the order on the wire does not matter).
    pub(crate) headers: Vec<(String, HeaderValue)>,
    pub(crate) body: Bytes,
}

/// What the connections share.
struct State {
    body: Bytes,
    /// When set, the next request is kept in `recorded` (and the flag cleared).
    record: AtomicBool,
    recorded: Mutex<Option<Recorded>>,
}

/// The server: started by [`Server::start`], serving until the process ends.
pub(crate) struct Server {
    address: SocketAddr,
    state: Arc<State>,
    /// `/proc/<pid>/task/<tid>/schedstat` of the server's thread, on Linux.
    schedstat: Option<PathBuf>,
}

impl Server {
    /// Starts the server on a thread of its own (a current-thread runtime) on an ephemeral
    /// port of 127.0.0.1, answering every request with `body`, `content-type:
    /// application/json` and `x-acs-request-id`, keeping connections alive.
    pub(crate) fn start(body: impl Into<Bytes>) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let address = listener.local_addr().unwrap();
        let state = Arc::new(State {
            body: body.into(),
            record: AtomicBool::new(false),
            recorded: Mutex::new(None),
        });
        let (ready, started) = std::sync::mpsc::channel();
        let shared = Arc::clone(&state);
        std::thread::Builder::new()
            .name("loopback-server".to_owned())
            .spawn(move || {
                let _ = ready.send(own_schedstat());
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .build()
                    .unwrap();
                runtime.block_on(serve(listener, shared));
            })
            .unwrap();
        let schedstat = started.recv().unwrap();
        Server {
            address,
            state,
            schedstat,
        }
    }

    /// The endpoint to configure a client with: `http://127.0.0.1:<port>`.
    pub(crate) fn endpoint(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The body every request is answered with.
    pub(crate) fn body(&self) -> &Bytes {
        &self.state.body
    }

    /// The CPU time the server's thread has used so far (Linux; `None` elsewhere).
    pub(crate) fn cpu_time(&self) -> Option<Duration> {
        self.schedstat.as_deref().and_then(read_schedstat)
    }

    /// Runs `call` and returns the request the server received during it (the call must
    /// send exactly one request, and nothing else may be sending).
    pub(crate) async fn record<F: Future>(&self, call: F) -> (F::Output, Recorded) {
        *self.state.recorded.lock().unwrap() = None;
        self.state.record.store(true, Ordering::SeqCst);
        let output = call.await;
        let recorded = self.state.recorded.lock().unwrap().take();
        (output, recorded.expect("the server received no request"))
    }
}

async fn serve(listener: std::net::TcpListener, state: Arc<State>) {
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let service = service_fn(move |request| answer(Arc::clone(&state), request));
            // A connection the client closes ends here; nothing to report.
            let _ = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Reads the whole request (as a real server does), keeps it when asked to, and answers.
async fn answer(
    state: Arc<State>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => Bytes::new(),
    };
    if state.record.swap(false, Ordering::SeqCst) {
        let mut headers: Vec<(String, HeaderValue)> = parts
            .headers
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.clone()))
            .collect();
        headers.sort_by(|a, b| (&a.0, a.1.as_bytes()).cmp(&(&b.0, b.1.as_bytes())));
        let target = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        *state.recorded.lock().unwrap() = Some(Recorded {
            method: parts.method,
            target,
            headers,
            body,
        });
    }
    let mut response = Response::new(Full::new(state.body.clone()));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert("x-acs-request-id", HeaderValue::from_static(REQUEST_ID));
    Ok(response)
}

/// The path of the calling thread's `schedstat` (Linux).
fn own_schedstat() -> Option<PathBuf> {
    let link = std::fs::read_link("/proc/thread-self").ok()?;
    Some(PathBuf::from("/proc").join(link).join("schedstat"))
}

/// The first field of a `schedstat` file: the nanoseconds the thread has run on a CPU.
fn read_schedstat(path: &std::path::Path) -> Option<Duration> {
    let text = std::fs::read_to_string(path).ok()?;
    let nanos = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The CPU time the calling thread has used so far (Linux; `None` elsewhere).
pub(crate) fn thread_cpu_time() -> Option<Duration> {
    read_schedstat(std::path::Path::new("/proc/thread-self/schedstat"))
}

/// The system's load averages (`/proc/loadavg`'s first three fields), for the record.
pub(crate) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".to_owned(),
        |text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        },
    )
}

/// Our generated client as a user configures it for a local server: region, endpoint, static
/// credentials, everything else (transport, retries, timeouts) by default.
pub(crate) fn sdk_client(endpoint: &str) -> bss::Client {
    let config = Config::builder()
        .region("cn-hangzhou")
        .endpoint(endpoint)
        .credentials_provider(Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap())
        .build()
        .unwrap();
    bss::Client::new(config)
}

/// Bare reqwest: a client with its default keep-alive pool, no redirects.
pub(crate) fn reqwest_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The already-signed request bare reqwest sends, built once from a recorded one.
#[derive(Debug, Clone)]
pub(crate) struct Replay {
    method: reqwest::Method,
    url: reqwest::Url,
    headers: reqwest::header::HeaderMap,
    body: Bytes,
}

impl Replay {
    /// The request `recorded` sent again to `endpoint`: same method, path, query, headers
    /// (`content-length` included, as our client writes it; `host` is reqwest's to write,
    /// from the URL) and body.
    pub(crate) fn new(endpoint: &str, recorded: &Recorded) -> Replay {
        let url = reqwest::Url::parse(&format!("{endpoint}{}", recorded.target)).unwrap();
        let mut headers = reqwest::header::HeaderMap::new();
        for (name, value) in &recorded.headers {
            let name = reqwest::header::HeaderName::from_bytes(name.as_bytes()).unwrap();
            if name != HOST {
                headers.append(name, value.clone());
            }
        }
        Replay {
            method: recorded.method.clone(),
            url,
            headers,
            body: recorded.body.clone(),
        }
    }

    /// One call: the request (copies of the prepared parts, the body shared), then the
    /// whole body with `.bytes()`, the status checked.
    pub(crate) async fn send(&self, client: &reqwest::Client) -> Bytes {
        let mut request = reqwest::Request::new(self.method.clone(), self.url.clone());
        *request.headers_mut() = self.headers.clone();
        *request.body_mut() = Some(self.body.clone().into());
        let response = client.execute(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.bytes().await.unwrap()
    }

    /// One call as [`Replay::send`], the body then decoded with `serde_json::from_slice`
    /// into the generated model.
    pub(crate) async fn send_and_decode(
        &self,
        client: &reqwest::Client,
    ) -> QueryCashCouponsResponse {
        let body = self.send(client).await;
        serde_json::from_slice(&body).unwrap()
    }
}

/// The clients of one run, checked against the server.
#[derive(Clone)]
pub(crate) struct Clients {
    pub(crate) sdk: bss::Client,
    pub(crate) reqwest: reqwest::Client,
    pub(crate) replay: Arc<Replay>,
}

/// The three ways of making the call that the tools compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Path {
    /// Our generated client: `query_cash_coupons()...send()`.
    Sdk,
    /// Bare reqwest sending the captured request, reading the body with `.bytes()`.
    Reqwest,
    /// Bare reqwest, then `serde_json::from_slice` into the generated model.
    ReqwestDecode,
}

impl Path {
    pub(crate) const ALL: [Path; 3] = [Path::Sdk, Path::Reqwest, Path::ReqwestDecode];

    /// The name in criterion's reports.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Path::Sdk => "sdk",
            Path::Reqwest => "reqwest",
            Path::ReqwestDecode => "reqwest_decode",
        }
    }

    /// The name in the summaries.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Path::Sdk => "sdk",
            Path::Reqwest => "reqwest",
            Path::ReqwestDecode => "reqwest+decode",
        }
    }

    /// One call along this path, its result dropped after `black_box`.
    pub(crate) async fn call(self, clients: &Clients) {
        match self {
            Path::Sdk => {
                std::hint::black_box(crate::support::one_call(&clients.sdk).await);
            }
            Path::Reqwest => {
                std::hint::black_box(clients.replay.send(&clients.reqwest).await);
            }
            Path::ReqwestDecode => {
                std::hint::black_box(clients.replay.send_and_decode(&clients.reqwest).await);
            }
        }
    }
}

impl Clients {
    /// Builds both clients for `server`, captures the request our client sends, and checks
    /// once that every path gets the expected answer, so that nothing measures errors: our
    /// client gets `200`, the request id and the server's bytes, and decodes `coupons`
    /// coupons; bare reqwest's replay is the same request on the wire (method, path, query,
    /// every header, body) and gets `200` and the server's bytes; decoded, they hold
    /// `coupons` coupons.
    ///
    /// Run it on the clients' runtime (the connection pools belong to it).
    pub(crate) async fn start(server: &Server, coupons: usize) -> Clients {
        let endpoint = server.endpoint();
        let sdk = sdk_client(&endpoint);
        let (response, sent) = server
            .record(crate::support::one_call_with_metadata(&sdk))
            .await;
        assert_eq!(response.metadata().status(), 200);
        assert_eq!(response.request_id(), Some(REQUEST_ID));
        assert_eq!(response.metadata().body(), server.body());
        assert_eq!(response.output().data.cash_coupon.len(), coupons);

        let reqwest = reqwest_client();
        let replay = Replay::new(&endpoint, &sent);
        let (bytes, replayed) = server.record(replay.send(&reqwest)).await;
        assert_eq!(
            replayed, sent,
            "bare reqwest must send the request our client sends"
        );
        assert_eq!(&bytes, server.body());
        let decoded = replay.send_and_decode(&reqwest).await;
        assert_eq!(decoded.data.cash_coupon.len(), coupons);

        Clients {
            sdk,
            reqwest,
            replay: Arc::new(replay),
        }
    }
}

/// A whole set-up: the server answering `body`, the clients' runtime (current-thread, on the
/// calling thread), and the clients, checked.
pub(crate) struct Setup {
    pub(crate) runtime: tokio::runtime::Runtime,
    pub(crate) server: Server,
    pub(crate) clients: Clients,
}

impl Setup {
    /// Starts the server with `body` (which holds `coupons` coupons) and the clients, and
    /// checks every path once ([`Clients::start`]).
    pub(crate) fn start(body: impl Into<Bytes>, coupons: usize) -> Setup {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let server = Server::start(body);
        let clients = runtime.block_on(Clients::start(&server, coupons));
        Setup {
            runtime,
            server,
            clients,
        }
    }
}
