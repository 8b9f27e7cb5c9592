//! What a generated client passes to the runtime for one call: the operation descriptor, its
//! flattened parameters (each with its location), and per-call options.

use std::borrow::Cow;
use std::time::Duration;

use crate::error::ConstructionError;
use crate::retry::RetryConfig;
use crate::signing::flatten::{ParamStyle, flatten};

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

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ParamLocation {
    /// The URL query string.
    Query,
    /// The `application/x-www-form-urlencoded` body.
    Form,
    /// An HTTP header.
    Header,
}

/// One flattened parameter.
#[derive(Clone, PartialEq, Eq)]
pub struct Param {
    /// Where it goes.
    pub location: ParamLocation,
    /// The wire name, e.g. `Tag.1.Key`.
    pub name: Cow<'static, str>,
    /// The value as sent.
    pub value: String,
    /// True if the value is a secret: it is kept out of logs and scrubbed from error messages.
    pub secret: bool,
}

impl std::fmt::Debug for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value: &dyn std::fmt::Debug = if self.secret {
            &"** redacted **"
        } else {
            &self.value
        };
        f.debug_struct("Param")
            .field("location", &self.location)
            .field("name", &self.name)
            .field("value", value)
            .finish()
    }
}

/// The flattened parameters of one request, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    items: Vec<Param>,
}

impl Params {
    /// No parameters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `n` parameters.
    pub fn with_capacity(n: usize) -> Self {
        Params {
            items: Vec::with_capacity(n),
        }
    }

    /// Adds a scalar parameter.
    pub fn push(
        &mut self,
        location: ParamLocation,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<String>,
    ) {
        self.push_param(location, name.into(), value.into(), false);
    }

    /// Adds a scalar parameter whose value is a secret.
    pub fn push_secret(
        &mut self,
        location: ParamLocation,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<String>,
    ) {
        self.push_param(location, name.into(), value.into(), true);
    }

    fn push_param(
        &mut self,
        location: ParamLocation,
        name: Cow<'static, str>,
        value: String,
        secret: bool,
    ) {
        self.items.push(Param {
            location,
            name,
            value,
            secret,
        });
    }

    /// Adds a structured parameter (a list, an object, or a scalar), flattened by its `style`
    /// (`Name.1.Key` for repeatList and flat, one JSON string for json, joined for the
    /// delimited styles).
    pub fn push_structured<T: serde::Serialize + ?Sized>(
        &mut self,
        operation: &'static str,
        location: ParamLocation,
        name: &'static str,
        style: ParamStyle,
        value: &T,
        secret: bool,
    ) -> Result<(), ConstructionError> {
        let invalid = |reason: String| ConstructionError::InvalidParameter {
            operation,
            parameter: name.to_string(),
            reason,
        };
        let json = serde_json::to_value(value).map_err(|e| invalid(e.to_string()))?;
        let mut pairs = Vec::new();
        flatten(style, name, &json, &mut pairs);
        for (name, value) in pairs {
            self.push_param(location, Cow::Owned(name), value, secret);
        }
        Ok(())
    }

    /// The parameters, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Param> {
        self.items.iter()
    }

    /// The number of parameters.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True if there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The values of the secret parameters (to scrub them from errors).
    pub(crate) fn secret_values(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(|p| p.secret && !p.value.is_empty())
            .map(|p| p.value.as_str())
    }
}

/// Options of one call, apart from the API's parameters: they override the client's
/// configuration for this call only.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CallOptions {
    /// Retry settings for this call.
    pub retry: Option<RetryConfig>,
    /// Timeout of the whole call (`Some(None)` removes the configured one).
    pub operation_timeout: Option<Option<Duration>>,
    /// Timeout of each attempt (`Some(None)` removes the configured one).
    pub attempt_timeout: Option<Option<Duration>>,
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

    /// Overrides the operation timeout.
    pub fn operation_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// Overrides the attempt timeout.
    pub fn attempt_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }
}
