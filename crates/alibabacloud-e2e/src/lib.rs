//! End-to-end tests of the generated clients (`alibabacloud-bssopenapi20171214`,
//! `alibabacloud-quickbi-public20220101`) against the local emulator
//! (`alibabacloud-emulator`), and the benchmark of the client-side work of one call.
//!
//! This library is empty on purpose; the crate exists for its `tests/` and `benches/`:
//!
//! | file | what it checks |
//! |---|---|
//! | `tests/success.rs` | both operations through the emulator, every field of the documented answer, both signature styles, STS credentials (static and from `AssumeRole`) |
//! | `tests/errors.rs` | every documented error code as its enum variant, unknown codes, `Success: false`, missing required parameters (client side and emulator side), secrets kept out of errors |
//! | `tests/resilience.rs` | retries on 5xx, throttling and network failures, no retry for a failed write (a fixture spec), attempt, read and operation timeouts |
//! | `tests/signatures.rs` | the generated clients reproduce the signing vectors V3-3 and V1-3 with a fixed time and nonce, and the emulator accepts them |
//! | `tests/generated_api.rs` | the generated API on a recording transport: encoding, typed errors, open enums, redacted `Debug` |
//! | `tests/response_examples.rs` | each spec's documented success example decodes into the generated types, every field checked |
//! | `tests/no_secret_leaks.rs` | every secret of a call and of the credentials sources, pushed through every error path (echoing servers, undecodable, non-UTF-8 and HTML bodies, broken files, failing credential services), never shows in `Debug`, `Display`, sources or a TRACE log |
//! | `tests/properties.rs` | property tests of both operations' decoders on damaged and random answers |
//! | `benches/call.rs` | one `QueryCashCoupons` call (build, sign, decode) on a canned transport |
//!
//! Run them with `cargo test -p alibabacloud-e2e` and
//! `cargo bench -p alibabacloud-e2e --bench call`.

/// The Rust examples of the top-level `README.md`, compiled as doc tests so that the README
/// cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeExamples;
