//! What every call can tell besides its typed answer, the same for every operation: the
//! request id, HTTP status, headers and raw body of a success ([`Response`],
//! [`ResponseMetadata`]), and the code, message, request id, status and retry class of a
//! failure ([`ProvideErrorMetadata`], with the gateway's common codes as [`CommonErrorCode`]).
//!
//! The traits mirror aws-sdk-rust's `ProvideErrorMetadata` and `RequestId`, so generic code (a
//! retry wrapper, a metrics layer, a logger) works on the error of any operation:
//!
//! ```
//! use alibabacloud_core::{CommonErrorCode, ProvideErrorMetadata};
//!
//! /// One log line for the failure of any operation.
//! fn describe(error: &dyn ProvideErrorMetadata) -> String {
//!     match error.common_code() {
//!         Some(code) if code.is_authentication() => {
//!             format!("check the AccessKey ({})", code.as_str())
//!         }
//!         Some(CommonErrorCode::ForbiddenRam) => "the RAM policy does not allow it".to_owned(),
//!         _ if error.is_throttling() => "throttled: slow down".to_owned(),
//!         _ => format!(
//!             "{} (HTTP {:?}, request {:?}, retryable: {})",
//!             error.code_str().unwrap_or("no code"),
//!             error.http_status(),
//!             error.request_id(),
//!             error.is_retryable(),
//!         ),
//!     }
//! }
//!
//! let error = alibabacloud_core::Error::<String>::Service(
//!     alibabacloud_core::ServiceError::builder("Throttling.User".to_owned(), 400).build(),
//! );
//! assert_eq!(error.common_code(), Some(CommonErrorCode::ThrottlingUser));
//! assert_eq!(describe(&error), "throttled: slow down");
//! ```

use std::fmt;
use std::sync::OnceLock;

use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorCode, ResponseError, ResponseErrorKind, ServiceError};
use crate::retry::{RetryKind, is_server_error_code, is_throttling_code};

/// Anything that may carry the request id of a call (the id Alibaba Cloud support asks for).
///
/// Implemented by [`Response`], [`ResponseMetadata`], [`Error`] and the errors that describe a
/// response ([`ServiceError`], [`ResponseError`]).
pub trait ProvideRequestId {
    /// The request id, when the response carried one.
    fn request_id(&self) -> Option<&str>;
}

/// What any failed call can tell, whatever its operation: implemented by [`Error<C>`] (the
/// error of every operation) and [`ServiceError<C>`], and usable as `&dyn
/// ProvideErrorMetadata`.
pub trait ProvideErrorMetadata: ProvideRequestId {
    /// The error code the service sent (`Code`), when the service answered with an error.
    fn code_str(&self) -> Option<&str>;

    /// The error message the service sent (`Message`), when it did.
    fn message(&self) -> Option<&str>;

    /// The HTTP status of the response, when one arrived.
    fn http_status(&self) -> Option<u16>;

    /// The code as one of the gateway's common codes (authentication, signature, throttling,
    /// ...), when it is one: matchable across operations without comparing strings.
    fn common_code(&self) -> Option<CommonErrorCode> {
        self.code_str().and_then(CommonErrorCode::from_code)
    }

    /// Whether the service asked to slow down: a throttling code (`Throttling`,
    /// `Throttling.*`, `ServiceUnavailable`, ... see [`is_throttling_code`]) or HTTP 429.
    fn is_throttling(&self) -> bool {
        self.code_str().is_some_and(is_throttling_code) || self.http_status() == Some(429)
    }

    /// Whether trying again later may succeed: throttling, a server error (HTTP 5xx, or a
    /// server error code in a 2xx `"Success": false`), a network failure or a timeout. This is
    /// what the runtime retries (for operations that are safe to repeat, or when nothing was
    /// sent); a call that failed so has already been retried as far as its retry settings
    /// allow.
    fn is_retryable(&self) -> bool;
}

