//! Fresh signature nonces.

use rand::RngCore;

/// A new nonce: 32 lower-case hex characters from 16 bytes of the thread-local CSPRNG
/// (`rand`'s `ThreadRng`, a ChaCha-based generator seeded from the operating system).
///
/// Each signed attempt needs its own nonce: the server rejects a nonce it has seen recently.
pub fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}
