//! A small HTTP client for the providers that call a service (STS, the metadata service, a
//! credentials URI): the crate's [`HyperTransport`] with per-provider timeouts, built on first
//! use, plus a bound on the whole exchange so that a server that trickles bytes cannot hold a
//! caller forever, and a bound on the body so that one that floods cannot fill the memory.

use std::sync::OnceLock;
use std::time::Duration;

use crate::transport::{
    HttpRequest, HttpResponse, HttpTransport, HyperTransport, Proxy, SharedTransport,
    TransportError, TransportErrorKind, TransportSettings, error_chain,
};

/// The largest response body read from a credentials source: they answer a few hundred bytes.
pub(crate) const MAX_BODY_SIZE: usize = 1024 * 1024;

/// Why a request to a credentials source failed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum HttpError {
    /// The transport failed (connect, timeout, connection).
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The response body is longer than [`MAX_BODY_SIZE`] (the callers name the URL).
    #[error(
        "the response is larger than {MAX_BODY_SIZE} bytes (1 MiB), far more than a credentials source sends; it was not read further"
    )]
    TooLarge,
}

impl HttpError {
    /// The service sent nothing usable in time (or could not be reached at all), as opposed to
    /// answering something unacceptable.
    pub(crate) fn is_no_answer(&self) -> bool {
        matches!(self, HttpError::Transport(_))
    }
}

/// Timeouts of STS and credentials-URI requests (as the official SDKs: 5 s and 10 s).
pub(crate) const SERVICE_TIMEOUTS: HttpTimeouts = HttpTimeouts {
    connect: Duration::from_secs(5),
    read: Duration::from_secs(10),
};

/// Timeouts of metadata service requests (as the official SDKs: 1 s and 1 s).
pub(crate) const METADATA_TIMEOUTS: HttpTimeouts = HttpTimeouts {
    connect: Duration::from_secs(1),
    read: Duration::from_secs(1),
};

/// Connect and read timeouts of one provider.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HttpTimeouts {
    pub(crate) connect: Duration,
    pub(crate) read: Duration,
}

/// Sends requests for one provider.
#[derive(Debug)]
pub(crate) struct HttpClient {
    timeouts: HttpTimeouts,
    /// The metadata service must be reached directly, never through a proxy.
    no_proxy: bool,
    transport: OnceLock<Result<SharedTransport, String>>,
}

impl HttpClient {
    /// A client for a remote service (system proxy settings apply).
    pub(crate) fn new(timeouts: HttpTimeouts) -> Self {
        Self {
            timeouts,
            no_proxy: false,
            transport: OnceLock::new(),
        }
    }

    /// A client for a link-local service that no proxy may see.
    pub(crate) fn direct(timeouts: HttpTimeouts) -> Self {
        Self {
            no_proxy: true,
            ..Self::new(timeouts)
        }
    }

    fn transport(&self) -> Result<&SharedTransport, TransportError> {
        self.transport
            .get_or_init(|| {
                let mut settings =
                    TransportSettings::new(self.timeouts.connect, self.timeouts.read)
                        .with_max_body_size(MAX_BODY_SIZE);
                if self.no_proxy {
                    settings = settings.with_proxy(Proxy::none());
                }
                HyperTransport::new(settings)
                    .map(SharedTransport::new)
                    .map_err(|e| error_chain(&e))
            })
            .as_ref()
            .map_err(|e| TransportError::new(TransportErrorKind::Request, e.clone()))
    }

    /// Sends `request`; the whole exchange is bounded by the connect plus the read timeout, the
    /// body by [`MAX_BODY_SIZE`].
    pub(crate) async fn send(
        &self,
        request: http::Request<bytes::Bytes>,
    ) -> Result<HttpResponse, HttpError> {
        let request: HttpRequest = request.map(Into::into);
        let transport = self.transport()?;
        let limit = self.timeouts.connect + self.timeouts.read;
        let response = match tokio::time::timeout(limit, transport.send(request)).await {
            Ok(Ok(response)) => response,
            Ok(Err(e)) if is_body_too_large(&e) => return Err(HttpError::TooLarge),
            Ok(Err(e)) => return Err(e.into()),
            Err(_) => {
                return Err(TransportError::new(
                    TransportErrorKind::ReadTimeout,
                    format!("no complete response within {} ms", limit.as_millis()),
                )
                .into());
            }
        };
        // The transport enforces the cap; checked again in case it is ever built without it.
        if response.body().len() > MAX_BODY_SIZE {
            return Err(HttpError::TooLarge);
        }
        Ok(response)
    }
}

fn is_body_too_large(error: &TransportError) -> bool {
    error.kind() == TransportErrorKind::BodyTooLarge
}

/// `url` without its query, fragment and user information, for messages: a credentials URI
/// may carry a token in its query.
pub(crate) fn display_url(url: &str) -> String {
    match url.parse::<http::Uri>() {
        Ok(uri) => {
            let scheme = uri.scheme_str().unwrap_or("http");
            let host = uri.host().unwrap_or("");
            let port = uri.port().map(|p| format!(":{p}")).unwrap_or_default();
            format!("{scheme}://{host}{port}{}", uri.path())
        }
        Err(_) => "<invalid URL>".to_string(),
    }
}

/// At most `max` characters of an error body, on one line, for messages. Only ever called on
/// error responses (a success body holds the credentials).
pub(crate) fn excerpt(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect();
    if text.chars().count() > max {
        out.push_str("...");
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_url_drops_query_and_user_info() {
        assert_eq!(
            display_url("http://user:pw@127.0.0.1:8080/creds?token=abc#x"),
            "http://127.0.0.1:8080/creds"
        );
        assert_eq!(display_url("https://example.com"), "https://example.com/");
        assert_eq!(display_url("not a url"), "<invalid URL>");
    }

    #[test]
    fn excerpt_is_bounded_and_single_line() {
        assert_eq!(excerpt(b"a\nb", 10), "a b");
        assert_eq!(excerpt(b"abcdef", 3), "abc...");
    }
}