/// Why a failure may be retried, from its code and status (a service error) or its kind; the
/// one classification behind the runtime's retries and [`ProvideErrorMetadata::is_retryable`].
pub(crate) fn retry_kind<C: ErrorCode>(error: &Error<C>) -> Option<RetryKind> {
    match error {
        Error::Dispatch(e) if e.is_connect() => Some(RetryKind::NotSent),
        Error::Dispatch(_) => Some(RetryKind::Transient),
        Error::Timeout(e) if e.kind() == crate::error::TimeoutKind::Connect => {
            Some(RetryKind::NotSent)
        }
        Error::Timeout(_) => Some(RetryKind::Transient),
        Error::Service(e) => service_retry_kind(e.code_str(), e.status()),
        Error::Response(e) if e.kind() == ResponseErrorKind::Undecodable && e.status() >= 500 => {
            Some(RetryKind::ServerError)
        }
        _ => None,
    }
}

/// Why an error the service reported may be retried.
fn service_retry_kind(code: &str, status: u16) -> Option<RetryKind> {
    if is_throttling_code(code) || status == 429 {
        Some(RetryKind::Throttled)
    } else if status >= 500 || (status < 300 && is_server_error_code(code)) {
        // A 2xx body saying `"Success": false` with a server error code counts as a 5xx.
        Some(RetryKind::ServerError)
    } else {
        None
    }
}

impl<C: ErrorCode> ProvideRequestId for Error<C> {
    fn request_id(&self) -> Option<&str> {
        Error::request_id(self)
    }
}

impl<C: ErrorCode> ProvideErrorMetadata for Error<C> {
    fn code_str(&self) -> Option<&str> {
        self.as_service_error().map(ServiceError::code_str)
    }

    fn message(&self) -> Option<&str> {
        self.as_service_error().and_then(ServiceError::message)
    }

    fn http_status(&self) -> Option<u16> {
        match self {
            Error::Service(e) => Some(e.status()),
            Error::Response(e) if e.status() != 0 => Some(e.status()),
            _ => None,
        }
    }

    fn is_retryable(&self) -> bool {
        retry_kind(self).is_some()
    }
}

impl<C: ErrorCode> ProvideRequestId for ServiceError<C> {
    fn request_id(&self) -> Option<&str> {
        ServiceError::request_id(self)
    }
}

impl<C: ErrorCode> ProvideErrorMetadata for ServiceError<C> {
    fn code_str(&self) -> Option<&str> {
        Some(ServiceError::code_str(self))
    }

    fn message(&self) -> Option<&str> {
        ServiceError::message(self)
    }

    fn http_status(&self) -> Option<u16> {
        Some(self.status())
    }

    fn is_retryable(&self) -> bool {
        service_retry_kind(ServiceError::code_str(self), self.status()).is_some()
    }
}

impl ProvideRequestId for ResponseError {
    fn request_id(&self) -> Option<&str> {
        ResponseError::request_id(self)
    }
}

/// Declares [`CommonErrorCode`] from one table: variant, wire code, category.
macro_rules! common_codes {
    ($($(#[doc = $doc:expr])* $variant:ident = ($code:literal, $category:ident),)*) => {
        /// The error codes of Alibaba Cloud's API gateway, the same for every product:
        /// authentication and signature, authorization, request checks, throttling and server
        /// failures. [`ProvideErrorMetadata::common_code`] gives one from the error of any
        /// operation, whose own code enum lists only the codes documented for it.
        ///
        /// The list: the gateway's public error codes (the error center's "Public" product,
        /// help.aliyun.com document 53438), plus `Forbidden.RAM`, `InvalidAction.NotFound` and
        /// `InvalidVersion`, which the gateway sends for every product. New codes may be
        /// added: match with a wildcard arm.
        ///
        /// ```
        /// use alibabacloud_core::CommonErrorCode;
        ///
        /// let code = CommonErrorCode::from_code("InvalidAccessKeyId.NotFound");
        /// assert_eq!(code, Some(CommonErrorCode::InvalidAccessKeyIdNotFound));
        /// assert!(code.is_some_and(|c| c.is_authentication()));
        /// assert_eq!(CommonErrorCode::from_code("Biz.Failed"), None);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum CommonErrorCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl CommonErrorCode {
            /// Every common code, in the order of the enum.
            pub const ALL: &'static [CommonErrorCode] = &[$(CommonErrorCode::$variant,)*];

            /// The code as the gateway sends it, e.g. `InvalidAccessKeyId.NotFound`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(CommonErrorCode::$variant => $code,)*
                }
            }

            /// The common code sent as `code`, if it is one (codes are compared exactly, as
            /// the gateway sends them).
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(CommonErrorCode::$variant),)*
                    _ => None,
                }
            }

            fn category(self) -> Category {
                match self {
                    $(CommonErrorCode::$variant => Category::$category,)*
                }
            }
        }
    };
}

