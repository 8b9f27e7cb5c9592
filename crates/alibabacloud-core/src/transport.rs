//! The HTTP transport: a small trait so that tests and users can inject their own, and the
//! default implementation on hyper (rustls by default, no OpenSSL needed).

mod connector;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;

use crate::endpoint::{Endpoint, Scheme};
use crate::error::{BoxError, DispatchError, DispatchErrorKind};

/// A request ready to send: method, URL, headers and body.
///
/// The body is an [`HttpBody`]: bytes in memory (every request but a streamed upload; see
/// [`HttpBody::as_bytes`]) or a file streamed as it is sent (read it as an
/// [`http_body::Body`], e.g. with `http_body_util::BodyExt::collect`).
pub type HttpRequest = http::Request<HttpBody>;
/// A response with its whole body read.
pub type HttpResponse = http::Response<Bytes>;

/// The body of an [`HttpRequest`]: bytes in memory, or an upload streamed from a file
/// ([`Blob::from_path`](alibabacloud_types::Blob::from_path)) or a reader
/// ([`blob_from_reader`](crate::blob_from_reader)), opened anew for each attempt.
///
/// A transport sends the bytes as they are, and reads a stream as an [`http_body::Body`]
/// (its length is exact, and in the request's `content-length`). A stream whose bytes changed
/// after they were hashed for the signature ends with an error instead of its last bytes:
/// the transport must fail the request then (not send it whole), as hyper does.
///
/// ```
/// use alibabacloud_core::transport::HttpBody;
///
/// let body = HttpBody::from(bytes::Bytes::from_static(b"{}"));
/// assert_eq!(body.as_bytes().map(|b| &b[..]), Some(&b"{}"[..]));
/// assert_eq!(body.len(), 2);
/// assert_eq!(format!("{body:?}"), "HttpBody(2 bytes)");
/// ```
pub struct HttpBody(BodyRepr);

enum BodyRepr {
    Bytes(Bytes),
    /// Boxed: a request with an in-memory body (every call but an upload) stays small.
    Stream(Box<crate::upload::UploadStream>),
}

impl HttpBody {
    /// No body.
    pub const fn empty() -> Self {
        HttpBody(BodyRepr::Bytes(Bytes::new()))
    }

    pub(crate) fn stream(stream: crate::upload::UploadStream) -> Self {
        HttpBody(BodyRepr::Stream(Box::new(stream)))
    }

    /// The bytes, when the body is in memory (`None` for a stream).
    pub fn as_bytes(&self) -> Option<&Bytes> {
        match &self.0 {
            BodyRepr::Bytes(bytes) => Some(bytes),
            BodyRepr::Stream(_) => None,
        }
    }

    /// The bytes, when the body is in memory; else the body back.
    pub fn into_bytes(self) -> Result<Bytes, Self> {
        match self.0 {
            BodyRepr::Bytes(bytes) => Ok(bytes),
            other => Err(HttpBody(other)),
        }
    }

    /// Whether the body is streamed (an upload from a file or a reader).
    pub fn is_stream(&self) -> bool {
        matches!(self.0, BodyRepr::Stream(_))
    }

    /// The length in bytes (of a stream: what is left to send).
    pub fn len(&self) -> u64 {
        match &self.0 {
            BodyRepr::Bytes(bytes) => bytes.len() as u64,
            BodyRepr::Stream(stream) => stream.remaining(),
        }
    }

    /// Whether there is nothing (left) to send.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for HttpBody {
    fn default() -> Self {
        Self::empty()
    }
}

/// The length, never the content.
impl fmt::Debug for HttpBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            BodyRepr::Bytes(bytes) => write!(f, "HttpBody({} bytes)", bytes.len()),
            BodyRepr::Stream(stream) => write!(f, "HttpBody({stream:?})"),
        }
    }
}

impl From<Bytes> for HttpBody {
    fn from(bytes: Bytes) -> Self {
        HttpBody(BodyRepr::Bytes(bytes))
    }
}

impl From<Vec<u8>> for HttpBody {
    fn from(bytes: Vec<u8>) -> Self {
        HttpBody(BodyRepr::Bytes(Bytes::from(bytes)))
    }
}

impl From<String> for HttpBody {
    fn from(text: String) -> Self {
        HttpBody(BodyRepr::Bytes(Bytes::from(text)))
    }
}

