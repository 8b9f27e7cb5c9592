//! Randomness for the signature nonces and the jitter of retries and refreshes: bytes from the
//! operating system's CSPRNG (`getrandom`, the crate rustls's `ring` already brings), no
//! generator of our own.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// `N` random bytes from the operating system.
///
/// Should the operating system refuse (it does not on the supported platforms), the bytes come
/// from std's randomly keyed SipHash of the time and a process-wide counter instead: never the
/// same bytes twice in a process, and never a panic.
pub(crate) fn bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    if getrandom::getrandom(&mut out).is_err() {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let keys = RandomState::new();
        for (n, chunk) in out.chunks_mut(8).enumerate() {
            let count = COUNTER.fetch_add(1, Ordering::Relaxed);
            let word = keys.hash_one((nanos, count, n)).to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
    }
    out
}

/// A random number in `[0, max]`, uniform to within `max / 2^64` (the 64-bit random number is
/// scaled by a widening multiplication, not reduced modulo).
pub(crate) fn up_to(max: u64) -> u64 {
    let random = u64::from_le_bytes(bytes());
    let scaled = (u128::from(random) * (u128::from(max) + 1)) >> 64;
    // `scaled` is below `max + 1`, so it fits.
    u64::try_from(scaled).unwrap_or(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_to_stays_in_range_and_spreads() {
        assert_eq!(up_to(0), 0);
        let draws: Vec<u64> = (0..2000).map(|_| up_to(9)).collect();
        assert!(draws.iter().all(|d| *d <= 9));
        // Every value of ten shows up in 2000 draws (the chance of missing one is ~1e-91).
        for value in 0..=9 {
            assert!(draws.contains(&value), "{value} never drawn");
        }
        let _ = up_to(u64::MAX);
    }

    #[test]
    fn bytes_differ_from_call_to_call() {
        assert_ne!(bytes::<16>(), bytes::<16>());
    }
}
