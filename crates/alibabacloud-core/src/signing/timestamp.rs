//! The signing time as both signatures write it: `yyyy-MM-ddTHH:mm:ssZ` in UTC.

use std::cell::Cell;
use std::io::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::error::SigningError;

/// A formatted signing time, kept on the stack (it is 20 ASCII bytes).
#[derive(Clone, Copy)]
pub(crate) struct Timestamp {
    bytes: [u8; 20],
}

/// 10000-01-01T00:00:00Z in seconds since the epoch: the first time `yyyy` cannot write.
const YEAR_10000: u64 = 253_402_300_800;

thread_local! {
    /// The second this thread formatted last, and its text: the calls of one second, nearly
    /// all of a busy thread's, format it once.
    static LAST: Cell<Option<(u64, Timestamp)>> = const { Cell::new(None) };
}

impl Timestamp {
    /// Formats `time` (UTC, whole seconds, fractions dropped).
    ///
    /// # Errors
    /// [`SigningError::TimeOutOfRange`] before 1970 (a clock that is not set) or from year
    /// 10000 on.
    pub(crate) fn new(time: SystemTime) -> Result<Self, SigningError> {
        let seconds = time
            .duration_since(UNIX_EPOCH)
            .map_err(|_| SigningError::TimeOutOfRange)?
            .as_secs();
        if seconds >= YEAR_10000 {
            return Err(SigningError::TimeOutOfRange);
        }
        if let Some((last, stamp)) = LAST.get()
            && last == seconds
        {
            return Ok(stamp);
        }
        let whole = UNIX_EPOCH + Duration::from_secs(seconds);
        let mut bytes = [0; 20];
        let mut out = &mut bytes[..];
        // Whole seconds from 1970 to 9999 are exactly the 20 bytes of `yyyy-MM-ddTHH:mm:ssZ`.
        write!(out, "{}", humantime::format_rfc3339_seconds(whole))
            .ok()
            .filter(|()| out.is_empty())
            .ok_or(SigningError::TimeOutOfRange)?;
        let stamp = Self { bytes };
        LAST.set(Some((seconds, stamp)));
        Ok(stamp)
    }

    /// The formatted time.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and separators are ever written.
        std::str::from_utf8(&self.bytes).unwrap_or("")
    }
}

/// Formats `time` as `yyyy-MM-ddTHH:mm:ssZ` in UTC, the form of `x-acs-date` and of the RPC
/// `Timestamp` parameter.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use alibabacloud_core::signing::format_timestamp;
/// let t = UNIX_EPOCH + Duration::from_secs(1_704_067_200);
/// assert_eq!(format_timestamp(t).unwrap(), "2024-01-01T00:00:00Z");
/// ```
///
/// # Errors
/// [`SigningError::TimeOutOfRange`] for a time before 1970 (a clock that is not set) or from
/// year 10000 on.
pub fn format_timestamp(time: SystemTime) -> Result<String, SigningError> {
    Timestamp::new(time).map(|t| t.as_str().to_owned())
}
