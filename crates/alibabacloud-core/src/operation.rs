//! What a generated client passes to the runtime for one call: the operation descriptor, its
//! flattened parameters (each with its location), and per-call options; and
//! [`OperationShape`], an operation as a type, which the generic request builder sends.

use std::fmt;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ErrorCode;
pub use crate::params::{Param, ParamLocation, ParamSpec, Params};
use crate::response::SuccessCheck;
use crate::retry::RetryConfig;

/// The HTTP method an operation is sent with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    /// GET.
    Get,
    /// POST.
    Post,
}

impl HttpMethod {
    /// `GET` or `POST`.
    pub fn as_str(&self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
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
    /// Not stated: treated as not safe to retry.
    Unspecified,
}

impl OperationType {
    /// True if the operation may be repeated after the request was sent.
    pub fn is_idempotent(&self) -> bool {
        matches!(self, OperationType::Read)
    }
}

/// The API style of an operation. Only RPC is supported today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiStyle {
    /// RPC: `POST /` (or `GET /`) with the action in `x-acs-action` and parameters in the query
    /// or a form body.
    Rpc,
}

/// A description of one operation, emitted as a constant by the generated client.
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
    /// Whether the operation only reads.
    pub operation_type: OperationType,
    /// The wire names of the response's secret fields (`x-secret`, at any depth, e.g.
    /// `AccessTicket`): their values are replaced by `***` in the bodies and messages of
    /// errors, even when the body does not decode.
    pub secret_response_fields: &'static [&'static str],
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
///         secret_response_fields: &[],
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