impl From<&'static str> for HttpBody {
    fn from(text: &'static str) -> Self {
        HttpBody(BodyRepr::Bytes(Bytes::from_static(text.as_bytes())))
    }
}

impl http_body::Body for HttpBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, BoxError>>> {
        let this = self.get_mut();
        match &mut this.0 {
            BodyRepr::Bytes(bytes) => {
                if bytes.is_empty() {
                    return std::task::Poll::Ready(None);
                }
                let chunk = std::mem::take(bytes);
                std::task::Poll::Ready(Some(Ok(http_body::Frame::data(chunk))))
            }
            BodyRepr::Stream(stream) => stream.poll_chunk(cx).map(|next| {
                next.map(|chunk| chunk.map(http_body::Frame::data).map_err(BoxError::from))
            }),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.0 {
            BodyRepr::Bytes(bytes) => bytes.is_empty(),
            BodyRepr::Stream(stream) => stream.is_done(),
        }
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.len())
    }
}

/// The future returned by [`HttpTransport::send`].
pub type TransportFuture<'a> =
    Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send + 'a>>;

/// Sends one HTTP request and reads the whole response.
///
/// Implementations apply their own connect and read timeouts and report them as
/// [`TransportErrorKind::ConnectTimeout`] / [`TransportErrorKind::ReadTimeout`]; the runtime adds
/// the attempt and operation timeouts around them.
///
/// The request's body is an [`HttpBody`]: in memory for every request but a streamed upload
/// (`request.body().as_bytes()`), a stream for a streamed upload, to be read as an
/// [`http_body::Body`] and sent with the request's `content-length`. A stream that ends with
/// an error (its bytes changed after they were hashed) must fail the request with a
/// [`TransportError`] whose cause chain holds that error (as hyper reports it):
/// the runtime turns it into [`ConstructionError::Upload`](crate::ConstructionError::Upload).
/// Each attempt gets a new request, its stream opened anew.
pub trait HttpTransport: Send + Sync + fmt::Debug {
    /// Sends `request` and returns the response, body included.
    fn send(&self, request: HttpRequest) -> TransportFuture<'_>;
}

/// A cheaply clonable, shareable transport.
#[derive(Clone, Debug)]
pub struct SharedTransport(Arc<dyn HttpTransport>);

impl SharedTransport {
    /// Wraps a transport.
    pub fn new(transport: impl HttpTransport + 'static) -> Self {
        SharedTransport(Arc::new(transport))
    }
}

impl SharedTransport {
    #[cfg(test)]
    pub(crate) fn inner(&self) -> &Arc<dyn HttpTransport> {
        &self.0
    }
}

impl HttpTransport for SharedTransport {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        self.0.send(request)
    }
}

/// What kind of failure a transport met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (refused, DNS failure, TLS handshake): the request never left
    /// the client.
    Connect,
    /// Connecting took longer than the connect timeout: the request never left the client.
    ConnectTimeout,
    /// The server sent nothing for longer than the read timeout.
    ReadTimeout,
    /// The connection failed after the request was sent (reset, closed early, bad HTTP).
    Io,
    /// The request could not be built (an invalid URL or header).
    Request,
    /// The response body is longer than the transport reads: the server answered, so
    /// retrying would only read as much again. Build it with
    /// [`BodyTooLarge::into_transport_error`], which tells the status and request id.
    BodyTooLarge,
}

/// A transport failure.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    source: BoxError,
}

impl TransportError {
    /// A failure of the given kind.
    pub fn new(kind: TransportErrorKind, source: impl Into<BoxError>) -> Self {
        TransportError {
            kind,
            source: source.into(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Consumes the error and returns its cause.
    pub fn into_source(self) -> BoxError {
        self.source
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Connect => "connect failed",
            TransportErrorKind::ConnectTimeout => "connect timed out",
            TransportErrorKind::ReadTimeout => "read timed out",
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::Request => "invalid request",
            TransportErrorKind::BodyTooLarge => "response too large",
        };
        // The cause is the `source()`, not repeated here.
        f.write_str(what)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.source)
    }
}

/// Joins an error and its sources with `: `, for messages that name the root cause.
pub(crate) fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut current = error.source();
    while let Some(e) = current {
        let s = e.to_string();
        if !text.contains(&s) {
            text.push_str(": ");
            text.push_str(&s);
        }
        current = e.source();
    }
    text
}

/// The default cap on a response body: 64 MiB.
pub const DEFAULT_MAX_BODY_SIZE: usize = 64 * 1024 * 1024;

