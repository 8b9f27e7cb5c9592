//! Reading responses: the raw response of a call, decoding its JSON body into a model, and
//! turning error bodies (and `"Success": false`) into service errors.

use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorCode, ResponseError, ServiceError};
use crate::scrub::{Scrubber, Secrets};

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
    secrets: Secrets,
}

/// How a decoded body tells that the call failed even though the HTTP status is 2xx.
#[derive(Debug)]
pub enum SuccessCheck<T> {
    /// The model has a `Success` field; this reads it.
    Field(fn(&T) -> Option<bool>),
    /// The model has no such field: look for `"Success": false` in the body itself.
    Envelope,
}

// Not derived: a derive would ask `T: Clone`, but only a function pointer is held.
impl<T> Clone for SuccessCheck<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SuccessCheck<T> {}

impl std::fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .field(
                "secrets",
                &format_args!("<{} redacted>", self.secrets.count()),
            )
            .finish()
    }
}

impl RawResponse {
    pub(crate) fn new(
        status: u16,
        headers: http::HeaderMap,
        body: Bytes,
        secrets: Secrets,
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

    /// What the response said besides its decoded body, for the caller: its secrets (the
    /// call's, to scrub errors) stay behind; the request id shows in `Debug` only when it
    /// holds none of them.
    pub(crate) fn into_metadata(self) -> crate::metadata::ResponseMetadata {
        let secrets = self.secrets;
        crate::metadata::ResponseMetadata::new(self.status, self.headers, self.body)
            .with_loggable_id(|id| secrets.is_loggable(id))
    }

    /// The request id, for logs: only when it is made of the characters a request id has
    /// and holds no secret of the request (a server may echo anything in a header).
    pub(crate) fn loggable_request_id(&self) -> Option<&str> {
        self.request_id().filter(|id| self.secrets.is_loggable(id))
    }

    /// Decodes the JSON body into `T`. A body that is not the expected JSON is a
    /// [`Error::Response`]; a body that says `"Success": false` is a [`Error::Service`].
    /// Neither quotes a secret: the secrets of the request and the secret fields of the
    /// response are replaced by `***` in every part of the error.
    pub fn decode<T: DeserializeOwned, C: ErrorCode>(
        &self,
        check: SuccessCheck<T>,
    ) -> Result<T, Error<C>> {
        self.decode_as(check).map_err(Error::map_code)
    }

    /// [`RawResponse::decode`] with the runtime's plain error codes.
    pub(crate) fn decode_as<T: DeserializeOwned>(
        &self,
        check: SuccessCheck<T>,
    ) -> Result<T, Error> {
        // One UTF-8 check of the whole body, instead of one per string with `from_slice`.
        let decoded = match std::str::from_utf8(&self.body) {
            Ok(text) => serde_json::from_str::<T>(text).map_err(DecodeFailure::Json),
            Err(e) => Err(DecodeFailure::Utf8(e)),
        };
        let value = match decoded {
            Ok(value) => value,
            // A body that says `"Success": false` may not have the documented shape: the
            // service error is what the caller needs.
            Err(failure) => {
                return Err(self.failure().unwrap_or_else(|| {
                    // Decoded a second time, on this failure path only, to learn where.
                    // Only for JSON of another shape: a syntax error (truncated, not JSON)
                    // has no field to name.
                    let path = match &failure {
                        DecodeFailure::Json(e) if e.is_data() => std::str::from_utf8(&self.body)
                            .ok()
                            .and_then(json_path_of_failure::<T>),
                        DecodeFailure::Json(_) | DecodeFailure::Utf8(_) => None,
                    };
                    self.undecodable(failure, path)
                }));
            }
        };
        let failed = match check {
            SuccessCheck::Field(success) => success(&value) == Some(false),
            // Looking for the key first spares a second parse of the common success body.
            SuccessCheck::Envelope => may_say_success_false(&self.body),
        };
        if failed && let Some(error) = self.failure() {
            return Err(error);
        }
        if failed && matches!(check, SuccessCheck::Field(_)) {
            let scrubber = self.secrets.for_body(&self.body);
            let error = ServiceError::builder("Unknown".to_string(), self.status)
                .message("the response says Success: false")
                .body(scrubbed_body(&self.body, &scrubber))
                .build();
            return Err(Error::Service(error));
        }
        Ok(value)
    }

    /// The 2xx body as a service error when it says `"Success": false`, for callers that do
    /// not decode it.
    pub(crate) fn check_envelope(&self) -> Result<(), Error> {
        match may_say_success_false(&self.body)
            .then(|| self.failure())
            .flatten()
        {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The service error described by a 2xx body that says `"Success": false`, if it does.
    fn failure(&self) -> Option<Error> {
        let envelope = parse_envelope(&self.body)?;
        if envelope.success != Some(false) {
            return None;
        }
        let retry_after =
            header_str(&self.headers, RETRY_AFTER_HEADER).and_then(crate::retry::parse_retry_after);
        let scrubber = self.secrets.for_body(&self.body);
        Some(Error::Service(envelope.into_service_error(
            self.status,
            self.request_id(),
            retry_after,
            &self.body,
            &scrubber,
        )))
    }

    fn undecodable(&self, failure: DecodeFailure, path: Option<String>) -> Error {
        let scrubber = self.secrets.for_body(&self.body);
        let request_id = self.request_id().map(|id| scrubber.text(id).into_owned());
        let body = scrubbed_body(&self.body, &scrubber);
        let error = match failure {
            DecodeFailure::Utf8(e) => {
                ResponseError::new(self.status, request_id, "the body is not UTF-8 text", body)
                    .with_source(e)
            }
            DecodeFailure::Json(e) => {
                // The decoder's message may quote a value of the body, and the path a key of a
                // map: only scrubbed copies are kept, never the decoder's error itself. The
                // message says it all; there is no further cause.
                let described = scrubber.text(&e.to_string()).into_owned();
                match path {
                    Some(path) => {
                        let path = scrubber.text(&path).into_owned();
                        ResponseError::new(
                            self.status,
                            request_id,
                            format!(
                                "the body does not match the documented response at `{path}`: {described}"
                            ),
                            body,
                        )
                        .with_json_path(path)
                    }
                    None => ResponseError::new(
                        self.status,
                        request_id,
                        format!("the body is not the documented JSON: {described}"),
                        body,
                    ),
                }
            }
        };
        Error::Response(error)
    }
}

/// Where in `text` decoding it as `T` fails, as a JSON path of wire names and indices
/// (`Data.CashCoupon[0].CashCouponId`); `None` when the failure is not inside a value (the
/// whole body has the wrong type, or trailing characters follow it).
fn json_path_of_failure<T: DeserializeOwned>(text: &str) -> Option<String> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let error = serde_path_to_error::deserialize::<_, T>(&mut deserializer).err()?;
    let path = error.path().to_string();
    (path != ".").then_some(path)
}

/// The request id a body carries at its top level (`RequestId`, or `requestId`), when it is
/// a JSON object.
pub(crate) fn body_request_id(body: &[u8]) -> Option<String> {
    parse_envelope(body)?.request_id
}

/// Why a 2xx body did not decode.
enum DecodeFailure {
    Utf8(std::str::Utf8Error),
    Json(serde_json::Error),
}

/// Whether the body may say `"Success": false` (or `success`, or `"false"`), looked for
/// without parsing: a key spelt so, then a colon, then `false`, anywhere in the body. Only
/// then is the body parsed a second time, for its top-level fields.
fn may_say_success_false(body: &[u8]) -> bool {
    memchr::memmem::find_iter(body, b"uccess\"").any(|at| {
        let key_start = at.checked_sub(2).and_then(|i| body.get(i..at));
        if !matches!(key_start, Some(b"\"S" | b"\"s")) {
            return false;
        }
        let rest = &body[at + 7..];
        let rest = rest.trim_ascii_start();
        let Some(rest) = rest.strip_prefix(b":") else {
            return false;
        };
        let rest = rest.trim_ascii_start();
        let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
        rest.get(..5)
            .is_some_and(|v| v.eq_ignore_ascii_case(b"false"))
    })
}

/// The fields an Alibaba Cloud error body may carry, read leniently: the first of `Code` and
/// `code` (and so on) wins, a number or a boolean where a string is expected is taken as its
/// text, a value of another type is ignored, and unknown fields are skipped.
#[derive(Default)]
struct ErrorEnvelope {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    host_id: Option<String>,
    recommend: Option<String>,
    access_denied_detail: Option<serde_json::Value>,
    success: Option<bool>,
}

impl<'de> Deserialize<'de> for ErrorEnvelope {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;

        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = ErrorEnvelope;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an error document (a JSON object)")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<ErrorEnvelope, A::Error> {
                let mut envelope = ErrorEnvelope::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let slot = match key.as_ref() {
                        "Code" | "code" => Slot::Text(&mut envelope.code),
                        "Message" | "message" => Slot::Text(&mut envelope.message),
                        "RequestId" | "requestId" => Slot::Text(&mut envelope.request_id),
                        "HostId" | "hostId" => Slot::Text(&mut envelope.host_id),
                        "Recommend" | "recommend" => Slot::Text(&mut envelope.recommend),
                        "AccessDeniedDetail" => Slot::Json(&mut envelope.access_denied_detail),
                        "Success" | "success" => Slot::Flag(&mut envelope.success),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                            continue;
                        }
                    };
                    let value: serde_json::Value = map.next_value()?;
                    match slot {
                        Slot::Text(field) if field.is_none() => *field = text_of(value),
                        Slot::Json(field) if field.is_none() => {
                            *field = Some(value).filter(|v| !v.is_null());
                        }
                        Slot::Flag(field) if field.is_none() => *field = flag_of(&value),
                        _ => {}
                    }
                }
                Ok(envelope)
            }
        }

        /// Where a known field goes.
        enum Slot<'a> {
            Text(&'a mut Option<String>),
            Json(&'a mut Option<serde_json::Value>),
            Flag(&'a mut Option<bool>),
        }

        fn text_of(value: serde_json::Value) -> Option<String> {
            match value {
                serde_json::Value::String(s) => Some(s),
                serde_json::Value::Number(n) => Some(n.to_string()),
                serde_json::Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        }

        fn flag_of(value: &serde_json::Value) -> Option<bool> {
            match value {
                serde_json::Value::Bool(b) => Some(*b),
                serde_json::Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
                serde_json::Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
                _ => None,
            }
        }

        deserializer.deserialize_map(Fields)
    }
}

/// The error document in `body`, when the body is a JSON object (an array is not: it would
/// be read as the fields in order).
fn parse_envelope(body: &[u8]) -> Option<ErrorEnvelope> {
    if first_significant(body) != Some(b'{') {
        return None;
    }
    serde_json::from_slice(body).ok()
}

impl ErrorEnvelope {
    fn code(&self) -> Option<&str> {
        self.code.as_deref().filter(|c| !c.is_empty())
    }

    /// The service error, every field scrubbed.
    fn into_service_error(
        self,
        status: u16,
        header_request_id: Option<&str>,
        retry_after: Option<Duration>,
        body: &Bytes,
        scrubber: &Scrubber,
    ) -> ServiceError {
        let scrub = |text: &str| scrubber.text(text).into_owned();
        let code = self.code().map_or_else(|| "Unknown".to_string(), scrub);
        let mut builder = ServiceError::builder(code, status).body(scrubbed_body(body, scrubber));
        if let Some(message) = self.message {
            builder = builder.message(scrub(&message));
        }
        if let Some(id) = self.request_id.as_deref().or(header_request_id) {
            builder = builder.request_id(scrub(id));
        }
        if let Some(host) = self.host_id {
            builder = builder.host_id(scrub(&host));
        }
        if let Some(recommend) = self.recommend {
            builder = builder.recommend(scrub(&recommend));
        }
        if let Some(detail) = self.access_denied_detail.filter(|d| !d.is_null()) {
            builder = builder.access_denied_detail(scrubber.json(detail));
        }
        if let Some(after) = retry_after {
            builder = builder.retry_after(after);
        }
        builder.build()
    }
}

/// Turns a non-2xx response into the error it describes: a service error when the body is an
/// Alibaba Cloud error document, an undecodable-response error otherwise. No part of either
/// quotes a secret.
pub(crate) fn error_from_response(
    status: u16,
    headers: &http::HeaderMap,
    body: &Bytes,
    secrets: &Secrets,
) -> Error {
    let scrubber = secrets.for_body(body);
    let header_request_id = header_str(headers, REQUEST_ID_HEADER);
    let retry_after =
        header_str(headers, RETRY_AFTER_HEADER).and_then(crate::retry::parse_retry_after);
    if let Some(envelope) = parse_envelope(body)
        && envelope.code().is_some()
    {
        return Error::Service(envelope.into_service_error(
            status,
            header_request_id,
            retry_after,
            body,
            &scrubber,
        ));
    }
    let request_id = header_request_id.map(|id| scrubber.text(id).into_owned());
    let scrubbed = scrubbed_body(body, &scrubber);
    let error = match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
        Ok(_) if looks_like_object(body) => {
            ResponseError::new(status, request_id, "the error body has no `Code`", scrubbed)
        }
        Ok(_) => ResponseError::new(
            status,
            request_id,
            "the error body is JSON but not an object",
            scrubbed,
        ),
        Err(_) if looks_like_html(body) => ResponseError::new(
            status,
            request_id,
            "the body is an HTML page, not JSON (a proxy or load balancer answered?)",
            scrubbed,
        ),
        Err(_) if body.is_empty() => {
            ResponseError::new(status, request_id, "the body is empty", scrubbed)
        }
        Err(e) => {
            let described = scrubber.text(&e.to_string()).into_owned();
            // The message says it all: no further cause.
            ResponseError::new(
                status,
                request_id,
                format!("the body is not JSON: {described}"),
                scrubbed,
            )
        }
    };
    Error::Response(error)
}

