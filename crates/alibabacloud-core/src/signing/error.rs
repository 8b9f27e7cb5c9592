//! The one error type of the signers.

/// Why a request could not be signed.
///
/// Messages name the offending header or parameter but never carry a value: values may be
/// secrets (a security token, a signature).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SigningError {
    /// A header name is empty or holds a byte that is not an HTTP token character (for example
    /// a space, a colon or a non-ASCII character).
    #[error("invalid header name {name:?}: a header name must be a non-empty HTTP token (ASCII)")]
    InvalidHeaderName {
        /// The header name as given.
        name: String,
    },
    /// A header value holds a control character (CR, LF, NUL, ...) that cannot be sent.
    #[error("invalid value for header {name:?}: it contains a control character")]
    InvalidHeaderValue {
        /// The (lower-cased) header name.
        name: String,
    },
    /// The caller supplied a header that the signer itself adds (`x-acs-date`, `Authorization`,
    /// ...); signing it twice would produce a request the server rejects.
    #[error("header {name:?} is added by the signer and must not be supplied by the caller")]
    ReservedHeader {
        /// The header name as given.
        name: String,
    },
    /// The caller supplied a parameter that the RPC signer itself adds (`Signature`,
    /// `Timestamp`, ...).
    #[error("parameter {name:?} is added by the signer and must not be supplied by the caller")]
    ReservedParameter {
        /// The parameter name as given.
        name: String,
    },
    /// The HTTP method contains a control character.
    #[error("invalid HTTP method: it contains a control character")]
    InvalidMethod,
    /// The request path contains a control character or a space.
    #[error("invalid request path: it contains a control character or a space")]
    InvalidPath,
    /// A precomputed body hash is not 64 lower-case hexadecimal digits.
    #[error("invalid precomputed body hash: expected 64 lower-case hexadecimal digits")]
    InvalidContentSha256,
    /// The signing time is before 1970 (a clock that is not set) or cannot be written as
    /// `yyyy-MM-ddTHH:mm:ssZ` (from year 10000 on).
    #[error("signing time is outside the years 1970-9999")]
    TimeOutOfRange,
    /// A credential field cannot be sent in a header (it contains a control character).
    #[error("credential field {field} contains a control character")]
    InvalidCredential {
        /// Which field: `AccessKeyId`, `AccessKeySecret` or `SecurityToken`.
        field: &'static str,
    },
}
