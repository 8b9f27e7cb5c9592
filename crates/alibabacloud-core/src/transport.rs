//! The HTTP transport: a small trait so that tests and users can inject their own, and the
//! default implementation on `reqwest` (rustls by default, no OpenSSL needed).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;

use crate::error::BoxError;

/// A request ready to send: method, URL, headers and body.
pub type HttpRequest = http::Request<Bytes>;
/// A response with its whole body read.
pub type HttpResponse = http::Response<Bytes>;

/// The future returned by [`HttpTransport::send`].
pub type TransportFuture<'a> =
    Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send + 'a>>;

/// Sends one HTTP request and reads the whole response.
///
/// Implementations apply their own connect and read timeouts and report them as
/// [`TransportErrorKind::ConnectTimeout`] / [`TransportErrorKind::ReadTimeout`]; the runtime adds
/// the attempt and operation timeouts around them.
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
        write!(f, "{what}: {}", error_chain(&*self.source))
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

/// The default transport, on `reqwest` (HTTP/1.1; HTTP/2 too with the `http2` feature; rustls
/// by default).
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    settings: TransportSettings,
}

impl ReqwestTransport {
    /// A transport with the given timeouts.
    pub fn new(settings: TransportSettings) -> Result<Self, TransportError> {
        let client = reqwest::Client::builder()
            .connect_timeout(settings.connect_timeout)
            .read_timeout(settings.read_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| TransportError::new(TransportErrorKind::Request, e))?;
        Ok(ReqwestTransport { client, settings })
    }

    /// A transport on a `reqwest::Client` the user built (its timeouts apply).
    pub fn from_client(client: reqwest::Client, settings: TransportSettings) -> Self {
        ReqwestTransport { client, settings }
    }

    /// The timeouts this transport was built with.
    pub fn settings(&self) -> &TransportSettings {
        &self.settings
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

impl HttpTransport for ReqwestTransport {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request.map(reqwest::Body::from))
                .map_err(|e| TransportError::new(TransportErrorKind::Request, e))?;
            let response = self.client.execute(request).await.map_err(Self::classify)?;
            let status = response.status();
            let version = response.version();
            let headers = response.headers().clone();
            let body = read_body(response, self.settings.max_body_size)
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

/// Reads a whole body, refusing one longer than `limit` bytes (announced or streamed).
async fn read_body(mut response: reqwest::Response, limit: usize) -> Result<Bytes, BodyError> {
    let announced = response.content_length().unwrap_or(0);
    if usize::try_from(announced).map_or(true, |n| n > limit) {
        return Err(BodyError::TooLarge(limit));
    }
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| BodyError::Read(ReqwestTransport::classify(e)))?
    {
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
/// response and keeps the last request, for tests and benchmarks of code built on the SDK.
#[derive(Clone)]
pub struct CannedTransport {
    status: http::StatusCode,
    headers: http::HeaderMap,
    body: Bytes,
    last_request: Arc<std::sync::Mutex<Option<HttpRequest>>>,
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

    /// The last request sent through this transport (or a clone of it).
    pub fn last_request(&self) -> Option<HttpRequest> {
        self.last_request
            .lock()
            .ok()
            .and_then(|guard| guard.clone())
    }
}

impl HttpTransport for CannedTransport {
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        if let Ok(mut last) = self.last_request.lock() {
            *last = Some(request);
        }
        let mut response = http::Response::new(self.body.clone());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        Box::pin(std::future::ready(Ok(response)))
    }
}
