//! Signature verification as the gateway does it, written independently of
//! `alibabacloud-core` so that the two implementations check each other.
//!
//! [`acs3`] and [`rpc_v1`] hold the pure computations; [`Verifier`] adds the gateway's
//! rules around them: which headers and parameters must be present and signed, the
//! AccessKeyId lookup, the 15-minute timestamp window, the security token of STS
//! credentials, the body hash and the one-use nonce.
//!
//! The order of the checks (first failure wins):
//!
//! | ACS3-HMAC-SHA256 | HMAC-SHA1 RPC |
//! |---|---|
//! | `Authorization` well formed, else `IncompleteSignature` | `Signature` present, else `IncompleteSignature` |
//! | `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256` present; `host` and every `x-acs-*` header signed; else `IncompleteSignature` | `AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp` present, else `Missing{Name}`; `HMAC-SHA1`/`1.0`, else `InvalidSignatureMethod`/`IncompleteSignature` |
//! | AccessKeyId known, else `InvalidAccessKeyId.NotFound` (404) | same |
//! | `x-acs-date` parses and is within 15 minutes, else `InvalidTimeStamp.Format`/`.Expired` | same with `Timestamp` |
//! | security token (`x-acs-security-token`) required and equal for an STS id, absent for a permanent key | same with `SecurityToken` |
//! | signature (with the SHA-256 of the body actually received) else `SignatureDoesNotMatch` with the server's string to sign | same |
//! | nonce unused in the last 15 minutes (among the last million nonces), else `SignatureNonceUsed` | same |

pub mod acs3;
mod nonce;
pub mod rpc_v1;

use std::sync::{Arc, Mutex, PoisonError};

use hmac::Mac;
use hmac::digest::KeyInit;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::clock::Clock;
use crate::codes;
use crate::credentials::{CredentialStore, KnownCredential};
use crate::request::IncomingRequest;
use crate::response::ServiceError;

use nonce::{MAX_NONCES, NonceCache};

/// How far a request's timestamp may be from the emulator's clock, and how long a nonce
/// stays used: 15 minutes, as at the gateway.
pub const TIMESTAMP_WINDOW: Duration = Duration::minutes(15);

/// A MAC keyed with `key` over `data`. HMAC takes keys of any length, so the fallback to an
/// all-zero key is never taken; it exists so that no code path can panic.
pub(crate) fn keyed_mac<M: Mac + KeyInit>(key: &[u8], data: &[u8]) -> M {
    let mut mac = <M as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| <M as KeyInit>::new(&Default::default()));
    Mac::update(&mut mac, data);
    mac
}

/// Which signature a request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthScheme {
    /// `Authorization: ACS3-HMAC-SHA256 ...`.
    Acs3HmacSha256,
    /// `Signature`, `SignatureMethod=HMAC-SHA1`, ... parameters.
    RpcHmacSha1,
}

/// What the emulator can tell about a request's credentials without checking them: used
/// to record every request, including rejected ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claimed {
    /// The signature scheme, if the request carries one.
    pub scheme: Option<AuthScheme>,
    /// The AccessKeyId the request names.
    pub access_key_id: Option<String>,
    /// The nonce (`x-acs-signature-nonce` or `SignatureNonce`).
    pub nonce: Option<String>,
}

/// Reads the scheme, AccessKeyId and nonce a request claims.
pub fn claimed(request: &IncomingRequest) -> Claimed {
    if let Some(auth) = request.header("authorization")
        && auth.trim_start().starts_with(acs3::ALGORITHM)
    {
        return Claimed {
            scheme: Some(AuthScheme::Acs3HmacSha256),
            access_key_id: acs3::parse_authorization(auth)
                .ok()
                .map(|a| a.access_key_id),
            nonce: request.header("x-acs-signature-nonce").map(str::to_owned),
        };
    }
    if request.param("Signature").is_some() || request.param("SignatureMethod").is_some() {
        return Claimed {
            scheme: Some(AuthScheme::RpcHmacSha1),
            access_key_id: request.param("AccessKeyId").map(str::to_owned),
            nonce: request.param("SignatureNonce").map(str::to_owned),
        };
    }
    Claimed {
        scheme: None,
        access_key_id: request.param("AccessKeyId").map(str::to_owned),
        nonce: None,
    }
}

