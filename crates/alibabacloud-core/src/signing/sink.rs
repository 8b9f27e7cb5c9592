//! Where canonical text goes: a `String` (for tests and diagnostics) or straight into a
//! SHA-256 hasher (the fast path), so both are produced by the same code and cannot drift.

use ring::digest;

use super::encoding;

/// A destination for canonical text.
pub(crate) trait Sink {
    /// Appends `s`.
    fn put(&mut self, s: &str);

    /// Appends `s` with ASCII upper-case letters lower-cased (header names).
    fn put_ascii_lowercase(&mut self, s: &str) {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            self.put(s);
            return;
        }
        // Header names are validated ASCII before they get here, so every chunk is valid
        // UTF-8; a chunk that were not would be skipped rather than panic.
        let mut buf = [0u8; 64];
        for chunk in s.as_bytes().chunks(buf.len()) {
            let part = &mut buf[..chunk.len()];
            part.copy_from_slice(chunk);
            part.make_ascii_lowercase();
            if let Ok(text) = std::str::from_utf8(part) {
                self.put(text);
            }
        }
    }
}

impl Sink for String {
    #[inline]
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }
}

/// Size of the staging buffer in front of the hasher: large enough that a whole canonical
/// request of a typical call reaches the hasher in a handful of `update` calls.
const HASH_BUFFER: usize = 512;

/// Streams canonical text into SHA-256 without building the text in memory.
///
/// Small pieces are staged in a fixed buffer so the hasher sees few, block-sized updates.
pub(crate) struct HashSink {
    hasher: digest::Context,
    buf: [u8; HASH_BUFFER],
    len: usize,
    /// How many times the buffer went to the hasher, so a [`Mark`] knows if it is stale.
    flushes: usize,
}

/// A position in a [`HashSink`], to read back what was put after it.
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    flushes: usize,
    len: usize,
}

impl HashSink {
    /// A sink over a fresh SHA-256 state.
    pub(crate) fn new() -> Self {
        Self {
            hasher: digest::Context::new(&digest::SHA256),
            buf: [0; HASH_BUFFER],
            len: 0,
            flushes: 0,
        }
    }

    /// The current position.
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            flushes: self.flushes,
            len: self.len,
        }
    }

    /// The text put since `mark`, if it is all still in the buffer.
    pub(crate) fn text_since(&self, mark: Mark) -> Option<&str> {
        if mark.flushes != self.flushes {
            return None;
        }
        // Only whole `&str` pieces are ever put, so a span between two marks is UTF-8.
        std::str::from_utf8(self.buf.get(mark.len..self.len)?).ok()
    }

    /// The SHA-256 of everything put so far.
    #[inline]
    pub(crate) fn finish(&mut self) -> [u8; 32] {
        self.hasher.update(&self.buf[..self.len]);
        self.len = 0;
        // ring's `finish` takes the hasher by value: a copy of it, not of the whole sink
        // with its buffer.
        digest_bytes(self.hasher.clone().finish().as_ref())
    }

    #[inline]
    fn put_bytes(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        if let Some(free) = self.buf.get_mut(self.len..end) {
            copy_small(free, bytes);
            self.len = end;
        } else {
            self.flush_and_put(bytes);
        }
    }

    #[cold]
    fn flush_and_put(&mut self, bytes: &[u8]) {
        self.hasher.update(&self.buf[..self.len]);
        self.len = 0;
        self.flushes += 1;
        if let Some(free) = self.buf.get_mut(..bytes.len()) {
            free.copy_from_slice(bytes);
            self.len = bytes.len();
        } else {
            self.hasher.update(bytes);
        }
    }
}

impl Sink for HashSink {
    #[inline]
    fn put(&mut self, s: &str) {
        self.put_bytes(s.as_bytes());
    }

    fn put_ascii_lowercase(&mut self, s: &str) {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            self.put_bytes(s.as_bytes());
            return;
        }
        for &b in s.as_bytes() {
            self.put_bytes(&[b.to_ascii_lowercase()]);
        }
    }
}

/// A SHA-256 digest or HMAC-SHA256 tag as an array (both are always 32 bytes).
pub(crate) fn digest_bytes(digest: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    if let Some(bytes) = digest.get(..32) {
        out.copy_from_slice(bytes);
    }
    out
}

/// `dst.copy_from_slice(src)` (same lengths), tuned for the short pieces of canonical text:
/// up to 32 bytes are moved as two overlapping fixed-size copies, which compile to a few
/// register moves instead of a call to `memcpy`.
#[inline(always)]
fn copy_small(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n != dst.len() {
        return;
    }
    match n {
        16..=32 => {
            dst[..16].copy_from_slice(&src[..16]);
            dst[n - 16..].copy_from_slice(&src[n - 16..]);
        }
        8..=15 => {
            dst[..8].copy_from_slice(&src[..8]);
            dst[n - 8..].copy_from_slice(&src[n - 8..]);
        }
        4..=7 => {
            dst[..4].copy_from_slice(&src[..4]);
            dst[n - 4..].copy_from_slice(&src[n - 4..]);
        }
        0..=3 => {
            for (d, s) in dst.iter_mut().zip(src) {
                *d = *s;
            }
        }
        _ => dst.copy_from_slice(src),
    }
}

/// Percent-encodes (RFC 3986) everything put into it before passing it on: the outer encoding
/// of the RPC string to sign.
pub(crate) struct EncodingSink<'a, S: Sink>(pub(crate) &'a mut S);

impl<S: Sink> Sink for EncodingSink<'_, S> {
    fn put(&mut self, s: &str) {
        encoding::encode_into(self.0, s);
    }
}
