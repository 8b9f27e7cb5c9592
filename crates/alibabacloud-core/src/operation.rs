//! What a generated client passes to the runtime for one call: the operation descriptor, its
//! flattened parameters (each with its location), and per-call options; and
//! [`OperationShape`], an operation as a type, which the generic request builder sends.

use std::fmt;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ErrorCode;
pub use crate::params::{Param, ParamLocation, ParamSpec, Params, RequestBody};
use crate::response::SuccessCheck;
use crate::retry::RetryConfig;

/// The HTTP method an operation is sent with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HttpMethod {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// DELETE.
    Delete,
    /// PATCH.
    Patch,
    /// HEAD.
    Head,
}

impl HttpMethod {
    /// The method's name, e.g. `GET`.
    pub fn as_str(&self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Head => "HEAD",
        }
    }

    /// Whether HTTP defines the method as idempotent (RFC 9110 §9.2.2): GET, HEAD, PUT and
    /// DELETE.
    pub fn is_idempotent(&self) -> bool {
        matches!(
            self,
            HttpMethod::Get | HttpMethod::Head | HttpMethod::Put | HttpMethod::Delete
        )
    }

    /// Whether a request with this method carries a body (POST, PUT, PATCH); the others send
    /// their form parameters in the query.
    pub fn has_body(&self) -> bool {
        matches!(self, HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch)
    }

    pub(crate) fn to_http(self) -> http::Method {
        match self {
            HttpMethod::Get => http::Method::GET,
            HttpMethod::Post => http::Method::POST,
            HttpMethod::Put => http::Method::PUT,
            HttpMethod::Delete => http::Method::DELETE,
            HttpMethod::Patch => http::Method::PATCH,
            HttpMethod::Head => http::Method::HEAD,
        }
    }
}

/// Whether an operation only reads (and so is safe to repeat), from the spec's `operationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OperationType {
    /// `read`: safe to retry.
    Read,
    /// `write`: not retried once sent.
    Write,
    /// `readAndWrite`: not retried once sent.
    ReadAndWrite,
    /// Not stated: not retried once sent, unless the method of a ROA operation is idempotent
    /// (see [`Operation::is_idempotent`]).
    Unspecified,
}

impl OperationType {
    /// True if the operation type alone says the operation may be repeated after the request
    /// was sent (`read`); see [`Operation::is_idempotent`] for the whole rule.
    pub fn is_idempotent(&self) -> bool {
        matches!(self, OperationType::Read)
    }
}

/// The API style of an operation: how its request is shaped. Both are signed with
/// ACS3-HMAC-SHA256; the legacy HMAC-SHA1 signature
/// ([`SignatureVersion::HmacSha1`](crate::SignatureVersion::HmacSha1)) only exists for RPC,
/// so ROA operations are signed with ACS3 whatever the configuration says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiStyle {
    /// RPC: `POST /` (or `GET /`) with the action in `x-acs-action` and parameters in the query
    /// or a form body.
    Rpc,
    /// ROA ("REST"): the operation's method and path (`GET /clusters/{ClusterId}`), path
    /// parameters in the path, the others in the query, headers, a JSON or form body, or a
    /// raw body; the action is still sent in `x-acs-action`.
    Roa,
}

/// How the body of a successful response is read into the response model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseBody {
    /// A JSON object: the response model's fields (the usual case). An empty body (a `204
    /// No Content`) is an object without fields.
    Object,
    /// Any JSON value (a list, a string): the response model is the value of its `body` field.
    Value,
    /// Text as it is, not JSON: the response model's `body` field.
    Text,
    /// Bytes as they are: the response model's `body` field, a
    /// [`Blob`](alibabacloud_types::Blob).
    Binary,
    /// Nothing is read from the body (the API metadata documents none); the response model
    /// only has the documented response headers, if any.
    Empty,
}

