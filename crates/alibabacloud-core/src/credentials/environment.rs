//! Credentials from environment variables.

use std::sync::{Arc, Mutex, PoisonError};

use super::{Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture};
use crate::env::Env;

/// The variable holding the AccessKey ID.
pub const ACCESS_KEY_ID_VAR: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// The variable holding the AccessKey secret.
pub const ACCESS_KEY_SECRET_VAR: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// The variable holding the STS security token, for temporary credentials.
pub const SECURITY_TOKEN_VAR: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";

/// Reads `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and, for STS
/// credentials, `ALIBABA_CLOUD_SECURITY_TOKEN`, each time it is asked.
///
/// It does not apply (a chain moves on) when the AccessKey ID is unset or empty; an ID without
/// a secret is a configuration error.
///
/// The credentials last built are kept and handed out again while the variables hold the same
/// values (so their signing keys are derived once, not once per request); a change of any of
/// them is seen by the next request, as without the cache. Clones share the cache.
#[derive(Clone, Default)]
pub struct EnvironmentProvider {
    env: Env,
    last: Arc<Mutex<Option<Credentials>>>,
}

impl std::fmt::Debug for EnvironmentProvider {
    /// Leaves the environment out: a fixed test environment holds the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnvironmentProvider")
            .finish_non_exhaustive()
    }
}

impl EnvironmentProvider {
    /// A provider that reads the process environment.
    pub fn new() -> Self {
        Self::default()
    }

    /// A provider that reads the given environment (for tests).
    pub fn with_env(env: Env) -> Self {
        EnvironmentProvider {
            env,
            last: Arc::default(),
        }
    }

    /// Reads the credentials now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        const NAME: &str = "environment";
        let Some(id) = self.env.get(ACCESS_KEY_ID_VAR) else {
            return Err(CredentialsError::not_configured(
                NAME,
                format!("{ACCESS_KEY_ID_VAR} is not set"),
            ));
        };
        let Some(secret) = self.env.get(ACCESS_KEY_SECRET_VAR) else {
            return Err(CredentialsError::invalid_configuration(
                NAME,
                format!("{ACCESS_KEY_ID_VAR} is set but {ACCESS_KEY_SECRET_VAR} is not"),
            ));
        };
        let token = self.env.get(SECURITY_TOKEN_VAR);
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(cached) = last.as_ref()
            && cached.access_key_id() == id
            && cached.access_key_secret() == secret
            && cached.security_token() == token.as_deref()
        {
            return Ok(cached.clone());
        }
        let mut credentials =
            Credentials::from_provider(id, secret, NAME)?.with_provider_name(NAME);
        if let Some(token) = token {
            credentials = credentials.with_security_token(token);
        }
        *last = Some(credentials.clone());
        Ok(credentials)
    }
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        let result = self.load();
        Box::pin(async move { result })
    }

    /// The credentials the variables hold now; `None` when they are unusable (the future of
    /// [`Self::provide_credentials`] then gives the error).
    fn credentials_now(&self) -> Option<Credentials> {
        self.load().ok()
    }

    fn name(&self) -> &'static str {
        "environment"
    }

    fn official_name(&self) -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("env")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::CredentialsErrorKind;

    #[test]
    fn reads_pair_and_token() {
        let env = Env::from_pairs([
            (ACCESS_KEY_ID_VAR, "id"),
            (ACCESS_KEY_SECRET_VAR, "very-secret"),
            (SECURITY_TOKEN_VAR, "tok"),
        ]);
        let c = EnvironmentProvider::with_env(env).load().unwrap();
        assert_eq!(c.access_key_id(), "id");
        assert_eq!(c.access_key_secret(), "very-secret");
        assert_eq!(c.security_token(), Some("tok"));
    }

    #[test]
    fn absent_id_is_not_configured_and_missing_secret_is_invalid() {
        let e = EnvironmentProvider::with_env(Env::from_pairs::<&str, &str>([]))
            .load()
            .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::NotConfigured);
        let e = EnvironmentProvider::with_env(Env::from_pairs([(ACCESS_KEY_ID_VAR, "id")]))
            .load()
            .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::InvalidConfiguration);
        assert!(e.to_string().contains(ACCESS_KEY_SECRET_VAR));
    }

    #[test]
    fn unchanged_variables_give_the_same_credentials_and_a_change_is_seen() {
        let pair = [
            (ACCESS_KEY_ID_VAR, "id"),
            (ACCESS_KEY_SECRET_VAR, "secret-1"),
        ];
        let mut provider = EnvironmentProvider::with_env(Env::from_pairs(pair));
        let first = provider.load().unwrap();
        assert!(provider.load().unwrap().is_same(&first), "built once");
        let now = provider.credentials_now().unwrap();
        assert!(now.is_same(&first));
        assert_eq!(now.provider_name(), Some("environment"));

        // Each variable's change is seen by the next call.
        provider.env = Env::from_pairs([
            (ACCESS_KEY_ID_VAR, "id"),
            (ACCESS_KEY_SECRET_VAR, "secret-2"),
        ]);
        let second = provider.load().unwrap();
        assert!(!second.is_same(&first));
        assert_eq!(second.access_key_secret(), "secret-2");
        provider.env = Env::from_pairs([
            (ACCESS_KEY_ID_VAR, "id"),
            (ACCESS_KEY_SECRET_VAR, "secret-2"),
            (SECURITY_TOKEN_VAR, "tok"),
        ]);
        let third = provider.load().unwrap();
        assert_eq!(third.security_token(), Some("tok"));
        assert!(provider.load().unwrap().is_same(&third));
        provider.env = Env::from_pairs([
            (ACCESS_KEY_ID_VAR, "id-2"),
            (ACCESS_KEY_SECRET_VAR, "secret-2"),
        ]);
        let fourth = provider.load().unwrap();
        assert_eq!(
            (fourth.access_key_id(), fourth.security_token()),
            ("id-2", None)
        );

        // Unusable variables: no credentials now, and the future gives the error.
        provider.env = Env::from_pairs([(ACCESS_KEY_ID_VAR, "id-2")]);
        assert!(provider.credentials_now().is_none());
        assert_eq!(
            provider.load().unwrap_err().kind(),
            CredentialsErrorKind::InvalidConfiguration
        );
    }
}