/// Settings of the default transport.
#[derive(Debug, Clone)]
pub struct TransportSettings {
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Read timeout: the longest wait for the next bytes of a response.
    pub read_timeout: Duration,
    /// The largest response body read; a longer one fails (a server or proxy streaming
    /// without end must not fill the memory).
    pub max_body_size: usize,
    /// The HTTP proxy (default: the one the environment names, if any).
    pub proxy: Proxy,
}

impl TransportSettings {
    /// Settings with these timeouts, the default body cap ([`DEFAULT_MAX_BODY_SIZE`]) and the
    /// environment's proxy.
    pub fn new(connect_timeout: Duration, read_timeout: Duration) -> Self {
        TransportSettings {
            connect_timeout,
            read_timeout,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            proxy: Proxy::default(),
        }
    }

    /// Sets the largest response body read.
    pub fn with_max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// Sets the HTTP proxy.
    pub fn with_proxy(mut self, proxy: Proxy) -> Self {
        self.proxy = proxy;
        self
    }
}

/// The HTTP proxy of the default transport, as the official SDKs' `httpProxy`, `httpsProxy`
/// and `noProxy` settings.
///
/// By default, the one the environment names: `HTTPS_PROXY` for HTTPS requests, `HTTP_PROXY`
/// for plain HTTP, `ALL_PROXY` for both, except for the hosts in `NO_PROXY` (upper or lower
/// case, as curl reads them). Only `http://` proxies are supported; HTTPS goes through them in
/// a `CONNECT` tunnel. A user name and password in the proxy's URL are sent as
/// `Proxy-Authorization: Basic`, and never shown.
///
/// ```
/// use alibabacloud_core::transport::Proxy;
///
/// let proxy = Proxy::custom()
///     .all("http://user:password@proxy.internal:3128")
///     .no_proxy("localhost,127.0.0.1,.internal")
///     .build()?;
/// assert_eq!(format!("{proxy:?}"), "Proxy(custom)");
/// assert!(Proxy::custom().https("socks5://proxy:1080").build().is_err());
/// # Ok::<(), alibabacloud_core::transport::InvalidProxy>(())
/// ```
#[derive(Clone, Default)]
pub struct Proxy(ProxyChoice);

#[derive(Clone, Default)]
enum ProxyChoice {
    #[default]
    FromEnv,
    Off,
    Custom(Arc<connector::Proxies>),
}

impl Proxy {
    /// The proxy the environment names, if any (the default).
    pub fn from_env() -> Self {
        Proxy(ProxyChoice::FromEnv)
    }

    /// No proxy, whatever the environment says.
    pub fn none() -> Self {
        Proxy(ProxyChoice::Off)
    }

    /// Proxies given here, the environment left aside.
    pub fn custom() -> ProxyBuilder {
        ProxyBuilder::default()
    }

    /// The proxies this choice stands for; `None` for none.
    fn resolve(&self) -> Option<Arc<connector::Proxies>> {
        match &self.0 {
            ProxyChoice::FromEnv => connector::Proxies::from_env().map(Arc::new),
            ProxyChoice::Off => None,
            ProxyChoice::Custom(proxies) => Some(proxies.clone()),
        }
    }
}

/// Which, never where: the proxy's URL may hold a password.
impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            ProxyChoice::FromEnv => "Proxy(from the environment)",
            ProxyChoice::Off => "Proxy(none)",
            ProxyChoice::Custom(_) => "Proxy(custom)",
        })
    }
}

/// Builds a [`Proxy`] of one's own: [`Proxy::custom`].
#[derive(Clone, Default)]
pub struct ProxyBuilder {
    http: Option<String>,
    https: Option<String>,
    no_proxy: Option<String>,
}

impl ProxyBuilder {
    /// The proxy of plain-HTTP requests, e.g. `http://proxy.internal:3128`.
    pub fn http(mut self, url: impl Into<String>) -> Self {
        self.http = Some(url.into());
        self
    }

    /// The proxy of HTTPS requests (through a `CONNECT` tunnel), e.g.
    /// `http://user:password@proxy.internal:3128`.
    pub fn https(mut self, url: impl Into<String>) -> Self {
        self.https = Some(url.into());
        self
    }

    /// The proxy of every request.
    pub fn all(self, url: impl Into<String>) -> Self {
        let url = url.into();
        self.http(url.clone()).https(url)
    }

