//! Our generated client against bare reqwest, side by side, over loopback: a local hyper
//! HTTP/1.1 server on 127.0.0.1 (keep-alive) answers every request with the documented
//! `QueryCashCoupons` body, `content-type: application/json` and an `x-acs-request-id`.
//! Three ways of making the call, in the same run:
//!
//! - `sdk`: `client.query_cash_coupons()` with 3 parameters, `.send()` (signed with
//!   ACS3-HMAC-SHA256, static credentials, the default transport, retries and timeouts, the
//!   body decoded into the generated model);
//! - `reqwest`: a bare `reqwest::Client` (keep-alive, no redirects) sending the request our
//!   client sends, already signed: captured once on the server (method, path, query, every
//!   header, body) and replayed on every call, the body read with `.bytes()`;
//! - `reqwest_decode`: the same, then `serde_json::from_slice` into the generated model, for
//!   reference (bare reqwest doing the decoding our client does).
//!
//! At start-up each path is checked once against the server: our client gets `200`, the
//! request id and the server's bytes, and decodes the 1 coupon; bare reqwest's replay is, on
//! the wire, the request our client sent, and gets `200` and the same bytes. A path that
//! fails panics there, so the benchmark cannot silently measure errors.
//!
//! Criterion measures each path at concurrency 1 (`loopback_c1/*`, the latency of one call)
//! and at concurrency 64 (`loopback_c64/*`: 64 workers on the client's runtime, each taking
//! the next call from a shared counter until 512 calls per iteration are done, so 64 calls
//! are in flight until the last few; `Throughput::Elements`, so criterion reports calls/s).
//! Then a summary that criterion cannot print:
//!
//! - concurrency 1: p50, p90, p99 and mean of individually timed calls, the three paths
//!   interleaved call by call (the order rotating), so that the drift of a shared machine
//!   hits them alike; with the ratios sdk/reqwest and sdk/reqwest+decode;
//! - concurrency 64: calls/s of each path over rounds of a fixed duration, the paths taking
//!   turns round by round; the ratio as time per call (reqwest's calls/s over ours); and the
//!   CPU time per call of the client's thread and of the server's thread, and how busy each
//!   was (Linux `schedstat`). CPU time per call is what the load of a shared machine moves
//!   least: when the client's thread was busy less than 80% of a round, other processes
//!   took the CPU and calls/s measure them too (the summary says so), and the CPU ratio is
//!   the one to read.
//!
//! The issue's targets (#12): at most 1.10x bare reqwest at concurrency 1 (p50) and at
//! concurrency 64.
//!
//! # Runtimes
//!
//! Client and server each run on a current-thread tokio runtime of their own, on their own
//! OS thread (the client's is the benchmark's main thread). On 2 cores shared by client and
//! server, that gives each side a core: two multi-thread runtimes would put 4 workers (and
//! their work stealing and cross-thread wake-ups) on 2 cores, so that the client's and the
//! server's threads preempt each other and the figures measure the scheduler as much as the
//! client. With one thread each, the client's thread does all of the client's work (our
//! code, reqwest's and hyper's connection tasks), so at concurrency 64 the client's CPU time
//! per call decides the throughput, as long as the server needs less per request than the
//! client: the summary prints the server thread's busy share, and warns when the server,
//! not the client, is the bottleneck (the ratio would then understate the difference).
//! Current-thread also keeps the cost of a multi-thread runtime's cross-thread wake-ups
//! out of both paths alike; a user's multi-thread runtime pays them for both.
//!
//! # Running
//!
//! ```sh
//! cargo bench -p alibabacloud-e2e --bench loopback                  # about 1.5 minutes
//! LOOPBACK_QUICK=1 cargo bench -p alibabacloud-e2e --bench loopback # under a minute
//! LOOPBACK_CRITERION=0 cargo bench -p alibabacloud-e2e --bench loopback  # the summary only
//! ```
//!
//! Settings (environment variables; the defaults, and in quick mode):
//!
//! | variable | what | default | quick |
//! |---|---|---|---|
//! | `LOOPBACK_QUICK` | `1`: shorter criterion runs and summary | off | |
//! | `LOOPBACK_CRITERION` | `0`: skip criterion, print the summary only | on | |
//! | `LOOPBACK_SUMMARY` | `0`: skip the summary | on | |
//! | `LOOPBACK_SAMPLES` | timed calls of each path at concurrency 1 | 30000 | 5000 |
//! | `LOOPBACK_ROUNDS` | rounds of each path at concurrency 64 | 8 | 3 |
//! | `LOOPBACK_ROUND_MS` | the duration of one round, in milliseconds | 1000 | 500 |
//!
//! Criterion's own options (`--measurement-time`, `--sample-size`, a filter) follow `--`
//! and apply to its part. `cargo test --benches` runs each criterion function once and a
//! summary of a few calls, as a check that the benchmark still works.

