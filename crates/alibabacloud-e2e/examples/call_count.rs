//! The call of the `call` benchmark (`QueryCashCoupons` through the generated client, signed,
//! answered at once by a `CannedTransport` with the documented body, decoded), repeated N
//! times (with `send()`, or `send_with_metadata()` when the second argument is `metadata`):
//! a fixed workload for counting instructions and allocations, which the load of a shared
//! machine does not move as it moves times.
//!
//! ```sh
//! cargo build --release -p alibabacloud-e2e --example call_count
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/call_count 1000
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/call_count 1000 metadata
//! valgrind --tool=dhat --dhat-out-file=/dev/null target/release/examples/call_count 1000
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/call_count 1000 send chain
//! ```
//!
//! With `chain` as the third argument, the credentials come from the default chain (the one
//! `Config::from_env()` installs) over a fixed environment holding the same AccessKey pair,
//! instead of fixed `Credentials`: the environment provider answers every call. With `fixed`,
//! the client signs with a fixed time and nonce (the `call_with_fixed_time_and_nonce` of the
//! benchmark).
//!
//! With `floor` as the second argument, the same call by hand without the SDK (the
//! benchmark's `floor_by_hand`, with the same fixed time and nonce; checked once to build the
//! request our client sends): set next to `send fixed`, the difference is the SDK's own work.
//!
//! ```sh
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/call_count 1000 send fixed
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/call_count 1000 floor
//! ```
//!
//! Run it with two counts (e.g. 1000 and 2000) and divide the difference by the difference of
//! the counts: that is the cost of one call, without the set-up.

#![allow(clippy::unwrap_used, missing_docs)]

#[path = "../benches/support/mod.rs"]
mod support;

use alibabacloud_bssopenapi20171214 as bss;

fn main() {
    let calls: u32 = std::env::args()
        .nth(1)
        .map_or(1000, |n| n.parse().expect("a number of calls"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let with_metadata = match std::env::args().nth(2).as_deref() {
        None | Some("send") => false,
        Some("metadata") => true,
        Some("floor") => {
            let floor = support::floor::Floor::new(&support::documented_body());
            floor.check(&runtime);
            for _ in 0..calls {
                std::hint::black_box(floor.call(
                    std::hint::black_box(support::floor::FIXED_DATE),
                    std::hint::black_box(support::floor::FIXED_NONCE),
                    support::floor::floor_params(),
                ));
            }
            return;
        }
        Some(other) => panic!("expected `send`, `metadata` or `floor`, not `{other}`"),
    };
    let mut builder = support::builder(&support::documented_body());
    match std::env::args().nth(3).as_deref() {
        None | Some("static") => {}
        Some("fixed") => builder = support::floor::fixed(builder),
        Some("chain") => {
            use alibabacloud_core::credentials::{CredentialsProviderChain, ProviderConfig};
            let env = alibabacloud_core::env::Env::from_pairs([
                ("ALIBABA_CLOUD_ACCESS_KEY_ID", "YourAccessKeyId"),
                ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "YourAccessKeySecret"),
                ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
            ]);
            builder = builder.credentials_provider(CredentialsProviderChain::default_chain(
                &ProviderConfig::new().with_env(env),
            ));
        }
        Some(other) => panic!("expected `static`, `chain` or `fixed`, not `{other}`"),
    }
    let config = builder.build().unwrap();
    let client = bss::Client::new(config);
    runtime.block_on(async {
        for _ in 0..calls {
            if with_metadata {
                std::hint::black_box(support::one_call_with_metadata(&client).await);
            } else {
                std::hint::black_box(support::one_call(&client).await);
            }
        }
    });
}
