#!/usr/bin/env bash
# The build cost a user pays for one call: a fresh release build (empty target directory) of
# a binary outside this workspace that calls `QueryCashCoupons` with `Client::from_env()`,
# depending on the client crate of this checkout by path, with the versions of our Cargo.lock.
#
#   .ci/build-cost.sh            the default release profile (what a user gets)
#   .ci/build-cost.sh --small    also the same build with opt-level = "s" and strip = true
#                                (profile settings only the user's workspace can choose)
#   .ci/build-cost.sh --aws      also the reference the target is set against, on the same
#                                machine in the same run: a one-call `aws-sdk-sts` +
#                                `aws-config` binary (GetCallerIdentity with the default
#                                chain), latest versions from crates.io, no lockfile of ours
#   .ci/build-cost.sh --floor    also the floor under any client built on the crates ours is:
#                                the same call written by hand on one HTTPS connection, with
#                                our versions of tokio, hyper, rustls (ring, webpki roots),
#                                ring, serde and serde_json (an ACS3 signature; the answer
#                                decoded into a derived struct) and nothing else: no
#                                credentials chain, connection pool, proxies, retries,
#                                timeouts or error types. Our build's cost beyond it is the
#                                SDK's own.
#
# Prints the CPU time (user + sys: less sensitive than wall time to other builds on the
# machine), the wall time, the number of crates compiled and the binary's size, stripped and
# not. A measurement, not a test: it never fails on the figures.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
small=false
aws=false
floor=false
for arg in "$@"; do
    case "$arg" in
        --small) small=true ;;
        --aws) aws=true ;;
        --floor) floor=true ;;
        *) echo "usage: $0 [--small] [--aws] [--floor]" >&2; exit 2 ;;
    esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/alibabacloud-build-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/one-call/src"
cat >"$work/one-call/Cargo.toml" <<EOF
[package]
name = "one-call"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
alibabacloud-bssopenapi20171214 = { path = "$repo/crates/services/bssopenapi20171214/client" }
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }

[workspace]
EOF
cat >"$work/one-call/src/main.rs" <<'EOF'
use alibabacloud_bssopenapi20171214::Client;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env().await?;
    let out = client.query_cash_coupons().effective_or_not(true).send().await?;
    println!("{} vouchers", out.data.cash_coupon.len());
    Ok(())
}
EOF
# The versions this repository tests with (cargo drops the entries the binary does not use).
cp "$repo/Cargo.lock" "$work/one-call/Cargo.lock"

measure() {
    local label="$1" project="$2"
    shift 2
    local target="$work/target-$label"
    local log="$work/$label.log"
    (
        cd "$work/$project"
        env CARGO_TARGET_DIR="$target" CARGO_TERM_COLOR=never "$@" \
            /usr/bin/time -f '%U %S %e' -o "$work/$label.time" \
            cargo build --release -v >"$log" 2>&1
    ) || { cat "$log" >&2; exit 1; }
    local user sys wall units bin size stripped
    read -r user sys wall <"$work/$label.time"
    # One rustc run per crate compiled (build scripts' own compiles left out).
    units=$(grep '^ *Running `.*rustc --crate-name' "$log" |
        sed -E 's/.*--crate-name ([a-zA-Z0-9_]+) .*/\1/' | grep -vc '^build_script_' || true)
    bin="$target/release/$project"
    size=$(stat -c %s "$bin")
    cp "$bin" "$work/stripped"
    strip "$work/stripped"
    stripped=$(stat -c %s "$work/stripped")
    awk -v label="$label" -v u="$user" -v s="$sys" -v w="$wall" -v n="$units" \
        -v size="$size" -v stripped="$stripped" 'BEGIN {
        printf "%-8s CPU %6.1f s (user %.1f + sys %.1f), wall %6.1f s, %d crates compiled, binary %.2f MB (%.2f MB stripped)\n",
            label, u + s, u, s, w, n, size / 1e6, stripped / 1e6 }'
}

echo "one-call binary: QueryCashCoupons with Client::from_env(), fresh release build, $(nproc) cores, $(cargo --version)"
measure release one-call
if $small; then
    measure small one-call CARGO_PROFILE_RELEASE_OPT_LEVEL=s CARGO_PROFILE_RELEASE_STRIP=true
fi
if $floor; then
    mkdir -p "$work/floor/src"
    cat >"$work/floor/Cargo.toml" <<'EOF'