fn first_significant(body: &[u8]) -> Option<u8> {
    body.iter().copied().find(|b| !b.is_ascii_whitespace())
}

fn looks_like_object(body: &[u8]) -> bool {
    first_significant(body) == Some(b'{')
}

fn looks_like_html(body: &[u8]) -> bool {
    first_significant(body) == Some(b'<')
}

pub(crate) fn header_str<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The body to keep in an error: scrubbed, shared with the response when nothing was.
fn scrubbed_body(body: &Bytes, scrubber: &Scrubber) -> Bytes {
    match scrubber.bytes(body) {
        Some(scrubbed) => Bytes::from(scrubbed),
        None => body.clone(),
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
            Secrets::from_values(vec!["tick-et*1".to_string()], &["AccessTicket"]),
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
        let e = error_from_response(400, &headers, &body, &Secrets::default());
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
        let e = error_from_response(502, &http::HeaderMap::new(), &html, &Secrets::default());
        assert!(
            matches!(&e, Error::Response(r) if r.status() == 502),
            "{e:?}"
        );
        assert!(e.to_string().contains("HTML"));
    }

    #[test]
    fn error_documents_are_read_leniently() {
        let cases: [(&str, Option<&str>, Option<&str>); 5] = [
            // A number where a string is expected; an object where a string is expected.
            (
                r#"{"Code":"X","Message":123,"HostId":{"a":1}}"#,
                Some("X"),
                Some("123"),
            ),
            // The first spelling wins; a duplicate is no reason to give up.
            (
                r#"{"Code":"A","code":"B","Message":"m","Message":"n"}"#,
                Some("A"),
                Some("m"),
            ),
            (
                r#"{"code":404,"message":"gone"}"#,
                Some("404"),
                Some("gone"),
            ),
            (r#"{"Code":"","Message":"no code"}"#, None, None),
            (r#"{"Code":null}"#, None, None),
        ];
        for (body, code, message) in cases {
            let e = error_from_response(
                400,
                &http::HeaderMap::new(),
                &Bytes::from(body),
                &Secrets::default(),
            );
            assert_eq!(e.code().map(String::as_str), code, "{body}");
            if code.is_some() {
                assert_eq!(e.as_service_error().unwrap().message(), message, "{body}");
            }
        }
    }

    #[test]
    fn success_false_is_looked_for_before_parsing_twice() {
        for yes in [
            r#"{"Success":false}"#,
            r#"{"success" : "FALSE"}"#,
            "{\"Success\":\n\tfalse}",
            r#"{"A":[{"Success":false}],"Success":true}"#,
        ] {
            assert!(may_say_success_false(yes.as_bytes()), "{yes}");
        }
        for no in [
            r#"{"Success":true}"#,
            r#"{"NotSuccess":false}"#,
            r#"{"Success":"no"}"#,
            r#"{"Succes":false}"#,
            r#""Success""#,
        ] {
            assert!(!may_say_success_false(no.as_bytes()), "{no}");
        }
        // A nested `Success: false` (of an item) is not the call's.
        let body = r#"{"A":[{"Success":false}],"Success":true}"#;
        assert!(
            raw(200, body)
                .decode::<serde_json::Value, String>(SuccessCheck::Envelope)
                .is_ok()
        );
    }

    #[test]
    fn an_array_is_not_an_error_document() {
        let body = Bytes::from_static(br#"["X"]"#);
        let e = error_from_response(400, &http::HeaderMap::new(), &body, &Secrets::default());
        assert!(
            matches!(&e, Error::Response(r) if r.status() == 400),
            "{e:?}"
        );
        assert!(e.to_string().contains("not an object"), "{e}");
        assert_eq!(e.code(), None);
        // Nor is it a `Success: false` envelope.
        let body = r#"[null, null, null, null, null, null, false]"#;
        let decoded = raw(200, body).decode::<serde_json::Value, String>(SuccessCheck::Envelope);
        assert!(decoded.is_ok(), "{decoded:?}");
    }

    #[test]
    fn every_part_of_an_error_is_scrubbed() {
        let secrets = Secrets::from_values(vec!["s3cr3t".to_string()], &["AccessTicket"]);
        let mut headers = http::HeaderMap::new();
        headers.insert(REQUEST_ID_HEADER, "s3cr3t".parse().unwrap());
        let body = Bytes::from_static(
            br#"{"Code":"Bad.s3cr3t","Message":"m s3cr3t","RequestId":"s3cr3t","HostId":"h.s3cr3t","Recommend":"https://r?q=s3cr3t","AccessDeniedDetail":{"AuthPrincipalDisplayName":"s3cr3t"},"AccessTicket":"t1ck3t"}"#,
        );
        let e = error_from_response(400, &headers, &body, &secrets);
        let s = e.as_service_error().unwrap();
        assert_eq!(s.code_str(), "Bad.***");
        assert_eq!(s.message(), Some("m ***"));
        assert_eq!(s.request_id(), Some("***"));
        assert_eq!(s.host_id(), Some("h.***"));
        assert_eq!(s.recommend(), Some("https://r?q=***"));
        assert_eq!(
            s.access_denied_detail(),
            Some(&serde_json::json!({"AuthPrincipalDisplayName": "***"}))
        );
        let body = String::from_utf8_lossy(s.body()).into_owned();
        assert!(
            !body.contains("s3cr3t") && !body.contains("t1ck3t"),
            "{body}"
        );

        // Not JSON: the request id of the header, the reason and the bytes.
        let body = Bytes::from_static(b"\xffs3cr3t {\"AccessTicket\":\"t1ck3t");
        let e = error_from_response(500, &headers, &body, &secrets);
        let shown = format!("{e} {e:?} {:?}", std::error::Error::source(&e));
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("t1ck3t"),
            "{shown}"
        );
        let Error::Response(r) = &e else {
            panic!("{e:?}")
        };
        assert_eq!(r.body().as_ref(), b"\xff*** {\"AccessTicket\":\"***");
        assert_eq!(r.request_id(), Some("***"));
    }

    #[test]
    fn an_undecodable_200_keeps_no_secret_field_nor_decoder_error() {
        // `AccessTicket` is a secret field of the response; the body does not decode (a
        // number where a string is expected, then truncated).
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Ticketed {
            #[serde(rename = "AccessTicket")]
            access_ticket: Option<String>,
            #[serde(rename = "N")]
            n: Option<u8>,
        }
        for body in [
            r#"{"AccessTicket":"t1ck3t","N":"t1ck3t"}"#,
            r#"{"AccessTicket":"t1ck3t","N":1"#,
            r#"{"AccessTicket":12345678,"N":1}"#,
        ] {
            let err = raw(200, body)
                .decode::<Ticketed, String>(SuccessCheck::Envelope)
                .unwrap_err();
            let mut shown = format!("{err} {err:?}");
            let mut source = std::error::Error::source(&err);
            while let Some(e) = source {
                shown.push_str(&format!(" | {e} {e:?}"));
                source = e.source();
            }
            assert!(matches!(err, Error::Response(_)), "{err:?}");
            assert!(
                !shown.contains("t1ck3t") && !shown.contains("12345678"),
                "{body}: {shown}"
            );
        }
    }

    #[test]
    fn a_non_utf8_200_is_scrubbed() {
        let response = RawResponse::new(
            200,
            http::HeaderMap::new(),
            Bytes::from_static(b"\xff tick-et*1 \"AccessTicket\": \"abc\""),
            Secrets::from_values(vec!["tick-et*1".to_string()], &["AccessTicket"]),
        );
        let err = response
            .decode::<serde_json::Value, String>(SuccessCheck::Envelope)
            .unwrap_err();
        let Error::Response(r) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(r.body().as_ref(), b"\xff *** \"AccessTicket\": \"***\"");
    }

    #[test]
    fn success_false_that_does_not_decode_is_the_service_error() {
        let err = raw(
            200,
            r#"{"Success":false,"Code":"Throttling.User","Value":"many"}"#,
        )
        .decode::<Out, String>(SuccessCheck::Field(|o: &Out| o.success))
        .unwrap_err();
        assert_eq!(err.code().map(String::as_str), Some("Throttling.User"));
    }
}
