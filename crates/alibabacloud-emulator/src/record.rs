//! The record of every request the emulator received, for assertions in tests.

use bytes::Bytes;
use time::OffsetDateTime;

use crate::verify::AuthScheme;

/// What the signature check said about a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature verified.
    Accepted,
    /// The request was refused with this error code (e.g. `SignatureDoesNotMatch`) and
    /// message (for a mismatch, it holds the server's string to sign).
    Rejected {
        /// The error code.
        code: String,
        /// The error message.
        message: String,
    },
    /// A scripted reply with [`Reply::skip_verification`](crate::Reply::skip_verification)
    /// answered before any check.
    NotChecked,
    /// The request was refused before the signature could be read (body too large).
    Unreadable,
}

impl Verdict {
    /// Whether the signature verified.
    pub fn is_accepted(&self) -> bool {
        matches!(self, Self::Accepted)
    }

    /// The error code of a rejection.
    pub fn rejection_code(&self) -> Option<&str> {
        match self {
            Self::Rejected { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// What the emulator did with a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It answered with this HTTP status (after any scripted delay).
    Answered(u16),
    /// It closed the connection without an answer (scripted).
    Dropped,
    /// It never answered (scripted).
    Hung,
}

/// One received request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The HTTP method.
    pub method: String,
    /// The path as received.
    pub path: String,
    /// The decoded query parameters, in order.
    pub query: Vec<(String, String)>,
    /// The decoded form parameters (for `application/x-www-form-urlencoded` bodies).
    pub form: Vec<(String, String)>,
    /// The headers, lower-cased names, in order of arrival.
    pub headers: Vec<(String, String)>,
    /// The body (empty when it was over the size limit).
    pub body: Bytes,
    /// The action (`x-acs-action` or `Action`).
    pub action: Option<String>,
    /// The API version (`x-acs-version` or `Version`).
    pub version: Option<String>,
    /// The signature scheme the request used, if any.
    pub auth_scheme: Option<AuthScheme>,
    /// The AccessKeyId the request named.
    pub access_key_id: Option<String>,
    /// The nonce the request carried.
    pub nonce: Option<String>,
    /// What the signature check said.
    pub verdict: Verdict,
    /// What the emulator did.
    pub outcome: Outcome,
    /// The request id of the answer (for answers in the service's JSON shape).
    pub request_id: Option<String>,
    /// When the request was received, by the emulator's clock.
    pub received_at: OffsetDateTime,
}

impl RecordedRequest {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first value of parameter `name`, from the query or the form body.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .chain(self.form.iter())
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The HTTP status answered, if any.
    pub fn status(&self) -> Option<u16> {
        match self.outcome {
            Outcome::Answered(status) => Some(status),
            Outcome::Dropped | Outcome::Hung => None,
        }
    }
}
