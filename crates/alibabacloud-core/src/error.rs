//! The one error type of an SDK call, and its parts.
//!
//! [`Error`] tells apart what went wrong before any I/O (construction, credentials, endpoint), on
//! the way (timeout, dispatch), and in the answer (an undecodable response, or an error the
//! service reported). The service error is generic over the operation's error code type `C`: the
//! generated crates use a per-operation `#[non_exhaustive]` enum; the runtime itself works with
//! plain [`String`] codes.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use bytes::Bytes;

use crate::credentials::CredentialsError;
use crate::endpoint::EndpointError;

/// A boxed error that can cross threads; the `source()` of several error kinds.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// An error code of a service, as the generated per-operation code enums implement it.
///
/// A code type is built from the code string the service returned (unknown codes must be kept,
/// for instance in an `Unknown(String)` variant) and gives that string back with `as_ref()`.
pub trait ErrorCode:
    for<'a> From<&'a str> + AsRef<str> + fmt::Debug + Clone + Send + Sync + 'static
{
}

impl ErrorCode for String {}

/// The error of one SDK call.
///
/// `C` is the error code type of the operation (see [`ErrorCode`]); the generated clients alias
/// this type per operation, e.g. `QueryCashCouponsError = Error<QueryCashCouponsErrorCode>`.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<C = String> {
    /// The request could not be built: a required parameter is missing, a value is invalid, or
    /// the configuration is unusable. Nothing was sent.
    Construction(ConstructionError),
    /// No credentials could be obtained to sign the request. Nothing was sent.
    Credentials(CredentialsError),
    /// No endpoint could be chosen for the product and region. Nothing was sent.
    Endpoint(EndpointError),
    /// A timeout fired (connect, read, or the whole operation).
    Timeout(TimeoutError),
    /// The request could not be sent or its response not received (network failure).
    Dispatch(DispatchError),
    /// A response arrived but could not be understood (HTML from a proxy, truncated JSON, ...).
    Response(ResponseError),
    /// The service answered with an error.
    Service(ServiceError<C>),
}

impl<C: ErrorCode> Error<C> {
    /// The service error, if the service answered with one.
    pub fn as_service_error(&self) -> Option<&ServiceError<C>> {
        match self {
            Error::Service(e) => Some(e),
            _ => None,
        }
    }

    /// Consumes the error and returns the service error, if the service answered with one.
    pub fn into_service_error(self) -> Option<ServiceError<C>> {
        match self {
            Error::Service(e) => Some(e),
            _ => None,
        }
    }

    /// The service's error code, if the service answered with an error.
    pub fn code(&self) -> Option<&C> {
        self.as_service_error().map(ServiceError::code)
    }

    /// The request id of the failed call, when a response carried one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Service(e) => e.request_id(),
            Error::Response(e) => e.request_id(),
            _ => None,
        }
    }

    /// Converts the error code type, keeping everything else.
    pub fn map_code<D: ErrorCode>(self) -> Error<D> {
        match self {
            Error::Construction(e) => Error::Construction(e),
            Error::Credentials(e) => Error::Credentials(e),
            Error::Endpoint(e) => Error::Endpoint(e),
            Error::Timeout(e) => Error::Timeout(e),
            Error::Dispatch(e) => Error::Dispatch(e),
            Error::Response(e) => Error::Response(e),
            Error::Service(e) => Error::Service(e.map_code()),
        }
    }
}