/// A description of one operation, emitted as a constant by the generated client.
///
/// The generated code names the fields that say something and takes the others from
/// [`Operation::DEFAULT`]:
///
/// ```
/// use alibabacloud_core::{ApiStyle, HttpMethod, Operation, OperationType};
///
/// const DESCRIBE_CLUSTER_DETAIL: Operation = Operation {
///     product: "CS",
///     action: "DescribeClusterDetail",
///     version: "2015-12-15",
///     method: HttpMethod::Get,
///     style: ApiStyle::Roa,
///     path: "/clusters/{ClusterId}",
///     operation_type: OperationType::Read,
///     ..Operation::DEFAULT
/// };
/// assert!(DESCRIBE_CLUSTER_DETAIL.is_idempotent());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// The product code, e.g. `BssOpenApi`.
    pub product: &'static str,
    /// The action, e.g. `QueryCashCoupons`.
    pub action: &'static str,
    /// The API version, e.g. `2017-12-14`.
    pub version: &'static str,
    /// The HTTP method the request is sent with.
    pub method: HttpMethod,
    /// The API style.
    pub style: ApiStyle,
    /// The path: `/` for RPC. For ROA, the path template: `{Name}` stands for the path
    /// parameter `Name`, sent as one percent-encoded segment (a `/` in the value is `%2F`),
    /// and `{+Name}` for a parameter that holds a path (each of its segments encoded, its
    /// `/` kept). The template may end with a fixed query (`/alerts/{name}?action=enable`).
    pub path: &'static str,
    /// Whether the operation only reads.
    pub operation_type: OperationType,
    /// Whether the operation is called without credentials and without signature
    /// (`security: Anonymous` in the API metadata: the caller authenticates otherwise, for
    /// instance with a token in a header parameter).
    pub anonymous: bool,
    /// How the body of a successful response is read.
    pub response: ResponseBody,
    /// The response headers the API metadata documents, named as written there (e.g.
    /// `x-acs-cloudcontrol-timeout`): each is read into the response model's field of that
    /// wire name.
    pub response_headers: &'static [&'static str],
    /// The wire names of the response's secret fields (`x-secret`, at any depth, e.g.
    /// `AccessTicket`): their values are replaced by `***` in the bodies and messages of
    /// errors, even when the body does not decode.
    pub secret_response_fields: &'static [&'static str],
}

impl Operation {
    /// What an operation is unless it says otherwise: an RPC call sent with POST to `/`, not
    /// known to only read, signed, answered with a JSON object, with no documented response
    /// header and no secret response field. Its product, action and version are empty: the
    /// generated code gives them.
    pub const DEFAULT: Operation = Operation {
        product: "",
        action: "",
        version: "",
        method: HttpMethod::Post,
        style: ApiStyle::Rpc,
        path: "/",
        operation_type: OperationType::Unspecified,
        anonymous: false,
        response: ResponseBody::Object,
        response_headers: &[],
        secret_response_fields: &[],
    };

    /// Whether a failed attempt may be repeated after the request was sent: when the API
    /// metadata says the operation only reads (`operationType: read`); or, for a ROA operation
    /// whose metadata does not say, when its method is idempotent in HTTP (GET, HEAD, PUT,
    /// DELETE). The method of an RPC call says nothing (RPC calls that change state may be
    /// sent with GET), and `write` or `readAndWrite` in the metadata wins over the method.
    pub fn is_idempotent(&self) -> bool {
        match self.operation_type {
            OperationType::Read => true,
            OperationType::Unspecified => {
                self.style == ApiStyle::Roa && self.method.is_idempotent()
            }
            _ => false,
        }
    }
}