#![allow(clippy::unwrap_used, clippy::print_stdout, missing_docs)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use tokio::runtime::Runtime;

#[path = "support/loopback.rs"]
mod loopback;
mod support;

use loopback::{Clients, Path, Server, Setup};

/// Calls in flight in the concurrency runs.
const IN_FLIGHT: usize = 64;
/// Calls per criterion iteration at concurrency 64.
const BATCH: u64 = 512;

/// What to run, from the environment.
#[derive(Debug)]
struct Settings {
    /// Run by `cargo bench` (else by `cargo test --benches`: a check, not a measurement).
    benching: bool,
    quick: bool,
    criterion: bool,
    summary: bool,
    /// Timed calls of each path at concurrency 1.
    samples: usize,
    /// Rounds of each path at concurrency 64.
    rounds: usize,
    /// The duration of one round.
    round: Duration,
}

impl Settings {
    fn from_env() -> Settings {
        let flag = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let number = |name: &str, default: u64| -> u64 {
            flag(name).map_or(default, |v| {
                v.parse()
                    .unwrap_or_else(|_| panic!("{name} must be a whole number, not `{v}`"))
            })
        };
        let quick = flag("LOOPBACK_QUICK").is_some_and(|v| v != "0");
        // `cargo bench` passes `--bench`; without it (`cargo test --benches`) criterion runs
        // each function once, and the summary is a check of a few calls.
        let benching = std::env::args().any(|a| a == "--bench");
        let (samples, rounds, round_ms) = match (benching, quick) {
            (false, _) => (20, 1, 50),
            (true, true) => (5_000, 3, 500),
            (true, false) => (30_000, 8, 1_000),
        };
        Settings {
            benching,
            quick,
            criterion: flag("LOOPBACK_CRITERION").is_none_or(|v| v != "0"),
            summary: flag("LOOPBACK_SUMMARY").is_none_or(|v| v != "0")
                && !std::env::args().any(|a| a == "--list"),
            samples: usize::try_from(number("LOOPBACK_SAMPLES", samples)).unwrap(),
            rounds: usize::try_from(number("LOOPBACK_ROUNDS", rounds)).unwrap(),
            round: Duration::from_millis(number("LOOPBACK_ROUND_MS", round_ms)),
        }
    }

    fn criterion(&self) -> Criterion {
        let criterion = Criterion::default();
        let criterion = if self.quick {
            criterion
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(2))
                .sample_size(10)
        } else {
            criterion
                .warm_up_time(Duration::from_secs(2))
                .measurement_time(Duration::from_secs(5))
                .sample_size(50)
        };
        criterion.configure_from_args()
    }
}

/// How long a concurrency run goes on.
#[derive(Debug, Clone, Copy)]
enum Budget {
    /// This many calls in all.
    Calls(u64),
    /// Until then (each worker finishes the call it is in).
    Until(Instant),
}

/// Runs `path` with `IN_FLIGHT` workers on the current runtime, each taking the next call
/// until the budget is spent; returns the calls made and the time they took.
async fn concurrent(path: Path, clients: &Clients, budget: Budget) -> (u64, Duration) {
    let taken = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..IN_FLIGHT {
        let clients = clients.clone();
        let taken = Arc::clone(&taken);
        workers.spawn(async move {
            loop {
                let more = match budget {
                    Budget::Calls(calls) => taken.fetch_add(1, Ordering::Relaxed) < calls,
                    Budget::Until(deadline) => {
                        Instant::now() < deadline && {
                            taken.fetch_add(1, Ordering::Relaxed);
                            true
                        }
                    }
                };
                if !more {
                    break;
                }
                path.call(&clients).await;
            }
        });
    }
    while let Some(worker) = workers.join_next().await {
        worker.unwrap();
    }
    let elapsed = start.elapsed();
    let calls = match budget {
        Budget::Calls(calls) => calls,
        Budget::Until(_) => taken.load(Ordering::Relaxed),
    };
    (calls, elapsed)
}