/// Shows what went wrong: the message of the inner error (the variant's payload), with
/// `invalid request: ` or `no credentials: ` in front where the inner message does not say so.
///
/// The inner error is shown here, so [`source`](StdError::source) skips it and returns the
/// inner error's own cause: a report that walks the chain (`anyhow`'s `{:#}`, `eyre`) prints
/// each line once.
impl<C: ErrorCode> fmt::Display for Error<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Construction(e) => write!(f, "invalid request: {e}"),
            Error::Credentials(e) => write!(f, "no credentials: {e}"),
            Error::Endpoint(e) => fmt::Display::fmt(e, f),
            Error::Timeout(e) => fmt::Display::fmt(e, f),
            Error::Dispatch(e) => fmt::Display::fmt(e, f),
            Error::Response(e) => fmt::Display::fmt(e, f),
            Error::Service(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl<C: ErrorCode> StdError for Error<C> {
    /// The cause of the inner error (which [`Display`](fmt::Display) already shows).
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Construction(e) => e.source(),
            Error::Credentials(e) => e.source(),
            Error::Endpoint(e) => e.source(),
            Error::Timeout(e) => e.source(),
            Error::Dispatch(e) => e.source(),
            Error::Response(e) => e.source(),
            Error::Service(e) => e.source(),
        }
    }
}

impl<C> From<ConstructionError> for Error<C> {
    fn from(e: ConstructionError) -> Self {
        Error::Construction(e)
    }
}

impl<C> From<CredentialsError> for Error<C> {
    fn from(e: CredentialsError) -> Self {
        Error::Credentials(e)
    }
}

impl<C> From<EndpointError> for Error<C> {
    fn from(e: EndpointError) -> Self {
        Error::Endpoint(e)
    }
}

/// A request that could not be built; nothing was sent.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConstructionError {
    /// A parameter the operation requires was not set.
    #[error("required parameter `{parameter}` of {operation} is not set")]
    MissingParameter {
        /// The operation (action name).
        operation: &'static str,
        /// The wire name of the parameter.
        parameter: &'static str,
    },
    /// A parameter value cannot be sent as given.
    #[error("parameter `{parameter}` of {operation} is invalid: {reason}")]
    InvalidParameter {
        /// The operation (action name).
        operation: &'static str,
        /// The wire name of the parameter.
        parameter: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The configuration cannot be used for this call.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// Signing the request failed.
    #[error("the request could not be signed: {0}")]
    Signing(crate::signing::SigningError),
    /// The file of an upload body ([`Blob::from_path`](alibabacloud_types::Blob::from_path)),
    /// or its reader ([`blob_from_reader`](crate::blob_from_reader)), could not be read, or
    /// changed after it was hashed for the signature. When it changed while it was sent, the
    /// request was cut short (the service never received it whole).
    #[error(transparent)]
    Upload(UploadError),
}

/// What went wrong with the file (or reader) of an upload body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UploadErrorKind {
    /// The file could not be opened or read (missing, no permission, an I/O error), or the
    /// reader factory or a reader failed.
    Read,
    /// The length or content is not what was hashed for the signature (or, for a reader,
    /// not the length announced): it changed during the call. Not retried.
    Changed,
}

/// The file (or reader) of an upload body could not be read, or changed after it was hashed.
#[derive(Debug, Clone)]
pub struct UploadError {
    kind: UploadErrorKind,
    /// The file; `None` for a reader.
    path: Option<std::path::PathBuf>,
    detail: String,
    io_kind: Option<std::io::ErrorKind>,
}

impl UploadError {
    pub(crate) fn read(path: Option<&std::path::Path>, source: std::io::Error) -> Self {
        UploadError {
            kind: UploadErrorKind::Read,
            path: path.map(std::path::Path::to_path_buf),
            detail: source.to_string(),
            io_kind: Some(source.kind()),
        }
    }

    pub(crate) fn changed(path: Option<&std::path::Path>, detail: String) -> Self {
        UploadError {
            kind: UploadErrorKind::Changed,
            path: path.map(std::path::Path::to_path_buf),
            detail,
            io_kind: None,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> UploadErrorKind {
        self.kind
    }

    /// The file (`None` for a body read from a reader factory).
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The kind of the I/O error that made the file unreadable (`NotFound` for a missing
    /// file), when that is what happened.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        self.io_kind
    }
}

impl fmt::Display for UploadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = match &self.path {
            Some(path) => format!("the upload body `{}`", path.display()),
            None => "the upload body's reader".to_owned(),
        };
        match self.kind {
            UploadErrorKind::Read => write!(f, "cannot read {body}: {}", self.detail),
            UploadErrorKind::Changed => write!(
                f,
                "{body} changed after it was hashed for the signature: {}",
                self.detail
            ),
        }
    }
}

