//! The signing time as both signatures write it: `yyyy-MM-ddTHH:mm:ssZ` in UTC.

use std::time::{SystemTime, UNIX_EPOCH};

use time::OffsetDateTime;

use super::error::SigningError;

/// A formatted signing time, kept on the stack (it is 20 ASCII bytes).
#[derive(Clone, Copy)]
pub(crate) struct Timestamp {
    bytes: [u8; 20],
}

impl Timestamp {
    /// Formats `time` (UTC, whole seconds, fractions dropped).
    pub(crate) fn new(time: SystemTime) -> Result<Self, SigningError> {
        let seconds = unix_seconds(time).ok_or(SigningError::TimeOutOfRange)?;
        let utc = OffsetDateTime::from_unix_timestamp(seconds)
            .map_err(|_| SigningError::TimeOutOfRange)?;
        let (year, month, day) = utc.to_calendar_date();
        let (hour, minute, second) = utc.to_hms();
        let year = u16::try_from(year)
            .ok()
            .filter(|y| *y <= 9999)
            .ok_or(SigningError::TimeOutOfRange)?;
        let mut bytes = *b"0000-00-00T00:00:00Z";
        put_digits(&mut bytes[0..4], year);
        put_digits(&mut bytes[5..7], u16::from(u8::from(month)));
        put_digits(&mut bytes[8..10], u16::from(day));
        put_digits(&mut bytes[11..13], u16::from(hour));
        put_digits(&mut bytes[14..16], u16::from(minute));
        put_digits(&mut bytes[17..19], u16::from(second));
        Ok(Self { bytes })
    }

    /// The formatted time.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and separators are ever written.
        std::str::from_utf8(&self.bytes).unwrap_or("")
    }
}

/// Writes `value` as decimal digits right-aligned in `out`, zero-padded.
fn put_digits(out: &mut [u8], mut value: u16) {
    for slot in out.iter_mut().rev() {
        // `value % 10` is below 10, so the cast cannot truncate.
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

/// Whole seconds since the Unix epoch, rounded towards the past (so a time just before the
/// epoch is second -1, like a clock would show).
fn unix_seconds(time: SystemTime) -> Option<i64> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).ok(),
        Err(before) => {
            let before = before.duration();
            let whole = i64::try_from(before.as_secs()).ok()?;
            let partial = i64::from(before.subsec_nanos() > 0);
            whole.checked_add(partial).map(|s| -s)
        }
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
/// [`SigningError::TimeOutOfRange`] for a time before year 0 or after year 9999.
pub fn format_timestamp(time: SystemTime) -> Result<String, SigningError> {
    Timestamp::new(time).map(|t| t.as_str().to_owned())
}