    /// The hosts reached directly: a comma-separated list of names (`.example.com` and
    /// `example.com` include the subdomains), IP addresses and CIDR ranges, or `*` for all.
    pub fn no_proxy(mut self, hosts: impl Into<String>) -> Self {
        self.no_proxy = Some(hosts.into());
        self
    }

    /// The proxy; an error names the setting whose URL is not an `http://` URL with a host.
    pub fn build(self) -> Result<Proxy, InvalidProxy> {
        let mut matcher = hyper_util::client::proxy::matcher::Matcher::builder();
        for (setting, url) in [("http", &self.http), ("https", &self.https)] {
            let Some(url) = url else { continue };
            let uri: http::Uri = url.parse().map_err(|_| InvalidProxy {
                setting,
                problem: "not a URL",
            })?;
            if uri.scheme_str() != Some("http") {
                return Err(InvalidProxy {
                    setting,
                    problem: "only `http://` proxies are supported",
                });
            }
            if uri.host().is_none_or(str::is_empty) {
                return Err(InvalidProxy {
                    setting,
                    problem: "no host",
                });
            }
            matcher = if setting == "http" {
                matcher.http(url.clone())
            } else {
                matcher.https(url.clone())
            };
        }
        if let Some(hosts) = self.no_proxy {
            matcher = matcher.no(hosts);
        }
        Ok(Proxy(ProxyChoice::Custom(Arc::new(
            connector::Proxies::new(matcher.build()),
        ))))
    }
}

/// Everything a proxy built from `builder` shows of itself, and what it makes of a request to
/// each of `destinations`: the builder's `Debug`, then the build error's message, or the
/// proxy's `Debug` and per destination `direct`, `proxied` (`proxied+auth` when a
/// `Proxy-Authorization` goes with the plain-HTTP request) or the error's message with its
/// sources. For [`crate::fuzzing::proxy`].
pub(crate) fn proxy_outcomes(builder: ProxyBuilder, destinations: &[http::Uri]) -> Vec<String> {
    let mut shown = vec![format!("{builder:?}")];
    let proxy = match builder.build() {
        Ok(proxy) => proxy,
        Err(error) => {
            shown.push(error.to_string());
            return shown;
        }
    };
    shown.push(format!("{proxy:?}"));
    let Some(proxies) = proxy.resolve() else {
        return shown;
    };
    for destination in destinations {
        shown.push(match proxies.intercept(destination) {
            Ok(None) => "direct".to_owned(),
            Ok(Some(_)) if proxies.authorization(destination).is_some() => {
                "proxied+auth".to_owned()
            }
            Ok(Some(_)) => "proxied".to_owned(),
            Err(error) => error_chain(&*error),
        });
    }
    shown
}

/// Leaves out the URLs: they may hold a password.
impl fmt::Debug for ProxyBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProxyBuilder")
            .field("http", &self.http.is_some())
            .field("https", &self.https.is_some())
            .field("no_proxy", &self.no_proxy)
            .finish()
    }
}

/// A proxy URL that cannot be used; the message names the setting, never the URL (it may
/// hold a password).
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid {setting} proxy: {problem}")]
pub struct InvalidProxy {
    setting: &'static str,
    problem: &'static str,
}

/// A response body longer than the transport accepts: the source of a
/// [`TransportErrorKind::BodyTooLarge`] error.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the response body exceeds {limit} bytes")]
#[non_exhaustive]
pub struct BodyTooLarge {
    /// The cap.
    pub limit: usize,
    /// The HTTP status of the response.
    pub status: u16,
    /// The response's `x-acs-request-id`, if it had one.
    pub request_id: Option<String>,
}

impl BodyTooLarge {
    /// A body of a response with `status` longer than `limit` bytes.
    pub fn new(limit: usize, status: u16) -> Self {
        BodyTooLarge {
            limit,
            status,
            request_id: None,
        }
    }

    /// Adds the response's request id.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The error a transport returns for it.
    pub fn into_transport_error(self) -> TransportError {
        TransportError::new(TransportErrorKind::BodyTooLarge, self)
    }
}

/// The connect and read timeouts of one call, when it overrides the client's
/// ([`CallOptions::connect_timeout`](crate::CallOptions::connect_timeout),
/// [`CallOptions::read_timeout`](crate::CallOptions::read_timeout)): the runtime puts them in
/// the request's extensions, where a transport finds them with
/// `request.extensions().get::<RequestTimeouts>()`. Absent when the call keeps the client's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RequestTimeouts {
    /// The connect timeout of this call, when it overrides the transport's.
    pub connect: Option<Duration>,
    /// The read timeout of this call, when it overrides the transport's.
    pub read: Option<Duration>,
}

