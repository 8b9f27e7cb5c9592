//! The one generic entry point the generated clients call: build the request as the official
//! SDKs do for RPC operations, sign it, send it, retry when that is safe, and hand back the
//! response or a typed error.

use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use tracing::{Instrument, field};

use crate::config::{Config, SignatureVersion};
use crate::credentials::{Credentials, ProvideCredentials};
use crate::endpoint::{self, Endpoint, EndpointError, ProductEndpoints};
use crate::error::{ConstructionError, DispatchError, Error, TimeoutError, TimeoutKind};
use crate::operation::{CallOptions, HttpMethod, Operation, ParamLocation, Params};
use crate::response::{self, RawResponse};
use crate::retry::{RetryKind, is_throttling_code};
use crate::signing;
use crate::time_source::{NonceSource, TimeSource};
use crate::transport::{HttpRequest, HttpTransport, TransportError, TransportErrorKind};

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
    endpoint: Result<Endpoint, EndpointError>,
}

impl Runtime {
    /// A runtime for the product whose endpoints are given, with this configuration. The
    /// endpoint is resolved now; if that fails, every call returns the endpoint error.
    pub fn new(config: Config, product: &'static ProductEndpoints) -> Self {
        let endpoint = endpoint::resolve(config.endpoint(), config.region(), product);
        Runtime {
            inner: Arc::new(Inner { config, endpoint }),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The resolved endpoint, or why there is none.
    pub fn endpoint(&self) -> Result<&Endpoint, &EndpointError> {
        self.inner.endpoint.as_ref()
    }

    /// Sends one operation: builds, signs and sends the request, retrying when the policy and
    /// the operation allow it, and returns the 2xx response or the error.
    pub async fn invoke(
        &self,
        operation: &Operation,
        params: Params,
        options: &CallOptions,
    ) -> Result<RawResponse, Error> {
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
        let started = Instant::now();
        let timeout = options
            .operation_timeout
            .unwrap_or(self.inner.config.timeouts.operation);
        let call = self.attempts(operation, &params, options);
        let result = async {
            match timeout {
                Some(limit) => match tokio::time::timeout(limit, call).await {
                    Ok(result) => result,
                    Err(_) => Err(Error::Timeout(TimeoutError::new(
                        TimeoutKind::Operation,
                        Some(limit),
                    ))),
                },
                None => call.await,
            }
        }
        .instrument(span.clone())
        .await;
        span.record("elapsed_ms", elapsed_ms(started));
        match &result {
            Ok(response) => {
                span.record("status", response.status());
                if let Some(id) = response.request_id() {
                    span.record("request_id", id);
                }
            }
            Err(error) => {
                if let Some(id) = error.request_id() {
                    span.record("request_id", id);
                }
                span.in_scope(|| tracing::debug!(error = %error, "call failed"));
            }
        }
        result
    }

    async fn attempts(
        &self,
        operation: &Operation,
        params: &Params,
        options: &CallOptions,
    ) -> Result<RawResponse, Error> {
        let config = &self.inner.config;
        let endpoint = self.inner.endpoint.as_ref().map_err(|e| e.clone())?;
        let retry = options.retry.as_ref().unwrap_or(&config.retry);
        let attempt_timeout = options.attempt_timeout.unwrap_or(config.timeouts.attempt);
        let idempotent = operation.operation_type.is_idempotent();
        let mut attempt: u32 = 1;
        loop {
            let credentials = config.credentials.provide_credentials().await?;
            // Values to scrub from anything the service echoes back (a gateway's
            // string-to-sign holds the query, and so the token and secret parameters).
            let secrets: Vec<String> = params
                .secret_values()
                .chain(credentials.security_token())
                .map(str::to_string)
                .collect();
            let request = build_request(operation, params, endpoint, &credentials, config)?;
            let span = tracing::debug_span!(
                "alibabacloud.attempt",
                attempt,
                status = field::Empty,
                request_id = field::Empty,
                elapsed_ms = field::Empty,
            );
            let started = Instant::now();
            let sent = async {
                tracing::debug!(endpoint = %endpoint, "sending request");
                match attempt_timeout {
                    Some(limit) => {
                        match tokio::time::timeout(limit, config.transport.send(request)).await {
                            Ok(result) => result.map_err(|e| transport_error(e, config)),
                            Err(_) => Err(Error::Timeout(TimeoutError::new(
                                TimeoutKind::Attempt,
                                Some(limit),
                            ))),
                        }
                    }
                    None => config
                        .transport
                        .send(request)
                        .await
                        .map_err(|e| transport_error(e, config)),
                }
            }
            .instrument(span.clone())
            .await;
            span.record("elapsed_ms", elapsed_ms(started));
            tracing::Span::current().record("attempts", attempt);

            let (error, kind, retry_after) = match sent {
                Ok(response) => {
                    let (parts, body) = response.into_parts();
                    let status = parts.status.as_u16();
                    span.record("status", status);
                    if let Some(id) =
                        response::header_str(&parts.headers, response::REQUEST_ID_HEADER)
                    {
                        span.record("request_id", id);
                    }
                    if parts.status.is_success() {
                        return Ok(RawResponse::new(status, parts.headers, body, secrets));
                    }
                    let error =
                        response::error_from_response(status, &parts.headers, &body, &secrets);
                    if let Some(id) = error.request_id() {
                        span.record("request_id", id);
                    }
                    let throttled = error
                        .as_service_error()
                        .is_some_and(|e| is_throttling_code(e.code_str()));
                    let retry_after = error
                        .as_service_error()
                        .and_then(|e| e.retry_after())
                        .or_else(|| {
                            response::header_str(&parts.headers, response::RETRY_AFTER_HEADER)
                                .and_then(crate::retry::parse_retry_after)
                        });
                    let kind = if throttled {
                        Some(RetryKind::Throttled)
                    } else if status >= 500 {
                        Some(RetryKind::ServerError)
                    } else {
                        None
                    };
                    (error, kind, retry_after)
                }
                Err(error) => {
                    let kind = match &error {
                        Error::Dispatch(d) if d.is_connect() => Some(RetryKind::NotSent),
                        Error::Timeout(t) if t.kind() == TimeoutKind::Connect => {
                            Some(RetryKind::NotSent)
                        }
                        Error::Dispatch(_) | Error::Timeout(_) => Some(RetryKind::Transient),
                        _ => None,
                    };
                    (error, kind, None)
                }
            };

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
                        retry_after_ms = after.as_millis() as u64,
                        "server asked for a longer wait than allowed; not retrying"
                    );
                    return Err(error);
                }
                Some(after) => after,
                None => retry.backoff(attempt),
            };
            tracing::info!(
                attempt,
                ?kind,
                wait_ms = wait.as_millis() as u64,
                error = %error,
                "retrying"
            );
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

fn transport_error(error: TransportError, config: &Config) -> Error {
    let timeouts = &config.timeouts;
    match error.kind() {
        TransportErrorKind::ConnectTimeout => Error::Timeout(
            TimeoutError::new(TimeoutKind::Connect, Some(timeouts.connect)).with_source(error),
        ),
        TransportErrorKind::ReadTimeout => Error::Timeout(
            TimeoutError::new(TimeoutKind::Read, Some(timeouts.read)).with_source(error),
        ),
        TransportErrorKind::Connect => {
            let message = error.to_string();
            Error::Dispatch(DispatchError::new(message, true).with_source(error))
        }
        TransportErrorKind::Request => {
            Error::Construction(ConstructionError::InvalidConfig(error.to_string()))
        }
        _ => {
            let message = error.to_string();
            Error::Dispatch(DispatchError::new(message, false).with_source(error))
        }
    }
}

/// Builds and signs the HTTP request of one attempt (fresh date, nonce and signature).
fn build_request(
    operation: &Operation,
    params: &Params,
    endpoint: &Endpoint,
    credentials: &Credentials,
    config: &Config,
) -> Result<HttpRequest, ConstructionError> {
    let method = operation.method;
    // GET requests have no body: their form parameters travel in the query.
    let form_in_body = method == HttpMethod::Post;
    let mut query: Vec<(&str, &str)> = Vec::with_capacity(params.len() + 10);
    let mut form: Vec<(&str, &str)> = Vec::new();
    let mut header_params: Vec<(&str, &str)> = Vec::new();
    for param in params.iter() {
        let pair = (param.name.as_ref(), param.value.as_str());
        match param.location {
            ParamLocation::Query => query.push(pair),
            ParamLocation::Form if form_in_body => form.push(pair),
            ParamLocation::Form => query.push(pair),
            ParamLocation::Header => header_params.push(pair),
        }
    }
    let body = if form.is_empty() {
        Bytes::new()
    } else {
        Bytes::from(signing::form_urlencode(&form))
    };
    let time = config.time_source.now();
    let nonce = config.nonce_source.nonce();
    let signing_params = signing::SigningParams {
        credentials,
        time,
        nonce: &nonce,
    };
    let authority = endpoint.authority();

    let mut headers: Vec<(&str, &str)> = Vec::with_capacity(8 + header_params.len());
    headers.push(("host", authority));
    headers.push(("x-acs-action", operation.action));
    headers.push(("x-acs-version", operation.version));
    if !body.is_empty() {
        headers.push(("content-type", "application/x-www-form-urlencoded"));
    }
    headers.extend(header_params.iter().copied());

    let mut added_headers = None;
    let url_query = match config.signature_version {
        SignatureVersion::Acs3HmacSha256 => {
            added_headers = Some(signing::sign_acs3(
                &signing::SignableRequest {
                    method: method.as_str(),
                    path: "/",
                    query: &query,
                    headers: &headers,
                    body: signing::SignableBody::Bytes(&body),
                },
                &signing_params,
            )?);
            signing::canonical_query_string(&query)
        }
        SignatureVersion::HmacSha1 => {
            let mut signed: Vec<(&str, &str)> = Vec::with_capacity(query.len() + form.len() + 2);
            signed.push(("Action", operation.action));
            signed.push(("Version", operation.version));
            signed.extend(query.iter().copied());
            signed.extend(form.iter().copied());
            let common = signing::sign_rpc_v1(method.as_str(), &signed, &signing_params)?;
            let mut all: Vec<(&str, &str)> = Vec::with_capacity(query.len() + common.len() + 2);
            all.push(("Action", operation.action));
            all.push(("Version", operation.version));
            all.extend(query.iter().copied());
            for (name, value) in common.iter() {
                all.push((name, value));
            }
            signing::canonical_query_string(&all)
        }
    };

    let mut url = String::with_capacity(authority.len() + url_query.len() + 12);
    url.push_str(endpoint.scheme().as_str());
    url.push_str("://");
    url.push_str(authority);
    url.push('/');
    if !url_query.is_empty() {
        url.push('?');
        url.push_str(&url_query);
    }
    let mut builder = http::Request::builder().method(method.as_str()).uri(url);
    for (name, value) in &headers {
        builder = builder.header(*name, *value);
    }
    for (name, value) in added_headers.iter().flat_map(|output| output.iter()) {
        builder = builder.header(name, value);
    }
    builder = builder
        .header("accept", "application/json")
        .header("user-agent", config.user_agent.as_str());
    builder.body(body).map_err(|e| {
        ConstructionError::InvalidConfig(format!("the request could not be built: {e}"))
    })
}