/// What a common code is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Category {
    Authentication,
    Authorization,
    Request,
    Throttling,
    Server,
}

common_codes! {
    /// `InvalidAccessKeyId.NotFound` (HTTP 404): the AccessKey ID does not exist.
    InvalidAccessKeyIdNotFound = ("InvalidAccessKeyId.NotFound", Authentication),
    /// `InvalidAccessKeyId.Inactive` (HTTP 400): the AccessKey is disabled.
    InvalidAccessKeyIdInactive = ("InvalidAccessKeyId.Inactive", Authentication),
    /// `Forbidden.AccessKeyDisabled` (HTTP 403): the AccessKey is disabled.
    ForbiddenAccessKeyDisabled = ("Forbidden.AccessKeyDisabled", Authentication),
    /// `SignatureDoesNotMatch` (HTTP 400): the signature is not the one the gateway
    /// computed (usually a wrong AccessKey secret).
    SignatureDoesNotMatch = ("SignatureDoesNotMatch", Authentication),
    /// `IncompleteSignature` (HTTP 400): the signature is malformed.
    IncompleteSignature = ("IncompleteSignature", Authentication),
    /// `InvalidSignatureMethod` (HTTP 400): the signature method is not supported.
    InvalidSignatureMethod = ("InvalidSignatureMethod", Authentication),
    /// `SignatureNonceUsed` (HTTP 400): the nonce was used already (a replayed request).
    SignatureNonceUsed = ("SignatureNonceUsed", Authentication),
    /// `InvalidTimeStamp.Expired` (HTTP 400): the request's time is more than 15 minutes
    /// from the gateway's (check the clock).
    InvalidTimeStampExpired = ("InvalidTimeStamp.Expired", Authentication),
    /// `InvalidTimeStamp.Format` (HTTP 400): the request's time is malformed.
    InvalidTimeStampFormat = ("InvalidTimeStamp.Format", Authentication),
    /// `MissingSecurityToken` (HTTP 400): STS credentials were used without their token.
    MissingSecurityToken = ("MissingSecurityToken", Authentication),
    /// `InvalidSecurityToken.Expired` (HTTP 400): the STS token has expired.
    InvalidSecurityTokenExpired = ("InvalidSecurityToken.Expired", Authentication),
    /// `InvalidSecurityToken.Malformed` (HTTP 400): the STS token is malformed.
    InvalidSecurityTokenMalformed = ("InvalidSecurityToken.Malformed", Authentication),
    /// `InvalidSecurityToken.MismatchWithAccessKey` (HTTP 400): the STS token belongs to
    /// another AccessKey.
    InvalidSecurityTokenMismatchWithAccessKey =
        ("InvalidSecurityToken.MismatchWithAccessKey", Authentication),
    /// `Forbidden.RAM` (HTTP 403): the RAM user or role is not allowed to call the operation
    /// (its `AccessDeniedDetail` says which policy).
    ForbiddenRam = ("Forbidden.RAM", Authorization),
    /// `InvalidProtocol.NeedSsl` (HTTP 400): the operation needs HTTPS.
    InvalidProtocolNeedSsl = ("InvalidProtocol.NeedSsl", Request),
    /// `InvalidProduct.NotFound` (HTTP 404): no product answers at this endpoint.
    InvalidProductNotFound = ("InvalidProduct.NotFound", Request),
    /// `InvalidApi.NotFound` (HTTP 404): the product has no such API.
    InvalidApiNotFound = ("InvalidApi.NotFound", Request),
    /// `InvalidAction.NotFound` (HTTP 404): the action is not found for this version and
    /// method.
    InvalidActionNotFound = ("InvalidAction.NotFound", Request),
    /// `InvalidVersion` (HTTP 400): the API version is not valid.
    InvalidVersion = ("InvalidVersion", Request),
    /// `InvalidRegion.NotFound` (HTTP 404): the request's region is not found.
    InvalidRegionNotFound = ("InvalidRegion.NotFound", Request),
    /// `UnsupportedHTTPMethod` (HTTP 403): the HTTP method is not supported.
    UnsupportedHttpMethod = ("UnsupportedHTTPMethod", Request),
    /// `MissingParameter` (HTTP 400): a required parameter is missing.
    MissingParameter = ("MissingParameter", Request),
    /// `InvalidParameter` (HTTP 400): a parameter value is not valid.
    InvalidParameter = ("InvalidParameter", Request),
    /// `InvalidParameter.Format` (HTTP 400): the `Format` is not supported.
    InvalidParameterFormat = ("InvalidParameter.Format", Request),
    /// `InvalidParameter.Accept` (HTTP 400): the `Accept` header is not supported.
    InvalidParameterAccept = ("InvalidParameter.Accept", Request),
    /// `ContentLengthDoesNotMatch` (HTTP 400): `Content-Length` is not the body's length.
    ContentLengthDoesNotMatch = ("ContentLengthDoesNotMatch", Request),
    /// `ContentMD5NotMatched` (HTTP 400): `Content-MD5` is not the body's.
    ContentMd5NotMatched = ("ContentMD5NotMatched", Request),
    /// `Throttling` (HTTP 400 or 503): the request was throttled.
    Throttling = ("Throttling", Throttling),
    /// `Throttling.User` (HTTP 400): the caller's flow control.
    ThrottlingUser = ("Throttling.User", Throttling),
    /// `Throttling.Api` (HTTP 400): the API's flow control.
    ThrottlingApi = ("Throttling.Api", Throttling),
    /// `ServiceUnavailable` (HTTP 503): a temporary failure of the service.
    ServiceUnavailable = ("ServiceUnavailable", Server),
    /// `InternalError` (HTTP 500): the service failed.
    InternalError = ("InternalError", Server),
    /// `UnknownError` (HTTP 500): the service failed.
    UnknownError = ("UnknownError", Server),
}

