//! The nonces seen in the last 15 minutes.

use std::collections::{HashMap, VecDeque};

use time::{Duration, OffsetDateTime};

/// Remembers nonces for a window and refuses a second use within it.
#[derive(Debug)]
pub(crate) struct NonceCache {
    window: Duration,
    seen: HashMap<String, OffsetDateTime>,
    order: VecDeque<(OffsetDateTime, String)>,
}

impl NonceCache {
    pub(crate) fn new(window: Duration) -> Self {
        Self {
            window,
            seen: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// Records `nonce` at `now`; returns `false` if it was already used within the window.
    pub(crate) fn check_and_insert(&mut self, nonce: &str, now: OffsetDateTime) -> bool {
        self.prune(now);
        if let Some(at) = self.seen.get(nonce)
            && (now - *at).abs() <= self.window
        {
            return false;
        }
        self.seen.insert(nonce.to_owned(), now);
        self.order.push_back((now, nonce.to_owned()));
        true
    }

    fn prune(&mut self, now: OffsetDateTime) {
        while let Some((at, _)) = self.order.front() {
            if now - *at <= self.window {
                break;
            }
            if let Some((at, nonce)) = self.order.pop_front()
                && self.seen.get(&nonce) == Some(&at)
            {
                self.seen.remove(&nonce);
            }
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
        let mut cache = NonceCache::new(Duration::minutes(15));
        assert!(cache.check_and_insert("a", t0));
        assert!(!cache.check_and_insert("a", t0 + Duration::minutes(14)));
        assert!(cache.check_and_insert("b", t0 + Duration::minutes(14)));
        assert!(cache.check_and_insert("a", t0 + Duration::minutes(16)));
        assert!(!cache.check_and_insert("a", t0 + Duration::minutes(17)));
        assert!(cache.seen.len() <= 2);
    }
}
