//! Request signers: pure functions from request parts, credentials, time and nonce to the
//! headers (ACS3) or parameters (RPC) to add. No I/O, no clock, no HTTP types: the runtime
//! builds the request, calls a signer, and copies the output onto its `http::Request`.
//!
//! - [`acs3`]: ACS3-HMAC-SHA256, the default ([`sign_acs3`]).
//! - [`rpc_v1`]: the legacy HMAC-SHA1 RPC signature ([`sign_rpc_v1`]).
//! - [`flatten`]: RPC parameter flattening per metadata `style`.
//! - [`encoding`]: the RFC 3986 percent-encoding both signatures use.
//! - [`new_nonce`] and [`format_timestamp`]: the only helpers that draw randomness or format
//!   a clock reading; the signers take both as inputs ([`SigningParams`]).
//!
//! Every golden vector of the official documentation and utilities is a test
//! (`tests/signing_vectors.rs`).

pub mod acs3;
mod canonical;
pub mod encoding;
mod error;
pub mod flatten;
mod nonce;
mod output;
mod params;
pub mod rpc_v1;
mod scratch;
mod sink;
mod timestamp;

pub(crate) use acs3::sign_acs3_encoded;
pub use acs3::{
    PreparedRequest, SignableBody, SignableRequest, acs3_canonical_request, acs3_string_to_sign,
    sign_acs3,
};
pub(crate) use canonical::{Pair, sort_pairs};
pub use encoding::{canonical_query_string, form_urlencode, percent_encode};
pub(crate) use encoding::{encoded_len, write_pairs};
pub use error::SigningError;
pub use flatten::{ParamStyle, UnknownParamStyle};
pub use nonce::new_nonce;
pub(crate) use output::is_sensitive as is_sensitive_output;
pub use output::{SigningOutput, SigningOutputIter};
pub use params::SigningParams;
pub use rpc_v1::{rpc_v1_sign_params, rpc_v1_signature, rpc_v1_string_to_sign, sign_rpc_v1};
pub(crate) use scratch::Scratch;
pub(crate) use sink::digest_bytes;
pub use timestamp::format_timestamp;
