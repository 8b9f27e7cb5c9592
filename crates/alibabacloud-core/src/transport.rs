//! The HTTP transport: a small trait so that tests and users can inject their own, and the
//! default implementation on `reqwest` (rustls by default, no OpenSSL needed).

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

    /// The body for reqwest: the bytes as they are (no box), a stream wrapped.
    fn into_reqwest(self) -> reqwest::Body {
        match self.0 {
            BodyRepr::Bytes(bytes) => reqwest::Body::from(bytes),
            BodyRepr::Stream(_) => reqwest::Body::wrap(self),
        }
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
/// [`TransportError`] whose cause chain holds that error (as reqwest and hyper report it):
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
}

impl TransportSettings {
    /// Settings with these timeouts and the default body cap ([`DEFAULT_MAX_BODY_SIZE`]).
    pub fn new(connect_timeout: Duration, read_timeout: Duration) -> Self {
        TransportSettings {
            connect_timeout,
            read_timeout,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
        }
    }

    /// Sets the largest response body read.
    pub fn with_max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }
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

/// How many clients with other timeouts than its own a [`ReqwestTransport`] keeps.
const MAX_TIMEOUT_CLIENTS: usize = 8;

/// The default transport, on `reqwest` (HTTP/1.1; HTTP/2 too with the `http2` feature; rustls
/// by default).
///
/// A call that overrides the connect or read timeout ([`RequestTimeouts`]) goes through a
/// client built with those timeouts, kept for the next calls that ask for the same (each has
/// its own connection pool; at most 8 are kept, as the official SDKs keep one HTTP client per
/// set of runtime options). A transport on a client of yours
/// ([`ReqwestTransport::from_client`]) cannot rebuild it: there, the overrides bound the wait
/// for the response headers (connect plus read timeout) and for each part of the body (read
/// timeout), around the client's own timeouts, which they can shorten but not lengthen.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    settings: TransportSettings,
    /// Clients built for other `(connect, read)` timeouts; `None` for a client of the user's.
    others: Option<Arc<std::sync::Mutex<Vec<TimeoutClient>>>>,
}

/// A client built for other timeouts than the transport's own.
#[derive(Debug)]
struct TimeoutClient {
    connect: Duration,
    read: Duration,
    client: reqwest::Client,
}

/// Limits put around a user's client for a call that overrides its timeouts.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    /// Until the response headers arrive: connect plus read.
    headers: Duration,
    /// For each part of the body.
    read: Duration,
}

impl ReqwestTransport {
    /// A transport with the given timeouts.
    pub fn new(settings: TransportSettings) -> Result<Self, TransportError> {
        let client = Self::build_client(settings.connect_timeout, settings.read_timeout)?;
        Ok(ReqwestTransport {
            client,
            settings,
            others: Some(Arc::default()),
        })
    }

    /// A transport on a `reqwest::Client` the user built (its timeouts apply; `settings` should
    /// say what they are).
    pub fn from_client(client: reqwest::Client, settings: TransportSettings) -> Self {
        ReqwestTransport {
            client,
            settings,
            others: None,
        }
    }

    /// The timeouts this transport was built with.
    pub fn settings(&self) -> &TransportSettings {
        &self.settings
    }

    fn build_client(connect: Duration, read: Duration) -> Result<reqwest::Client, TransportError> {
        reqwest::Client::builder()
            .connect_timeout(connect)
            .read_timeout(read)
            .pool_idle_timeout(Duration::from_secs(60))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| TransportError::new(TransportErrorKind::Request, e))
    }

    /// The client for a call with these overrides: `None` for the transport's own client,
    /// else a client built for them (or the user's client with bounds around it).
    fn client_for(
        &self,
        overrides: RequestTimeouts,
    ) -> Result<(Option<reqwest::Client>, Option<Bounds>), TransportError> {
        let connect = overrides.connect.unwrap_or(self.settings.connect_timeout);
        let read = overrides.read.unwrap_or(self.settings.read_timeout);
        if (connect, read) == (self.settings.connect_timeout, self.settings.read_timeout) {
            return Ok((None, None));
        }
        let Some(others) = &self.others else {
            let bounds = Bounds {
                headers: connect.saturating_add(read),
                read,
            };
            return Ok((None, Some(bounds)));
        };
        // A poisoned lock only means another call panicked while holding it: the list is
        // still a list of valid clients.
        let mut others = others
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = others
            .iter()
            .find(|c| (c.connect, c.read) == (connect, read))
        {
            return Ok((Some(found.client.clone()), None));
        }
        let client = Self::build_client(connect, read)?;
        if others.len() >= MAX_TIMEOUT_CLIENTS {
            others.remove(0);
        }
        others.push(TimeoutClient {
            connect,
            read,
            client: client.clone(),
        });
        Ok((Some(client), None))
    }

    fn classify(error: reqwest::Error) -> TransportError {
        let kind = if error.is_connect() {
            if error.is_timeout() {
                TransportErrorKind::ConnectTimeout
            } else {
                TransportErrorKind::Connect
            }
        } else if error.is_timeout() {
            TransportErrorKind::ReadTimeout
        } else if error.is_builder() {
            TransportErrorKind::Request
        } else {
            TransportErrorKind::Io
        };
        // reqwest puts the URL (and so the query, which may hold a secret) in its messages.
        TransportError::new(kind, error.without_url())
    }
}

