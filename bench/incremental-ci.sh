#!/usr/bin/env bash
# Times `gazette build` the way a publishing workflow meets it: a clean build, then builds that
# reuse the cache in .gazette/ after adding, editing or deleting one article, with public/ still
# there (a server of your own) and without it (a fresh CI checkout with .gazette/ restored); then
# checks that the last incremental output is byte-identical to a clean build of the same content,
# and times Hugo's rebuild of the same new article in the same run.
#
#   bench/incremental-ci.sh [N]          # N = 10000 (default), 25440 or 100000
#
# Needs the real-text corpus of bench/run.sh (`BENCH_TOOLS=none bench/run.sh real:N` makes it).
# Run it under the shared lock: flock /work/cpu.lock bench/incremental-ci.sh 10000
#
# Environment: GAZETTE (launcher, default ./gazette), HUGO (default hugo), BENCH_OUT_ROOT (where
# the sites go, default /dev/shm; each run gets a folder of its own there), BENCH_KEEP=1 keeps it,
# BENCH_SHORT=1 (for 100,000 articles): every build above, but no clean build of the same content to
# compare with and no Hugo (those two take several minutes at that size).
set -euo pipefail

N=${1:-10000}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=$(ls -d "$REPO"/bench/work/real-"$N"-*/ 2>/dev/null | head -1)
[[ -n $CORPUS && -d $CORPUS/gazette ]] || { echo "no corpus bench/work/real-$N-*; run BENCH_TOOLS=none bench/run.sh real:$N" >&2; exit 1; }
GAZETTE=${GAZETTE:-$REPO/gazette}
HUGO=${HUGO:-hugo}
# A folder of its own: two runs at once (say, two checkouts compared) must not build into each other.
mkdir -p "${BENCH_OUT_ROOT:-/dev/shm}"
W=$(mktemp -d "${BENCH_OUT_ROOT:-/dev/shm}/gazette-incremental-ci-$N.XXXXXX")
[[ -z ${BENCH_KEEP:-} ]] || echo "sites kept in $W" >&2
[[ -n ${BENCH_KEEP:-} ]] || trap 'rm -rf "$W"' EXIT
cp -r "$CORPUS/gazette" "$W/site"
if [[ -z ${BENCH_SHORT:-} ]]; then
    cp -r "$CORPUS/hugo" "$W/hugo"
    rm -rf "$W/hugo/themes/gazette-bench" "$W/hugo/resources"
    mkdir -p "$W/hugo/themes" && cp -r "$REPO/bench/hugo-theme" "$W/hugo/themes/gazette-bench"
fi
# Every build takes the same time, so the news sitemap is the same for the clean comparison.
export GAZETTE_AS_OF=2026-06-01T09:00:00+07:00

SITE=$W/site
newest=$(grep -rh '^date: ' "$SITE/content" | sort | tail -1 | cut -d' ' -f2)
new_date=$(date -d "${newest} + 1 day" +%Y-%m-%dT%H:%M:%S+07:00)
# One real article's text, re-dated and re-titled: what a new article of the archive looks like.
template=$(find "$SITE/content" -name '*.md' | sort | sed -n 100p)
new_article() { # $1 = slug, $2 = title
    { printf -- '---\ntitle: "%s"\ndate: %s\nauthor: "Ban biên tập"\ncategory: "Xã hội"\ntags:\n  - "Hà Nội"\n---\n' "$2" "$new_date"
      awk 'f>=2 {print} /^---$/ {f++}' "$template"; } >"$SITE/content/${new_date:0:4}/$1.md"
}