impl CommonErrorCode {
    /// The AccessKey, the STS token, the signature or the request's time is wrong: the
    /// credentials (or the clock) need fixing, not the request.
    pub fn is_authentication(self) -> bool {
        self.category() == Category::Authentication
    }

    /// The caller is authenticated but not allowed (`Forbidden.RAM`).
    pub fn is_authorization(self) -> bool {
        self.category() == Category::Authorization
    }

    /// The request itself is wrong (a parameter, the action, the version, the protocol).
    pub fn is_invalid_request(self) -> bool {
        self.category() == Category::Request
    }

    /// The service asked to slow down.
    pub fn is_throttling(self) -> bool {
        self.category() == Category::Throttling
    }

    /// The service failed; trying again later may work.
    pub fn is_server_error(self) -> bool {
        self.category() == Category::Server
    }
}

impl fmt::Display for CommonErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CommonErrorCode {
    type Err = UnknownCommonCode;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        CommonErrorCode::from_code(code).ok_or(UnknownCommonCode)
    }
}

/// A code that is not one of the [`CommonErrorCode`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a common error code of the gateway")]
pub struct UnknownCommonCode;

/// The answer of a call with everything the response said besides the decoded output: the
/// request id, HTTP status, headers and raw body ([`ResponseMetadata`]). What
/// `send_with_metadata()` returns.
///
/// ```
/// use alibabacloud_core::Response;
///
/// // `response` is what a generated client's `send_with_metadata()` returns, e.g.
/// // `client.query_bill().billing_cycle("2024-05").send_with_metadata().await?`.
/// fn report<T: std::fmt::Debug>(response: Response<T>) -> Result<(), serde_json::Error> {
///     println!("request {:?}, HTTP {}", response.request_id(), response.metadata().status());
///     // A field the API metadata does not list, read from the raw body.
///     let raw: serde_json::Value = response.metadata().json()?;
///     println!("outstanding: {}", raw["Data"]["OutstandingAmount"]);
///     let output: T = response.into_output();
///     println!("{output:?}");
///     Ok(())
/// }
/// # let body = r#"{"RequestId":"R-1","Data":{"OutstandingAmount":"1.50"}}"#;
/// # let metadata = alibabacloud_core::ResponseMetadata::new(200, Default::default(), body);
/// # report(Response::new((), metadata))?;
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Response<T> {
    output: T,
    metadata: ResponseMetadata,
}