fn criterion_benches(c: &mut Criterion, runtime: &Runtime, clients: &Clients) {
    let mut group = c.benchmark_group("loopback_c1");
    for path in Path::ALL {
        group.bench_function(path.id(), |b| {
            b.to_async(runtime).iter(|| path.call(clients));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("loopback_c64");
    group.throughput(Throughput::Elements(BATCH));
    for path in Path::ALL {
        group.bench_function(path.id(), |b| {
            b.to_async(runtime).iter_custom(|iters| async move {
                concurrent(path, clients, Budget::Calls(iters * BATCH))
                    .await
                    .1
            });
        });
    }
    group.finish();
}

/// The nearest-rank percentile `p` (0 to 100) of sorted times.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Concurrency 1: the paths interleaved call by call; prints the percentiles and returns
/// the p50 of each path.
fn latency_summary(runtime: &Runtime, clients: &Clients, samples: usize) -> [Duration; 3] {
    let mut times: [Vec<Duration>; 3] = Default::default();
    runtime.block_on(async {
        // Warm the connections and caches (criterion may not have run).
        for _ in 0..200.min(samples) {
            for path in Path::ALL {
                path.call(clients).await;
            }
        }
        for sample in 0..samples {
            for k in 0..Path::ALL.len() {
                let index = (sample + k) % Path::ALL.len();
                let start = Instant::now();
                Path::ALL[index].call(clients).await;
                times[index].push(start.elapsed());
            }
        }
    });
    println!("concurrency 1: {samples} calls of each path, interleaved (order rotating)");
    println!(
        "  {:<16} {:>9} {:>9} {:>9} {:>9}",
        "path", "p50 µs", "p90 µs", "p99 µs", "mean µs"
    );
    let mut p50 = [Duration::ZERO; 3];
    for (index, path) in Path::ALL.iter().enumerate() {
        let sorted = &mut times[index];
        sorted.sort_unstable();
        let mean = sorted.iter().sum::<Duration>() / u32::try_from(sorted.len()).unwrap();
        p50[index] = percentile(sorted, 50);
        println!(
            "  {:<16} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
            path.name(),
            micros(p50[index]),
            micros(percentile(sorted, 90)),
            micros(percentile(sorted, 99)),
            micros(mean),
        );
    }
    p50
}

/// What the rounds of one path added up to.
#[derive(Debug, Default, Clone)]
struct Rounds {
    calls: u64,
    elapsed: Duration,
    /// Calls/s of each round.
    rates: Vec<f64>,
    client_cpu: Option<Duration>,
    server_cpu: Option<Duration>,
}

fn add_cpu(total: &mut Option<Duration>, before: Option<Duration>, after: Option<Duration>) {
    if let (Some(before), Some(after)) = (before, after) {
        *total = Some(total.unwrap_or_default() + after.saturating_sub(before));
    }
}

/// What the concurrency-64 rounds measured: calls/s of each path (all its calls over all
/// its time) and CPU time per call of the client's thread (when known).
struct Throughput64 {
    rates: [f64; 3],
    client_cpu: [Option<f64>; 3],
}

/// Concurrency 64: rounds of each path in turn; prints calls/s, CPU per call and how busy
/// each thread was.
fn throughput_summary(
    runtime: &Runtime,
    server: &Server,
    clients: &Clients,
    settings: &Settings,
) -> Throughput64 {
    let mut rounds: [Rounds; 3] = Default::default();
    runtime.block_on(async {
        // Warm up: the pools grow to 64 connections.
        for path in Path::ALL {
            concurrent(path, clients, Budget::Calls(4 * IN_FLIGHT as u64)).await;
        }
        for round in 0..settings.rounds {
            for k in 0..Path::ALL.len() {
                let index = (round + k) % Path::ALL.len();
                let (client_before, server_before) =
                    (loopback::thread_cpu_time(), server.cpu_time());
                let deadline = Instant::now() + settings.round;
                let (calls, elapsed) =
                    concurrent(Path::ALL[index], clients, Budget::Until(deadline)).await;
                let totals = &mut rounds[index];
                add_cpu(
                    &mut totals.client_cpu,
                    client_before,
                    loopback::thread_cpu_time(),
                );
                add_cpu(&mut totals.server_cpu, server_before, server.cpu_time());
                totals.calls += calls;
                totals.elapsed += elapsed;
                totals.rates.push(calls as f64 / elapsed.as_secs_f64());
            }
        }
    });
    println!(
        "concurrency {IN_FLIGHT}: {} rounds of {} ms of each path, taking turns; CPU time per \
         call and busy share of the client's and the server's thread",
        settings.rounds,
        settings.round.as_millis()
    );
    println!(
        "  {:<16} {:>9} {:>19} {:>11} {:>11} {:>12} {:>12}",
        "path", "calls/s", "rounds min-max", "client µs", "server µs", "client busy", "server busy"
    );
    let mut measured = Throughput64 {
        rates: [0.0; 3],
        client_cpu: [None; 3],
    };
    let mut starved = false;
    for (index, path) in Path::ALL.iter().enumerate() {
        let totals = &rounds[index];
        let elapsed = totals.elapsed.as_secs_f64();
        measured.rates[index] = totals.calls as f64 / elapsed;
        measured.client_cpu[index] = totals
            .client_cpu
            .map(|cpu| micros(cpu) / totals.calls as f64);
        let min = totals.rates.iter().copied().fold(f64::INFINITY, f64::min);
        let max = totals.rates.iter().copied().fold(0.0, f64::max);
        let per_call = |cpu: Option<Duration>| {
            cpu.map_or_else(
                || "n/a".to_owned(),
                |cpu| format!("{:.1}", micros(cpu) / totals.calls as f64),
            )
        };
        let busy = |cpu: Option<Duration>| cpu.map(|cpu| cpu.as_secs_f64() / elapsed);
        let share = |busy: Option<f64>| {
            busy.map_or_else(|| "n/a".to_owned(), |b| format!("{:.0}%", b * 100.0))
        };
        let (client_busy, server_busy) = (busy(totals.client_cpu), busy(totals.server_cpu));
        println!(
            "  {:<16} {:>9.0} {:>9.0}-{:<9.0} {:>11} {:>11} {:>12} {:>12}",
            path.name(),
            measured.rates[index],
            min,
            max,
            per_call(totals.client_cpu),
            per_call(totals.server_cpu),
            share(client_busy),
            share(server_busy),
        );
        if server_busy.is_some_and(|b| b > 0.9) {
            println!(
                "  warning: the server's thread was busy {:.0}% of the time during `{}`: it, \
                 not the client, may bound the throughput, and the ratio understates the \
                 client's difference",
                server_busy.unwrap_or_default() * 100.0,
                path.name()
            );
        }
        starved |= client_busy.is_some_and(|b| b < 0.8);
    }
    if starved {
        println!(
            "  note: the client's thread was busy less than 80% of the time: the machine's \
             other load took CPU from the benchmark, so calls/s measure that load too; CPU time \
             per call is the steadier comparison"
        );
    }
    measured
}

fn summary(runtime: &Runtime, server: &Server, clients: &Clients, settings: &Settings) {
    let load_before = loopback::load_average();
    let started = Instant::now();
    println!();
    println!(
        "loopback summary: QueryCashCoupons, documented body ({} bytes); client and server on \
         one current-thread runtime each, on their own threads",
        server.body().len()
    );
    if !settings.benching {
        println!("(not run by `cargo bench`: a check that the benchmark works, not a measurement)");
    }
    let p50 = latency_summary(runtime, clients, settings.samples);
    let measured = throughput_summary(runtime, server, clients, settings);
    let rates = measured.rates;
    let [sdk, reqwest, decode] = [0, 1, 2];
    println!("ratios (time per call; issue #12's target: at most 1.10x bare reqwest):");
    println!(
        "  concurrency 1, p50:   sdk/reqwest {:.2}x   sdk/reqwest+decode {:.2}x",
        p50[sdk].as_secs_f64() / p50[reqwest].as_secs_f64(),
        p50[sdk].as_secs_f64() / p50[decode].as_secs_f64(),
    );
    println!(
        "  concurrency {IN_FLIGHT}:       sdk/reqwest {:.2}x   sdk/reqwest+decode {:.2}x   \
         (calls/s of reqwest over the sdk's)",
        rates[reqwest] / rates[sdk],
        rates[decode] / rates[sdk],
    );
    if let [Some(ours), Some(bare), Some(bare_decode)] = measured.client_cpu {
        println!(
            "  concurrency {IN_FLIGHT}, client CPU per call: sdk/reqwest {:.2}x   \
             sdk/reqwest+decode {:.2}x",
            ours / bare,
            ours / bare_decode,
        );
    }
    println!(
        "load average before {load_before}, after {}; summary took {:.1} s",
        loopback::load_average(),
        started.elapsed().as_secs_f64()
    );
}

fn main() {
    let settings = Settings::from_env();
    let Setup {
        runtime,
        server,
        clients,
    } = Setup::start(support::documented_body(), 1);

    if settings.criterion {
        let mut criterion = settings.criterion();
        criterion_benches(&mut criterion, &runtime, &clients);
        criterion.final_summary();
    }
    if settings.summary {
        summary(&runtime, &server, &clients, &settings);
    }
}