CLEAN_WALL=
row() { # $1 = label; runs a Gazette build of $SITE into $SITE/public
    local label=$1 log=$W/build.log
    /usr/bin/time -f '%e %M' -o "$W/time" "$GAZETTE" build --timings --source "$SITE" --output "$SITE/public" >"$log" 2>&1 \
        || { echo "build failed: $label" >&2; tail -20 "$log" >&2; exit 1; }
    read -r wall rss <"$W/time"
    [[ -n $CLEAN_WALL ]] || CLEAN_WALL=$wall
    local pages reason
    pages=$(sed -n 's/^ *Trang \/ Pages *\([0-9]*\)$/\1/p' "$log")
    reason=$(sed -n 's/^gazette: full build: //p' "$log")
    printf '| %s | %.2f | %.0f %% | %d | %s | %s |\n' "$label" "$wall" "$(echo "100 * $wall / $CLEAN_WALL" | bc -l)" \
        $((rss / 1024)) "$pages" "${reason:-reused}"
    grep -E '^  [a-z]' "$log" | sed 's/^/      /' >>"$W/stages.txt"; echo "--- $label" >>"$W/stages.txt"
}

"$GAZETTE" --version >/dev/null  # the launcher builds its jar first if the sources changed: not timed
echo "| build ($N real articles) | wall s | of clean | peak RSS MiB | pages rendered | cache |"
echo "|---|---|---|---|---|---|"
rm -rf "$SITE/.gazette" "$SITE/public"
row "clean (no .gazette/, no public/)"
row "nothing changed"
new_article bai-moi-mot "Bài mới số một về giao thông Hà Nội"
row "one article added"
edit=$(find "$SITE/content" -name '*.md' | sort | sed -n 5000p)
sed -i '0,/^\(Sau\|Theo\|Ngày\|Trong\|Khi\)/s//\1 (đã sửa)/' "$edit"
echo "Thêm một đoạn văn ở cuối bài." >>"$edit"
row "one article's body edited"
sed -i '0,/^title: "/s//title: "Sửa: /' "$edit"
row "one article's title edited"
rm -rf "$SITE/public"
new_article bai-moi-hai "Bài mới số hai, bản dựng CI không có public"
row "one article added, no public/ (fresh CI checkout)"
rm "$(find "$SITE/content" -name '*.md' | sort | sed -n 7000p)"
row "one article deleted"
if [[ -n ${BENCH_SHORT:-} ]]; then
    echo; echo "Stages of each build (--timings):"; cat "$W/stages.txt"
    exit 0
fi

# Byte-identity: a clean build of the same content, compared file for file.
mkdir -p "$W/clean" && cp -r "$SITE/content" "$SITE/site.yml" "$W/clean/"
"$GAZETTE" build --quiet --source "$W/clean" --output "$W/clean/public" >/dev/null
if diff -r -q "$SITE/public" "$W/clean/public" >"$W/diff.txt"; then
    echo; echo "Incremental output is byte-identical to a clean build ($(find "$SITE/public" -type f | wc -l) files)."
else
    echo; echo "DIFFERENCES from a clean build:"; head -20 "$W/diff.txt"; exit 1
fi

# Hugo keeps no rendering cache between runs: its rebuild after a new article is a full build.
hugo_row() {
    /usr/bin/time -f '%e %M' -o "$W/time" "$HUGO" --quiet -s "$W/hugo" --config hugo.toml,no-related.toml -d "$W/hugo-public" >/dev/null 2>&1
    read -r wall rss <"$W/time"
    printf '| Hugo: %s | %.2f | | %d | | |\n' "$1" "$wall" $((rss / 1024))
}
hugo_row "build"
{ printf -- '---\ntitle: "Bài mới số một về giao thông Hà Nội"\ndate: %s\nauthor: "Ban biên tập"\ncategories:\n  - "Xã hội"\nyears:\n  - "%s"\nmonths:\n  - "%s"\ntags: ["Hà Nội"]\n---\n' \
    "$new_date" "${new_date:0:4}" "${new_date:0:7}"; awk 'f>=2 {print} /^---$/ {f++}' "$template"; } >"$W/hugo/content/posts/bai-moi-mot.md"
hugo_row "rebuild after one article added"
echo
echo "Stages of each build (--timings):"
cat "$W/stages.txt"
