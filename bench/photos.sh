#!/usr/bin/env bash
# Build time with photos: Gazette against Hugo's image processing on the same photos.
#
#   bench/photos.sh [ARTICLES] [PHOTOS_PER_ARTICLE] [RUNS]      (default: 100 10 3 → 1,000 photos)
#
# Generates (once, cached in bench/work/photos-…) ARTICLES article bundles with PHOTOS_PER_ARTICLE
# camera-size photos each (bench/GeneratePhotos.java: 6-megapixel JPEGs with EXIF, every fourth a
# portrait with EXIF orientation 6, every tenth a PNG chart), as a Gazette site and a Hugo site
# with the same files (bench/hugo-photos-theme/: Hugo's .Resize to the same three widths, 480, 960
# and 1600, with srcset, in a render hook and for the lead photo; quality 82 like Gazette's).
#
# Times, for each tool, RUNS times each:
#   first build — no cache: Gazette's .gazette/ and Hugo's resources/ deleted;
#   rebuild     — the same content again with the cache of the previous build kept
#                 (.gazette/cache/media/, resources/_gen/images/): what an unchanged push costs in CI
#                 when the cache is restored;
# the output folder is deleted before every run. Prints a Markdown table (medians) and the ratio.
#
# Run it under the shared CPU lock on a shared machine: flock /work/cpu.lock bench/photos.sh
# Environment: BENCH_FIRST_RUNS (runs of the first build, default RUNS: at 1,000 photos one first
# build takes minutes), BENCH_QUIET_WAIT (seconds to wait for an idle CPU before each run, default 120),
# BENCH_OUT_ROOT (output, default /dev/shm), BENCH_TOOLS (default "gazette hugo"), BENCH_PHASES
# (default "first rebuild"; "rebuild" alone times rebuilds on the cache a previous run left), GAZETTE, HUGO.
set -euo pipefail

ARTICLES=${1:-100}
PER=${2:-10}
RUNS=${3:-3}
FIRST_RUNS=${BENCH_FIRST_RUNS:-$RUNS}
for n in "$ARTICLES" "$PER" "$RUNS" "$FIRST_RUNS"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/photos.sh [ARTICLES] [PHOTOS_PER_ARTICLE] [RUNS]" >&2; exit 2; }
done
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/bench"
TOOLS=${BENCH_TOOLS:-gazette hugo}
PHASES=${BENCH_PHASES:-first rebuild}
GAZETTE=${GAZETTE:-./gazette}
HUGO=${HUGO:-hugo}
TIME=/usr/bin/time
cd "$REPO"
[[ -x $TIME ]] || { echo "need GNU time at $TIME (Debian package: time)" >&2; exit 1; }

# ---------------------------------------------------------------- the photos (cached)
KEY=$(cat "$BENCH/GeneratePhotos.java" | sha256sum | cut -c1-12)
CORPUS="$BENCH/work/photos-$ARTICLES-$PER-$KEY"
if [[ ! -f $CORPUS/.done ]]; then
    echo "generating $ARTICLES articles × $PER photos in $CORPUS …" >&2
    rm -rf "$CORPUS"
    java "$BENCH/GeneratePhotos.java" "$CORPUS" "$ARTICLES" "$PER"
    touch "$CORPUS/.done"
fi
rm -rf "$CORPUS/hugo/themes"
mkdir -p "$CORPUS/hugo/themes"
cp -r "$BENCH/hugo-photos-theme" "$CORPUS/hugo/themes/photos"
PHOTOS=$(find "$CORPUS/gazette/content" -name 'anh-*' | wc -l)
MB=$(du -sm --apparent-size "$CORPUS/gazette/content" | cut -f1)

OUT_ROOT=${BENCH_OUT_ROOT:-/dev/shm}
SITES=$(mktemp -d "$OUT_ROOT/gazette-photos-XXXXXX")
LOGS="$BENCH/work/results-photos-$ARTICLES-$PER"
mkdir -p "$LOGS"
trap 'rm -rf "$SITES"' EXIT

gazette_command() { echo "$GAZETTE build --quiet --source $CORPUS/gazette --output $1"; }
hugo_command() { echo "$HUGO --quiet -s $CORPUS/hugo -d $1"; }
clear_cache() {
    case $1 in
        gazette) rm -rf "$CORPUS/gazette/.gazette" ;;
        hugo) rm -rf "$CORPUS/hugo/resources" "$CORPUS/hugo/.hugo_build.lock" ;;
    esac
}

