//! Reading responses: the raw response of a call, decoding its JSON body into a model, and
//! turning error bodies (and `"Success": false`) into service errors.

use std::borrow::Cow;
use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorCode, ResponseError, ServiceError};

/// The header carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-acs-request-id";
/// The header in which a throttled service says how long to wait, in milliseconds.
pub const RETRY_AFTER_HEADER: &str = "x-acs-retry-after";

/// A successful (2xx) response, body read, not yet decoded.
#[derive(Clone)]
pub struct RawResponse {
    status: u16,
    headers: http::HeaderMap,
    body: Bytes,
    secrets: Vec<String>,
}

/// How a decoded body tells that the call failed even though the HTTP status is 2xx.
#[derive(Debug, Clone, Copy)]
pub enum SuccessCheck<T> {
    /// The model has a `Success` field; this reads it.
    Field(fn(&T) -> Option<bool>),
    /// The model has no such field: look for `"Success": false` in the body itself.
    Envelope,
}

impl std::fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .field(
                "secrets",
                &format_args!("<{} redacted>", self.secrets.len()),
            )
            .finish()
    }
}

impl RawResponse {
    pub(crate) fn new(
        status: u16,
        headers: http::HeaderMap,
        body: Bytes,
        secrets: Vec<String>,
    ) -> Self {
        RawResponse {
            status,
            headers,
            body,
            secrets,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &http::HeaderMap {
        &self.headers
    }

    /// The raw body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The request id from the `x-acs-request-id` header, if present.
    pub fn request_id(&self) -> Option<&str> {
        header_str(&self.headers, REQUEST_ID_HEADER)
    }

    /// Decodes the JSON body into `T`. A body that is not the expected JSON is a
    /// [`Error::Response`]; a body that says `"Success": false` is a [`Error::Service`].
    pub fn decode<T: DeserializeOwned, C: ErrorCode>(
        &self,
        check: SuccessCheck<T>,
    ) -> Result<T, Error<C>> {
        if let SuccessCheck::Envelope = check
            && let Some(error) = self.failure_envelope()
        {
            return Err(Error::Service(error.map_code()));
        }
        // One UTF-8 check of the whole body, instead of one per string with `from_slice`.
        let text = std::str::from_utf8(&self.body).map_err(|e| {
            Error::Response(
                ResponseError::new(
                    self.status,
                    self.request_id().map(str::to_string),
                    "the body is not UTF-8 text",
                    scrub_bytes(&self.body, &self.secrets),
                )
                .with_source(e),
            )
        })?;
        let value: T = serde_json::from_str(text).map_err(|e| {
            Error::Response(
                ResponseError::new(
                    self.status,
                    self.request_id().map(str::to_string),
                    scrub(
                        &format!("the body is not the documented JSON: {e}"),
                        &self.secrets,
                    ),
                    scrub_bytes(&self.body, &self.secrets),
                )
                .with_source(e),
            )
        })?;
        if let SuccessCheck::Field(success) = check
            && success(&value) == Some(false)
        {
            let error = self.failure_envelope().unwrap_or_else(|| {
                ServiceError::builder("Unknown".to_string(), self.status)
                    .message("the response says Success: false")
                    .body(scrub_bytes(&self.body, &self.secrets))
                    .build()
            });
            return Err(Error::Service(error.map_code()));
        }
        Ok(value)
    }

    /// The service error described by a 2xx body that says `"Success": false`, if it does.
    fn failure_envelope(&self) -> Option<ServiceError> {
        let envelope: ErrorEnvelope = serde_json::from_slice(&self.body).ok()?;
        if envelope.success.as_ref().and_then(LenientBool::value) != Some(false) {
            return None;
        }
        Some(envelope.into_service_error(
            self.status,
            self.request_id(),
            None,
            &self.body,
            &self.secrets,
        ))
    }
}

/// The fields an Alibaba Cloud error body may carry.
#[derive(Deserialize, Default)]
struct ErrorEnvelope {
    #[serde(rename = "Code", alias = "code", default)]
    code: Option<StringOrNumber>,
    #[serde(rename = "Message", alias = "message", default)]
    message: Option<String>,
    #[serde(rename = "RequestId", alias = "requestId", default)]
    request_id: Option<String>,
    #[serde(rename = "HostId", alias = "hostId", default)]
    host_id: Option<String>,
    #[serde(rename = "Recommend", alias = "recommend", default)]
    recommend: Option<String>,
    #[serde(rename = "AccessDeniedDetail", default)]
    access_denied_detail: Option<serde_json::Value>,
    #[serde(rename = "Success", alias = "success", default)]
    success: Option<LenientBool>,
}

/// A code that some services send as a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrNumber {
    String(String),
    Number(serde_json::Number),
}

/// A boolean that some services send as a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum LenientBool {
    Bool(bool),
    String(String),
}

