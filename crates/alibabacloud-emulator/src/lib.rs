//! A local emulator of Alibaba Cloud RPC and ROA services, for tests and for trying clients
//! out.
//!
//! - **Signature verification**, written independently of `alibabacloud-core`: both
//!   ACS3-HMAC-SHA256 and the legacy HMAC-SHA1 RPC signature, with the gateway's rules
//!   (required headers, 15-minute timestamp window, one-use nonces, STS tokens) and its
//!   error codes and messages (see [`codes`] for the sources).
//! - **Credentials**: AccessKey pairs and STS credentials, configurable before start and
//!   addable while running ([`CredentialStore`]).
//! - **Scripted replies**: errors, throttling with `x-acs-retry-after`, 5xx, raw HTML
//!   pages, delays, dropped connections, hangs, `Success: false` bodies ([`Reply`]).
//! - **Recording** of the requests, for assertions ([`RecordedRequest`]): the last 10 000
//!   by default ([`Emulator::max_recorded`]) within 64 MiB
//!   ([`Emulator::max_recorded_bytes`]), bodies cut to their first 64 KiB.
//! - **Spec-driven operations**: with specs loaded (`api-docs.json`), requests are routed
//!   by action and version (RPC) or by method and path template (ROA, and V3 operations
//!   with a path), checked (method, required path, query, header and body parameters,
//!   parameter types) and answered with the documented success example (ROA: the
//!   documented 2xx status, any JSON body or none). Errors of ROA operations have the ROA
//!   shape (`code`, `message`, `requestId`, ... in lower camel case). Without specs, every
//!   correctly signed action answers `{"RequestId": "...", "Success": true}`.
//!
//! # Example
//!
//! ```no_run
//! use std::time::Duration;
//! use alibabacloud_emulator::{Emulator, Reply};
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let emulator = Emulator::new()
//!     .access_key("testid", "testsecret")
//!     .start()
//!     .await?;
//!
//! // The first call is throttled, the second succeeds.
//! emulator.script(Reply::throttling().retry_after(Duration::from_millis(10)));
//!
//! // ... point the client under test at emulator.endpoint() and call it ...
//!
//! let requests = emulator.requests();
//! assert!(requests.iter().all(|r| r.verdict.is_accepted()));
//! let nonces: std::collections::HashSet<_> = requests.iter().map(|r| r.nonce.clone()).collect();
//! assert_eq!(nonces.len(), requests.len(), "every attempt needs a fresh nonce");
//! emulator.shutdown().await;
//! # Ok(()) }
//! ```

mod catalog;
mod clock;
pub mod codes;
mod credentials;
pub mod encoding;
mod error;
mod handler;
pub mod paging;
mod record;
mod request;
mod response;
pub mod script;
mod server;
pub mod sign;
pub mod verify;

pub use clock::{Clock, FixedClock, SystemClock};
pub use credentials::{CredentialStore, KnownCredential};
pub use error::EmulatorError;
pub use record::{
    DEFAULT_MAX_RECORDED, DEFAULT_MAX_RECORDED_BYTES, MAX_RECORDED_BODY, Outcome, RecordedRequest,
    Verdict,
};
pub use request::IncomingRequest;
pub use response::{JSON_CONTENT_TYPE, REQUEST_ID_HEADER, ServiceError};
pub use script::Reply;
pub use server::{DEFAULT_MAX_BODY_SIZE, Emulator, EmulatorHandle};
pub use verify::{AuthScheme, Verified, Verifier};

/// The demo AccessKeyId the binary accepts when no `--access-key` is given. Not a secret:
/// it only opens the local emulator.
pub const DEMO_ACCESS_KEY_ID: &str = "EmulatorDemoKeyId";
/// The demo AccessKeySecret paired with [`DEMO_ACCESS_KEY_ID`].
pub const DEMO_ACCESS_KEY_SECRET: &str = "EmulatorDemoKeySecret";