impl<T> Response<T> {
    /// An answer (for tests of code that takes one).
    pub fn new(output: T, metadata: ResponseMetadata) -> Self {
        Response { output, metadata }
    }

    /// The decoded output.
    pub fn output(&self) -> &T {
        &self.output
    }

    /// The decoded output, to change it in place.
    pub fn output_mut(&mut self) -> &mut T {
        &mut self.output
    }

    /// The decoded output, without the metadata.
    pub fn into_output(self) -> T {
        self.output
    }

    /// The request id (the id Alibaba Cloud support asks for), when the response carried one.
    pub fn request_id(&self) -> Option<&str> {
        self.metadata.request_id()
    }

    /// The request id, HTTP status, headers and raw body.
    pub fn metadata(&self) -> &ResponseMetadata {
        &self.metadata
    }

    /// The output and the metadata.
    pub fn into_parts(self) -> (T, ResponseMetadata) {
        (self.output, self.metadata)
    }
}

impl<T> ProvideRequestId for Response<T> {
    fn request_id(&self) -> Option<&str> {
        Response::request_id(self)
    }
}

/// What a successful response said besides its decoded output: the request id, the HTTP
/// status, the headers and the raw body, kept as received (no second request).
///
/// The body holds everything the service sent, including fields the API metadata does not
/// list (read them with [`ResponseMetadata::json`]) and the values of secret fields (which the
/// output's `Debug` hides): `Debug` of the metadata shows the body's length, not its content.
#[derive(Clone)]
pub struct ResponseMetadata {
    status: u16,
    headers: http::HeaderMap,
    body: Bytes,
    /// The request id, found on first use: the body is parsed for it only when the header is
    /// absent and someone asks (`send()` never does).
    request_id: OnceLock<Option<Box<str>>>,
    /// Whether the `x-acs-request-id` header may be shown in `Debug` (it holds none of the
    /// call's secrets).
    header_id_loggable: bool,
}

impl ResponseMetadata {
    /// Metadata of a response (for tests of code that takes one). The request id is read from
    /// the `x-acs-request-id` header, else from the body's `RequestId` (or `requestId`).
    pub fn new(status: u16, headers: http::HeaderMap, body: impl Into<Bytes>) -> Self {
        ResponseMetadata {
            status,
            headers,
            body: body.into(),
            request_id: OnceLock::new(),
            header_id_loggable: true,
        }
    }

    /// The metadata of a response of the runtime, whose request id header is shown in `Debug`
    /// only when it holds none of the call's secrets.
    pub(crate) fn with_loggable_id(mut self, loggable: impl FnOnce(&str) -> bool) -> Self {
        self.header_id_loggable = self.header_request_id().is_none_or(loggable);
        self
    }

    /// The request id: the `x-acs-request-id` header, else the body's `RequestId`.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id
            .get_or_init(|| request_id_of(&self.headers, &self.body))
            .as_deref()
    }

    fn header_request_id(&self) -> Option<&str> {
        crate::response::header_str(&self.headers, crate::response::REQUEST_ID_HEADER)
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &http::HeaderMap {
        &self.headers
    }

    /// The value of one header, when it is present and text.
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::response::header_str(&self.headers, name)
    }

    /// The body as received.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// Decodes the raw body into `T`: any `serde` type, e.g. `serde_json::Value` or a struct
    /// of the fields the API metadata does not list.
    ///
    /// # Errors
    /// When the body is not JSON of that shape.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }
}

impl ProvideRequestId for ResponseMetadata {
    fn request_id(&self) -> Option<&str> {
        ResponseMetadata::request_id(self)
    }
}

impl fmt::Debug for ResponseMetadata {
    /// Shows the request id of the header (an id in the body is the body's content, not
    /// shown).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let request_id = match self.header_request_id() {
            Some(id) if self.header_id_loggable => Some(id),
            Some(_) => Some("<redacted>"),
            None => None,
        };
        f.debug_struct("ResponseMetadata")
            .field("status", &self.status)
            .field("request_id", &request_id)
            .field("headers", &HeaderNames(&self.headers))
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// The names of headers, for `Debug` (values may echo what the request carried).
struct HeaderNames<'a>(&'a http::HeaderMap);