/// The I/O error's message is part of this one's, so there is no `source()`.
impl std::error::Error for UploadError {}

// Not `#[from]`: that would also make the signing error the `source()`, which the message
// already shows.
impl From<crate::signing::SigningError> for ConstructionError {
    fn from(e: crate::signing::SigningError) -> Self {
        ConstructionError::Signing(e)
    }
}

/// Which timeout fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// Establishing the connection took too long.
    Connect,
    /// The server stopped sending (no data for the read timeout).
    Read,
    /// One attempt took longer than the attempt timeout.
    Attempt,
    /// The whole operation, retries included, took longer than the operation timeout.
    Operation,
}

impl fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutKind::Connect => "connect",
            TimeoutKind::Read => "read",
            TimeoutKind::Attempt => "attempt",
            TimeoutKind::Operation => "operation",
        })
    }
}

/// A timeout fired.
#[derive(Debug)]
pub struct TimeoutError {
    kind: TimeoutKind,
    after: Option<Duration>,
    target: Option<String>,
    source: Option<BoxError>,
}

impl TimeoutError {
    /// A timeout of the given kind, after the given (configured) duration when known.
    pub fn new(kind: TimeoutKind, after: Option<Duration>) -> Self {
        TimeoutError {
            kind,
            after,
            target: None,
            source: None,
        }
    }

    /// Names the server (`host:port`) that was being called.
    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    /// The server (`host:port`) that was being called, when known.
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref()
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Which timeout fired.
    pub fn kind(&self) -> TimeoutKind {
        self.kind
    }

    /// The configured duration of that timeout, when known.
    pub fn after(&self) -> Option<Duration> {
        self.after
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.after {
            Some(d) => write!(f, "{} timeout after {:?}", self.kind, d)?,
            None => write!(f, "{} timeout", self.kind)?,
        }
        match (&self.target, self.kind) {
            (Some(target), TimeoutKind::Connect) => write!(f, " connecting to {target}"),
            (Some(target), _) => write!(f, " waiting for {target}"),
            (None, _) => Ok(()),
        }
    }
}

impl StdError for TimeoutError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// What kind of network failure a [`DispatchError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DispatchErrorKind {
    /// The host name could not be resolved (DNS): nothing was sent.
    Dns,
    /// No connection could be made (refused, unreachable, reset while connecting): nothing
    /// was sent.
    Connect,
    /// The TLS handshake failed (a certificate, or a server that does not speak TLS): nothing
    /// was sent.
    Tls,
    /// The connection failed after the request was sent (reset, closed early, bad HTTP).
    Io,
}

/// The request could not be sent, or its response not received.
///
/// Its message names the server (`host:port`) and what failed (DNS, connection, TLS, or the
/// connection after the request was sent), with a hint when one is known (a TLS failure
/// against a server that speaks plain HTTP); the network library's own description of the
/// failure is its [`source`](StdError::source) chain, not repeated in the message.
#[derive(Debug)]
pub struct DispatchError {
    message: String,
    kind: DispatchErrorKind,
    target: Option<String>,
    source: Option<BoxError>,
}

impl DispatchError {
    /// A network failure described by `message`; `connect` tells that no connection was made
    /// (the request never left the client, so it is safe to retry any operation).
    pub fn new(message: impl Into<String>, connect: bool) -> Self {
        DispatchError {
            message: message.into(),
            kind: if connect {
                DispatchErrorKind::Connect
            } else {
                DispatchErrorKind::Io
            },
            target: None,
            source: None,
        }
    }

