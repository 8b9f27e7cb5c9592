//! What one signature is made with, besides the request itself.

use std::time::SystemTime;

use crate::credentials::Credentials;

/// The credentials, time and nonce of one signature.
///
/// The signer never reads the clock or draws random numbers itself, so a signature is a pure
/// function of its inputs: the same request, credentials, time and nonce always give the same
/// headers (what the golden-vector tests and an emulator need). Use [`SigningParams::now`] in
/// the normal case.
#[derive(Debug, Clone, Copy)]
pub struct SigningParams<'a> {
    /// The credentials to sign with.
    pub credentials: &'a Credentials,
    /// The signing time (`x-acs-date` / `Timestamp`); sub-second precision is dropped.
    pub time: SystemTime,
    /// The nonce (`x-acs-signature-nonce` / `SignatureNonce`); unique per request.
    pub nonce: &'a str,
}

impl<'a> SigningParams<'a> {
    /// Parameters with an explicit time and nonce (tests, emulators, replays).
    pub fn new(credentials: &'a Credentials, time: SystemTime, nonce: &'a str) -> Self {
        Self {
            credentials,
            time,
            nonce,
        }
    }

    /// Parameters for signing now: the current time and a nonce from
    /// [`new_nonce`](super::new_nonce), which the caller keeps alive for the call.
    ///
    /// ```
    /// use alibabacloud_core::credentials::Credentials;
    /// use alibabacloud_core::signing::{SigningParams, new_nonce};
    /// let credentials = Credentials::new("id", "secret")?;
    /// let nonce = new_nonce();
    /// let params = SigningParams::now(&credentials, &nonce);
    /// assert_eq!(params.nonce.len(), 32);
    /// # Ok::<(), alibabacloud_core::CredentialsError>(())
    /// ```
    pub fn now(credentials: &'a Credentials, nonce: &'a str) -> Self {
        Self::new(credentials, SystemTime::now(), nonce)
    }
}