impl fmt::Debug for HeaderNames<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.keys().map(http::HeaderName::as_str))
            .finish()
    }
}

/// The request id of a response: the `x-acs-request-id` header, else the body's top-level
/// `RequestId` (or `requestId`).
fn request_id_of(headers: &http::HeaderMap, body: &[u8]) -> Option<Box<str>> {
    if let Some(id) = crate::response::header_str(headers, crate::response::REQUEST_ID_HEADER) {
        return Some(id.into());
    }
    crate::response::body_request_id(body).map(String::into_boxed_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_codes_round_trip_and_have_one_category() {
        for &code in CommonErrorCode::ALL {
            assert_eq!(CommonErrorCode::from_code(code.as_str()), Some(code));
            assert_eq!(code.as_str().parse::<CommonErrorCode>(), Ok(code));
            let categories = [
                code.is_authentication(),
                code.is_authorization(),
                code.is_invalid_request(),
                code.is_throttling(),
                code.is_server_error(),
            ];
            assert_eq!(categories.iter().filter(|c| **c).count(), 1, "{code}");
        }
        assert_eq!(CommonErrorCode::from_code("throttling.user"), None);
        assert!("Biz.Failed".parse::<CommonErrorCode>().is_err());
    }

    #[test]
    fn the_throttling_codes_are_the_retry_policys() {
        for &code in CommonErrorCode::ALL {
            if code.is_throttling() {
                assert!(is_throttling_code(code.as_str()), "{code}");
            }
        }
    }

    #[test]
    fn errors_classify_as_the_runtime_retries() {
        let service = |code: &str, status| {
            Error::<String>::Service(ServiceError::builder(code.to_owned(), status).build())
        };
        assert!(service("Throttling.User", 400).is_throttling());
        assert!(service("Throttling.User", 400).is_retryable());
        assert!(service("Anything", 429).is_throttling());
        assert!(service("InternalError", 500).is_retryable());
        assert!(service("InternalError", 200).is_retryable());
        assert!(!service("InvalidParameter", 400).is_retryable());
        assert!(!service("InvalidParameter", 400).is_throttling());
        assert_eq!(
            service("Forbidden.RAM", 403).common_code(),
            Some(CommonErrorCode::ForbiddenRam)
        );
        assert_eq!(service("Forbidden.RAM", 403).http_status(), Some(403));
        let dispatch = Error::<String>::Dispatch(crate::DispatchError::new("down", true));
        assert!(dispatch.is_retryable());
        assert_eq!(dispatch.http_status(), None);
        assert_eq!(dispatch.code_str(), None);
        let too_large = Error::<String>::Response(ResponseError::body_too_large(503, None, 10));
        assert!(!too_large.is_retryable());
        let html = Error::<String>::Response(ResponseError::new(502, None, "HTML", Bytes::new()));
        assert!(html.is_retryable());
        assert_eq!(html.http_status(), Some(502));
    }

    #[test]
    fn metadata_reads_the_request_id_from_the_header_then_the_body() {
        let mut headers = http::HeaderMap::new();
        let body = r#"{"RequestId":"BODY-ID","Data":{"X":1}}"#;
        let meta = ResponseMetadata::new(200, headers.clone(), body);
        assert_eq!(meta.request_id(), Some("BODY-ID"));
        headers.insert("x-acs-request-id", "HDR-ID".parse().unwrap());
        let meta = ResponseMetadata::new(200, headers, body);
        assert_eq!(meta.request_id(), Some("HDR-ID"));
        assert_eq!(meta.header("x-acs-request-id"), Some("HDR-ID"));
        let value: serde_json::Value = meta.json().unwrap();
        assert_eq!(value["Data"]["X"], 1);
        let shown = format!("{meta:?}");
        assert!(
            shown.contains("HDR-ID") && shown.contains("x-acs-request-id"),
            "{shown}"
        );
        assert!(!shown.contains("Data"), "{shown}");
        let hidden = meta.with_loggable_id(|_| false);
        assert!(!format!("{hidden:?}").contains("HDR-ID"));
        assert_eq!(hidden.request_id(), Some("HDR-ID"));
    }
}