impl LenientBool {
    fn value(&self) -> Option<bool> {
        match self {
            LenientBool::Bool(b) => Some(*b),
            LenientBool::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            LenientBool::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            LenientBool::String(_) => None,
        }
    }
}

impl ErrorEnvelope {
    fn code(&self) -> Option<String> {
        match self.code.as_ref()? {
            StringOrNumber::String(s) if !s.is_empty() => Some(s.clone()),
            StringOrNumber::String(_) => None,
            StringOrNumber::Number(n) => Some(n.to_string()),
        }
    }

    fn into_service_error(
        self,
        status: u16,
        header_request_id: Option<&str>,
        retry_after: Option<Duration>,
        body: &Bytes,
        secrets: &[String],
    ) -> ServiceError {
        let code = self.code().unwrap_or_else(|| "Unknown".to_string());
        let mut builder = ServiceError::builder(code, status).body(scrub_bytes(body, secrets));
        if let Some(message) = self.message {
            builder = builder.message(scrub(&message, secrets));
        }
        if let Some(id) = self.request_id.as_deref().or(header_request_id) {
            builder = builder.request_id(id);
        }
        if let Some(host) = self.host_id {
            builder = builder.host_id(host);
        }
        if let Some(recommend) = self.recommend {
            builder = builder.recommend(recommend);
        }
        if let Some(detail) = self.access_denied_detail.filter(|d| !d.is_null()) {
            builder = builder.access_denied_detail(detail);
        }
        if let Some(after) = retry_after {
            builder = builder.retry_after(after);
        }
        builder.build()
    }
}

/// Turns a non-2xx response into the error it describes: a service error when the body is an
/// Alibaba Cloud error document, an undecodable-response error otherwise.
pub(crate) fn error_from_response(
    status: u16,
    headers: &http::HeaderMap,
    body: &Bytes,
    secrets: &[String],
) -> Error {
    let header_request_id = header_str(headers, REQUEST_ID_HEADER);
    let retry_after =
        header_str(headers, RETRY_AFTER_HEADER).and_then(crate::retry::parse_retry_after);
    match serde_json::from_slice::<ErrorEnvelope>(body) {
        Ok(envelope) if envelope.code().is_some() => Error::Service(envelope.into_service_error(
            status,
            header_request_id,
            retry_after,
            body,
            secrets,
        )),
        Ok(_) => Error::Response(ResponseError::new(
            status,
            header_request_id.map(str::to_string),
            "the error body has no `Code`",
            scrub_bytes(body, secrets),
        )),
        Err(e) => {
            let reason = if looks_like_html(body) {
                "the body is an HTML page, not JSON (a proxy or load balancer answered?)"
                    .to_string()
            } else if body.is_empty() {
                "the body is empty".to_string()
            } else {
                scrub(&format!("the body is not JSON: {e}"), secrets).into_owned()
            };
            Error::Response(
                ResponseError::new(
                    status,
                    header_request_id.map(str::to_string),
                    reason,
                    scrub_bytes(body, secrets),
                )
                .with_source(e),
            )
        }
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    body[start..].starts_with(b"<")
}

pub(crate) fn header_str<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Replaces each secret (as is, and percent-encoded as it appears in a string-to-sign) by `***`.
pub(crate) fn scrub<'a>(text: &'a str, secrets: &[String]) -> Cow<'a, str> {
    let mut out = Cow::Borrowed(text);
    for secret in secrets {
        if secret.is_empty() {
            continue;
        }
        if out.contains(secret.as_str()) {
            out = Cow::Owned(out.replace(secret.as_str(), "***"));
        }
        let encoded = crate::signing::percent_encode(secret);
        if encoded != secret.as_str() && out.contains(encoded.as_ref()) {
            out = Cow::Owned(out.replace(encoded.as_ref(), "***"));
        }
        // The string-to-sign of the RPC signature encodes the query a second time.
        let twice = crate::signing::percent_encode(&encoded);
        if twice != encoded && out.contains(twice.as_ref()) {
            out = Cow::Owned(out.replace(twice.as_ref(), "***"));
        }
    }
    out
}

