//! The AccessKey pairs and STS credentials the emulator knows.
//!
//! Secrets never appear in `Debug` output, logs or error messages.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};

use time::OffsetDateTime;

/// What the emulator knows about one AccessKeyId.
#[derive(Clone, PartialEq, Eq)]
pub enum KnownCredential {
    /// A permanent AccessKey pair: requests must not carry a security token.
    AccessKey {
        /// The AccessKeySecret.
        secret: String,
    },
    /// A temporary STS credential: requests must carry this security token.
    Sts {
        /// The AccessKeySecret.
        secret: String,
        /// The security token.
        token: String,
        /// When the credential expires, if it does.
        expires_at: Option<OffsetDateTime>,
    },
}

impl KnownCredential {
    /// The AccessKeySecret.
    pub fn secret(&self) -> &str {
        match self {
            Self::AccessKey { secret } | Self::Sts { secret, .. } => secret,
        }
    }
}

impl fmt::Debug for KnownCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AccessKey { .. } => f
                .debug_struct("AccessKey")
                .field("secret", &"<redacted>")
                .finish(),
            Self::Sts { expires_at, .. } => f
                .debug_struct("Sts")
                .field("secret", &"<redacted>")
                .field("token", &"<redacted>")
                .field("expires_at", expires_at)
                .finish(),
        }
    }
}

/// The credentials the emulator accepts, shared between the builder, the running server
/// and its handle: credentials added through [`EmulatorHandle::credentials`] are accepted
/// by the next request.
///
/// [`EmulatorHandle::credentials`]: crate::EmulatorHandle::credentials
#[derive(Clone, Default)]
pub struct CredentialStore(Arc<RwLock<HashMap<String, KnownCredential>>>);

impl CredentialStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a permanent AccessKey pair.
    pub fn add_access_key(&self, id: impl Into<String>, secret: impl Into<String>) {
        self.insert(
            id.into(),
            KnownCredential::AccessKey {
                secret: secret.into(),
            },
        );
    }

    /// Adds (or replaces) an STS credential that does not expire.
    pub fn add_sts(
        &self,
        id: impl Into<String>,
        secret: impl Into<String>,
        token: impl Into<String>,
    ) {
        self.insert(
            id.into(),
            KnownCredential::Sts {
                secret: secret.into(),
                token: token.into(),
                expires_at: None,
            },
        );
    }

    /// Adds (or replaces) an STS credential that expires at `expires_at` (by the
    /// emulator's clock); afterwards requests get `InvalidSecurityToken.Expired`.
    pub fn add_sts_expiring(
        &self,
        id: impl Into<String>,
        secret: impl Into<String>,
        token: impl Into<String>,
        expires_at: OffsetDateTime,
    ) {
        self.insert(
            id.into(),
            KnownCredential::Sts {
                secret: secret.into(),
                token: token.into(),
                expires_at: Some(expires_at),
            },
        );
    }

    /// Forgets an AccessKeyId; returns whether it was known.
    pub fn remove(&self, id: &str) -> bool {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id)
            .is_some()
    }

    /// What is known about `id`.
    pub fn get(&self, id: &str) -> Option<KnownCredential> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .cloned()
    }

    /// The known AccessKeyIds, sorted.
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .cloned()
            .collect();
        ids.sort();
        ids
    }

    fn insert(&self, id: String, credential: KnownCredential) {
        self.0
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id, credential);
    }
}

impl fmt::Debug for CredentialStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialStore")
            .field("ids", &self.ids())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let store = CredentialStore::new();
        store.add_access_key("id1", "very-secret");
        store.add_sts("STS.id2", "also-secret", "token-secret");
        let text = format!(
            "{store:?} {:?} {:?}",
            store.get("id1"),
            store.get("STS.id2")
        );
        assert!(!text.contains("secret\""), "{text}");
        assert!(!text.contains("very-secret") && !text.contains("token-secret"));
        assert!(text.contains("STS.id2"));
    }

    #[test]
    fn adds_replaces_and_removes() {
        let store = CredentialStore::new();
        store.add_access_key("id", "a");
        store.add_access_key("id", "b");
        assert_eq!(
            store.get("id").map(|c| c.secret().to_owned()),
            Some("b".into())
        );
        assert!(store.remove("id"));
        assert!(!store.remove("id"));
        assert_eq!(store.get("id"), None);
    }
}