impl RequestTimeouts {
    /// Overrides of the connect and read timeouts (`None` keeps the transport's).
    pub fn new(connect: Option<Duration>, read: Option<Duration>) -> Self {
        RequestTimeouts { connect, read }
    }
}

/// The default transport: hyper's HTTP/1.1 client (HTTP/2 too with the `http2` feature, when
/// the server offers it), with a pool of keep-alive connections, TLS by the crate's feature
/// (`rustls` by default, `native-tls`), and the HTTP proxy the environment names
/// (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`, as curl reads them; `http://`
/// proxies, with `CONNECT` tunnels for HTTPS).
///
/// Timeouts:
/// - **connect**: opening a connection (TCP, the proxy's tunnel and the TLS handshake);
/// - **read**: the wait for the response headers once the request is sent, and for each part
///   of the body after them.
///
/// A call that overrides them ([`RequestTimeouts`]) uses the same pool of connections.
/// Redirects are not followed (the gateway does not send them; a proxy's redirect is answered
/// as an error).
#[derive(Debug, Clone)]
pub struct HyperTransport {
    client: Client<connector::Connector, SendBody>,
    settings: TransportSettings,
    proxies: Option<Arc<connector::Proxies>>,
}

type Client<C, B> = hyper_util::client::legacy::Client<C, B>;

impl HyperTransport {
    /// A transport with the given timeouts, body cap and proxy.
    pub fn new(settings: TransportSettings) -> Result<Self, TransportError> {
        let proxies = settings.proxy.resolve();
        let connector = connector::Connector::new(settings.connect_timeout, proxies.clone())
            .map_err(|e| TransportError::new(TransportErrorKind::Request, e))?;
        let timer = hyper_util::rt::TokioTimer::new();
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .pool_idle_timeout(Duration::from_secs(60))
                .pool_timer(timer.clone())
                .timer(timer)
                .build(connector);
        Ok(HyperTransport {
            client,
            settings,
            proxies,
        })
    }

    /// The timeouts this transport was built with.
    pub fn settings(&self) -> &TransportSettings {
        &self.settings
    }

    fn classify(error: hyper_util::client::legacy::Error) -> TransportError {
        let kind = if error.is_connect() {
            if has_source::<connector::ConnectTimedOut>(&error) {
                TransportErrorKind::ConnectTimeout
            } else {
                TransportErrorKind::Connect
            }
        } else {
            TransportErrorKind::Io
        };
        // hyper's errors name neither the URL nor the headers.
        TransportError::new(kind, error)
    }

    async fn send_request(&self, mut request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let uri = request.uri();
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.authority().is_none() {
            return Err(TransportError::new(
                TransportErrorKind::Request,
                "the request's URI must be absolute, `http://` or `https://`",
            ));
        }
        let overrides = request
            .extensions()
            .get::<RequestTimeouts>()
            .copied()
            .unwrap_or_default();
        let read = overrides.read.unwrap_or(self.settings.read_timeout);
        if let Some(auth) = self
            .proxies
            .as_ref()
            .and_then(|p| p.authorization(request.uri()))
        {
            request
                .headers_mut()
                .insert(http::header::PROXY_AUTHORIZATION, auth);
        }
        let (parts, body) = request.into_parts();
        let (body, sent) = SendBody::new(body);
        let pending = self.client.request(http::Request::from_parts(parts, body));
        // Connecting is bounded by the connector; the response must come within the read
        // timeout of the request being sent.
        let response = match overrides.connect {
            Some(timeout) => {
                connector::CONNECT_TIMEOUT
                    .scope(timeout, response_within(pending, read, sent))
                    .await
            }
            None => response_within(pending, read, sent).await,
        }?;
        let (parts, body) = response.into_parts();
        let body = read_body(body, &parts, self.settings.max_body_size, read).await?;
        Ok(http::Response::from_parts(parts, body))
    }
}

impl HttpTransport for HyperTransport {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        Box::pin(self.send_request(request))
    }
}

/// Whether `error`'s cause chain holds an `E`.
fn has_source<E: std::error::Error + 'static>(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.is::<E>() {
            return true;
        }
        current = e.source();
    }
    false
}

