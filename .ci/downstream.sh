#!/usr/bin/env bash
# examples/downstream as a user's crate: copied to a temporary directory outside the
# repository, its dependencies on the SDK rewritten the way README.md tells users to write
# them, built and tested there.
#
# - path form (built and tested): `{ path = "<checkout>/crates/services/.../client" }`;
# - git form (resolved only, `cargo metadata`: the sources are the same as the path form's):
#   `{ git = "file://<checkout>" }`, cargo finding each crate by name in the repository at
#   its committed HEAD, as it does with `git = "https://github.com/..."`.
#
# The copy keeps its own Cargo.lock (the versions the repository tests with) and runs
# `--locked`. Its build shares this checkout's target directory only to reuse what the
# workspace's build already compiled (CARGO_TARGET_DIR; a user's crate has its own).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TERM_COLOR=never
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

work="$(mktemp -d "${TMPDIR:-/tmp}/alibabacloud-downstream.XXXXXX")"
trap 'rm -rf "$work"' EXIT
case "$work/" in
    "$repo"/*) echo "the temporary directory $work is inside the repository" >&2; exit 1 ;;
esac
crate="$work/voucher-report"
cp -R "$repo/examples/downstream" "$crate"
rm -rf "$crate/target"

# Nothing but the dependency declarations may point into the repository.
if grep -rn --include='*.rs' '\.\./' "$crate/src" "$crate/tests"; then
    echo "the downstream crate's code reaches out of the crate" >&2
    exit 1
fi
if grep -n '\.\./' "$crate/Cargo.toml" | grep -v ' = { path = "\.\./\.\./crates/'; then
    echo "examples/downstream/Cargo.toml points into the repository outside a dependency" >&2
    exit 1
fi

# `path = "../../crates/X"` -> `path = "<checkout>/crates/X"` (README's path form).
sed -E "s#path = \"\.\./\.\./crates/#path = \"$repo/crates/#" "$repo/examples/downstream/Cargo.toml" \
    >"$crate/Cargo.toml"
echo "== examples/downstream in $crate, dependencies by path to $repo"
grep -n 'path = ' "$crate/Cargo.toml"
(cd "$crate" && cargo fmt --check && cargo test --locked)

# `path = "../../crates/<dir>"` -> `git = "file://<checkout>"` (README's git form).
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
    sed -E "s#path = \"\.\./\.\./crates/[^\"]*\"#git = \"file://$repo\"#" \
        "$repo/examples/downstream/Cargo.toml" >"$crate/Cargo.toml"
    echo "== the same dependencies in the git form, resolved from HEAD ($(git -C "$repo" rev-parse --short HEAD))"
    grep -n 'git = ' "$crate/Cargo.toml"
    (cd "$crate" && cargo metadata --format-version 1 >/dev/null && cargo tree --depth 1 -e normal,dev)
fi
