//! Retry policy: which failures are retried, how many times, and how long to wait.
//!
//! Retried: connection errors, timeouts, HTTP 5xx, throttling codes, and a 2xx body saying
//! `"Success": false` with a throttling or server error code. Only operations that
//! are safe to repeat (`operationType: read`) are retried, unless the request never left the
//! client (no connection was made). The wait is exponential backoff with full jitter and a cap,
//! or the server's `x-acs-retry-after` when it gives one.

use std::time::Duration;

/// Error codes that mean "slow down", retried for every operation the policy allows.
pub const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ServiceUnavailable",
    "SystemBusy",
    "ServiceBusy",
    "RequestLimitExceeded",
    "TooManyRequests",
];

/// Returns true for throttling error codes: those of [`THROTTLING_CODES`] and every
/// `Throttling.*` code (`Throttling.User`, `Throttling.Api`, ...).
pub fn is_throttling_code(code: &str) -> bool {
    THROTTLING_CODES.contains(&code) || code.starts_with("Throttling.")
}

/// Error codes that mean "the service failed" when a 2xx body says `"Success": false`:
/// `InternalError`, `InternalServerError`, `ServiceUnavailable`, and numeric codes 500 to 599.
/// They are retried like an HTTP 5xx (for operations that are safe to repeat).
pub fn is_server_error_code(code: &str) -> bool {
    matches!(
        code,
        "InternalError" | "InternalServerError" | "ServiceUnavailable"
    ) || code.parse::<u16>().is_ok_and(|n| (500..600).contains(&n))
}

/// The retry settings of a client or of one call.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
}

impl Default for RetryConfig {
    /// 3 attempts, backoff from 100 ms doubling up to 20 s, full jitter; a server's
    /// `x-acs-retry-after` is honoured up to 60 s.
    fn default() -> Self {
        RetryConfig {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(20),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryConfig {
    /// The default policy (see [`Default`]).
    pub fn standard() -> Self {
        Self::default()
    }

    /// No retries: one attempt only.
    pub fn disabled() -> Self {
        RetryConfig {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets the total number of attempts (1 means no retry; 0 is treated as 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets the base of the exponential backoff (the cap of the first wait).
    pub fn with_initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Sets the cap of any single backoff wait.
    pub fn with_max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// Sets the longest `x-acs-retry-after` the client accepts; a longer one ends the retries.
    pub fn with_max_retry_after(mut self, after: Duration) -> Self {
        self.max_retry_after = after;
        self
    }

    /// The total number of attempts.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The base of the backoff.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The cap of one backoff wait.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// The longest server-requested wait that is honoured.
    pub fn max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// The ceiling of the wait before attempt `attempt + 1` (attempt counts from 1):
    /// `min(max_backoff, initial_backoff * 2^(attempt - 1))`.
    pub fn backoff_ceiling(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(31);
        self.initial_backoff
            .saturating_mul(1u32 << exponent)
            .min(self.max_backoff)
    }

    /// The wait before attempt `attempt + 1`: uniformly random in `[0, ceiling]` (full jitter).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let ceiling = self.backoff_ceiling(attempt);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        if nanos == 0 {
            return Duration::ZERO;
        }
        Duration::from_nanos(crate::random::up_to(nanos))
    }
}

/// Why a failed attempt may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryKind {
    /// The request never left the client: safe for every operation.
    NotSent,
    /// A network failure or timeout after sending: only safe for read operations.
    Transient,
    /// HTTP 5xx: only safe for read operations.
    ServerError,
    /// The service asked to slow down: only safe for read operations.
    Throttled,
}

impl RetryKind {
    /// True if this kind of failure may be retried for an operation that is (or is not) safe to
    /// repeat.
    pub fn allowed(self, idempotent: bool) -> bool {
        matches!(self, RetryKind::NotSent) || idempotent
    }
}

/// Parses `x-acs-retry-after`: a whole number of milliseconds, as the official SDKs read it.
/// A number too large for a `u64` is a wait longer than any ([`Duration::MAX`]); anything
/// else (a sign, a fraction, a date) is no wait at all.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        value
            .parse::<u64>()
            .map_or(Duration::MAX, Duration::from_millis),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_codes() {
        for code in [
            "Throttling",
            "Throttling.User",
            "Throttling.Api",
            "ServiceUnavailable",
        ] {
            assert!(is_throttling_code(code), "{code}");
        }
        for code in ["InvalidParameter", "ThrottlingX", "throttling"] {
            assert!(!is_throttling_code(code), "{code}");
        }
    }

    #[test]
    fn server_error_codes() {
        for code in [
            "InternalError",
            "InternalServerError",
            "ServiceUnavailable",
            "500",
            "503",
        ] {
            assert!(is_server_error_code(code), "{code}");
        }
        for code in ["InvalidParameter", "400", "600", "5000", "Internal"] {
            assert!(!is_server_error_code(code), "{code}");
        }
    }

    #[test]
    fn backoff_is_bounded_exponential_with_jitter() {
        let policy = RetryConfig::default()
            .with_initial_backoff(Duration::from_millis(100))
            .with_max_backoff(Duration::from_millis(1000));
        assert_eq!(policy.backoff_ceiling(1), Duration::from_millis(100));
        assert_eq!(policy.backoff_ceiling(2), Duration::from_millis(200));
        assert_eq!(policy.backoff_ceiling(4), Duration::from_millis(800));
        assert_eq!(policy.backoff_ceiling(5), Duration::from_millis(1000));
        assert_eq!(policy.backoff_ceiling(1000), Duration::from_millis(1000));
        let mut seen_distinct = std::collections::HashSet::new();
        for _ in 0..200 {
            let d = policy.backoff(3);
            assert!(d <= Duration::from_millis(400));
            seen_distinct.insert(d);
        }
        assert!(seen_distinct.len() > 10, "jitter should vary the waits");
    }

    #[test]
    fn disabled_means_one_attempt() {
        assert_eq!(RetryConfig::disabled().max_attempts(), 1);
        assert_eq!(
            RetryConfig::default().with_max_attempts(0).max_attempts(),
            1
        );
    }

    #[test]
    fn retry_kind_respects_idempotency() {
        assert!(RetryKind::NotSent.allowed(false));
        assert!(!RetryKind::ServerError.allowed(false));
        assert!(RetryKind::Throttled.allowed(true));
    }

    #[test]
    fn retry_after_parsing() {
        assert_eq!(parse_retry_after("1500"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_retry_after(" 20 "), Some(Duration::from_millis(20)));
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("+1"), None);
        assert_eq!(parse_retry_after("1.5"), None);
        assert_eq!(parse_retry_after(""), None);
        assert_eq!(
            parse_retry_after("184467440737095516150"),
            Some(Duration::MAX)
        );
    }
}