/// A request whose signature verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The scheme used.
    pub scheme: AuthScheme,
    /// The AccessKeyId.
    pub access_key_id: String,
    /// Whether the credential is an STS credential.
    pub sts: bool,
}

/// The gateway's signature check: credentials, clock and the nonces already seen.
#[derive(Debug)]
pub struct Verifier {
    credentials: CredentialStore,
    clock: Arc<dyn Clock>,
    nonces: Mutex<NonceCache>,
}

impl Verifier {
    /// A verifier over `credentials` with time from `clock`.
    pub fn new(credentials: CredentialStore, clock: Arc<dyn Clock>) -> Self {
        Self {
            credentials,
            clock,
            nonces: Mutex::new(NonceCache::new(TIMESTAMP_WINDOW, MAX_NONCES)),
        }
    }

    /// The credentials this verifier accepts.
    pub fn credentials(&self) -> &CredentialStore {
        &self.credentials
    }

    /// Checks `request` as the gateway does; on success the nonce is now used.
    pub fn verify(&self, request: &IncomingRequest) -> Result<Verified, ServiceError> {
        match request.header("authorization") {
            Some(auth) if auth.trim_start().starts_with(acs3::ALGORITHM) => {
                self.verify_acs3(request, auth)
            }
            Some(_) => Err(incomplete(
                "the Authorization header does not use ACS3-HMAC-SHA256",
            )),
            None if request.param("Signature").is_some() => self.verify_rpc(request),
            None => Err(incomplete(
                "the request carries no signature (no Authorization header, no Signature parameter)",
            )),
        }
    }

    fn verify_acs3(
        &self,
        request: &IncomingRequest,
        header: &str,
    ) -> Result<Verified, ServiceError> {
        let auth = acs3::parse_authorization(header).map_err(|e| incomplete(&e.to_string()))?;
        for required in [
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-content-sha256",
        ] {
            if request.header(required).is_none_or(|v| v.trim().is_empty()) {
                return Err(incomplete(&format!("the header {required} is missing")));
            }
        }
        let signed = |name: &str| auth.signed_headers.iter().any(|h| h == name);
        if !signed("host") {
            return Err(incomplete("the header host is not signed"));
        }
        if let Some((name, _)) = request
            .headers
            .iter()
            .find(|(name, _)| name.starts_with("x-acs-") && !signed(name))
        {
            return Err(incomplete(&format!("the header {name} is not signed")));
        }
        let credential = self.lookup(&auth.access_key_id)?;
        let now = self.clock.now();
        check_time(request.header("x-acs-date").unwrap_or_default(), now)?;
        check_token(&credential, request.header("x-acs-security-token"), now)?;
        // The gateway hashes the body it received; a wrong x-acs-content-sha256 therefore
        // shows up as a signature mismatch whose string to sign has the real hash.
        let body_hash = acs3::hex_sha256(&request.body);
        acs3::verify_with_payload_hash(request, &auth, credential.secret(), &body_hash).map_err(
            |mismatch| {
                ServiceError::gateway_with_message(
                    codes::SIGNATURE_DOES_NOT_MATCH,
                    format!(
                        "{}{}",
                        codes::SIGNATURE_DOES_NOT_MATCH_PREFIX,
                        mismatch.string_to_sign
                    ),
                )
                .with_extra("CanonicalRequest", mismatch.canonical_request)
            },
        )?;
        self.use_nonce(
            request.header("x-acs-signature-nonce").unwrap_or_default(),
            now,
        )?;
        Ok(Verified {
            scheme: AuthScheme::Acs3HmacSha256,
            access_key_id: auth.access_key_id,
            sts: matches!(credential, KnownCredential::Sts { .. }),
        })
    }