wait_quiet() {
    local deadline=$((SECONDS + ${BENCH_QUIET_WAIT:-120})) a b total idle i
    while :; do
        a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
        total=0; for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
        idle=$((b[4] - a[4] + b[5] - a[5]))
        ((100 * (total - idle) <= 10 * (total > 0 ? total : 1))) && return 0
        if ((SECONDS >= deadline)); then
            echo "  warning: CPUs still busy with other work; timing anyway" >&2
            return 0
        fi
        sleep 2
    done
}

# run_once TOOL → "wall cpu rss_mib"
run_once() {
    local tool=$1
    rm -rf "$SITES/$tool"
    wait_quiet
    if ! "$TIME" -f '%e %U %S %M' -o "$LOGS/$tool.time" bash -c "$("${tool}_command" "$SITES/$tool")" \
        >"$LOGS/$tool.log" 2>&1; then
        echo "$tool build failed:" >&2
        tail -n 30 "$LOGS/$tool.log" >&2
        exit 1
    fi
    awk '{ printf "%.2f %.1f %d\n", $1, $2 + $3, $4 / 1024 }' "$LOGS/$tool.time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Warm-up, untimed and cheap: ./gazette rebuilds its jar if the sources changed, and the photos
# are read once into the page cache (a full warm-up build would cost as much as a timed one).
$GAZETTE --version >/dev/null
find "$CORPUS" -type f -exec cat {} + >/dev/null

declare -A WALL CPU RSS RANGE
for tool in $TOOLS; do
    for phase in $PHASES; do
        walls=() cpus=() rsss=()
        runs=$RUNS
        [[ $phase == first ]] && runs=$FIRST_RUNS
        for ((r = 1; r <= runs; r++)); do
            if [[ $phase == first ]]; then
                clear_cache "$tool"
            fi
            read -r wall cpu rss < <(run_once "$tool")
            echo "  $tool $phase run $r: ${wall} s wall, ${cpu} CPU s, ${rss} MiB" >&2
            walls+=("$wall") cpus+=("$cpu") rsss+=("$rss")
        done
        WALL[$tool.$phase]=$(printf '%s\n' "${walls[@]}" | median)
        CPU[$tool.$phase]=$(printf '%s\n' "${cpus[@]}" | median)
        RSS[$tool.$phase]=$(printf '%s\n' "${rsss[@]}" | median)
        RANGE[$tool.$phase]="$(printf '%s\n' "${walls[@]}" | sort -n | head -1)–$(printf '%s\n' "${walls[@]}" | sort -n | tail -1)"
    done
    # What the last build published, to check both made the same copies.
    find "$SITES/$tool" -type f \( -name '*.jpg' -o -name '*.png' \) | wc -l >"$LOGS/$tool.copies"
done

echo
echo "$ARTICLES articles, $PHOTOS photos ($MB MiB), first builds: $FIRST_RUNS run(s), rebuilds: $RUNS, $(nproc) cores; $(date -u +%F)"
echo
echo "| build | wall (median) | range | CPU s | peak RSS | photo copies published | Gazette / Hugo (wall) |"
echo "|---|---|---|---|---|---|---|"
for phase in $PHASES; do
    for tool in $TOOLS; do
        case $tool in
            gazette) name="Gazette $(git describe --always --dirty 2>/dev/null)" ;;
            hugo) name="Hugo $("$HUGO" version | sed -n 's/^hugo v\([0-9.]*\).*/\1/p')" ;;
        esac
        ratio=""
        if [[ $tool == gazette && " $TOOLS " == *" hugo "* ]]; then
            ratio=$(awk -v g="${WALL[gazette.$phase]}" -v h="${WALL[hugo.$phase]}" 'BEGIN { printf "%.2f", g / h }')
        fi
        label=$([[ $phase == first ]] && echo "first build" || echo "rebuild, cache kept")
        echo "| $name, $label | ${WALL[$tool.$phase]} s | ${RANGE[$tool.$phase]} | ${CPU[$tool.$phase]} | ${RSS[$tool.$phase]} MiB | $(cat "$LOGS/$tool.copies") | $ratio |"
    done
done
echo
echo "commands:"
for tool in $TOOLS; do echo "  $("${tool}_command" OUT)"; done
