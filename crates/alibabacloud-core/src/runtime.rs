//! The one generic entry point the generated clients call: build the request as the official
//! SDKs do for RPC operations, sign it, send it, retry when that is safe, and hand back the
//! response or a typed error.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use tracing::{Instrument, field};

use crate::config::{Config, SignatureVersion};
use crate::credentials::{Credentials, ProvideCredentials};
use crate::endpoint::{self, Endpoint, EndpointError, ProductEndpoints};
use crate::error::{
    ConstructionError, Error, ErrorCode, ResponseError, ServiceError, TimeoutError, TimeoutKind,
};
use crate::metadata::Response;
use crate::operation::{ApiStyle, CallOptions, Operation, ParamLocation, Params, RequestBody};
use crate::response::{self, RawResponse, SuccessCheck};
use crate::retry::{RetryConfig, RetryKind};
use crate::scrub::Secrets;
use crate::signing::{self, SigningOutput};
use crate::time_source::{NonceSource, TimeSource};
use crate::transport::{
    BodyTooLarge, HttpBody, HttpRequest, HttpResponse, HttpTransport, RequestTimeouts,
    TransportError, TransportErrorKind,
};
use crate::upload::{Upload, UploadStream};
use http::{HeaderName, HeaderValue};

/// The runtime of one product's client: its configuration and resolved endpoint.
///
/// Cloning is cheap; clones share everything.
#[derive(Debug, Clone)]
pub struct Runtime {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    target: Result<Target, EndpointError>,
}