fn scrub_bytes(body: &Bytes, secrets: &[String]) -> Bytes {
    if secrets.is_empty() {
        return body.clone();
    }
    match std::str::from_utf8(body) {
        Ok(text) => match scrub(text, secrets) {
            Cow::Borrowed(_) => body.clone(),
            Cow::Owned(s) => Bytes::from(s),
        },
        Err(_) => body.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct Out {
        #[serde(rename = "Success")]
        success: Option<bool>,
        #[serde(rename = "Value")]
        value: Option<i64>,
    }

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse::new(
            status,
            http::HeaderMap::new(),
            Bytes::from(body.to_string()),
            vec!["tick-et*1".to_string()],
        )
    }

    #[test]
    fn decodes_success_and_detects_success_false() {
        let ok: Out = raw(200, r#"{"Success":true,"Value":3}"#)
            .decode::<Out, String>(SuccessCheck::Field(|o: &Out| o.success))
            .unwrap();
        assert_eq!(ok.value, Some(3));
        let err = raw(
            200,
            r#"{"Success":false,"Code":"Biz.Failed","Message":"ticket tick-et*1 bad","RequestId":"R1"}"#,
        )
        .decode::<Out, String>(SuccessCheck::Field(|o: &Out| o.success))
        .unwrap_err();
        let service = err.as_service_error().unwrap();
        assert_eq!(service.code_str(), "Biz.Failed");
        assert_eq!(service.request_id(), Some("R1"));
        assert_eq!(service.message(), Some("ticket *** bad"));
        assert!(!String::from_utf8_lossy(service.body()).contains("tick-et"));
        let err = raw(200, r#"{"Success":"false","Code":"X"}"#)
            .decode::<serde_json::Value, String>(SuccessCheck::Envelope)
            .unwrap_err();
        assert_eq!(err.code().map(String::as_str), Some("X"));
    }

    #[test]
    fn truncated_json_is_a_response_error() {
        let err = raw(200, r#"{"Success":true,"Val"#)
            .decode::<Out, String>(SuccessCheck::Field(|o: &Out| o.success))
            .unwrap_err();
        assert!(matches!(err, Error::Response(_)), "{err:?}");
    }

    #[test]
    fn error_bodies() {
        let mut headers = http::HeaderMap::new();
        headers.insert(REQUEST_ID_HEADER, "HDR-ID".parse().unwrap());
        headers.insert(RETRY_AFTER_HEADER, "250".parse().unwrap());
        let body = Bytes::from_static(
            br#"{"Code":"Throttling.User","Message":"slow down","HostId":"h","Recommend":"https://r","AccessDeniedDetail":{"PolicyType":"X"}}"#,
        );
        let e = error_from_response(400, &headers, &body, &[]);
        let s = e.as_service_error().unwrap();
        assert_eq!(s.code_str(), "Throttling.User");
        assert_eq!(s.request_id(), Some("HDR-ID"));
        assert_eq!(s.host_id(), Some("h"));
        assert_eq!(s.recommend(), Some("https://r"));
        assert_eq!(s.retry_after(), Some(Duration::from_millis(250)));
        assert!(s.access_denied_detail().is_some());
        let text = e.to_string();
        assert!(
            text.contains("Throttling.User")
                && text.contains("slow down")
                && text.contains("HDR-ID"),
            "{text}"
        );

        let html = Bytes::from_static(b"\n<html><body>502 Bad Gateway</body></html>");
        let e = error_from_response(502, &http::HeaderMap::new(), &html, &[]);
        assert!(
            matches!(&e, Error::Response(r) if r.status() == 502),
            "{e:?}"
        );
        assert!(e.to_string().contains("HTML"));
    }

    #[test]
    fn scrub_removes_plain_and_encoded_secrets() {
        let secrets = vec!["a b*c".to_string()];
        assert_eq!(scrub("x a b*c y", &secrets), "x *** y");
        assert_eq!(scrub("Ticket=a%20b%2Ac&", &secrets), "Ticket=***&");
        assert_eq!(scrub("Ticket%3Da%2520b%252Ac", &secrets), "Ticket%3D***");
        assert!(matches!(scrub("nothing", &secrets), Cow::Borrowed(_)));
    }
}
