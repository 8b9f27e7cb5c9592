#!/usr/bin/env bash
# Packages every publishable crate of the workspace (every crate without `publish = false`:
# the core, types, spec parser, emulator and the generated model and client crates) as
# `cargo publish` would, without publishing anything.
#
# `cargo package` takes the crates in dependency order, writes each `.crate` file with its
# Cargo.toml normalized (workspace keys filled in, path dependencies replaced by their
# versions), then verifies each one by building it, unpacked, against the packaged crates it
# depends on (a local registry of the `.crate` files written before it) rather than the
# workspace's sources: so the client crates are built against the packaged core, types and
# model crates, and a file missing from a package, a dependency without a version or a
# workspace-only setting fails here.
#
#   .ci/package.sh               package and verify (CI, on a clean clone)
#   .ci/package.sh --allow-dirty ...: other arguments go to `cargo package`
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never
# Every workspace member but the tools marked `publish = false` (xtask, the end-to-end tests,
# the examples): `cargo package --workspace` would package those too.
args=(--workspace)
publishable=()
while IFS= read -r manifest; do
    name="$(sed -n 's/^name = "\(.*\)"$/\1/p' "$manifest" | head -n 1)"
    if grep -q '^publish = false' "$manifest"; then
        args+=(--exclude "$name")
    elif [[ -n "$name" ]]; then
        publishable+=("$name")
    fi
done < <(git ls-files '*Cargo.toml' | grep -v -e '^fuzz/' -e '^examples/downstream/')
echo "cargo package ${args[*]}"

# cargo unpacks the crates of its temporary local registry under
# $CARGO_HOME/registry/src/-<hash>/ and never unpacks the same name and version again, so a
# second run on one machine would verify against the first run's sources: remove them.
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
rm -rf "$cargo_home"/registry/src/-*/alibabacloud-* "$cargo_home"/registry/cache/-*/alibabacloud-*
rm -rf target/package
# Crates from a registry are never rebuilt for a change of their sources (a registry's name and
# version stand for fixed contents), so the verification builds, which share target/, would
# link the first run's build of each packaged crate: clean them (`cargo clean -p` removes
# every build of a package by that name, the workspace's too).
clean=()
for name in "${publishable[@]}"; do
    clean+=(-p "$name")
done
cargo clean --locked "${clean[@]}"

cargo package --locked "${args[@]}" "$@"
ls -l target/package/*.crate