impl Runtime {
    /// A runtime for the product whose endpoints are given, with this configuration. The
    /// endpoint is resolved now; if that fails, every call returns the endpoint error.
    pub fn new(config: Config, product: &'static ProductEndpoints) -> Self {
        let target = endpoint::resolve(
            config.endpoint(),
            config.region(),
            config.network(),
            product,
        )
        .and_then(Target::new);
        Runtime {
            inner: Arc::new(Inner { config, target }),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The resolved endpoint, or why there is none.
    pub fn endpoint(&self) -> Result<&Endpoint, &EndpointError> {
        self.inner.target.as_ref().map(|target| &target.endpoint)
    }

    /// Sends one operation and decodes its answer: builds, signs and sends the request,
    /// retrying when the policy and the operation allow it, and returns the 2xx body decoded
    /// into `T`, or the error.
    ///
    /// A 2xx body that says `"Success": false` (as `check` reads it) is a
    /// [`Error::Service`], decided within the attempt: when its code
    /// is a throttling code ([`crate::retry::is_throttling_code`]) or a server error code
    /// ([`crate::retry::is_server_error_code`]), it is retried like the same error on a 4xx or
    /// 5xx. This is the call the generated clients make.
    pub async fn invoke<T, C>(
        &self,
        operation: &Operation,
        params: Params,
        options: &CallOptions,
        check: SuccessCheck<T>,
    ) -> Result<T, Error<C>>
    where
        T: DeserializeOwned + Send,
        C: ErrorCode,
    {
        self.run_to(operation, &params, options, |raw| {
            raw.decode_as(operation.response, operation.response_headers, check)
        })
        .await
        .map_err(Error::map_code)
    }

    /// [`Runtime::invoke`], keeping what the response said besides the decoded body: its
    /// request id, HTTP status, headers and raw body (the same response: no second request).
    pub async fn invoke_with_metadata<T, C>(
        &self,
        operation: &Operation,
        params: Params,
        options: &CallOptions,
        check: SuccessCheck<T>,
    ) -> Result<Response<T>, Error<C>>
    where
        T: DeserializeOwned + Send,
        C: ErrorCode,
    {
        self.run_to(operation, &params, options, |raw| {
            let decoded = raw.decode_as(operation.response, operation.response_headers, check)?;
            Ok(Response::new(decoded, raw.into_metadata()))
        })
        .await
        .map_err(Error::map_code)
    }

    /// Sends one operation and returns its 2xx response undecoded (for callers that decode it
    /// themselves, e.g. with [`RawResponse::decode`]). A 2xx body that says
    /// `"Success": false` is a [`Error::Service`], retried as
    /// [`Runtime::invoke`] retries it.
    pub async fn invoke_raw(
        &self,
        operation: &Operation,
        params: Params,
        options: &CallOptions,
    ) -> Result<RawResponse, Error> {
        self.run_to(operation, &params, options, |raw| {
            raw.check_envelope()?;
            Ok(raw)
        })
        .await
    }

    /// [`Runtime::run`], keeping what `accept` makes of the 2xx response.
    async fn run_to<R: Send>(
        &self,
        operation: &Operation,
        params: &Params,
        options: &CallOptions,
        mut accept: impl FnMut(RawResponse) -> Result<R, Error> + Send,
    ) -> Result<R, Error> {
        let mut output: Option<R> = None;
        let mut keep = |raw: RawResponse| {
            output = Some(accept(raw)?);
            Ok(())
        };
        self.run(operation, params, options, &mut keep).await?;
        output.ok_or_else(|| {
            Error::Construction(ConstructionError::InvalidConfig(
                "the runtime ended a call without an answer".to_owned(),
            ))
        })
    }

    /// The call: its span, its deadline and its attempts; `accept` turns a 2xx response into
    /// the caller's output (kept by the caller) or the error it describes. Not generic, so that
    /// it is compiled once for every operation.
    async fn run(
        &self,
        operation: &Operation,
        params: &Params,
        options: &CallOptions,
        accept: &mut (dyn FnMut(RawResponse) -> Result<(), Error> + Send),
    ) -> Result<(), Error> {
        let span = tracing::info_span!(
            "alibabacloud.call",
            product = operation.product,
            action = operation.action,
            version = operation.version,
            attempts = field::Empty,
            status = field::Empty,
            request_id = field::Empty,
            elapsed_ms = field::Empty,
        );
        // The clock is read for the span only when someone listens.
        let started = (!span.is_disabled()).then(Instant::now);
        let timeout = options
            .operation_timeout
            .unwrap_or(self.inner.config.timeouts.operation);
        // A limit too far away for the clock (`Duration::MAX`) is no limit.
        let deadline = timeout.and_then(|limit| {
            let at = tokio::time::Instant::now().checked_add(limit)?;
            Some(OperationDeadline { at, limit })
        });
        let result = self
            .attempts(operation, params, options, deadline, &span, accept)
            .instrument(span.clone())
            .await;
        if let Some(started) = started {
            span.record("elapsed_ms", elapsed_ms(started));
        }
        if let Err(error) = &result {
            if let Some(status) = error_status(error) {
                span.record("status", status);
            }
            if let Some(id) = error.request_id() {
                span.record("request_id", id);
            }
            span.in_scope(|| tracing::debug!(error = %error, "call failed"));
        }
        result
    }

    /// The attempts of a call. Its future is kept small (it is moved into the caller's and
    /// polled through every await): what only uploads and retries need is boxed.
    async fn attempts(
        &self,
        operation: &Operation,
        params: &Params,
        options: &CallOptions,
        deadline: Option<OperationDeadline>,
        call_span: &tracing::Span,
        accept: &mut (dyn FnMut(RawResponse) -> Result<(), Error> + Send),
    ) -> Result<(), Error> {
        let config = &self.inner.config;
        let target = self.inner.target.as_ref().map_err(|e| e.clone())?;
        let endpoint = &target.endpoint;
        let retry = options.retry.as_ref().unwrap_or(&config.retry);
        let attempt_timeout = options.attempt_timeout.unwrap_or(config.timeouts.attempt);
        let connect_timeout = options.connect_timeout.unwrap_or(config.timeouts.connect);
        let read_timeout = options.read_timeout.unwrap_or(config.timeouts.read);
        // The transport applies the call's connect and read timeouts when it overrides them.
        let timeout_overrides = (options.connect_timeout.is_some()
            || options.read_timeout.is_some())
        .then(|| RequestTimeouts::new(options.connect_timeout, options.read_timeout));
        let idempotent = operation.is_idempotent();
        // The error of the previous attempt: what the caller gets if the operation timeout
        // ends the retries (boxed: only retries have one).
        let mut last_error: Option<Box<Error>> = None;
        // A streamed upload is read once per call for its hash, and opened again by each
        // attempt.
        let upload = match params.body() {
            Some(RequestBody::Stream(blob)) => {
                match Box::pin(within(deadline, Upload::hash(blob))).await {
                    Some(result) => Some(Box::new(result.map_err(ConstructionError::Upload)?)),
                    None => return Err(operation_timeout(deadline, last_error)),
                }
            }
            _ => None,
        };
        let mut attempt: u32 = 1;
        loop {
            // An anonymous operation is neither signed nor needs credentials. Fixed or freshly
            // cached credentials are taken at once, without a future.
            let credentials = if operation.anonymous {
                None
            } else if let Some(credentials) = config.credentials.credentials_now() {
                Some(credentials)
            } else {
                match within(deadline, config.credentials.provide_credentials()).await {
                    Some(result) => Some(result?),
                    None => return Err(operation_timeout(deadline, last_error)),
                }
            };
            // What to scrub from anything the service echoes back (a gateway's string-to-sign
            // holds the query, and so the token and secret parameters) and from the bodies
            // kept in errors (the secret fields of the response).
            let secrets = Secrets::new(
                params.secret_values(),
                credentials.as_ref(),
                operation.secret_response_fields,
            );
            let stream = match upload.as_deref() {
                Some(upload) => Some((
                    upload,
                    Box::pin(upload.open())
                        .await
                        .map_err(ConstructionError::Upload)?,
                )),
                None => None,
            };
            // Built in a block: a request borrowed once would otherwise keep its room in
            // this future through every await.
            let request = {
                let mut request = build_request(
                    operation,
                    params,
                    target,
                    credentials.as_ref(),
                    config,
                    stream,
                )?;
                if let Some(timeouts) = timeout_overrides {
                    request.extensions_mut().insert(timeouts);
                }
                request
            };
            let span = tracing::debug_span!(
                "alibabacloud.attempt",
                attempt,
                status = field::Empty,
                request_id = field::Empty,
                elapsed_ms = field::Empty,
            );
            let started = (!span.is_disabled()).then(Instant::now);
            // The attempt ends at its own timeout or at the operation's, whichever comes
            // first; a limit too far away for the clock is no limit.
            let attempt_end =
                attempt_timeout.and_then(|limit| tokio::time::Instant::now().checked_add(limit));
            let operation_ends_first = match (deadline, attempt_end) {
                (Some(d), Some(a)) => d.at <= a,
                (Some(_), None) => true,
                (None, _) => false,
            };
            let end = match (deadline, attempt_end) {
                (Some(d), Some(a)) => Some(d.at.min(a)),
                (Some(d), None) => Some(d.at),
                (None, a) => a,
            };
            // The request is handed over before the await, so that the future waited on holds
            // the transport's (boxed) future, not the request.
            let send = {
                let _entered = span.enter();
                tracing::debug!(endpoint = %endpoint, "sending request");
                config.transport.send(request)
            };
            let sent = match end {
                Some(end) => tokio::time::timeout_at(end, send)
                    .instrument(span.clone())
                    .await
                    .ok(),
                None => Some(send.instrument(span.clone()).await),
            };
            if let Some(started) = started {
                span.record("elapsed_ms", elapsed_ms(started));
            }
            call_span.record("attempts", attempt);
            // (No match guard: it would keep `sent` in this future through the retry's wait.)
            let sent = match sent {
                Some(result) => result
                    .map_err(|e| transport_error(e, endpoint, (connect_timeout, read_timeout))),
                None => {
                    if operation_ends_first {
                        return Err(operation_timeout(deadline, last_error));
                    }
                    Err(Error::Timeout(TimeoutError::new(
                        TimeoutKind::Attempt,
                        attempt_timeout,
                    )))
                }
            };

            // Decided by plain functions: their locals are not kept in this future.
            let Some(failed) = settle(sent, secrets, &span, call_span, accept) else {
                return Ok(());
            };
            let (wait, error) = next_wait(failed, attempt, retry, idempotent, deadline)?;
            last_error = Some(Box::new(error));
            Box::pin(tokio::time::sleep(wait)).await;
            attempt += 1;
        }
    }
}

/// An attempt that did not end the call: its error, whether and how it may be retried, and
/// the wait the server asked for.
struct Failed {
    error: Error,
    kind: Option<RetryKind>,
    retry_after: Option<Duration>,
}

/// What an attempt's exchange came to: `None` when `accept` took the 2xx answer (the call
/// is done), else why it failed. Records the status and request id on the spans.
fn settle(
    sent: Result<HttpResponse, Error>,
    secrets: Secrets,
    span: &tracing::Span,
    call_span: &tracing::Span,
    accept: &mut (dyn FnMut(RawResponse) -> Result<(), Error> + Send),
) -> Option<Failed> {
    let response = match sent {
        Ok(response) => response,
        Err(error) => {
            let kind = crate::metadata::retry_kind(&error);
            return Some(Failed {
                error,
                kind,
                retry_after: None,
            });
        }
    };
    let (parts, body) = response.into_parts();
    let status = parts.status.as_u16();
    span.record("status", status);
    let header_retry_after = response::header_str(&parts.headers, response::RETRY_AFTER_HEADER)
        .and_then(crate::retry::parse_retry_after);
    let error = if parts.status.is_success() {
        let raw = RawResponse::new(status, parts.headers, body, secrets);
        // Checked for secrets only when someone listens. Recorded before the body is read;
        // an error that follows records its own.
        if !(span.is_disabled() && call_span.is_disabled())
            && let Some(id) = raw.loggable_request_id()
        {
            span.record("request_id", id);
            call_span.record("request_id", id);
        }
        match accept(raw) {
            Ok(()) => {
                call_span.record("status", status);
                return None;
            }
            Err(error) => error,
        }
    } else {
        response::error_from_response(status, &parts.headers, &body, &secrets)
    };
    if let Some(id) = error.request_id() {
        span.record("request_id", id);
    }
    let kind = crate::metadata::retry_kind(&error);
    let retry_after = error
        .as_service_error()
        .and_then(ServiceError::retry_after)
        .or(header_retry_after);
    Some(Failed {
        error,
        kind,
        retry_after,
    })
}

/// How long to wait before attempt `attempt + 1` after `failed` (with its error, kept for
/// the operation timeout), or the error to return now: not retryable, no attempt left, or a
/// wait longer than allowed or than the operation has left.
fn next_wait(
    failed: Failed,
    attempt: u32,
    retry: &RetryConfig,
    idempotent: bool,
    deadline: Option<OperationDeadline>,
) -> Result<(Duration, Error), Error> {
    let Failed {
        error,
        kind,
        retry_after,
    } = failed;
    let Some(kind) = kind else {
        return Err(error);
    };
    if attempt >= retry.max_attempts() || !kind.allowed(idempotent) {
        if attempt > 1 || retry.max_attempts() > 1 {
            tracing::debug!(attempt, ?kind, idempotent, "not retrying");
        }
        return Err(error);
    }
    let wait = match retry_after {
        Some(after) if after > retry.max_retry_after() => {
            tracing::debug!(
                retry_after_ms = duration_ms(after),
                "server asked for a longer wait than allowed; not retrying"
            );
            return Err(error);
        }
        Some(after) => after,
        None => retry.backoff(attempt),
    };
    // Sleeping into the operation timeout would only trade this error for a bare timeout:
    // give the caller the error now. (A wait too long for the clock ends after any
    // deadline.)
    if let Some(d) = deadline
        && tokio::time::Instant::now()
            .checked_add(wait)
            .is_none_or(|next| next >= d.at)
    {
        tracing::debug!(
            wait_ms = duration_ms(wait),
            "the operation timeout would expire before the next attempt; not retrying"
        );
        return Err(error);
    }
    tracing::info!(
        attempt,
        ?kind,
        wait_ms = duration_ms(wait),
        error = %error,
        "retrying"
    );
    Ok((wait, error))
}

/// The HTTP status of the response an error describes, when one arrived.
fn error_status(error: &Error) -> Option<u16> {
    match error {
        Error::Service(e) => Some(e.status()),
        Error::Response(e) => Some(e.status()),
        _ => None,
    }
}

/// When the whole operation must end, and the configured limit (for the error).
#[derive(Debug, Clone, Copy)]
struct OperationDeadline {
    at: tokio::time::Instant,
    limit: std::time::Duration,
}

/// Runs `future` until the operation deadline, if any; `None` when the deadline came first.
async fn within<F: std::future::Future>(
    deadline: Option<OperationDeadline>,
    future: F,
) -> Option<F::Output> {
    match deadline {
        Some(d) => tokio::time::timeout_at(d.at, future).await.ok(),
        None => Some(future.await),
    }
}

/// The operation timeout error, carrying the previous attempt's error as its source.
fn operation_timeout(deadline: Option<OperationDeadline>, last_error: Option<Box<Error>>) -> Error {
    let mut timeout = TimeoutError::new(TimeoutKind::Operation, deadline.map(|d| d.limit));
    if let Some(previous) = last_error {
        timeout = timeout.with_source(*previous);
    }
    Error::Timeout(timeout)
}

fn duration_ms(duration: std::time::Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// The error of a failed exchange with the server at `endpoint`; `timeouts` are the connect
/// and read timeouts of the call.
fn transport_error(
    error: TransportError,
    endpoint: &Endpoint,
    timeouts: (Duration, Duration),
) -> Error {
    let (connect, read) = timeouts;
    // A streamed upload that failed while it was sent (it changed, or could not be read):
    // the body's error, not a network one (and not retried).
    if let Some(upload) = crate::upload::find_upload_error(&error) {
        return Error::Construction(ConstructionError::Upload(upload));
    }
    match error.kind() {
        TransportErrorKind::ConnectTimeout => Error::Timeout(
            TimeoutError::new(TimeoutKind::Connect, Some(connect))
                .with_target(endpoint.host_port())
                .with_source(error.into_source()),
        ),
        TransportErrorKind::ReadTimeout => Error::Timeout(
            TimeoutError::new(TimeoutKind::Read, Some(read))
                .with_target(endpoint.host_port())
                .with_source(error.into_source()),
        ),
        TransportErrorKind::Request => {
            Error::Construction(ConstructionError::InvalidConfig(format!(
                "the transport could not send the request: {}",
                crate::transport::error_chain(&*error.into_source())
            )))
        }
        TransportErrorKind::BodyTooLarge => {
            let source = std::error::Error::source(&error)
                .and_then(|e| e.downcast_ref::<BodyTooLarge>())
                .cloned();
            match source {
                Some(too_large) => Error::Response(ResponseError::body_too_large(
                    too_large.status,
                    too_large.request_id,
                    too_large.limit,
                )),
                // A custom transport that did not say more.
                None => {
                    Error::Response(ResponseError::body_too_large(0, None, 0).with_source(error))
                }
            }
        }
        _ => Error::Dispatch(crate::transport::dispatch_error(error, endpoint)),
    }
}

/// What every request of a runtime shares, worked out once: the endpoint, its `host` header
/// and the scheme and authority of its URLs.
#[derive(Debug)]
struct Target {
    endpoint: Endpoint,
    host: HeaderValue,
    scheme: http::uri::Scheme,
    authority: http::uri::Authority,
}

impl Target {
    fn new(endpoint: Endpoint) -> Result<Self, EndpointError> {
        let invalid = |reason: &str| EndpointError::InvalidEndpoint {
            endpoint: endpoint.to_string(),
            reason: reason.into(),
        };
        let host = HeaderValue::from_str(endpoint.authority())
            .map_err(|_| invalid("the host is not a valid header value"))?;
        let authority = http::uri::Authority::try_from(endpoint.authority())
            .map_err(|_| invalid("the host is not a valid URL authority"))?;
        let scheme = match endpoint.scheme() {
            crate::endpoint::Scheme::Http => http::uri::Scheme::HTTP,
            crate::endpoint::Scheme::Https => http::uri::Scheme::HTTPS,
        };
        Ok(Target {
            endpoint,
            host,
            scheme,
            authority,
        })
    }
}

const X_ACS_ACTION: HeaderName = HeaderName::from_static("x-acs-action");
const X_ACS_VERSION: HeaderName = HeaderName::from_static("x-acs-version");
const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";
// Header values made when compiling, not checked again for each request.
const ACCEPT_JSON: HeaderValue = HeaderValue::from_static("application/json");
const ZERO_LENGTH: HeaderValue = HeaderValue::from_static("0");

/// The header name of a signer output (a lower-case constant of the ACS3 signer), without
/// parsing it again for each request.
fn signer_header_name(name: &'static str) -> HeaderName {
    use crate::signing::acs3;
    const DATE: HeaderName = HeaderName::from_static(acs3::X_ACS_DATE);
    const NONCE: HeaderName = HeaderName::from_static(acs3::X_ACS_SIGNATURE_NONCE);
    const CONTENT_SHA256: HeaderName = HeaderName::from_static(acs3::X_ACS_CONTENT_SHA256);
    const ACCESSKEY_ID: HeaderName = HeaderName::from_static(acs3::X_ACS_ACCESSKEY_ID);
    const SECURITY_TOKEN: HeaderName = HeaderName::from_static(acs3::X_ACS_SECURITY_TOKEN);
    match name {
        acs3::X_ACS_DATE => DATE,
        acs3::X_ACS_SIGNATURE_NONCE => NONCE,
        acs3::X_ACS_CONTENT_SHA256 => CONTENT_SHA256,
        acs3::X_ACS_ACCESSKEY_ID => ACCESSKEY_ID,
        acs3::X_ACS_SECURITY_TOKEN => SECURITY_TOKEN,
        acs3::AUTHORIZATION => http::header::AUTHORIZATION,
        other => HeaderName::from_static(other),
    }
}

/// A header value from a `'static` string of the operation descriptor, without copying it.
fn static_value(name: &'static str, value: &'static str) -> Result<HeaderValue, ConstructionError> {
    HeaderValue::from_maybe_shared(bytes::Bytes::from_static(value.as_bytes())).map_err(|_| {
        ConstructionError::InvalidConfig(format!(
            "the operation's {name} has characters a header cannot carry"
        ))
    })
}

/// Query parameters of a typical request are sorted on the stack.
const INLINE_QUERY: usize = 24;

/// The parts of a request that do not depend on the signature: method, path, query, headers
/// and body, split out of the parameters by location.
struct Parts<'a> {
    /// The path as sent (percent-encoded); `/` for RPC.
    path: std::borrow::Cow<'static, str>,
    /// Form parameters, when they go in the body.
    form: Vec<(&'a str, &'a str)>,
    headers: Vec<(&'a str, &'a str)>,
    /// The first label of the host (`in: host`).
    host_prefix: Option<&'a str>,
    body: HttpBody,
    /// The SHA-256 of a streamed body, computed beforehand.
    body_sha256: Option<&'a str>,
    content_type: Option<&'static str>,
}

impl<'a> Parts<'a> {
    /// The parts of a request; its query parameters are added to `query` (a list on the
    /// caller's stack, not moved around with the parts).
    fn new(
        operation: &Operation,
        params: &'a Params,
        upload: Option<(&'a Upload, UploadStream)>,
        query: &mut signing::Scratch<signing::Pair<'a>, INLINE_QUERY>,
    ) -> Result<Self, ConstructionError> {
        // Methods without a body (GET, DELETE, HEAD) send their form parameters in the query.
        let form_in_body = operation.method.has_body();
        let mut form: Vec<(&str, &str)> = Vec::new();
        let mut headers: Vec<(&str, &str)> = Vec::new();
        let mut host_prefix = None;
        for param in params.iter() {
            let pair = (param.name, param.value);
            match param.location {
                ParamLocation::Query => query.push(pair),
                ParamLocation::Form if form_in_body => form.push(pair),
                ParamLocation::Form => query.push(pair),
                ParamLocation::Header => headers.push(pair),
                ParamLocation::Host => host_prefix = Some(param.value),
                // Path parameters are read by `path`; the body is not among the entries.
                _ => {}
            }
        }
        let (path, fixed_query) = match operation.style {
            ApiStyle::Rpc => (std::borrow::Cow::Borrowed("/"), ""),
            _ => path::expand(operation, params)?,
        };
        for (name, value) in path::fixed_query(fixed_query) {
            query.push((name, value));
        }
        let mut body_sha256 = None;
        let (body, content_type) = match params.body() {
            Some(_) if !form.is_empty() => {
                return Err(ConstructionError::InvalidParameter {
                    operation: operation.action,
                    parameter: form.first().map(|(n, _)| n.to_string()).unwrap_or_default(),
                    reason: "a request with a body cannot also send form parameters".to_owned(),
                });
            }
            Some(body) => match (body.bytes(), upload) {
                (Some(bytes), _) => (HttpBody::from(bytes.clone()), Some(body.content_type())),
                (None, Some((upload, stream))) => {
                    body_sha256 = Some(upload.sha256_hex());
                    (HttpBody::stream(stream), Some(body.content_type()))
                }
                (None, None) => {
                    return Err(ConstructionError::InvalidConfig(
                        "a streamed body was not opened".to_owned(),
                    ));
                }
            },
            None if form.is_empty() => (HttpBody::empty(), None),
            None => (
                HttpBody::from(signing::form_urlencode(&form)),
                Some(FORM_CONTENT_TYPE),
            ),
        };
        // An empty body (an empty blob or file) is sent without a content type, and so not
        // signed with one.
        let content_type = content_type.filter(|_| !body.is_empty());
        Ok(Parts {
            path,
            form,
            headers,
            host_prefix,
            body,
            body_sha256,
            content_type,
        })
    }
}

/// The path and query of a request URL: `path?k=v&k=v` with `pairs` sorted and encoded as
/// both signatures sign them (so the ACS3 signer signs this very text), in a buffer of
/// exactly its length (which becomes the URI's bytes without a copy). The query starts at
/// the returned offset (empty when there is none).
fn path_and_query(path: &str, pairs: &mut [signing::Pair<'_>]) -> (String, usize) {
    signing::sort_pairs(pairs);
    let query_len = signing::encoded_len(pairs);
    let mut text = String::with_capacity(path.len() + usize::from(query_len > 0) + query_len);
    text.push_str(path);
    if !pairs.is_empty() {
        text.push('?');
    }
    let query_start = text.len();
    signing::write_pairs(&mut text, pairs);
    (text, query_start)
}

/// Builds and signs the HTTP request of one attempt (fresh date, nonce and signature). An
/// anonymous operation (no `credentials`) is not signed.
fn build_request(
    operation: &Operation,
    params: &Params,
    target: &Target,
    credentials: Option<&Credentials>,
    config: &Config,
    upload: Option<(&Upload, UploadStream)>,
) -> Result<HttpRequest, ConstructionError> {
    let method = operation.method;
    // Room for a template's fixed query.
    let mut query = signing::Scratch::with_expected(params.len() + 2);
    let Parts {
        path,
        form,
        headers: header_params,
        host_prefix,
        body,
        body_sha256,
        content_type,
    } = Parts::new(operation, params, upload, &mut query)?;

    // `project.cn-hangzhou.log.aliyuncs.com` for a host parameter `project`.
    let prefixed_host = host_prefix
        .filter(|_| target.endpoint.has_domain_name())
        .map(|prefix| format!("{prefix}.{}", target.endpoint.authority()));
    let authority = prefixed_host
        .as_deref()
        .unwrap_or(target.endpoint.authority());

    // Each signed attempt takes its own time and nonce; an anonymous call neither.
    let nonce = credentials.map(|_| config.nonce_source.nonce());
    let signing_params = credentials
        .zip(nonce.as_deref())
        .map(|(credentials, nonce)| signing::SigningParams {
            credentials,
            time: config.time_source.now(),
            nonce,
        });
    let mut added_headers = None;
    let path_and_query = match (&signing_params, config.signature_version, operation.style) {
        (None, _, _) => path_and_query(&path, query.as_mut_slice()).0,
        (Some(signing_params), SignatureVersion::HmacSha1, ApiStyle::Rpc) => {
            // Signed: the action and version, the query and the form; sent in the query: the
            // same without the form, with the common parameters the signer adds.
            let mut signed: signing::Scratch<signing::Pair<'_>, INLINE_QUERY> =
                signing::Scratch::with_expected(query.as_slice().len() + form.len() + 2);
            signed.push(("Action", operation.action));
            signed.push(("Version", operation.version));
            for &pair in query.as_slice().iter().chain(&form) {
                signed.push(pair);
            }
            let common = signing::sign_rpc_v1(method.as_str(), signed.as_slice(), signing_params)?;
            let mut sent: signing::Scratch<signing::Pair<'_>, INLINE_QUERY> =
                signing::Scratch::with_expected(query.as_slice().len() + common.len() + 2);
            sent.push(("Action", operation.action));
            sent.push(("Version", operation.version));
            for &pair in query.as_slice() {
                sent.push(pair);
            }
            for pair in common.iter() {
                sent.push(pair);
            }
            path_and_query(&path, sent.as_mut_slice()).0
        }
        // ACS3; also for ROA operations when HMAC-SHA1 is configured (it has no ROA form).
        (Some(signing_params), _, _) => {
            let mut signed_headers: signing::Scratch<signing::Pair<'_>, 8> =
                signing::Scratch::with_expected(4 + header_params.len());
            signed_headers.push(("host", authority));
            signed_headers.push(("x-acs-action", operation.action));
            signed_headers.push(("x-acs-version", operation.version));
            if let Some(content_type) = content_type {
                signed_headers.push(("content-type", content_type));
            }
            for &pair in &header_params {
                signed_headers.push(pair);
            }
            let (text, query_start) = path_and_query(&path, query.as_mut_slice());
            added_headers = Some(signing::sign_acs3_encoded(
                &signing::SignableRequest {
                    method: method.as_str(),
                    path: &path,
                    query: &[],
                    headers: signed_headers.as_slice(),
                    body: match (body_sha256, body.as_bytes()) {
                        (Some(hash), _) => signing::SignableBody::Precomputed(hash),
                        (None, Some(bytes)) if !bytes.is_empty() => {
                            signing::SignableBody::Bytes(bytes)
                        }
                        _ => signing::SignableBody::Empty,
                    },
                },
                text.get(query_start..).unwrap_or(""),
                signing_params,
            )?);
            text
        }
    };

    let invalid_url = |e: http::Error| {
        ConstructionError::InvalidConfig(format!("the request URL is not valid: {e}"))
    };
    let mut uri_parts = http::uri::Parts::default();
    uri_parts.scheme = Some(target.scheme.clone());
    uri_parts.authority = Some(match &prefixed_host {
        Some(host) => {
            http::uri::Authority::try_from(host.as_str()).map_err(|e| invalid_url(e.into()))?
        }
        None => target.authority.clone(),
    });
    uri_parts.path_and_query = Some(
        http::uri::PathAndQuery::from_maybe_shared(bytes::Bytes::from(path_and_query))
            .map_err(|e| invalid_url(e.into()))?,
    );
    let uri = http::Uri::from_parts(uri_parts).map_err(|e| invalid_url(e.into()))?;

    let mut request = http::Request::new(body);
    *request.method_mut() = method.to_http();
    *request.uri_mut() = uri;
    let has_body = !request.body().is_empty();
    let stream_length = request.body().is_stream().then(|| request.body().len());
    let headers = request.headers_mut();
    headers.reserve(12 + header_params.len());
    match &prefixed_host {
        Some(host) => {
            let value = HeaderValue::from_str(host).map_err(|_| {
                ConstructionError::InvalidConfig(
                    "the host with its host parameter is not a valid header value".to_owned(),
                )
            })?;
            headers.insert(http::header::HOST, value);
        }
        None => {
            headers.insert(http::header::HOST, target.host.clone());
        }
    }
    headers.insert(X_ACS_ACTION, static_value("action", operation.action)?);
    headers.insert(X_ACS_VERSION, static_value("version", operation.version)?);
    if let Some(content_type) = content_type.filter(|_| has_body) {
        headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static(content_type),
        );
        // A streamed body announces its length, as the official SDKs send an upload (not
        // chunked); the transport must send exactly that many bytes.
        if let Some(length) = stream_length {
            headers.insert(http::header::CONTENT_LENGTH, HeaderValue::from(length));
        }
    } else if method.has_body() {
        // A POST (PUT, PATCH) says that it has no body (RFC 9110 §8.6; strict proxies answer
        // 411 without it, and hyper does not send it for an empty body). Not signed, as the
        // official SDKs.
        headers.insert(http::header::CONTENT_LENGTH, ZERO_LENGTH);
    }
    for (name, value) in &header_params {
        let invalid = |reason: &str| ConstructionError::InvalidParameter {
            operation: operation.action,
            parameter: (*name).to_string(),
            reason: reason.to_string(),
        };
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| invalid("not a valid header name"))?;
        let value =
            HeaderValue::from_str(value).map_err(|_| invalid("not a valid header value"))?;
        headers.append(name, value);
    }
    // The signer's values share its one buffer: no copy per header.
    for (name, value) in added_headers
        .map(SigningOutput::into_shared)
        .into_iter()
        .flatten()
    {
        // The signer validated its values; a value that were not valid is an error still.
        let mut value = HeaderValue::from_maybe_shared(value).map_err(|_| {
            ConstructionError::InvalidConfig(format!("the signer produced an invalid {name}"))
        })?;
        // `http` prints sensitive values as "Sensitive" in Debug: a transport or middleware
        // that logs requests shows neither the signature nor the token.
        value.set_sensitive(signing::is_sensitive_output(name));
        headers.insert(signer_header_name(name), value);
    }
    headers.insert(http::header::ACCEPT, ACCEPT_JSON);
    headers.insert(http::header::USER_AGENT, config.user_agent_header.clone());
    Ok(request)
}

/// ROA paths: the operation's template with its path parameters put in.
mod path {
    use std::borrow::Cow;

    use crate::error::ConstructionError;
    use crate::operation::{Operation, ParamLocation, Params};
    use crate::signing::encoding::encode_into;

    /// The path of the request (percent-encoded, as sent and signed) and the fixed query
    /// of the template (after its `?`, empty when none).
    pub(super) fn expand(
        operation: &Operation,
        params: &Params,
    ) -> Result<(Cow<'static, str>, &'static str), ConstructionError> {
        let template = operation.path;
        let (template, fixed_query) = template.split_once('?').unwrap_or((template, ""));
        if !template.contains('{') {
            let path = if template.is_empty() { "/" } else { template };
            return Ok((Cow::Borrowed(path), fixed_query));
        }
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                return Err(ConstructionError::InvalidConfig(format!(
                    "the path template `{template}` of `{}` has a `{{` without `}}`",
                    operation.action
                )));
            };
            let variable = &after[..close];
            let (whole_path, name) = match variable.strip_prefix('+') {
                Some(name) => (true, name),
                None => (false, variable),
            };
            let value = params.get(ParamLocation::Path, name).ok_or(
                ConstructionError::MissingParameter {
                    operation: operation.action,
                    parameter: name,
                },
            )?;
            if whole_path {
                // A path: each segment encoded, the separators kept, one leading `/`.
                let value = value.strip_prefix('/').unwrap_or(value);
                if !out.ends_with('/') {
                    out.push('/');
                }
                for (i, segment) in value.split('/').enumerate() {
                    if i > 0 {
                        out.push('/');
                    }
                    encode_into(&mut out, segment);
                }
            } else {
                encode_into(&mut out, value);
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        Ok((Cow::Owned(out), fixed_query))
    }

    /// The pairs of a template's fixed query (`type=heartbeat&x`), `x` standing for `x=`.
    pub(super) fn fixed_query(
        query: &'static str,
    ) -> impl Iterator<Item = (&'static str, &'static str)> {
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
    }
}