/// The error of a bound put around a user's client.
fn bound_elapsed(limit: Duration) -> TransportError {
    TransportError::new(
        TransportErrorKind::ReadTimeout,
        format!("no answer within {limit:?} (the call's connect and read timeouts)"),
    )
}

impl HttpTransport for ReqwestTransport {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        let overrides = request.extensions().get::<RequestTimeouts>().copied();
        Box::pin(async move {
            let (chosen, bounds) = match overrides {
                Some(overrides) => self.client_for(overrides)?,
                None => (None, None),
            };
            let client = chosen.as_ref().unwrap_or(&self.client);
            let request = reqwest::Request::try_from(request.map(HttpBody::into_reqwest))
                .map_err(|e| TransportError::new(TransportErrorKind::Request, e))?;
            let response = match bounds {
                None => client.execute(request).await,
                Some(bounds) => tokio::time::timeout(bounds.headers, client.execute(request))
                    .await
                    .map_err(|_| bound_elapsed(bounds.headers))?,
            }
            .map_err(Self::classify)?;
            let status = response.status();
            let version = response.version();
            let headers = response.headers().clone();
            let read_bound = bounds.map(|b| b.read);
            let body = read_body(response, self.settings.max_body_size, read_bound)
                .await
                .map_err(|e| match e {
                    BodyError::TooLarge(limit) => {
                        let mut too_large = BodyTooLarge::new(limit, status.as_u16());
                        if let Some(id) = headers
                            .get(crate::response::REQUEST_ID_HEADER)
                            .and_then(|v| v.to_str().ok())
                        {
                            too_large = too_large.with_request_id(id);
                        }
                        too_large.into_transport_error()
                    }
                    BodyError::Read(e) => e,
                })?;
            let mut out = http::Response::new(body);
            *out.status_mut() = status;
            *out.version_mut() = version;
            *out.headers_mut() = headers;
            Ok(out)
        })
    }
}

/// Why a body could not be read.
enum BodyError {
    /// Longer than this cap.
    TooLarge(usize),
    Read(TransportError),
}

/// Reads a whole body, refusing one longer than `limit` bytes (announced or streamed); with
/// `read_bound`, each part must arrive within it.
async fn read_body(
    mut response: reqwest::Response,
    limit: usize,
    read_bound: Option<Duration>,
) -> Result<Bytes, BodyError> {
    let announced = response.content_length().unwrap_or(0);
    if usize::try_from(announced).map_or(true, |n| n > limit) {
        return Err(BodyError::TooLarge(limit));
    }
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    loop {
        let next = match read_bound {
            None => response.chunk().await,
            Some(bound) => tokio::time::timeout(bound, response.chunk())
                .await
                .map_err(|_| BodyError::Read(bound_elapsed(bound)))?,
        };
        let Some(chunk) = next.map_err(|e| BodyError::Read(ReqwestTransport::classify(e)))? else {
            break;
        };
        let received = first.as_ref().map_or(0, Bytes::len) + rest.len() + chunk.len();
        if received > limit {
            return Err(BodyError::TooLarge(limit));
        }
        // The common case, one chunk, is kept without copying.
        match &first {
            None => first = Some(chunk),
            Some(head) => {
                if rest.is_empty() {
                    rest.reserve(received);
                    rest.extend_from_slice(head);
                }
                rest.extend_from_slice(&chunk);
            }
        }
    }
    Ok(if rest.is_empty() {
        first.unwrap_or_default()
    } else {
        Bytes::from(rest)
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
