//! Building replies in the service's shape: JSON bodies, the `x-acs-request-id` header and
//! error bodies `{"RequestId","HostId","Code","Message","Recommend"}` (RPC) or
//! `{"requestId","hostId","code","message","recommend"}` (ROA).

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{Response, StatusCode};
use http_body_util::Full;
use serde_json::{Map, Value, json};

use crate::codes;
use crate::encoding::percent_encode;

/// The content type of every JSON reply, as the gateway writes it.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// The header that carries the request id on every reply.
pub const REQUEST_ID_HEADER: &str = "x-acs-request-id";

/// An error reply of the service: HTTP status, `Code` and `Message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// The HTTP status.
    pub status: StatusCode,
    /// `Code`.
    pub code: String,
    /// `Message`.
    pub message: String,
    /// Extra top-level fields of the body (e.g. the emulator's `CanonicalRequest` on a
    /// signature mismatch).
    pub extra: Vec<(String, String)>,
}

impl ServiceError {
    /// An error with an explicit status, code and message.
    pub fn new(status: StatusCode, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.into(),
            message: message.into(),
            extra: Vec::new(),
        }
    }

    /// One of the gateway's own codes with its usual status and message (see
    /// [`codes::gateway_default`]); an unknown code gets 400 and the code as message.
    pub fn gateway(code: &str) -> Self {
        match codes::gateway_default(code) {
            Some((status, message)) => Self::new(status, code, message),
            None => Self::new(StatusCode::BAD_REQUEST, code, code),
        }
    }

    /// A gateway code with its usual status and another message.
    pub fn gateway_with_message(code: &str, message: impl Into<String>) -> Self {
        let mut error = Self::gateway(code);
        error.message = message.into();
        error
    }

    /// `MissingParameter`-style error: `code` (e.g. `MissingParameter` or `MissingTimestamp`)
    /// naming the parameter in the service's words.
    pub fn missing(code: &str, parameter: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            code,
            codes::missing_parameter_message(parameter),
        )
    }

    /// Adds a top-level field to the error body.
    pub fn with_extra(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra.push((key.into(), value.into()));
        self
    }
}

/// A fresh request id in the service's format (`8-4-4-4-12` upper-case hex).
pub(crate) fn new_request_id() -> String {
    let b = crate::sign::random_bytes();
    let hex = hex::encode_upper(b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Everything a reply needs to know about the request it answers.
#[derive(Debug, Clone)]
pub(crate) struct ReplyContext {
    /// The id of this reply.
    pub(crate) request_id: String,
    /// `HostId`: the host the request was sent to (without port).
    pub(crate) host_id: String,
    /// The product, when the operation is known from a spec.
    pub(crate) product: Option<String>,
    /// Whether the operation is a ROA call: the error body's keys are then in lower camel
    /// case (`code`, `message`, `requestId`, ...), as ROA services write them.
    pub(crate) roa: bool,
}

/// The JSON body of an error.
pub(crate) fn error_body(error: &ServiceError, ctx: &ReplyContext) -> Value {
    let mut recommend = format!(
        "https://api.aliyun.com/troubleshoot?q={}",
        percent_encode(&error.code)
    );
    if let Some(product) = &ctx.product {
        recommend.push_str("&product=");
        recommend.push_str(&percent_encode(product));
    }
    recommend.push_str("&requestId=");
    recommend.push_str(&ctx.request_id);
    let keys = if ctx.roa {
        ["requestId", "hostId", "code", "message", "recommend"]
    } else {
        ["RequestId", "HostId", "Code", "Message", "Recommend"]
    };
    let mut body = Map::new();
    body.insert(keys[0].into(), json!(ctx.request_id));
    body.insert(keys[1].into(), json!(ctx.host_id));
    body.insert(keys[2].into(), json!(error.code));
    body.insert(keys[3].into(), json!(error.message));
    body.insert(keys[4].into(), json!(recommend));
    for (key, value) in &error.extra {
        body.insert(key.clone(), json!(value));
    }
    Value::Object(body)
}

/// A JSON reply with the request-id header.
pub(crate) fn json_response(
    status: StatusCode,
    body: &Value,
    request_id: &str,
    extra_headers: &[(String, String)],
) -> Response<Full<Bytes>> {
    let text = serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec());
    let mut headers = vec![(
        CONTENT_TYPE.as_str().to_owned(),
        JSON_CONTENT_TYPE.to_owned(),
    )];
    headers.push((REQUEST_ID_HEADER.to_owned(), request_id.to_owned()));
    headers.extend(extra_headers.iter().cloned());
    raw_response(status, &headers, Bytes::from(text))
}

/// An error reply.
pub(crate) fn error_response(
    error: &ServiceError,
    ctx: &ReplyContext,
    extra_headers: &[(String, String)],
) -> Response<Full<Bytes>> {
    json_response(
        error.status,
        &error_body(error, ctx),
        &ctx.request_id,
        extra_headers,
    )
}

/// A reply with exactly the given status, headers and body. Headers whose name or value is
/// not valid HTTP are skipped (with a warning), never a panic.
pub(crate) fn raw_response(
    status: StatusCode,
    headers: &[(String, String)],
    body: Bytes,
) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    for (name, value) in headers {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(name), Ok(value)) => {
                response.headers_mut().append(name, value);
            }
            _ => tracing::warn!(header = %name, "skipping a reply header that is not valid HTTP"),
        }
    }
    response
}

/// Sets `RequestId` of a JSON object body to `request_id` (other bodies are left alone).
pub(crate) fn with_request_id(mut body: Value, request_id: &str) -> Value {
    if let Value::Object(map) = &mut body {
        map.insert("RequestId".into(), json!(request_id));
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_look_like_the_service() {
        let id = new_request_id();
        assert_eq!(id.len(), 36);
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert_ne!(id, new_request_id());
    }

    #[test]
    fn error_body_has_the_service_fields() {
        let ctx = ReplyContext {
            request_id: "ID".into(),
            host_id: "ecs.aliyuncs.com".into(),
            product: Some("Ecs".into()),
            roa: false,
        };
        let body = error_body(&ServiceError::gateway(codes::SIGNATURE_NONCE_USED), &ctx);
        assert_eq!(body["RequestId"], "ID");
        assert_eq!(body["HostId"], "ecs.aliyuncs.com");
        assert_eq!(body["Code"], "SignatureNonceUsed");
        assert_eq!(
            body["Message"],
            "Specified signature nonce was used already."
        );
        assert_eq!(
            body["Recommend"],
            "https://api.aliyun.com/troubleshoot?q=SignatureNonceUsed&product=Ecs&requestId=ID"
        );
    }

    #[test]
    fn roa_error_bodies_are_lower_camel_case() {
        let ctx = ReplyContext {
            request_id: "ID".into(),
            host_id: "cs.aliyuncs.com".into(),
            product: Some("CS".into()),
            roa: true,
        };
        let body = error_body(&ServiceError::gateway(codes::SIGNATURE_NONCE_USED), &ctx);
        assert_eq!(body["requestId"], "ID");
        assert_eq!(body["hostId"], "cs.aliyuncs.com");
        assert_eq!(body["code"], "SignatureNonceUsed");
        assert!(body["message"].is_string() && body["recommend"].is_string());
        assert!(body.get("Code").is_none() && body.get("RequestId").is_none());
    }

    #[test]
    fn bad_reply_headers_are_skipped() {
        let response = raw_response(
            StatusCode::OK,
            &[("bad name".into(), "x".into()), ("ok".into(), "v".into())],
            Bytes::new(),
        );
        assert_eq!(response.headers().len(), 1);
    }
}