    fn verify_rpc(&self, request: &IncomingRequest) -> Result<Verified, ServiceError> {
        for name in [
            "AccessKeyId",
            "SignatureMethod",
            "SignatureVersion",
            "SignatureNonce",
            "Timestamp",
        ] {
            if request.param(name).is_none_or(str::is_empty) {
                return Err(ServiceError::missing(&format!("Missing{name}"), name));
            }
        }
        if request.param("SignatureMethod") != Some(rpc_v1::SIGNATURE_METHOD) {
            return Err(ServiceError::gateway(codes::INVALID_SIGNATURE_METHOD));
        }
        if request.param("SignatureVersion") != Some(rpc_v1::SIGNATURE_VERSION) {
            return Err(incomplete("SignatureVersion must be 1.0"));
        }
        let access_key_id = request.param("AccessKeyId").unwrap_or_default();
        let credential = self.lookup(access_key_id)?;
        let now = self.clock.now();
        check_time(request.param("Timestamp").unwrap_or_default(), now)?;
        check_token(&credential, request.param("SecurityToken"), now)?;
        rpc_v1::verify(request, credential.secret()).map_err(|to_sign| {
            ServiceError::gateway_with_message(
                codes::SIGNATURE_DOES_NOT_MATCH,
                format!("{}{to_sign}", codes::SIGNATURE_DOES_NOT_MATCH_PREFIX),
            )
        })?;
        self.use_nonce(request.param("SignatureNonce").unwrap_or_default(), now)?;
        Ok(Verified {
            scheme: AuthScheme::RpcHmacSha1,
            access_key_id: access_key_id.to_owned(),
            sts: matches!(credential, KnownCredential::Sts { .. }),
        })
    }

    fn lookup(&self, access_key_id: &str) -> Result<KnownCredential, ServiceError> {
        self.credentials
            .get(access_key_id)
            .ok_or_else(|| ServiceError::gateway(codes::INVALID_ACCESS_KEY_ID_NOT_FOUND))
    }

    fn use_nonce(&self, nonce: &str, now: OffsetDateTime) -> Result<(), ServiceError> {
        let fresh = self
            .nonces
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .check_and_insert(nonce, now);
        if fresh {
            Ok(())
        } else {
            Err(ServiceError::gateway(codes::SIGNATURE_NONCE_USED))
        }
    }
}

/// `IncompleteSignature` with the standard message and what exactly is wrong.
fn incomplete(detail: &str) -> ServiceError {
    ServiceError::gateway_with_message(
        codes::INCOMPLETE_SIGNATURE,
        format!("{} ({detail})", codes::INCOMPLETE_SIGNATURE_MESSAGE),
    )
}

/// Checks a `yyyy-MM-ddTHH:mm:ssZ` timestamp against the 15-minute window.
fn check_time(value: &str, now: OffsetDateTime) -> Result<(), ServiceError> {
    let at = OffsetDateTime::parse(value.trim(), &Rfc3339)
        .map_err(|_| ServiceError::gateway(codes::INVALID_TIMESTAMP_FORMAT))?;
    if (now - at).abs() > TIMESTAMP_WINDOW {
        return Err(ServiceError::gateway(codes::INVALID_TIMESTAMP_EXPIRED));
    }
    Ok(())
}

/// The security-token rules: an STS id needs its token, a permanent key takes none.
fn check_token(
    credential: &KnownCredential,
    token: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), ServiceError> {
    let token = token.filter(|t| !t.is_empty());
    match credential {
        KnownCredential::AccessKey { .. } => match token {
            Some(_) => Err(ServiceError::gateway(
                codes::INVALID_SECURITY_TOKEN_MISMATCH,
            )),
            None => Ok(()),
        },
        KnownCredential::Sts {
            token: expected,
            expires_at,
            ..
        } => match token {
            None => Err(ServiceError::gateway(codes::MISSING_SECURITY_TOKEN)),
            Some(t) if t != expected => Err(ServiceError::gateway(
                codes::INVALID_SECURITY_TOKEN_MISMATCH,
            )),
            Some(_) if expires_at.is_some_and(|e| now >= e) => {
                Err(ServiceError::gateway(codes::INVALID_SECURITY_TOKEN_EXPIRED))
            }
            Some(_) => Ok(()),
        },
    }
}