fn read_timed_out(what: &str, limit: Duration) -> TransportError {
    TransportError::new(
        TransportErrorKind::ReadTimeout,
        format!("no {what} within {limit:?} (the read timeout)"),
    )
}

/// Waits for the response headers: at most `limit` once the request is sent (`sent` tells
/// when; before, connecting is bounded by the connector; an early answer ends the wait).
async fn response_within(
    pending: hyper_util::client::legacy::ResponseFuture,
    limit: Duration,
    sent: Arc<tokio::sync::Notify>,
) -> Result<http::Response<hyper::body::Incoming>, TransportError> {
    let mut pending = std::pin::pin!(pending);
    let mut notified = std::pin::pin!(sent.notified());
    let early = std::future::poll_fn(|cx| match pending.as_mut().poll(cx) {
        std::task::Poll::Ready(result) => std::task::Poll::Ready(Some(result)),
        std::task::Poll::Pending => notified.as_mut().poll(cx).map(|()| None),
    })
    .await;
    if let Some(result) = early {
        return result.map_err(HyperTransport::classify);
    }
    match tokio::time::timeout(limit, pending).await {
        Ok(result) => result.map_err(HyperTransport::classify),
        Err(_) => Err(read_timed_out("response", limit)),
    }
}

/// The body the client sends: an [`HttpBody`] that tells when it has been sent (hyper drops
/// it then, or at once when it is empty), so that the read timeout runs from there.
struct SendBody {
    body: HttpBody,
    sent: Option<Arc<tokio::sync::Notify>>,
}

impl SendBody {
    fn new(body: HttpBody) -> (Self, Arc<tokio::sync::Notify>) {
        let sent = Arc::new(tokio::sync::Notify::new());
        (
            SendBody {
                body,
                sent: Some(sent.clone()),
            },
            sent,
        )
    }

    fn done(&mut self) {
        if let Some(sent) = self.sent.take() {
            sent.notify_one();
        }
    }
}

impl Drop for SendBody {
    fn drop(&mut self) {
        self.done();
    }
}

impl http_body::Body for SendBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, BoxError>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        if matches!(polled, std::task::Poll::Ready(None | Some(Err(_)))) {
            self.done();
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

/// Reads a whole body, refusing one longer than `limit` bytes (announced or streamed); each
/// part must come within `read`.
async fn read_body(
    mut body: hyper::body::Incoming,
    parts: &http::response::Parts,
    limit: usize,
    read: Duration,
) -> Result<Bytes, TransportError> {
    let too_large = || {
        let mut error = BodyTooLarge::new(limit, parts.status.as_u16());
        if let Some(id) = parts
            .headers
            .get(crate::response::REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
        {
            error = error.with_request_id(id);
        }
        error.into_transport_error()
    };
    let announced = http_body::Body::size_hint(&body).exact();
    if announced.is_some_and(|n| usize::try_from(n).map_or(true, |n| n > limit)) {
        return Err(too_large());
    }
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    loop {
        let next = std::future::poll_fn(|cx| http_body::Body::poll_frame(Pin::new(&mut body), cx));
        let frame = match tokio::time::timeout(read, next).await {
            Ok(Some(frame)) => frame.map_err(|e| TransportError::new(TransportErrorKind::Io, e))?,
            Ok(None) => break,
            Err(_) => return Err(read_timed_out("part of the response body", read)),
        };
        let Ok(chunk) = frame.into_data() else {
            continue; // trailers
        };
        let received = first.as_ref().map_or(0, Bytes::len) + rest.len() + chunk.len();
        if received > limit {
            return Err(too_large());
        }
        // The common case, one chunk, is kept without copying; else the buffer takes the
        // announced length at once (no regrowth: a large body peaks at its size, not twice it).
        if first.is_none() && rest.is_empty() {
            first = Some(chunk);
            continue;
        }
        if let Some(head) = first.take() {
            let expected = announced.and_then(|n| usize::try_from(n).ok());
            rest.reserve_exact(expected.unwrap_or(0).max(received));
            rest.extend_from_slice(&head);
        }
        rest.extend_from_slice(&chunk);
    }
    Ok(match first {
        Some(only) => only,
        None => Bytes::from(rest),
    })
}

/// A transport that never touches the network: it answers every request with the same
/// response and keeps the last request (a streamed body read whole), for tests and benchmarks
/// of code built on the SDK.
#[derive(Clone)]
pub struct CannedTransport {
    status: http::StatusCode,
    headers: http::HeaderMap,
    body: Bytes,
    last_request: Arc<std::sync::Mutex<Option<http::Request<Bytes>>>>,
}

impl fmt::Debug for CannedTransport {
    /// Leaves out the last request: it is signed, and may hold a token or a secret parameter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CannedTransport")
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

impl CannedTransport {
    /// Answers `status` with `body` (as `application/json`).
    pub fn new(status: u16, body: impl Into<Bytes>) -> Self {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json;charset=utf-8"),
        );
        CannedTransport {
            status: http::StatusCode::from_u16(status)
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
            headers,
            body: body.into(),
            last_request: Arc::default(),
        }
    }

    /// Adds a response header (ignored if the name or value is not valid in HTTP).
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(value),
        ) {
            self.headers.insert(name, value);
        }
        self
    }