    /// Sets what kind of failure this is.
    pub fn with_kind(mut self, kind: DispatchErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// Names the server (`host:port`) that was being called.
    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> DispatchErrorKind {
        self.kind
    }

    /// The server (`host:port`) that was being called, when known.
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref()
    }

    /// True when no connection was made (DNS, connect and TLS failures): the request never
    /// left the client.
    pub fn is_connect(&self) -> bool {
        self.kind != DispatchErrorKind::Io
    }
}

impl fmt::Display for DispatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for DispatchError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// Why a response could not be understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseErrorKind {
    /// The body is not what the API documents: not JSON, not UTF-8, not the documented
    /// shape, an HTML page from a proxy, an error body without a code.
    Undecodable,
    /// The body is longer than the transport reads (the default transport's cap is
    /// [`DEFAULT_MAX_BODY_SIZE`](crate::transport::DEFAULT_MAX_BODY_SIZE)): it was not read
    /// further, is not kept, and the call is not retried (the server would send as much again).
    BodyTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
}

/// A response that could not be understood.
#[derive(Debug)]
pub struct ResponseError {
    kind: ResponseErrorKind,
    status: u16,
    // Boxed strings: the error stays small enough to return by value.
    request_id: Option<Box<str>>,
    reason: Box<str>,
    json_path: Option<Box<str>>,
    body: Bytes,
    source: Option<BoxError>,
}

impl ResponseError {
    /// An undecodable response with the given status, request id, reason and raw body.
    pub fn new(
        status: u16,
        request_id: Option<String>,
        reason: impl Into<String>,
        body: Bytes,
    ) -> Self {
        ResponseError {
            kind: ResponseErrorKind::Undecodable,
            status,
            request_id: request_id.map(String::into_boxed_str),
            reason: reason.into().into_boxed_str(),
            json_path: None,
            body,
            source: None,
        }
    }

    /// Names the place in the body where decoding failed, as a JSON path
    /// (`Data.CashCoupon[0].CashCouponId`; `.` for the whole body).
    pub fn with_json_path(mut self, path: impl Into<String>) -> Self {
        self.json_path = Some(path.into().into_boxed_str());
        self
    }

    /// Where in the body decoding failed, as a JSON path of wire names and list indices
    /// (`Data.CashCoupon[0].CashCouponId`), when the body is JSON of another shape than the
    /// documented one.
    pub fn json_path(&self) -> Option<&str> {
        self.json_path.as_deref()
    }

    /// A response whose body is longer than `limit` bytes, the transport's cap.
    pub fn body_too_large(status: u16, request_id: Option<String>, limit: usize) -> Self {
        let reason = format!(
            "the body is longer than {limit} bytes, the most the transport reads; it was not read further"
        );
        ResponseError {
            kind: ResponseErrorKind::BodyTooLarge { limit },
            ..Self::new(status, request_id, reason, Bytes::new())
        }
    }

    /// Why the response could not be understood.
    pub fn kind(&self) -> ResponseErrorKind {
        self.kind
    }

    /// Attaches the underlying error (usually the JSON decoder's).
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The request id, from the `x-acs-request-id` header, when present.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The body as received, secrets replaced by `***` (empty when it was too large).
    pub fn body(&self) -> &Bytes {
        &self.body
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ResponseErrorKind::Undecodable => "undecodable response",
            ResponseErrorKind::BodyTooLarge { .. } => "response too large",
        };
        write!(f, "{what} (HTTP {}): {}", self.status, self.reason)?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id: {id})")?;
        }
        Ok(())
    }
}

impl StdError for ResponseError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// An error the service reported, with everything its response said.
#[derive(Debug, Clone)]
pub struct ServiceError<C = String> {
    code: C,
    status: u16,
    details: Box<ServiceErrorDetails>,
}

/// The less-used parts of a service error, boxed to keep `Result`s small.
#[derive(Debug, Clone, Default)]
struct ServiceErrorDetails {
    message: Option<String>,
    request_id: Option<String>,
    host_id: Option<String>,
    recommend: Option<String>,
    access_denied_detail: Option<serde_json::Value>,
    retry_after: Option<Duration>,
    body: Bytes,
}

