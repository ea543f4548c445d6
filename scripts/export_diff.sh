#!/usr/bin/env bash
# Analyze the seeds and the demo corpus into fresh stores and export each as JSONL,
# so a layout change can be checked for identical output against a saved baseline.
#
# Usage: scripts/export_diff.sh OUT_DIR [BASELINE_DIR]
#   Writes OUT_DIR/seed-<name>.jsonl (one store per seed text) and OUT_DIR/demo.jsonl.
#   With BASELINE_DIR, diffs OUT_DIR against it and exits 1 on any difference.
# Environment: PALMYRA (the command, default .venv/bin/palmyra), SEEDS (default ../shared/seeds).
# The JSONL export holds no run-dependent values (no timestamps or run ids), so the
# files are compared byte for byte, without normalisation.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: scripts/export_diff.sh OUT_DIR [BASELINE_DIR]}"
baseline="${2:-}"
palmyra="${PALMYRA:-$root/.venv/bin/palmyra}"
seeds="${SEEDS:-$root/../shared/seeds}"

mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

export_one() {  # NAME INPUT...
    local name="$1"
    shift
    "$palmyra" analyze --store "$tmp/$name.duckdb" "$@" >"$tmp/$name.log" 2>&1 ||
        { cat "$tmp/$name.log" >&2; echo "analyze failed: $name" >&2; return 1; }
    "$palmyra" export --store "$tmp/$name.duckdb" --format jsonl --output "$out/$name.jsonl"
}

pids=()
for seed in "$seeds"/*.txt; do
    export_one "seed-$(basename "$seed" .txt)" "$seed" &
    pids+=($!)
done
export_one demo "$root/demo/fakes-demo.csv" &
pids+=($!)
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
[ "$status" -eq 0 ] || { echo "some exports failed" >&2; exit 1; }

if [ -n "$baseline" ]; then
    if diff -r "$baseline" "$out"; then
        echo "exports identical to $baseline"
    else
        echo "exports differ from $baseline" >&2
        exit 1
    fi
fi
