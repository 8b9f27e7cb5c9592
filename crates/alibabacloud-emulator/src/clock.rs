//! The emulator's notion of "now", injectable so that tests can replay signed requests
//! with fixed dates (the documentation's vectors are from 2023 and 2024).

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use time::{Duration, OffsetDateTime};

/// A source of the current time, used for the 15-minute timestamp window, the nonce
/// window, STS expiry and the `received_at` of recorded requests.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time (UTC).
    fn now(&self) -> OffsetDateTime;
}

/// The system clock: the default.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that says what it is told. Clones share the same time, so a test can keep one
/// clone and move the time of a running emulator with [`FixedClock::set`] or
/// [`FixedClock::advance`].
///
/// ```
/// use alibabacloud_emulator::{Clock, FixedClock};
/// use time::macros::datetime;
///
/// let clock = FixedClock::new(datetime!(2023-10-26 10:22:32 UTC));
/// clock.advance(time::Duration::minutes(16));
/// assert_eq!(clock.now(), datetime!(2023-10-26 10:38:32 UTC));
/// ```
#[derive(Debug, Clone)]
pub struct FixedClock(Arc<Mutex<OffsetDateTime>>);

impl FixedClock {
    /// A clock stopped at `now`.
    pub fn new(now: OffsetDateTime) -> Self {
        Self(Arc::new(Mutex::new(now)))
    }

    /// Sets the time.
    pub fn set(&self, now: OffsetDateTime) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = now;
    }

    /// Moves the time forward (or back, with a negative duration).
    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *now = now.saturating_add(by);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