impl<C: ErrorCode> ServiceError<C> {
    /// Builds a service error; used by the runtime and by tests that script errors.
    pub fn builder(code: C, status: u16) -> ServiceErrorBuilder<C> {
        ServiceErrorBuilder {
            inner: ServiceError {
                code,
                status,
                details: Box::default(),
            },
        }
    }

    /// The error code (`Code`), typed.
    pub fn code(&self) -> &C {
        &self.code
    }

    /// The error code as the service sent it.
    pub fn code_str(&self) -> &str {
        self.code.as_ref()
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error message (`Message`).
    pub fn message(&self) -> Option<&str> {
        self.details.message.as_deref()
    }

    /// The request id (`RequestId`, or the `x-acs-request-id` header).
    pub fn request_id(&self) -> Option<&str> {
        self.details.request_id.as_deref()
    }

    /// The id of the host that answered (`HostId`).
    pub fn host_id(&self) -> Option<&str> {
        self.details.host_id.as_deref()
    }

    /// The diagnosis link of the error (`Recommend`).
    pub fn recommend(&self) -> Option<&str> {
        self.details.recommend.as_deref()
    }

    /// The details of a RAM authorization failure (`AccessDeniedDetail`).
    pub fn access_denied_detail(&self) -> Option<&serde_json::Value> {
        self.details.access_denied_detail.as_ref()
    }

    /// How long the service asked the client to wait before retrying (`x-acs-retry-after`).
    pub fn retry_after(&self) -> Option<Duration> {
        self.details.retry_after
    }

    /// The raw response body.
    pub fn body(&self) -> &Bytes {
        &self.details.body
    }

    /// Converts the code type, keeping everything else.
    pub fn map_code<D: ErrorCode>(self) -> ServiceError<D> {
        ServiceError {
            code: D::from(self.code.as_ref()),
            status: self.status,
            details: self.details,
        }
    }
}

impl<C: ErrorCode> fmt::Display for ServiceError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HTTP {})", self.code.as_ref(), self.status)?;
        if let Some(message) = &self.details.message {
            write!(f, ": {message}")?;
        }
        if let Some(id) = &self.details.request_id {
            write!(f, " (request id: {id})")?;
        }
        Ok(())
    }
}

impl<C: ErrorCode> StdError for ServiceError<C> {}

/// Builds a [`ServiceError`].
#[derive(Debug)]
pub struct ServiceErrorBuilder<C> {
    inner: ServiceError<C>,
}

impl<C: ErrorCode> ServiceErrorBuilder<C> {
    /// Sets the message.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.inner.details.message = Some(message.into());
        self
    }

    /// Sets the request id.
    pub fn request_id(mut self, request_id: impl Into<String>) -> Self {
        self.inner.details.request_id = Some(request_id.into());
        self
    }

    /// Sets the host id.
    pub fn host_id(mut self, host_id: impl Into<String>) -> Self {
        self.inner.details.host_id = Some(host_id.into());
        self
    }

    /// Sets the diagnosis link.
    pub fn recommend(mut self, recommend: impl Into<String>) -> Self {
        self.inner.details.recommend = Some(recommend.into());
        self
    }

    /// Sets the RAM access denied detail.
    pub fn access_denied_detail(mut self, detail: serde_json::Value) -> Self {
        self.inner.details.access_denied_detail = Some(detail);
        self
    }

    /// Sets the retry-after hint.
    pub fn retry_after(mut self, after: Duration) -> Self {
        self.inner.details.retry_after = Some(after);
        self
    }

    /// Sets the raw body.
    pub fn body(mut self, body: impl Into<Bytes>) -> Self {
        self.inner.details.body = body.into();
        self
    }

    /// Finishes the error.
    pub fn build(self) -> ServiceError<C> {
        self.inner
    }
}
