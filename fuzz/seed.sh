#!/usr/bin/env bash
# Fills the fuzz targets' corpus directories from the repository's own test
# programs (and the shared conformance corpus when it is beside the
# repository), so a fresh clone can fuzz at once. Files already there stay.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$fuzz")"
mkdir -p "$fuzz/corpus/parse" "$fuzz/corpus/run" "$fuzz/corpus/natives"

# Copies each file as DIR_NAME (its folder's name and its own), skipping
# names already there.
seed() {
    local dir="$1"; shift
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        local name
        name="$(basename "$(dirname "$f")")_$(basename "$f")"
        [ -e "$dir/$name" ] || cp "$f" "$dir/$name"
    done
}

programs=("$repo"/tests/scripts/*.py "$repo"/tests/hostile/*.py)
for shared in "$repo/../shared/conformance" /work/shared/conformance; do
    if [ -d "$shared" ]; then
        mapfile -t found < <(find "$shared" -name '*.py' -not -path '*/run*' | sort)
        programs+=("${found[@]}")
        break
    fi
done
seed "$fuzz/corpus/run" "${programs[@]}"
seed "$fuzz/corpus/parse" "${programs[@]}" "$repo"/tests/syntax_errors/*.py
echo "corpus: $(ls "$fuzz/corpus/parse" | wc -l) parse, $(ls "$fuzz/corpus/run" | wc -l) run"
