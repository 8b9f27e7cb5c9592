//! The record of the requests the emulator received, for assertions in tests.
//!
//! The record is bounded: it keeps the last [`DEFAULT_MAX_RECORDED`] requests (see
//! [`Emulator::max_recorded`](crate::Emulator::max_recorded)), at most
//! [`DEFAULT_MAX_RECORDED_BYTES`] of them in all (see
//! [`Emulator::max_recorded_bytes`](crate::Emulator::max_recorded_bytes)), and at most the
//! first [`MAX_RECORDED_BODY`] bytes of each body, so a long-running emulator or a load test
//! does not grow without end.

use std::collections::VecDeque;

use bytes::Bytes;
use time::OffsetDateTime;

use crate::verify::AuthScheme;

/// How many requests an emulator keeps by default: 10 000 (the oldest are dropped first).
pub const DEFAULT_MAX_RECORDED: usize = 10_000;

/// How many bytes of recorded requests an emulator keeps by default: 64 MiB (the oldest are
/// dropped first). See [`RecordedRequest::recorded_size`] for what is counted.
pub const DEFAULT_MAX_RECORDED_BYTES: usize = 64 * 1024 * 1024;

/// How much of a body a [`RecordedRequest`] keeps: its first 64 KiB.
pub const MAX_RECORDED_BODY: usize = 64 * 1024;

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
///
/// Bodies are cut to their first [`MAX_RECORDED_BODY`] bytes (64 KiB): `body_len` keeps the
/// length received and [`RecordedRequest::is_body_truncated`] says whether the record was
/// cut. Everything else (method, path, query, headers, verdict...) is kept whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The HTTP method.
    pub method: String,
    /// The path as received.
    pub path: String,
    /// The decoded query parameters, in order.
    pub query: Vec<(String, String)>,
    /// The decoded form parameters (for `application/x-www-form-urlencoded` bodies). All of
    /// them when the body was not cut; when it was, the first ones whose names and values
    /// total at most [`MAX_RECORDED_BODY`] bytes.
    pub form: Vec<(String, String)>,
    /// The headers, lower-cased names, in order of arrival.
    pub headers: Vec<(String, String)>,
    /// The body, at most its first [`MAX_RECORDED_BODY`] bytes (64 KiB); empty when it was
    /// over the size limit (and so not read).
    pub body: Bytes,
    /// The length of the body as received (0 when it was over the size limit); larger than
    /// `body.len()` when the recorded body was cut.
    pub body_len: usize,
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

    /// Whether `body` holds only the first [`MAX_RECORDED_BODY`] bytes of a longer body.
    pub fn is_body_truncated(&self) -> bool {
        self.body_len > self.body.len()
    }

    /// The HTTP status answered, if any.
    pub fn status(&self) -> Option<u16> {
        match self.outcome {
            Outcome::Answered(status) => Some(status),
            Outcome::Dropped | Outcome::Hung => None,
        }
    }

    /// The memory this record holds, as the record's byte budget counts it: the struct, the
    /// bytes of every string and of the body, and the string headers of the parameter and
    /// header lists.
    pub fn recorded_size(&self) -> usize {
        fn text(s: &str) -> usize {
            s.len()
        }
        fn pairs(list: &[(String, String)]) -> usize {
            list.iter()
                .map(|(n, v)| n.len() + v.len() + std::mem::size_of::<(String, String)>())
                .sum()
        }
        let verdict = match &self.verdict {
            Verdict::Rejected { code, message } => code.len() + message.len(),
            _ => 0,
        };
        std::mem::size_of::<Self>()
            + text(&self.method)
            + text(&self.path)
            + pairs(&self.query)
            + pairs(&self.form)
            + pairs(&self.headers)
            + self.body.len()
            + [
                &self.action,
                &self.version,
                &self.access_key_id,
                &self.nonce,
                &self.request_id,
            ]
            .iter()
            .map(|s| s.as_deref().map_or(0, text))
            .sum::<usize>()
            + verdict
    }
}

/// The recorded requests of a running emulator: the last `max` of them within `max_bytes`,
/// and how many were received since the start or the last [`Records::clear`].
#[derive(Debug)]
pub(crate) struct Records {
    /// The requests kept, with their [`RecordedRequest::recorded_size`].
    kept: VecDeque<(RecordedRequest, usize)>,
    received: usize,
    max: usize,
    /// The sum of the sizes kept.
    bytes: usize,
    max_bytes: usize,
}

impl Records {
    /// A record that keeps the last `max` requests (0: none, only the count), at most
    /// `max_bytes` of them in all.
    pub(crate) fn new(max: usize, max_bytes: usize) -> Self {
        Self {
            kept: VecDeque::new(),
            received: 0,
            max,
            bytes: 0,
            max_bytes,
        }
    }

    /// Counts `request` and keeps it, dropping the oldest ones beyond the limits. A request
    /// larger than the whole byte budget is only counted.
    pub(crate) fn push(&mut self, request: RecordedRequest) {
        self.received = self.received.saturating_add(1);
        let size = request.recorded_size();
        if self.max == 0 || size > self.max_bytes {
            return;
        }
        while self.kept.len() >= self.max || self.bytes + size > self.max_bytes {
            let Some((_, dropped)) = self.kept.pop_front() else {
                break;
            };
            self.bytes -= dropped;
        }
        self.bytes += size;
        self.kept.push_back((request, size));
    }

