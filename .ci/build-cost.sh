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
#
# Prints the CPU time (user + sys: less sensitive than wall time to other builds on the
# machine), the wall time, the number of crates compiled and the binary's size, stripped and
# not. A measurement, not a test: it never fails on the figures.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
small=false
aws=false
for arg in "$@"; do
    case "$arg" in
        --small) small=true ;;
        --aws) aws=true ;;
        *) echo "usage: $0 [--small] [--aws]" >&2; exit 2 ;;
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