[package]
name = "floor"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
bytes = "1"
hex = "0.4"
http = "1"
http-body-util = "0.1"
humantime = "2"
hyper = { version = "1", default-features = false, features = ["client", "http1"] }
hyper-util = { version = "0.1", default-features = false, features = ["tokio"] }
percent-encoding = "2"
ring = { version = "0.17", default-features = false }
rustls = { version = "0.23", default-features = false, features = ["ring", "std", "tls12"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread", "net"] }
tokio-rustls = { version = "0.26", default-features = false, features = ["ring", "tls12"] }
webpki-roots = "1"

[workspace]
EOF
    cat >"$work/floor/src/main.rs" <<'EOF'
use std::sync::Arc;

use http_body_util::BodyExt;

const HOST: &str = "business.aliyuncs.com";
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SIGNED: &str =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Answer {
    data: Data,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Data {
    cash_coupon: Vec<Coupon>,
}

#[allow(dead_code)]
#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Coupon {
    status: Option<String>,
    expiry_time: Option<String>,
    granted_time: Option<String>,
    nominal_value: Option<String>,
    effective_time: Option<String>,
    applicable_scenarios: Option<String>,
    cash_coupon_id: Option<i64>,
    applicable_products: Option<String>,
    cash_coupon_no: Option<String>,
    balance: Option<String>,
    description: Option<String>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let id = std::env::var("ALIBABA_CLOUD_ACCESS_KEY_ID")?;
    let secret = std::env::var("ALIBABA_CLOUD_ACCESS_KEY_SECRET")?;
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let mut nonce = [0u8; 16];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut nonce)
        .map_err(|_| "no randomness")?;
    let nonce = hex::encode(nonce);
    let query = format!(
        "EffectiveOrNot={}",
        percent_encoding::utf8_percent_encode("true", UNRESERVED)
    );
    let canonical = format!(
        "POST\n/\n{query}\nhost:{HOST}\nx-acs-action:QueryCashCoupons\n\
         x-acs-content-sha256:{EMPTY_SHA256}\nx-acs-date:{date}\n\
         x-acs-signature-nonce:{nonce}\nx-acs-version:2017-12-14\n\n{SIGNED}\n{EMPTY_SHA256}"
    );
    let hashed = hex::encode(ring::digest::digest(&ring::digest::SHA256, canonical.as_bytes()));
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let to_sign = format!("ACS3-HMAC-SHA256\n{hashed}");
    let signature = hex::encode(ring::hmac::sign(&key, to_sign.as_bytes()));

    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let tcp = tokio::net::TcpStream::connect((HOST, 443)).await?;
    let stream = tokio_rustls::TlsConnector::from(Arc::new(tls))
        .connect(HOST.try_into()?, tcp)
        .await?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    let authorization =
        format!("ACS3-HMAC-SHA256 Credential={id},SignedHeaders={SIGNED},Signature={signature}");
    let request = http::Request::post(format!("/?{query}"))
        .header("host", HOST)
        .header("x-acs-action", "QueryCashCoupons")
        .header("x-acs-version", "2017-12-14")
        .header("x-acs-date", date)
        .header("x-acs-signature-nonce", nonce)
        .header("x-acs-content-sha256", EMPTY_SHA256)
        .header("authorization", authorization)
        .body(http_body_util::Full::new(bytes::Bytes::new()))?;
    let response = sender.send_request(request).await?;
    let body = response.into_body().collect().await?.to_bytes();
    let answer: Answer = serde_json::from_slice(&body)?;
    println!("{} vouchers", answer.data.cash_coupon.len());
    Ok(())
}
EOF
    # Our versions of the crates both builds use.
    cp "$repo/Cargo.lock" "$work/floor/Cargo.lock"
    measure floor floor
fi
if $aws; then
    mkdir -p "$work/aws-one-call/src"
    cat >"$work/aws-one-call/Cargo.toml" <<EOF
[package]
name = "aws-one-call"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
aws-config = "1"
aws-sdk-sts = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }

[workspace]
EOF
    cat >"$work/aws-one-call/src/main.rs" <<'EOF'
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = aws_config::load_from_env().await;
    let out = aws_sdk_sts::Client::new(&config).get_caller_identity().send().await?;
    println!("{:?}", out.account());
    Ok(())
}
EOF
    (cd "$work/aws-one-call" && cargo generate-lockfile -q)
    measure aws aws-one-call
fi
