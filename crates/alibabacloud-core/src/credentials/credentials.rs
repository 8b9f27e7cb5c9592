//! The credentials a request is signed with, and a string type that keeps secrets out of logs.

// `credentials::credentials` is the layout `credentials/mod.rs` asks for.
#![allow(clippy::module_inception)]

use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use ring::hmac;

/// A secret string (an AccessKey secret, a security token) that never shows in `Debug` and has
/// no `Display`, so it cannot leak through `{:?}`, `tracing` fields or error messages.
///
/// Read it with [`SecretString::expose_secret`], only where the secret is actually used.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(Box<str>);

impl SecretString {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into().into_boxed_str())
    }

    /// The secret itself; call it only to sign or to send the secret.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"** redacted **\"")
    }
}

impl From<String> for SecretString {
    fn from(secret: String) -> Self {
        Self::new(secret)
    }
}

impl From<&str> for SecretString {
    fn from(secret: &str) -> Self {
        Self::new(secret)
    }
}

/// An AccessKey pair, with the security token of temporary (STS) credentials.
///
/// Cloning is one reference-count increment (the fields live behind an [`Arc`]), since the
/// runtime clones the credentials for every call. `Debug` shows the AccessKey ID, the
/// expiration and the provider but never the secret or the token.
///
/// ```
/// use alibabacloud_core::credentials::Credentials;
/// let sts = Credentials::new("STS.id", "my-secret")?.with_security_token("my-token");
/// assert_eq!(sts.security_token(), Some("my-token"));
/// let shown = format!("{sts:?}");
/// assert!(shown.contains("STS.id") && !shown.contains("my-secret") && !shown.contains("my-token"));
/// # Ok::<(), alibabacloud_core::CredentialsError>(())
/// ```
#[derive(Clone)]
pub struct Credentials {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    access_key_id: Box<str>,
    access_key_secret: SecretString,
    security_token: Option<SecretString>,
    expiration: Option<SystemTime>,
    provider_name: Option<&'static str>,
    /// HMAC-SHA256 keyed with the secret (its inner and outer pads already absorbed),
    /// computed on first use and shared by every clone: it saves two of the five SHA-256
    /// compressions of each ACS3 signature. As secret as the secret; never shown.
    hmac_sha256: OnceLock<hmac::Key>,
    /// HMAC-SHA1 keyed with the secret and `&` (the RPC signature's key), likewise.
    hmac_sha1: OnceLock<hmac::Key>,
}

impl Credentials {
    /// Long-term credentials: an AccessKey ID and its secret.
    ///
    /// ```
    /// use alibabacloud_core::Credentials;
    ///
    /// let credentials = Credentials::new("LTAI...", "my-secret")?;
    /// assert_eq!(credentials.access_key_id(), "LTAI...");
    /// assert!(Credentials::new("", "my-secret").is_err());
    /// # Ok::<(), alibabacloud_core::CredentialsError>(())
    /// ```
    ///
    /// # Errors
    /// An [`InvalidConfiguration`](super::CredentialsErrorKind::InvalidConfiguration) error
    /// when the ID or the secret is empty (or only white space): the gateway would refuse
    /// every request signed with them.
    pub fn new(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<SecretString>,
    ) -> Result<Self, super::CredentialsError> {
        Self::from_provider(access_key_id, access_key_secret, "static")
    }

    /// [`Credentials::new`] for a provider, whose name its error carries.
    pub(crate) fn from_provider(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<SecretString>,
        provider: &'static str,
    ) -> Result<Self, super::CredentialsError> {
        Self::checked(access_key_id.into(), access_key_secret.into(), provider)
    }

    /// [`Credentials::from_provider`] once the arguments are converted (not generic: compiled
    /// once, not once per argument type).
    fn checked(
        access_key_id: String,
        access_key_secret: SecretString,
        provider: &'static str,
    ) -> Result<Self, super::CredentialsError> {
        let empty = |what: &str| {
            super::CredentialsError::invalid_configuration(
                provider,
                format!("the AccessKey {what} is empty"),
            )
        };
        if access_key_id.trim().is_empty() {
            return Err(empty("ID"));
        }
        if access_key_secret.expose_secret().trim().is_empty() {
            return Err(empty("secret"));
        }
        Ok(Self {
            inner: Arc::new(Inner {
                access_key_id: access_key_id.into_boxed_str(),
                access_key_secret,
                security_token: None,
                expiration: None,
                provider_name: None,
                hmac_sha256: OnceLock::new(),
                hmac_sha1: OnceLock::new(),
            }),
        })
    }

    /// The same credentials with an STS security token (temporary credentials).
    #[must_use]
    pub fn with_security_token(mut self, token: impl Into<SecretString>) -> Self {
        Arc::make_mut(&mut self.inner).security_token = Some(token.into());
        self
    }

    /// The same credentials with the time after which they are no longer valid.
    #[must_use]
    pub fn with_expiration(mut self, expiration: SystemTime) -> Self {
        Arc::make_mut(&mut self.inner).expiration = Some(expiration);
        self
    }

