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
//! | `benches/call.rs` | one `QueryCashCoupons` call (build, sign, decode) on a canned transport; decoding a 10,000-coupon body against serde_json into a minimal struct |
//! | `benches/loopback.rs` | our client against bare reqwest sending the same signed request to a local hyper server: latency at concurrency 1 (p50/p90/p99, interleaved) and calls/s at concurrency 64, with the ratios (issue 12) |
//! | `examples/call_allocations.rs` | allocations per call end to end (client thread only) of our client and bare reqwest, on the loopback server |
//! | `examples/large_body_memory.rs` | peak live heap while receiving and decoding the 10,000-coupon body (about 4.5 MB), as a multiple of its size, for our client and bare reqwest |
//! | `examples/call_count.rs`, `examples/upload_memory.rs` | fixed workloads for callgrind/dhat, and the peak memory of a large upload |
//!
//! Run them with `cargo test -p alibabacloud-e2e`, and:
//!
//! ```sh
//! cargo bench -p alibabacloud-e2e --bench call
//! cargo bench -p alibabacloud-e2e --bench loopback                     # about 1.5 minutes
//! LOOPBACK_QUICK=1 cargo bench -p alibabacloud-e2e --bench loopback    # under a minute
//! cargo run --release -p alibabacloud-e2e --example call_allocations
//! cargo run --release -p alibabacloud-e2e --example large_body_memory
//! ```
//!
//! The loopback benchmark's settings (sample sizes, durations, summary only) are environment
//! variables listed in its documentation (`benches/loopback.rs`).

/// The Rust examples of the top-level `README.md`, compiled as doc tests so that the README
/// cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeExamples;
