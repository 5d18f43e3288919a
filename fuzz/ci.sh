#!/usr/bin/env bash
# A short run of every fuzz target (SECONDS_EACH, default 60), seeded from
# the repository's tests: a crash, hang or memory blow-up fails. Skipped,
# with a message, where `cargo +nightly fuzz` is not installed.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${SECONDS_EACH:-60}"

if ! cargo +nightly --version >/dev/null 2>&1 || ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz: skipped (cargo +nightly fuzz is not available)"
    exit 0
fi
./seed.sh
cargo +nightly fuzz build -s none
log="$(mktemp)"
for target in parse run natives; do
    echo "fuzz: $target for ${seconds}s"
    # The natives target's input is a structure: long ones from the start.
    extra=()
    [ "$target" = natives ] && extra=(-max_len=2048 -len_control=0)
    if ! nice -n 10 cargo +nightly fuzz run -s none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=3 -print_final_stats=1 "${extra[@]}" \
        >"$log" 2>&1; then
        tail -n 80 "$log"
        echo "fuzz: $target failed; its input is in fuzz/artifacts/$target/"
        exit 1
    fi
    grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units)' "$log" || true
done
