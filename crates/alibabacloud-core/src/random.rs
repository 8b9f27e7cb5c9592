//! Randomness for the signature nonces and the jitter of retries and refreshes: bytes from the
//! operating system's CSPRNG (`getrandom`, the crate rustls's `ring` already brings), no
//! generator of our own (the nonces' bytes are fetched a few nonces at a time).

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

/// How many nonces' worth of randomness one request to the operating system fetches.
const NONCES_PER_DRAW: usize = 32;

/// The operating system's random bytes for the signature nonces, fetched for
/// [`NONCES_PER_DRAW`] nonces at a time and handed out 16 bytes at a time, each at most
/// once: one system call per 32 signed requests instead of one per request.
///
/// The bytes are kept with the id of the process that fetched them, and fetched anew when
/// the id differs: a child process (after `fork`) never hands out its parent's bytes.
struct NoncePool {
    bytes: [u8; 16 * NONCES_PER_DRAW],
    /// How many bytes have been handed out.
    used: usize,
    /// The process that fetched `bytes`.
    process: u32,
}

impl NoncePool {
    const EMPTY: Self = Self {
        bytes: [0; 16 * NONCES_PER_DRAW],
        used: 16 * NONCES_PER_DRAW,
        process: 0,
    };

    /// The next 16 bytes, for process `process`: fetched anew when the pool is used up or
    /// was fetched by another process.
    fn take(&mut self, process: u32) -> [u8; 16] {
        if self.process != process || self.used >= self.bytes.len() {
            self.bytes = bytes();
            self.used = 0;
            self.process = process;
        }
        let mut out = [0u8; 16];
        if let Some(slot) = self.bytes.get_mut(self.used..self.used + 16) {
            out.copy_from_slice(slot);
            // Handed out once: not kept for anyone to read again.
            slot.fill(0);
        }
        self.used += 16;
        out
    }
}

/// 16 random bytes for a nonce: from the operating system's CSPRNG, through a per-thread
/// [`NoncePool`].
pub(crate) fn nonce_bytes() -> [u8; 16] {
    thread_local! {
        static POOL: std::cell::RefCell<NoncePool> =
            const { std::cell::RefCell::new(NoncePool::EMPTY) };
    }
    let process = std::process::id();
    POOL.try_with(|pool| {
        pool.try_borrow_mut()
            .ok()
            .map(|mut pool| pool.take(process))
    })
    .ok()
    .flatten()
    // No thread-local storage (a thread being torn down): straight from the OS.
    .unwrap_or_else(bytes)
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

    #[test]
    fn nonce_bytes_are_never_handed_out_twice() {
        // More than one draw from the operating system, on two threads.
        let draw = || {
            (0..3 * NONCES_PER_DRAW + 5)
                .map(|_| nonce_bytes())
                .collect::<Vec<_>>()
        };
        let other = std::thread::spawn(draw);
        let mut all = draw();
        all.extend(other.join().unwrap());
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count, "a nonce came out twice");
        assert!(
            !all.contains(&[0u8; 16]),
            "a handed-out (zeroed) slot came out"
        );
    }

    #[test]
    fn another_process_never_gets_the_bytes_left_in_the_pool() {
        let mut pool = NoncePool::EMPTY;
        let first = pool.take(1);
        assert_eq!(pool.used, 16);
        let left = pool.bytes;
        // As after `fork`: the same pool, seen from another process id.
        let child = pool.take(2);
        assert_eq!((pool.used, pool.process), (16, 2), "fetched anew");
        assert_ne!(child, first);
        assert!(
            !left.chunks(16).any(|chunk| chunk == child),
            "the child got bytes the parent could also hand out"
        );
    }
}