    /// The sum of [`RecordedRequest::recorded_size`] over the requests kept.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }

    /// The requests kept, oldest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &RecordedRequest> {
        self.kept.iter().map(|(request, _)| request)
    }

    /// How many requests were received (kept or not) since the start or the last clear.
    pub(crate) fn received(&self) -> usize {
        self.received
    }

    /// Forgets the kept requests and resets the count.
    pub(crate) fn clear(&mut self) {
        self.kept.clear();
        self.received = 0;
        self.bytes = 0;
    }
}

/// The body to record: a copy of at most its first [`MAX_RECORDED_BODY`] bytes. A copy,
/// not a slice, so that the record never pins the (up to 10 MiB) buffer it came from.
pub(crate) fn recorded_body(body: &[u8]) -> Bytes {
    Bytes::copy_from_slice(body.get(..MAX_RECORDED_BODY).unwrap_or(body))
}

/// The form parameters to record: all of them when the body is kept whole, else the first
/// ones whose names and values total at most [`MAX_RECORDED_BODY`] bytes.
pub(crate) fn recorded_form(
    form: &[(String, String)],
    body_truncated: bool,
) -> Vec<(String, String)> {
    if !body_truncated {
        return form.to_vec();
    }
    let mut budget = MAX_RECORDED_BODY;
    form.iter()
        .map_while(|(name, value)| {
            let size = name.len().saturating_add(value.len());
            budget = budget.checked_sub(size)?;
            Some((name.clone(), value.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn request(n: usize) -> RecordedRequest {
        RecordedRequest {
            method: "POST".to_owned(),
            path: format!("/{n}"),
            query: Vec::new(),
            form: Vec::new(),
            headers: Vec::new(),
            body: Bytes::new(),
            body_len: 0,
            action: None,
            version: None,
            auth_scheme: None,
            access_key_id: None,
            nonce: None,
            verdict: Verdict::NotChecked,
            outcome: Outcome::Answered(200),
            request_id: None,
            received_at: datetime!(2024-01-01 00:00:00 UTC),
        }
    }

    #[test]
    fn keeps_the_last_max_requests_and_counts_all() {
        let mut records = Records::new(3, usize::MAX);
        for n in 0..5 {
            records.push(request(n));
        }
        let paths: Vec<&str> = records.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/2", "/3", "/4"]);
        assert_eq!(records.received(), 5);
        records.clear();
        assert_eq!(records.iter().count(), 0);
        assert_eq!(records.received(), 0);

        let mut none = Records::new(0, usize::MAX);
        none.push(request(0));
        assert_eq!(none.iter().count(), 0);
        assert_eq!(none.received(), 1);
    }

    #[test]
    fn keeps_the_last_requests_within_the_byte_budget() {
        let with_body = |n: usize, len: usize| {
            let mut r = request(n);
            r.body = Bytes::from(vec![b'x'; len]);
            r.body_len = len;
            r
        };
        let one = with_body(0, 10_000).recorded_size();
        assert!(one > 10_000 && one < 11_000, "{one}");
        // Room for three of them, not four.
        let mut records = Records::new(1000, 3 * one + one / 2);
        for n in 0..10 {
            records.push(with_body(n, 10_000));
            assert!(records.bytes() <= 3 * one + one / 2);
        }
        let paths: Vec<&str> = records.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/7", "/8", "/9"]);
        assert_eq!(records.bytes(), 3 * one);
        assert_eq!(records.received(), 10);
        // A large one evicts as many as it needs.
        records.push(with_body(10, 28_000));
        let paths: Vec<&str> = records.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/10"]);
        // One larger than the whole budget is only counted.
        records.push(with_body(11, 40_000));
        assert_eq!(records.iter().count(), 1);
        assert_eq!(records.received(), 12);
        records.clear();
        assert_eq!(records.bytes(), 0);
    }

    #[test]
    fn bodies_and_forms_are_cut_at_64_kib() {
        let small = recorded_body(b"abc");
        assert_eq!(&small[..], b"abc");
        let big = vec![b'x'; MAX_RECORDED_BODY + 1];
        assert_eq!(recorded_body(&big).len(), MAX_RECORDED_BODY);
        assert_eq!(
            recorded_body(&big[..MAX_RECORDED_BODY]).len(),
            MAX_RECORDED_BODY
        );

        let form = vec![
            ("a".to_owned(), "x".repeat(MAX_RECORDED_BODY - 3)),
            ("b".to_owned(), "y".to_owned()),
            ("c".to_owned(), String::new()),
        ];
        assert_eq!(recorded_form(&form, false), form);
        let cut = recorded_form(&form, true);
        assert_eq!(cut.len(), 2, "a (64 KiB - 2) and b (2) fit, c (1) does not");
        let mut r = request(0);
        r.body = recorded_body(&big);
        r.body_len = big.len();
        assert!(r.is_body_truncated());
        r.body_len = r.body.len();
        assert!(!r.is_body_truncated());
    }
}