/// One operation as a type: what it takes, what it returns, how it fails, and how it is sent.
///
/// The generated clients implement it for a unit struct per operation (for instance
/// `QueryCashCoupons`, next to its fluent builder) and send every operation through the one
/// generic [`RequestBuilder<O>`](crate::RequestBuilder): building the parameters, signing,
/// sending, retrying and decoding are written once, here, not per operation.
///
/// ```
/// use alibabacloud_core::{
///     ApiStyle, HttpMethod, Operation, OperationShape, OperationType, ParamSpec, SuccessCheck,
/// };
///
/// alibabacloud_types::model! {
///     /// The request.
///     pub struct GetThingRequest {
///         /// The thing.
///         #[wire("ThingId", with_thing_id)]
///         pub thing_id: Option<String>,
///     }
/// }
///
/// alibabacloud_types::model! {
///     /// The response.
///     pub struct GetThingResponse {
///         /// Whether it worked.
///         #[wire("Success", with_success)]
///         pub success: Option<bool>,
///     }
/// }
///
/// struct GetThing;
///
/// impl OperationShape for GetThing {
///     type Input = GetThingRequest;
///     type Output = GetThingResponse;
///     type ErrorCode = String;
///     const OPERATION: Operation = Operation {
///         product: "Thing",
///         action: "GetThing",
///         version: "2024-01-01",
///         method: HttpMethod::Post,
///         style: ApiStyle::Rpc,
///         operation_type: OperationType::Read,
///         ..Operation::DEFAULT
///     };
///     const PARAMS: &'static [ParamSpec] = &[ParamSpec::query("ThingId").required()];
///     const SUCCESS: SuccessCheck<GetThingResponse> = SuccessCheck::Field(|r| r.success);
/// }
/// ```
pub trait OperationShape: Send + Sync + 'static {
    /// The request model. Its `Serialize` gives the parameters: one field per entry of
    /// [`PARAMS`](OperationShape::PARAMS), in the same order, named by the wire name.
    type Input: Serialize + Default + Clone + fmt::Debug + Send + Sync + 'static;
    /// The response model.
    type Output: DeserializeOwned + Send + 'static;
    /// The error codes documented for the operation.
    type ErrorCode: ErrorCode;

    /// Product, action, version, method, style and whether it only reads.
    const OPERATION: Operation;
    /// How each parameter is sent, in the order of the request's fields.
    const PARAMS: &'static [ParamSpec];
    /// How a 2xx body tells a failure: by the response's `Success` field when it has one,
    /// else by `"Success": false` in the body.
    const SUCCESS: SuccessCheck<Self::Output> = SuccessCheck::Envelope;
}

/// Options of one call, apart from the API's parameters: they override the client's
/// configuration for this call only, like the `RuntimeOptions` of the official SDKs.
///
/// ```
/// use std::time::Duration;
/// use alibabacloud_core::{CallOptions, RetryConfig};
///
/// let options = CallOptions::new()
///     .connect_timeout(Duration::from_secs(2))
///     .read_timeout(Duration::from_secs(30))
///     .operation_timeout(Duration::from_secs(90))
///     .retry(RetryConfig::standard().with_max_attempts(5));
/// assert_eq!(options.read_timeout, Some(Duration::from_secs(30)));
/// // The client's operation timeout, removed for this call only.
/// let unbounded = CallOptions::new().without_operation_timeout();
/// assert_eq!(unbounded.operation_timeout, Some(None));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CallOptions {
    /// Retry settings for this call.
    pub retry: Option<RetryConfig>,
    /// Timeout of the whole call, retries and waits included: `Some(Some(d))` sets it,
    /// `Some(None)` removes the configured one, `None` keeps the client's.
    pub operation_timeout: Option<Option<Duration>>,
    /// Timeout of each attempt: `Some(Some(d))` sets it, `Some(None)` removes the configured
    /// one, `None` keeps the client's.
    pub attempt_timeout: Option<Option<Duration>>,
    /// Longest time to establish a connection, for this call (`None` keeps the client's).
    pub connect_timeout: Option<Duration>,
    /// Longest wait for the next bytes of the response, for this call (`None` keeps the
    /// client's).
    pub read_timeout: Option<Duration>,
}

impl CallOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Overrides the retry settings.
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Overrides the operation timeout: the longest time for the whole call, retries and
    /// waits included.
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(Some(timeout));
        self
    }

    /// Removes the client's operation timeout for this call: it may retry (and wait) as long
    /// as its retry settings allow.
    pub fn without_operation_timeout(mut self) -> Self {
        self.operation_timeout = Some(None);
        self
    }

    /// Overrides the attempt timeout: the longest time for one attempt.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(Some(timeout));
        self
    }

    /// Removes the client's attempt timeout for this call (the connect and read timeouts
    /// still apply).
    pub fn without_attempt_timeout(mut self) -> Self {
        self.attempt_timeout = Some(None);
        self
    }

    /// Overrides the connect timeout: the longest time to establish a connection.
    ///
    /// The default transport applies it to this call only (it keeps one connection pool per
    /// pair of connect and read timeouts used); a transport given to the configuration finds
    /// it in the request's extensions as a [`RequestTimeouts`](crate::transport::RequestTimeouts).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Overrides the read timeout: the longest wait for the next bytes of the response (a
    /// slow operation may need a longer one). Applied as
    /// [`connect_timeout`](CallOptions::connect_timeout) is.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }
}
