#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each (default 60), one after the
# other, with the seeds of fuzz/seeds/<target> and a corpus kept in fuzz/corpus/<target>;
# prints, per target, the executions and whether it found a crash (artifacts in
# fuzz/artifacts/<target>). Needs the nightly toolchain and cargo-fuzz
# (`cargo +nightly install cargo-fuzz`).
#
#   fuzz/run.sh            # 60 s each
#   fuzz/run.sh 300 scrub  # 5 minutes of one target
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
cargo +nightly fuzz build
mkdir -p logs
status=0
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "seeds/$target"
    log="logs/$target.log"
    if cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
        outcome="no crash"
    else
        outcome="CRASH (see $log and artifacts/$target)"
        status=1
    fi
    # The final stats, or (after a crash) the last progress line's count.
    runs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' ||
        grep -ao '^#[0-9]*' "$log" | tail -n 1 | tr -d '#' || echo "?")
    echo "$target: ${runs} executions in ${seconds} s, ${outcome}"
done
exit "$status"
