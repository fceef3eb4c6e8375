#!/usr/bin/env bash
# Gazette's static search against Pagefind 1.6 on the same Gazette-built site.
#
#   bench/search-compare.sh SITE_DIR ["query" ...]
#
# SITE_DIR is a `gazette build` output (for example of the corpus from bench/GenerateCorpus.java).
# Pagefind (npm `pagefind`, which ships its Linux binary) indexes the article pages of a copy of
# it; the copy is served on 127.0.0.1 by bench/range_server.py (python3's http.server, which does
# not compress, plus the single byte ranges every static host honours and passages need), and
# bench/search-compare.mjs measures both in headless Chromium. Public tools only.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/search-compare.sh SITE_DIR [query ...]" >&2; exit 2; }
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SITE=$(cd "$1" && pwd); shift
QUERIES=("$@")
[ ${#QUERIES[@]} -gt 0 ] || QUERIES=("thi dua" "khen thuong" "giao duc" "hoi nghi so ket" "bo xay dung")
WORK=${BENCH_OUT_ROOT:-/tmp}/gazette-search-compare
PORT=${BENCH_PORT:-8799}

[ -x "$WORK/npm/node_modules/.bin/pagefind" ] || npm install --prefix "$WORK/npm" --no-audit --no-fund pagefind@1.6.0 >/dev/null
rm -rf "$WORK/site" && mkdir -p "$WORK" && cp -r "$SITE" "$WORK/site"

echo "## Index build"
echo "Gazette's static index is written during \`gazette build\` (see its --timings: \"search: static index\")."
/usr/bin/time -f "pagefind: %e s wall, %U s user, %M KB peak" \
  "$WORK/npm/node_modules/.bin/pagefind" --site "$WORK/site" --glob '[0-9][0-9][0-9][0-9]/**/*.html' --quiet
echo "Gazette index on disk: $(du -sh "$WORK/site/search" | cut -f1) in $(find "$WORK/site/search" -type f | wc -l) files"
echo "Pagefind index on disk: $(du -sh "$WORK/site/pagefind" | cut -f1) in $(find "$WORK/site/pagefind" -type f | wc -l) files"

python3 "$REPO/bench/range_server.py" "$PORT" "$WORK/site" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.1; done
node "$REPO/bench/search-compare.mjs" "http://127.0.0.1:$PORT/" "${QUERIES[@]}"
