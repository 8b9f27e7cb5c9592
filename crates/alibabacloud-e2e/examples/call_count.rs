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
    let with_metadata = match std::env::args().nth(2).as_deref() {
        None | Some("send") => false,
        Some("metadata") => true,
        Some(other) => panic!("expected `send` or `metadata`, not `{other}`"),
    };
    let config = support::builder(&support::documented_body())
        .build()
        .unwrap();
    let client = bss::Client::new(config);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
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
