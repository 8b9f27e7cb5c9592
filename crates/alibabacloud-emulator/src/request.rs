//! A received request in the form the verifier and the router read: method, path, decoded
//! query and form parameters, headers with lower-cased names, and the body.

use bytes::Bytes;
use http::header::CONTENT_TYPE;

use crate::encoding::parse_pairs;

/// A request as it arrived, decoded once. Header names are lower-cased; header values that
/// are not UTF-8 are decoded lossily (the signature check then fails, nothing panics).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncomingRequest {
    /// The HTTP method, e.g. `POST` (an empty string is allowed for signing vectors).
    pub method: String,
    /// The path as received (still percent-encoded), e.g. `/`.
    pub path: String,
    /// The raw query string, without `?`.
    pub raw_query: String,
    /// The decoded query parameters, in order.
    pub query: Vec<(String, String)>,
    /// The headers: lower-cased names, values in order of arrival.
    pub headers: Vec<(String, String)>,
    /// The decoded form parameters when the body is `application/x-www-form-urlencoded`.
    pub form: Vec<(String, String)>,
    /// The body.
    pub body: Bytes,
}

impl IncomingRequest {
    /// Decodes the head of an HTTP request and its body.
    pub fn from_parts(parts: &http::request::Parts, body: Bytes) -> Self {
        let headers: Vec<(String, String)> = parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let raw_query = parts.uri.query().unwrap_or_default().to_owned();
        let mut request = Self {
            method: parts.method.as_str().to_owned(),
            path: parts.uri.path().to_owned(),
            query: parse_pairs(&raw_query),
            raw_query,
            headers,
            form: Vec::new(),
            body,
        };
        // HTTP/1.1 carries the host in a header; an absolute-form URI carries it in the URI.
        if request.header("host").is_none()
            && let Some(authority) = parts.uri.authority()
        {
            request
                .headers
                .push(("host".to_owned(), authority.as_str().to_owned()));
        }
        request.form = request.parse_form();
        request
    }

    /// Decodes an in-memory HTTP request (used by tests and by callers that verify
    /// requests without a server).
    pub fn from_http(request: &http::Request<Bytes>) -> Self {
        let (parts, ()) = http::Request::new(()).into_parts();
        let mut head = parts;
        head.method = request.method().clone();
        head.uri = request.uri().clone();
        head.version = request.version();
        head.headers = request.headers().clone();
        Self::from_parts(&head, request.body().clone())
    }

    fn parse_form(&self) -> Vec<(String, String)> {
        let is_form = self.header(CONTENT_TYPE.as_str()).is_some_and(|ct| {
            ct.split(';').next().is_some_and(|m| {
                m.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        });
        if !is_form {
            return Vec::new();
        }
        parse_pairs(&String::from_utf8_lossy(&self.body))
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of header `name` (case-insensitive), in order of arrival.
    pub fn header_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Query and form parameters together, query first.
    pub fn params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.query
            .iter()
            .chain(self.form.iter())
            .map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The first value of parameter `name` from the query or the form body.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The action: `x-acs-action` or the `Action` parameter.
    pub fn action(&self) -> Option<&str> {
        self.header("x-acs-action")
            .or_else(|| self.param("Action"))
            .filter(|a| !a.is_empty())
    }

    /// The API version: `x-acs-version` or the `Version` parameter.
    pub fn version(&self) -> Option<&str> {
        self.header("x-acs-version")
            .or_else(|| self.param("Version"))
            .filter(|v| !v.is_empty())
    }

    /// The host the request was sent to, without the port.
    pub fn host_without_port(&self) -> &str {
        let host = self.header("host").unwrap_or("localhost");
        match host.rsplit_once(':') {
            Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
            _ => host,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn decodes_query_form_and_headers() {
        let request = http::Request::builder()
            .method("POST")
            .uri("/?Action=A&x=%2A")
            .header("Host", "example.com:8080")
            .header("X-Acs-Test", "a")
            .header("x-acs-test", "b")
            .header(
                "content-type",
                "application/x-www-form-urlencoded; charset=utf-8",
            )
            .body(Bytes::from_static(b"Version=2020-01-01&y=a+b"))
            .unwrap();
        let incoming = IncomingRequest::from_http(&request);
        assert_eq!(incoming.method, "POST");
        assert_eq!(incoming.action(), Some("A"));
        assert_eq!(incoming.version(), Some("2020-01-01"));
        assert_eq!(incoming.param("x"), Some("*"));
        assert_eq!(incoming.param("y"), Some("a b"));
        assert_eq!(
            incoming.header_values("x-acs-test").collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(incoming.host_without_port(), "example.com");
    }

    #[test]
    fn headers_win_over_params() {
        let request = http::Request::builder()
            .uri("/?Action=FromQuery")
            .header("x-acs-action", "FromHeader")
            .body(Bytes::new())
            .unwrap();
        assert_eq!(
            IncomingRequest::from_http(&request).action(),
            Some("FromHeader")
        );
    }
}
