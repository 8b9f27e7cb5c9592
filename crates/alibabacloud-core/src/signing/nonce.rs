//! Fresh signature nonces.

/// A new nonce: 32 lower-case hex characters from 16 bytes of the operating system's CSPRNG.
///
/// Each signed attempt needs its own nonce: the server rejects a nonce it has seen recently.
pub fn new_nonce() -> String {
    hex::encode(crate::random::bytes::<16>())
}