    /// The last request sent through this transport (a clone of it, its body read whole).
    pub fn last_request(&self) -> Option<http::Request<Bytes>> {
        self.last_request
            .lock()
            .ok()
            .and_then(|guard| guard.clone())
    }
}

impl HttpTransport for CannedTransport {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        let keep = |request: http::Request<Bytes>| {
            if let Ok(mut last) = self.last_request.lock() {
                *last = Some(request);
            }
            let mut response = http::Response::new(self.body.clone());
            *response.status_mut() = self.status;
            *response.headers_mut() = self.headers.clone();
            Ok(response)
        };
        let (parts, body) = request.into_parts();
        match body.into_bytes() {
            Ok(bytes) => Box::pin(std::future::ready(keep(http::Request::from_parts(
                parts, bytes,
            )))),
            Err(stream) => Box::pin(async move {
                let bytes = read_stream(stream).await?;
                keep(http::Request::from_parts(parts, bytes))
            }),
        }
    }
}

/// Reads a streamed body whole (for transports that keep what they sent).
async fn read_stream(body: HttpBody) -> Result<Bytes, TransportError> {
    let mut body = std::pin::pin!(body);
    let mut out = Vec::with_capacity(usize::try_from(body.len()).unwrap_or(0));
    while let Some(frame) =
        std::future::poll_fn(|cx| http_body::Body::poll_frame(body.as_mut(), cx)).await
    {
        let frame = frame.map_err(|e| TransportError::new(TransportErrorKind::Io, e))?;
        if let Ok(data) = frame.into_data() {
            out.extend_from_slice(&data);
        }
    }
    Ok(Bytes::from(out))
}

/// Turns a transport failure into the [`DispatchError`] of a call to `endpoint`: it names the
/// server (`host:port`) and what failed (DNS, connection, TLS, or the connection after the
/// request was sent), with a hint for a TLS failure against a plain-HTTP server. The
/// transport's cause becomes the `source()`, not part of the message.
pub(crate) fn dispatch_error(error: TransportError, endpoint: &Endpoint) -> DispatchError {
    let connect = error.kind() != TransportErrorKind::Io;
    let target = endpoint.host_port();
    let cause = NetworkCause::of(&*error.source);
    let (kind, mut message) = if !connect {
        (
            DispatchErrorKind::Io,
            format!("the connection to {target} failed after the request was sent"),
        )
    } else {
        match cause {
            NetworkCause::Dns => (
                DispatchErrorKind::Dns,
                format!(
                    "could not resolve the host `{}` (DNS lookup failed; port {})",
                    endpoint.host(),
                    endpoint.port()
                ),
            ),
            NetworkCause::Tls { .. } => (
                DispatchErrorKind::Tls,
                format!("TLS handshake with {target} failed"),
            ),
            NetworkCause::Refused => (
                DispatchErrorKind::Connect,
                format!("could not connect to {target}: connection refused"),
            ),
            NetworkCause::Other => (
                DispatchErrorKind::Connect,
                format!("could not connect to {target}"),
            ),
        }
    };
    if let NetworkCause::Tls { plain_http: true } = cause
        && endpoint.scheme() == Scheme::Https
    {
        message.push_str(&format!(
            "; the server does not seem to speak TLS: if it serves plain HTTP, set the endpoint to `http://{}`",
            endpoint.authority()
        ));
    }
    DispatchError::new(message, connect)
        .with_kind(kind)
        .with_target(target)
        .with_source(error.into_source())
}

/// What the cause chain of a failed connection says, as far as it can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NetworkCause {
    Dns,
    /// `plain_http`: the server answered the handshake with something that is not TLS.
    Tls {
        plain_http: bool,
    },
    Refused,
    Other,
}

