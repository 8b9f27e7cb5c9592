//! Fresh signature nonces.

/// A new nonce: 32 lower-case hex characters from 16 bytes of the operating system's CSPRNG
/// (fetched for several nonces at a time, each byte handed out once, never across a `fork`).
///
/// Each signed attempt needs its own nonce: the server rejects a nonce it has seen recently.
pub fn new_nonce() -> String {
    let mut hex = [0u8; 32];
    // 16 bytes always fill 32 hex digits exactly, so this cannot fail.
    let _ = hex::encode_to_slice(crate::random::nonce_bytes(), &mut hex);
    // Only ASCII hex digits are ever written, so this is never empty (the nonce tests of
    // `tests/signing_time_nonce.rs` check); the check is the short ASCII one, not a lossy
    // conversion's walk over chunks.
    std::str::from_utf8(&hex)
        .map(str::to_owned)
        .unwrap_or_default()
}
