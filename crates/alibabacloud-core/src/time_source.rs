//! Where the signer's time and nonce come from: the system clock and a CSPRNG by default,
//! fixed values in tests (so that signatures can be compared with known vectors).

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

/// A source of the current time.
pub trait TimeSource: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// A source of signature nonces.
pub trait NonceSource: Send + Sync + fmt::Debug {
    /// A fresh nonce: 32 lower-case hex characters.
    fn nonce(&self) -> String;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemTimeSource;

impl TimeSource for SystemTimeSource {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock stopped at one instant (for tests).
#[derive(Debug, Clone, Copy)]
pub struct FixedTimeSource(pub SystemTime);

impl TimeSource for FixedTimeSource {
    fn now(&self) -> SystemTime {
        self.0
    }
}

/// Nonces from the thread-local CSPRNG.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomNonceSource;

impl NonceSource for RandomNonceSource {
    fn nonce(&self) -> String {
        crate::signing::new_nonce()
    }
}

/// Always the same nonce (for tests that compare signatures with known vectors).
#[derive(Debug, Clone)]
pub struct FixedNonceSource(pub String);

impl NonceSource for FixedNonceSource {
    fn nonce(&self) -> String {
        self.0.clone()
    }
}

/// A shareable [`TimeSource`].
#[derive(Debug, Clone)]
pub struct SharedTimeSource(Arc<dyn TimeSource>);

impl SharedTimeSource {
    /// Wraps a time source.
    pub fn new(source: impl TimeSource + 'static) -> Self {
        SharedTimeSource(Arc::new(source))
    }
}

impl Default for SharedTimeSource {
    fn default() -> Self {
        SharedTimeSource::new(SystemTimeSource)
    }
}

impl TimeSource for SharedTimeSource {
    fn now(&self) -> SystemTime {
        self.0.now()
    }
}

/// A shareable [`NonceSource`].
#[derive(Debug, Clone)]
pub struct SharedNonceSource(Arc<dyn NonceSource>);

impl SharedNonceSource {
    /// Wraps a nonce source.
    pub fn new(source: impl NonceSource + 'static) -> Self {
        SharedNonceSource(Arc::new(source))
    }
}

impl Default for SharedNonceSource {
    fn default() -> Self {
        SharedNonceSource::new(RandomNonceSource)
    }
}

impl NonceSource for SharedNonceSource {
    fn nonce(&self) -> String {
        self.0.nonce()
    }
}