impl NetworkCause {
    /// Reads the cause chain: the network libraries expose no typed cause for DNS and TLS
    /// failures, so their messages (hyper's "dns error", rustls's and OpenSSL's handshake
    /// messages) are read, and the I/O error kinds.
    fn of(error: &(dyn std::error::Error + 'static)) -> Self {
        let mut found = NetworkCause::Other;
        let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
        while let Some(e) = current {
            if let Some(io) = e.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::ConnectionRefused
            {
                found = NetworkCause::Refused;
            }
            let text = e.to_string();
            let lower = text.to_ascii_lowercase();
            if lower.contains("dns error") || lower.contains("failed to lookup address") {
                return NetworkCause::Dns;
            }
            // rustls reading an HTTP answer as a TLS record; OpenSSL's and SChannel's words for it.
            if text.contains("InvalidContentType")
                || lower.contains("corrupt message")
                || lower.contains("wrong version number")
                || lower.contains("packet length too long")
                || lower.contains("http request")
            {
                return NetworkCause::Tls { plain_http: true };
            }
            if lower.contains("tls")
                || lower.contains("ssl")
                || lower.contains("certificate")
                || lower.contains("handshake")
            {
                found = NetworkCause::Tls { plain_http: false };
            }
            current = e.source();
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error with `outer` whose cause is `inner`, as hyper-util and reqwest nest them.
    #[derive(Debug)]
    struct Nested(&'static str, std::io::Error);

    impl fmt::Display for Nested {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Nested {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.1)
        }
    }

    fn connect_failure(outer: &'static str, inner: std::io::Error) -> TransportError {
        TransportError::new(TransportErrorKind::Connect, Nested(outer, inner))
    }

    #[test]
    fn dispatch_errors_name_the_server_and_the_failure() {
        let endpoint = Endpoint::parse("quickbi-public.cn-hangzou.aliyuncs.com").unwrap();
        let dns = dispatch_error(
            connect_failure(
                "dns error",
                std::io::Error::other(
                    "failed to lookup address information: Name or service not known",
                ),
            ),
            &endpoint,
        );
        assert_eq!(dns.kind(), DispatchErrorKind::Dns);
        assert_eq!(
            dns.to_string(),
            "could not resolve the host `quickbi-public.cn-hangzou.aliyuncs.com` (DNS lookup failed; port 443)"
        );
        assert_eq!(
            dns.target(),
            Some("quickbi-public.cn-hangzou.aliyuncs.com:443")
        );
        assert!(dns.is_connect());

        let local = Endpoint::parse("https://127.0.0.1:8080").unwrap();
        let refused = dispatch_error(
            connect_failure(
                "tcp connect error",
                std::io::Error::from(std::io::ErrorKind::ConnectionRefused),
            ),
            &local,
        );
        assert_eq!(refused.kind(), DispatchErrorKind::Connect);
        assert_eq!(
            refused.to_string(),
            "could not connect to 127.0.0.1:8080: connection refused"
        );

        let plain_http = dispatch_error(
            connect_failure(
                "client error (Connect)",
                std::io::Error::other("received corrupt message of type InvalidContentType"),
            ),
            &local,
        );
        assert_eq!(plain_http.kind(), DispatchErrorKind::Tls);
        assert!(
            plain_http
                .to_string()
                .ends_with("set the endpoint to `http://127.0.0.1:8080`"),
            "{plain_http}"
        );

        let certificate = dispatch_error(
            connect_failure(
                "client error (Connect)",
                std::io::Error::other("invalid peer certificate: UnknownIssuer"),
            ),
            &local,
        );
        assert_eq!(certificate.kind(), DispatchErrorKind::Tls);
        assert_eq!(
            certificate.to_string(),
            "TLS handshake with 127.0.0.1:8080 failed"
        );

        let reset = dispatch_error(
            TransportError::new(
                TransportErrorKind::Io,
                std::io::Error::from(std::io::ErrorKind::ConnectionReset),
            ),
            &local,
        );
        assert_eq!(reset.kind(), DispatchErrorKind::Io);
        assert!(!reset.is_connect());
        assert_eq!(
            reset.to_string(),
            "the connection to 127.0.0.1:8080 failed after the request was sent"
        );
        // The cause is the source, not repeated in the message.
        assert!(std::error::Error::source(&reset).is_some());
    }
}
