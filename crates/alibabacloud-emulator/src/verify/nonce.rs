//! The nonces seen in the last 15 minutes.

use std::collections::{HashMap, VecDeque};

use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

/// How many nonces are remembered at most (about 150 MiB when full). Beyond it the oldest are
/// forgotten before their window ends: at more than ~1 100 requests per second for 15
/// minutes, a reuse older than the last million nonces goes unnoticed.
pub(crate) const MAX_NONCES: usize = 1_000_000;

/// A nonce as remembered: its SHA-256, so that every entry has the same small size however
/// long the nonce a client sends.
type Key = [u8; 32];

/// Remembers nonces for a window (and at most `capacity` of them) and refuses a second use
/// within it.
#[derive(Debug)]
pub(crate) struct NonceCache {
    window: Duration,
    capacity: usize,
    seen: HashMap<Key, OffsetDateTime>,
    /// Every insertion, oldest first; `seen` never holds a key without its entry here, so
    /// bounding `order` bounds both.
    order: VecDeque<(OffsetDateTime, Key)>,
}

impl NonceCache {
    pub(crate) fn new(window: Duration, capacity: usize) -> Self {
        Self {
            window,
            capacity: capacity.max(1),
            seen: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// Records `nonce` at `now`; returns `false` if it was already used within the window.
    pub(crate) fn check_and_insert(&mut self, nonce: &str, now: OffsetDateTime) -> bool {
        self.prune(now);
        let key: Key = Sha256::digest(nonce.as_bytes()).into();
        if let Some(at) = self.seen.get(&key)
            && (now - *at).abs() <= self.window
        {
            return false;
        }
        while self.order.len() >= self.capacity {
            self.forget_oldest();
        }
        self.seen.insert(key, now);
        self.order.push_back((now, key));
        true
    }

    fn prune(&mut self, now: OffsetDateTime) {
        while let Some((at, _)) = self.order.front() {
            if now - *at <= self.window {
                break;
            }
            self.forget_oldest();
        }
    }

    fn forget_oldest(&mut self) {
        if let Some((at, key)) = self.order.pop_front()
            && self.seen.get(&key) == Some(&at)
        {
            self.seen.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn refuses_reuse_within_the_window_only() {
        let t0 = datetime!(2024-01-01 00:00:00 UTC);
        let mut cache = NonceCache::new(Duration::minutes(15), MAX_NONCES);
        assert!(cache.check_and_insert("a", t0));
        assert!(!cache.check_and_insert("a", t0 + Duration::minutes(14)));
        assert!(cache.check_and_insert("b", t0 + Duration::minutes(14)));
        assert!(cache.check_and_insert("a", t0 + Duration::minutes(16)));
        assert!(!cache.check_and_insert("a", t0 + Duration::minutes(17)));
        assert!(cache.seen.len() <= 2);
    }

    #[test]
    fn remembers_at_most_capacity_nonces() {
        // A frozen clock never prunes: only the capacity bounds the cache.
        let t0 = datetime!(2024-01-01 00:00:00 UTC);
        let mut cache = NonceCache::new(Duration::minutes(15), 3);
        for nonce in ["a", "b", "c", "d"] {
            assert!(cache.check_and_insert(nonce, t0));
        }
        assert_eq!((cache.seen.len(), cache.order.len()), (3, 3));
        // "a" was forgotten to make room; the last three are still refused.
        assert!(!cache.check_and_insert("d", t0));
        assert!(!cache.check_and_insert("c", t0));
        assert!(cache.check_and_insert("a", t0));
        assert!(!cache.check_and_insert("a", t0));
        assert!(cache.order.len() <= 3);

        // A nonce of any length costs one 32-byte key.
        let long = "n".repeat(100_000);
        assert!(cache.check_and_insert(&long, t0));
        assert!(!cache.check_and_insert(&long, t0));
    }
}