    /// The same credentials labelled with the provider that produced them (`"env"`,
    /// `"ecs_ram_role"`, ...), for diagnostics.
    #[must_use]
    pub fn with_provider_name(mut self, provider_name: &'static str) -> Self {
        Arc::make_mut(&mut self.inner).provider_name = Some(provider_name);
        self
    }

    /// The AccessKey ID (not a secret).
    pub fn access_key_id(&self) -> &str {
        &self.inner.access_key_id
    }

    /// The AccessKey secret; use it only to sign.
    pub fn access_key_secret(&self) -> &str {
        self.inner.access_key_secret.expose_secret()
    }

    /// HMAC-SHA256 keyed with the AccessKey secret, computed once per credentials: the ACS3
    /// signer clones it for each signature instead of absorbing the key again.
    pub(crate) fn hmac_sha256(&self) -> &hmac::Key {
        self.inner
            .hmac_sha256
            .get_or_init(|| hmac::Key::new(hmac::HMAC_SHA256, self.access_key_secret().as_bytes()))
    }

    /// HMAC-SHA1 keyed with the AccessKey secret followed by `&` (the RPC signature's key),
    /// computed once per credentials like [`Self::hmac_sha256`].
    pub(crate) fn hmac_sha1(&self) -> &hmac::Key {
        self.inner
            .hmac_sha1
            .get_or_init(|| crate::signing::rpc_v1::hmac_sha1_key(self.access_key_secret()))
    }

    /// The STS security token, for temporary credentials.
    pub fn security_token(&self) -> Option<&str> {
        self.inner
            .security_token
            .as_ref()
            .map(SecretString::expose_secret)
    }

    /// When the credentials stop being valid, if they expire.
    pub fn expiration(&self) -> Option<SystemTime> {
        self.inner.expiration
    }

    /// The provider that produced the credentials, if it said.
    pub fn provider_name(&self) -> Option<&'static str> {
        self.inner.provider_name
    }

    /// Whether the credentials have expired at `now` (never, when they have no expiration).
    pub fn is_expired_at(&self, now: SystemTime) -> bool {
        self.inner
            .expiration
            .is_some_and(|expiration| expiration <= now)
    }

    /// Whether `other` is a clone of these credentials (sharing their derived signing keys).
    #[cfg(test)]
    pub(crate) fn is_same(&self, other: &Credentials) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.inner.access_key_id)
            .field("access_key_secret", &self.inner.access_key_secret)
            .field("security_token", &self.inner.security_token)
            .field("expiration", &self.inner.expiration)
            .field("provider_name", &self.inner.provider_name)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::{Credentials, SecretString};

    const SECRET: &str = "VerySecretAccessKeySecret";
    const TOKEN: &str = "VerySecretSecurityToken";

    #[test]
    fn debug_never_shows_the_secret_or_the_token() {
        let credentials = Credentials::new("LTAIexampleid", SECRET)
            .unwrap()
            .with_security_token(TOKEN)
            .with_expiration(UNIX_EPOCH + Duration::from_secs(1))
            .with_provider_name("test");
        for text in [format!("{credentials:?}"), format!("{credentials:#?}")] {
            assert!(!text.contains(SECRET), "{text}");
            assert!(!text.contains(TOKEN), "{text}");
            assert!(text.contains("LTAIexampleid"), "{text}");
            assert!(text.contains("redacted"), "{text}");
            assert!(text.contains("test"), "{text}");
        }
        let secret = SecretString::new(SECRET);
        assert!(!format!("{secret:?}{secret:#?}").contains(SECRET));
    }

    #[test]
    fn accessors_and_builders() {
        let plain = Credentials::new("id", "secret").unwrap();
        assert_eq!(plain.access_key_id(), "id");
        assert_eq!(plain.access_key_secret(), "secret");
        assert_eq!(plain.security_token(), None);
        assert_eq!(plain.expiration(), None);
        assert_eq!(plain.provider_name(), None);

        let shared = plain.clone();
        let expiry = UNIX_EPOCH + Duration::from_secs(60);
        let sts = plain
            .with_security_token(String::from("tok"))
            .with_expiration(expiry)
            .with_provider_name("sts");
        assert_eq!(sts.security_token(), Some("tok"));
        assert_eq!(sts.expiration(), Some(expiry));
        assert_eq!(sts.provider_name(), Some("sts"));
        // Builders on a shared value copy it instead of changing the other handle.
        assert_eq!(shared.security_token(), None);
    }

    #[test]
    fn empty_ids_and_secrets_are_refused_when_made() {
        for (id, secret, what) in [
            ("", "secret", "ID"),
            ("  ", "secret", "ID"),
            ("id", "", "secret"),
            ("id", " \t", "secret"),
        ] {
            let err = Credentials::new(id, secret).unwrap_err();
            assert_eq!(
                err.kind(),
                crate::credentials::CredentialsErrorKind::InvalidConfiguration
            );
            assert_eq!(
                err.to_string(),
                format!("static: the AccessKey {what} is empty")
            );
        }
    }

    #[test]
    fn is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Credentials>();
        let a = Credentials::new("id", "secret").unwrap();
        let b = a.clone();
        assert!(std::ptr::eq(a.access_key_id(), b.access_key_id()));
    }
}
