//! Allocations per call, end to end, of our generated client against bare reqwest, over
//! loopback: the set-up of the `loopback` benchmark (a local hyper server on 127.0.0.1
//! answering the documented `QueryCashCoupons` body; our client's `send()`; bare reqwest
//! replaying the request our client sends, already signed, with `.bytes()`; and bare reqwest
//! plus `serde_json::from_slice` into the generated model), with a counting global
//! allocator.
//!
//! ```sh
//! cargo run --release -p alibabacloud-e2e --example call_allocations          # 10000 calls
//! cargo run --release -p alibabacloud-e2e --example call_allocations -- 50000
//! ```
//!
//! Only the client's allocations are counted: the allocator (`allocation-counter`, which
//! declares the `#[global_allocator]` itself: using the crate installs it) counts per
//! thread, within `measure`, and the client runs on a current-thread runtime on this thread
//! (our code, reqwest's and hyper's connection tasks), while the server runs on a thread of
//! its own. Connections are kept alive, and each path is warmed up first, so the count is
//! that of a call on an open connection, with no connect. The warm-up and the start-up
//! checks of the benchmark (each path gets the expected answer) run before counting.
//!
//! The counting allocator implements no `realloc`, so a reallocation is counted as one
//! allocation (of the new size) and one free, as a copying `realloc` does. "Still live" is
//! what the N calls left allocated (pools, caches); it should not grow with N.
//!
//! Target of issue #12: our client's allocations per call at most bare reqwest's + 15.

#![allow(clippy::unwrap_used, clippy::print_stdout, missing_docs)]

use allocation_counter::AllocationInfo;

#[path = "../benches/support/loopback.rs"]
mod loopback;
#[path = "../benches/support/mod.rs"]
mod support;

use loopback::{Path, Setup};

/// Calls of each path before counting.
const WARM_UP: usize = 1_000;

fn main() {
    let calls: usize = std::env::args()
        .nth(1)
        .map_or(10_000, |n| n.parse().expect("a number of calls"));
    assert!(calls > 0, "a number of calls above 0");
    let Setup {
        runtime,
        server,
        clients,
    } = Setup::start(support::documented_body(), 1);
    runtime.block_on(async {
        for _ in 0..WARM_UP {
            for path in Path::ALL {
                path.call(&clients).await;
            }
        }
    });

    let counts: Vec<AllocationInfo> = Path::ALL
        .iter()
        .map(|path| {
            allocation_counter::measure(|| {
                runtime.block_on(async {
                    for _ in 0..calls {
                        path.call(&clients).await;
                    }
                });
            })
        })
        .collect();

    let per_call = |n: u64| n as f64 / calls as f64;
    println!(
        "allocations per call, end to end, client thread only ({calls} calls of each path after \
         {WARM_UP} of warm-up; documented body, {} bytes)",
        server.body().len()
    );
    println!(
        "  {:<16} {:>12} {:>12} {:>12}",
        "path", "allocations", "bytes", "still live"
    );
    for (path, info) in Path::ALL.iter().zip(&counts) {
        println!(
            "  {:<16} {:>12.1} {:>12.0} {:>12}",
            path.name(),
            per_call(info.count_total),
            per_call(info.bytes_total),
            info.count_current,
        );
    }
    let [sdk, reqwest, decode] = [&counts[0], &counts[1], &counts[2]];
    println!(
        "sdk - reqwest: {:+.1} allocations per call (issue #12's target: at most +15); \
         sdk - reqwest+decode: {:+.1}",
        per_call(sdk.count_total) - per_call(reqwest.count_total),
        per_call(sdk.count_total) - per_call(decode.count_total),
    );
}
