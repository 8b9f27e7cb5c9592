//! Scripted replies: what the next request(s) get instead of normal handling.
//!
//! Replies are queued with [`EmulatorHandle::script`](crate::EmulatorHandle::script) (any
//! action) or [`EmulatorHandle::script_for`](crate::EmulatorHandle::script_for) (one
//! action) and consumed first in, first out: a request takes the oldest queued reply whose
//! action filter matches it.
//!
//! **Scripting and verification.** By default a scripted reply is only given to a request
//! whose signature verifies: a badly signed request gets the signature error and the reply
//! stays queued for the next request. A scripted reply for a wrong signature would hide
//! client bugs (a retry that reuses the nonce, a signature computed over the wrong body).
//! [`Reply::skip_verification`] gives the reply to the next matching request whatever it
//! carries (for clients under test that cannot sign, or to test what happens before
//! signing matters).

use std::collections::VecDeque;
use std::time::Duration;

use bytes::Bytes;
use http::StatusCode;
use serde_json::Value;

use crate::codes;

/// What a scripted reply does.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ReplyKind {
    /// Normal handling (used with a delay).
    Normal,
    /// An error body; status and message from the spec or the gateway table when absent.
    Error {
        code: String,
        status: Option<StatusCode>,
        message: Option<String>,
    },
    /// A 200 with this JSON body (`RequestId` set).
    Success(Value),
    /// Exactly this HTTP reply.
    Raw { status: StatusCode, body: Bytes },
    /// Close the connection without any HTTP response.
    Drop,
    /// Never answer (until the emulator shuts down).
    Hang,
}

/// A scripted reply: build one with a constructor, adjust it with the modifiers, queue it
/// with [`EmulatorHandle::script`](crate::EmulatorHandle::script).
///
/// ```
/// use std::time::Duration;
/// use alibabacloud_emulator::Reply;
///
/// let throttled = Reply::throttling().retry_after(Duration::from_millis(1500));
/// let slow = Reply::normal().delayed(Duration::from_secs(2));
/// let bad_gateway = Reply::html(http::StatusCode::BAD_GATEWAY, "<html>502 Bad Gateway</html>");
/// let business_error = Reply::error("Authorize3rdTicket.Expired");
/// # let _ = (throttled, slow, bad_gateway, business_error);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub(crate) kind: ReplyKind,
    pub(crate) delay: Option<Duration>,
    pub(crate) skip_verification: bool,
    pub(crate) headers: Vec<(String, String)>,
}

impl Reply {
    fn of(kind: ReplyKind) -> Self {
        Self {
            kind,
            delay: None,
            skip_verification: false,
            headers: Vec::new(),
        }
    }

    /// Normal handling; useful with [`Reply::delayed`] to answer late.
    pub fn normal() -> Self {
        Self::of(ReplyKind::Normal)
    }

    /// Normal handling after `delay`.
    pub fn delay(delay: Duration) -> Self {
        Self::normal().delayed(delay)
    }

    /// An error with code `code`. The HTTP status and message come from the `errorCodes`
    /// of the operation's spec when the operation is known and documents the code, else
    /// from the gateway's table ([`codes::gateway_default`]), else 400 and the code.
    pub fn error(code: impl Into<String>) -> Self {
        Self::of(ReplyKind::Error {
            code: code.into(),
            status: None,
            message: None,
        })
    }

    /// An error with an explicit status, code and message.
    pub fn error_with(
        status: StatusCode,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::of(ReplyKind::Error {
            code: code.into(),
            status: Some(status),
            message: Some(message.into()),
        })
    }

    /// `InternalError`, 500 (always 500, even where an operation's spec documents the code
    /// with another status; use `Reply::error("InternalError")` for the documented one).
    pub fn internal_error() -> Self {
        Self::gateway_error(codes::INTERNAL_ERROR)
    }

    /// `ServiceUnavailable`, 503.
    pub fn service_unavailable() -> Self {
        Self::gateway_error(codes::SERVICE_UNAVAILABLE)
    }

    /// `Throttling.User`, 400 ("Request was denied due to user flow control.").
    pub fn throttling() -> Self {
        Self::gateway_error(codes::THROTTLING_USER)
    }

    /// `Throttling.User` with HTTP 503 instead of 400.
    pub fn throttling_503() -> Self {
        let mut reply = Self::throttling();
        if let ReplyKind::Error { status, .. } = &mut reply.kind {
            *status = Some(StatusCode::SERVICE_UNAVAILABLE);
        }
        reply
    }

    /// A gateway code with the status and message of [`codes::gateway_default`].
    fn gateway_error(code: &str) -> Self {
        let (status, message) = codes::gateway_default(code)
            .map(|(s, m)| (s, m.to_owned()))
            .unwrap_or((StatusCode::BAD_REQUEST, code.to_owned()));
        Self::error_with(status, code, message)
    }

    /// A 200 with this JSON body; its `RequestId` (when the body is an object) is set to
    /// the reply's request id.
    pub fn success(body: Value) -> Self {
        Self::of(ReplyKind::Success(body))
    }

    /// A 200 whose body says the call failed:
    /// `{"RequestId", "Success": false, "Code": code, "Message": message}`.
    pub fn unsuccessful(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::success(serde_json::json!({
            "Success": false,
            "Code": code.into(),
            "Message": message.into(),
        }))
    }

    /// Exactly this status and body, with no headers but those added by
    /// [`Reply::header`] (not even `x-acs-request-id`).
    pub fn raw(status: StatusCode, body: impl Into<Bytes>) -> Self {
        Self::of(ReplyKind::Raw {
            status,
            body: body.into(),
        })
    }

    /// An HTML page, as a proxy or load balancer in front of the service would send.
    pub fn html(status: StatusCode, html: impl Into<String>) -> Self {
        Self::raw(status, html.into()).header("content-type", "text/html")
    }

    /// Closes the connection without writing any HTTP response.
    pub fn drop_connection() -> Self {
        Self::of(ReplyKind::Drop)
    }

    /// Never answers; the connection stays open until the client gives up or the emulator
    /// shuts down.
    pub fn hang() -> Self {
        Self::of(ReplyKind::Hang)
    }

    /// Waits `delay` before doing what the reply says.
    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Adds a header to the reply (ignored by [`Reply::drop_connection`] and
    /// [`Reply::hang`]; for normal handling it is added to the normal answer).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds `x-acs-retry-after: <milliseconds>`, the header the service uses to say when
    /// to retry a throttled call.
    pub fn retry_after(self, after: Duration) -> Self {
        self.header("x-acs-retry-after", after.as_millis().to_string())
    }

    /// Gives this reply to the next matching request without checking its signature (see
    /// the [module documentation](self)).
    pub fn skip_verification(mut self) -> Self {
        self.skip_verification = true;
        self
    }
}

/// One queued reply and the action it is for.
#[derive(Debug, Clone)]
struct Entry {
    action: Option<String>,
    reply: Reply,
}

/// The queue of scripted replies.
#[derive(Debug, Default)]
pub(crate) struct Script {
    entries: VecDeque<Entry>,
}

impl Script {
    pub(crate) fn push(&mut self, action: Option<String>, reply: Reply) {
        self.entries.push_back(Entry { action, reply });
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Takes the oldest reply for `action`, if it may be used: always when the request
    /// verified, else only if that reply skips verification.
    pub(crate) fn take(&mut self, action: Option<&str>, verified: bool) -> Option<Reply> {
        let index = self
            .entries
            .iter()
            .position(|e| e.action.is_none() || e.action.as_deref() == action)?;
        let usable = verified
            || self
                .entries
                .get(index)
                .is_some_and(|e| e.reply.skip_verification);
        if !usable {
            return None;
        }
        self.entries.remove(index).map(|e| e.reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifo_per_action() {
        let mut script = Script::default();
        script.push(Some("A".into()), Reply::internal_error());
        script.push(None, Reply::throttling());
        script.push(Some("A".into()), Reply::hang());
        assert_eq!(script.take(Some("B"), true), Some(Reply::throttling()));
        assert_eq!(script.take(Some("A"), true), Some(Reply::internal_error()));
        assert_eq!(script.take(Some("B"), true), None);
        assert_eq!(script.take(Some("A"), true), Some(Reply::hang()));
        assert_eq!(script.len(), 0);
    }

    #[test]
    fn unverified_requests_only_take_skipping_replies() {
        let mut script = Script::default();
        script.push(None, Reply::internal_error());
        assert_eq!(script.take(None, false), None);
        assert_eq!(script.len(), 1);
        script.clear();
        script.push(None, Reply::hang().skip_verification());
        assert!(script.take(Some("X"), false).is_some());
    }

    #[test]
    fn retry_after_is_in_milliseconds() {
        let reply = Reply::throttling().retry_after(Duration::from_secs(2));
        assert_eq!(
            reply.headers,
            vec![("x-acs-retry-after".to_owned(), "2000".to_owned())]
        );
    }
}
