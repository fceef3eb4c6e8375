#!/usr/bin/env bash
# Times a full Gazette build against a full Hugo build of the same corpus.
#
#   bench/run.sh [real:|synthetic:]N [RUNS]
#
# real:N (the default; plain N means real:N) converts the first N articles of the real Vietnamese
# news corpus (../shared/corpus/vn-news-25k.jsonl.xz, 25,440 articles; beyond that, reused copies)
# with bench/convert_real.py; synthetic:N generates N articles with bench/GenerateCorpus.java.
#
# Prints a Markdown table (median of RUNS timed runs after one untimed warm-up; the tools take
# turns run by run, each run starts with its source in the page cache) ready for BENCHMARKS.md.
# See bench/README.md for what the columns mean.
#
# Environment:
#   BENCH_TOOLS   which builds to time (default for real text "gazette hugo_norelated", as issue 9
#                 compares; for synthetic "gazette hugo hugo_norelated"; "none" only prepares the
#                 corpus). hugo_norelated is the Hugo site without related articles.
#   BENCH_REAL_CORPUS  the real corpus file (default: ../shared/corpus/vn-news-25k.jsonl.xz)
#   BENCH_SEED    corpus seed (default 20140818)
#   BENCH_WRAP    command prefix put before every timed run, e.g. a lock: "flock /path/to/lock"
#   BENCH_QUIET_WAIT  seconds to wait for an idle machine before each run (default 120)
#   BENCH_OUT_ROOT  where the generated sites go (default /dev/shm, a RAM disk); BENCH_KEEP=1 keeps them
#   BENCH_WARMUP  1 (default): one untimed run of each build first; 0 skips it (for the long
#                 100,000-article builds; every run reads its source into the page cache first anyway)
#   BENCH_HEAP    maximum heap for the extra Gazette heap check run (default 1g; "" skips it)
#   GAZETTE_JAVA_OPTS  JVM options for the Gazette launcher (shown in the table when set)
#   GAZETTE       Gazette launcher (default: ./gazette; commands run from the repository root)
#   HUGO          Hugo binary (default: hugo)
set -euo pipefail

usage() { echo "usage: bench/run.sh [real:|synthetic:]N [RUNS]" >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^((real|synthetic):)?([0-9]+)$ && ${BASH_REMATCH[3]} -gt 0 ]] || usage
KIND=${BASH_REMATCH[2]:-real}
ARTICLES=${BASH_REMATCH[3]}
RUNS=${2:-5}
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || usage

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/bench"
WORK="$BENCH/work"
if [[ $KIND == real ]]; then
    TOOLS=${BENCH_TOOLS:-gazette hugo_norelated}
else
    TOOLS=${BENCH_TOOLS:-gazette hugo hugo_norelated}
fi
SEED=${BENCH_SEED:-20140818}
WRAP=${BENCH_WRAP:-}
HEAP=${BENCH_HEAP-1g}
WARMUP=${BENCH_WARMUP:-1}
[[ $WARMUP == 0 || $WARMUP == 1 ]] || { echo "BENCH_WARMUP is 0 or 1" >&2; exit 2; }
GAZETTE=${GAZETTE:-./gazette}
HUGO=${HUGO:-hugo}
TIME=/usr/bin/time

cd "$REPO"
[[ -x $TIME ]] || { echo "need GNU time at $TIME (Debian package: time)" >&2; exit 1; }

# ---------------------------------------------------------------- corpus (cached)

# The cache key includes the converter's or generator's own hash, so editing it regenerates.
if [[ $KIND == real ]]; then
    generator_hash=$(sha256sum "$BENCH/convert_real.py" | cut -c1-12)
    CORPUS="$WORK/real-$ARTICLES-$generator_hash"
    generate() {
        python3 "$BENCH/convert_real.py" --articles "$ARTICLES" --out "$1/gazette" --hugo "$1/hugo" \
            --hugo-theme "$BENCH/hugo-theme"
    }
else
    generator_hash=$(sha256sum "$BENCH/GenerateCorpus.java" | cut -c1-12)
    CORPUS="$WORK/corpus-$ARTICLES-$SEED-$generator_hash"
    generate() {
        (cd "$REPO" && java -Dfile.encoding=UTF-8 bench/GenerateCorpus.java --articles "$ARTICLES" --seed "$SEED" \
            --out "$1/gazette" --hugo "$1/hugo" --hugo-theme bench/hugo-theme)
    }
fi
if [[ ! -f $CORPUS/.complete ]]; then
    echo "Preparing $KIND:$ARTICLES articles in $CORPUS ..." >&2
    rm -rf "$CORPUS" "$CORPUS.tmp"
    mkdir -p "$CORPUS.tmp"
    generate "$CORPUS.tmp" >&2
    touch "$CORPUS.tmp/.complete"
    mv "$CORPUS.tmp" "$CORPUS"
fi
# The theme may have changed since the corpus was cached: always take the current one.
rm -rf "$CORPUS/hugo/themes/gazette-bench"
mkdir -p "$CORPUS/hugo/themes"
cp -r "$BENCH/hugo-theme" "$CORPUS/hugo/themes/gazette-bench"

[[ $TOOLS == none ]] && { echo "$CORPUS"; exit 0; }  # only prepare the corpus

# Logs and timings stay in bench/work; the generated sites go to memory (tmpfs) by default. On a
# disk mounted with `discard` (common in VMs), deleting the previous run's 20,000 files slows the
# next run's writes by seconds, run after run; a RAM disk times the generators, not the disk.
OUT="$WORK/results-$KIND-$ARTICLES"
SITES="${BENCH_OUT_ROOT:-/dev/shm}/gazette-bench-$KIND-$ARTICLES"
mkdir -p "$OUT" "$SITES"
[[ -n ${BENCH_KEEP:-} ]] || trap 'rm -rf "$SITES"' EXIT

# ---------------------------------------------------------------- the commands under test

# --timings: the log of each run keeps the time of every pipeline stage (the summary costs nothing).
gazette_command() { echo "$GAZETTE build --timings --source $CORPUS/gazette --output $1"; }
hugo_command() { echo "$HUGO --quiet -s $CORPUS/hugo -d $1"; }
# The same Hugo site without the related-articles list on article pages (Hugo's costliest part).
hugo_norelated_command() { echo "$HUGO --quiet -s $CORPUS/hugo --config hugo.toml,no-related.toml -d $1"; }

# A full build starts from nothing: no previous output and no incremental cache.
clean() {
    rm -rf "$SITES/$1" "$CORPUS/gazette/.gazette" "$CORPUS/hugo/resources" "$CORPUS/hugo/.hugo_build.lock"
}

# The machine may be shared: before each timed run, wait (up to BENCH_QUIET_WAIT seconds) until the
# CPUs were at least 90 % idle for a whole second, so other work doesn't land in our figures.
wait_quiet() {
    local deadline=$((SECONDS + ${BENCH_QUIET_WAIT:-120})) busy
    while :; do
        busy=$(cpu_busy_percent)
        ((busy <= 10)) && return 0
        if ((SECONDS >= deadline)); then
            echo "  warning: CPUs still ${busy}% busy with other work; timing anyway" >&2
            return 0
        fi
        sleep 2
    done
}
cpu_busy_percent() {
    local a b
    a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    local total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    local idle=$((b[4] - a[4] + b[5] - a[5]))
    echo $(((100 * (total - idle)) / (total > 0 ? total : 1)))
}
# Busy CPU time of the whole machine so far, in clock ticks: what the timed run used plus what
# everything else did meanwhile. The difference shows whether a run was disturbed.
busy_ticks() {
    local f
    f=($(head -1 /proc/stat))
    echo $((f[1] + f[2] + f[3] + f[6] + f[7] + f[8]))
}
export -f wait_quiet cpu_busy_percent busy_ticks

# The source a tool reads: Gazette its site, both Hugo builds the Hugo site.
source_of() { if [[ $1 == gazette ]]; then echo "$CORPUS/gazette"; else echo "$CORPUS/hugo"; fi; }

# Reads a tool's source once, untimed, so every run starts with it in the page cache, as a CI
# runner's fresh checkout does. Without it, whichever tool ran second after a big build had
# pushed the corpus out of memory paid for reading it from disk: at 100,000 articles Hugo's
# 14 GB did that to Gazette's next run, doubling its content stage (9 s to 19 s).
prime_page_cache() {
    find "$(source_of "$1")" -type f -print0 | xargs -0 cat >/dev/null
}

# run_once TOOL -> prints "wall cpu rss_kib others_cpu"; the build's own output goes to $OUT/TOOL.log
run_once() {
    local tool=$1 command
    command=$("${tool}_command" "$SITES/$tool")
    clean "$tool"
    prime_page_cache "$tool"
    if ! $WRAP bash -c 'wait_quiet; b0=$(busy_ticks); "$0" -v -o "$1" bash -c "$2"; rc=$?
            echo $(($(busy_ticks) - b0)) >"$1.busy"; exit $rc' "$TIME" "$OUT/$tool.time" "$command" \
        >"$OUT/$tool.log" 2>&1; then
        echo "$tool build failed; its output:" >&2
        tail -n 30 "$OUT/$tool.log" >&2
        exit 1
    fi
    grep -h "warning: CPUs" "$OUT/$tool.log" >&2 || true
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
        END { printf "%.2f %.2f %d %.1f\n", wall, user + sys, rss, (busy / hz - user - sys > 0 ? busy / hz - user - sys : 0) }' \
        hz="$(getconf CLK_TCK)" busy="$(cat "$OUT/$tool.time.busy")" "$OUT/$tool.time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

version_of() {
    case $1 in
        gazette) echo "Gazette $(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo '?')${GAZETTE_JAVA_OPTS:+ ($GAZETTE_JAVA_OPTS)}" ;;
        hugo) echo "Hugo $("$HUGO" version | sed -n 's/^hugo v\([0-9.]*\).*/\1/p')" ;;
        hugo_norelated) echo "$(version_of hugo), no related articles" ;;
    esac
}

declare -A WALL CPU RSS RANGE OTHERS
for tool in $TOOLS; do
    if [[ $tool == gazette && ! -x $GAZETTE ]]; then
        echo "no Gazette launcher at $GAZETTE (build it first, or set GAZETTE=...)" >&2
        exit 1
    fi
done
# The tools take turns run by run (gazette, hugo, gazette, hugo, ...) rather than all of one
# tool's runs and then the other's: a shared machine's speed drifts over minutes, and turns put
# the drift on both sides of the ratio.
if ((WARMUP == 1)); then
    for tool in $TOOLS; do
        echo "Warm-up: $tool ..." >&2
        run_once "$tool" >/dev/null
    done
fi
for tool in $TOOLS; do : >"$OUT/$tool.times"; done
for ((i = 1; i <= RUNS; i++)); do
    for tool in $TOOLS; do
        run_once "$tool" | tee -a "$OUT/$tool.times" | sed "s/^/  $tool run $i: wall cpu rss_kib others_cpu = /" >&2
        [[ $tool == gazette ]] && cp "$OUT/$tool.log" "$OUT/gazette-last-run.log"
    done
done
for tool in $TOOLS; do
    WALL[$tool]=$(cut -d' ' -f1 "$OUT/$tool.times" | median)
    CPU[$tool]=$(cut -d' ' -f2 "$OUT/$tool.times" | median)
    RSS[$tool]=$(cut -d' ' -f3 "$OUT/$tool.times" | median)
    OTHERS[$tool]=$(cut -d' ' -f4 "$OUT/$tool.times" | sort -n | tail -1)
    RANGE[$tool]=$(cut -d' ' -f1 "$OUT/$tool.times" | sort -n | sed -n '1p;$p' | paste -sd' ' | awk '{ printf "%.2f–%.2f", $1, $2 }')
    files=$(find "$SITES/$tool" -type f | wc -l)
    html=$(find "$SITES/$tool" -type f -name '*.html' | wc -l)
    echo "  $tool wrote $files files ($html HTML), $(du -sh "$SITES/$tool" | cut -f1)" >&2
done

# Gazette's heap target: the same build must finish with the heap capped, and the GC log tells
# the most heap it ever had in use.
HEAP_NOTE=""
if [[ " $TOOLS " == *" gazette "* && -n $HEAP ]]; then
    echo "Heap check: Gazette with -Xmx$HEAP ..." >&2
    clean gazette
    rm -f "$OUT"/gc-*.log
    # The launcher's options for build (jvm.options) and this heap cap: a -Xmx given through
    # JDK_JAVA_OPTIONS is kept by the launcher, which then adds its other options, the same as
    # for the timed runs. Both JVMs (the launcher and the one it starts) log to gc-<pid>.log; the
    # build's is the longer one. With GAZETTE_JAVA_OPTS the launcher takes those options instead,
    # and its -Xmx comes after JDK_JAVA_OPTIONS' on the command line, so the cap is added to them.
    if [[ -n ${GAZETTE_JAVA_OPTS:-} ]]; then
        heap_env=(GAZETTE_JAVA_OPTS="$GAZETTE_JAVA_OPTS -Xmx$HEAP" JDK_JAVA_OPTIONS="-Xlog:gc:file=$OUT/gc-%p.log")
    else
        heap_env=(JDK_JAVA_OPTIONS="-Xmx$HEAP -Xlog:gc:file=$OUT/gc-%p.log")
    fi
    if env "${heap_env[@]}" bash -c "$(gazette_command "$SITES/gazette")" \
        >"$OUT/gazette-heap.log" 2>&1; then
        mv "$(ls -S "$OUT"/gc-*.log | head -1)" "$OUT/gc.log" && rm -f "$OUT"/gc-*.log
        read -r before after committed < <(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$OUT/gc.log" |
            awk -F'[M>(-]+' '{ if ($1 > b) b = $1; if ($2 > a) a = $2; if ($3 > c) c = $3 } END { print b + 0, a + 0, c + 0 }')
        HEAP_NOTE="Gazette also completes with \`-Xmx$HEAP\`: at most $before MiB of heap in use, $after MiB still live"
        HEAP_NOTE+=" after a collection, $committed MiB committed (GC log)."
    else
        HEAP_NOTE="**Gazette FAILED with \`-Xmx$HEAP\`** (see $OUT/gazette-heap.log)."
    fi
fi

# ---------------------------------------------------------------- report

thousands() { awk -v n="$1" 'BEGIN { s = sprintf("%d", n); out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) } print s out }'; }

echo
corpus_note="real Vietnamese news text (bench/convert_real.py)"
[[ $KIND == synthetic ]] && corpus_note="synthetic corpus, seed $SEED"
warmup_note="after a warm-up"
((WARMUP == 0)) && warmup_note="without a warm-up run"
echo "$(thousands "$ARTICLES") articles, $corpus_note, median of $RUNS runs $warmup_note;" \
    "$(nproc) cores, $(java -version 2>&1 | head -1 | sed 's/"//g')."
echo
echo "| Generator | Articles | Wall time | Range | Articles/s | CPU time | Peak RSS |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for tool in $TOOLS; do
    awk -v name="$(version_of "$tool")" -v n="$(thousands "$ARTICLES")" -v articles="$ARTICLES" \
        -v wall="${WALL[$tool]}" -v range="${RANGE[$tool]}" -v cpu="${CPU[$tool]}" -v rss="${RSS[$tool]}" \
        'BEGIN { printf "| %s | %s | %.2f s | %s s | %d | %.1f s | %d MiB |\n", name, n, wall, range,
                 (wall > 0 ? articles / wall : 0), cpu, rss / 1024 }'
done
noise=""
for tool in $TOOLS; do noise+="${noise:+, }$tool ${OTHERS[$tool]}"; done
echo
echo "Other processes' CPU time during the timed runs (most in any one run, seconds): $noise."

if [[ -n ${WALL[gazette]:-} ]]; then
    for hugo in hugo hugo_norelated; do
        [[ -n ${WALL[$hugo]:-} ]] || continue
        echo
        awk -v name="$(version_of "$hugo")" -v g="${WALL[gazette]}" -v h="${WALL[$hugo]}" -v gc="${CPU[gazette]}" \
            -v hc="${CPU[$hugo]}" 'BEGIN { printf "Gazette / %s: wall time %.2f×, CPU time %.2f× (below 1: Gazette is faster).\n",
                 name, g / h, gc / hc }'
    done
fi
[[ -n $HEAP_NOTE ]] && { echo; echo "$HEAP_NOTE"; }
if [[ -f $OUT/gazette-last-run.log ]]; then
    echo
    echo "Gazette's pipeline stages in the last timed run (\`--timings\`, ms):"
    echo
    echo "| Stage | ms |"
    echo "|---|---:|"
    sed -n '/^Built in/,$p' "$OUT/gazette-last-run.log" | sed 1d | grep -E '^  [a-z].* [0-9]+ ms$' |
        sed -E 's/^  (.*[^ ]) +([0-9]+) ms$/| \1 | \2 |/'
    sed -n 's/^Built in \([0-9]*\) ms.*/| total (inside the JVM) | \1 |/p' "$OUT/gazette-last-run.log"
fi
echo
env_prefix=""
[[ -n ${BENCH_TOOLS:-} ]] && env_prefix="BENCH_TOOLS=\"$TOOLS\" "
((WARMUP == 0)) && env_prefix+="BENCH_WARMUP=0 "
[[ -z $HEAP ]] && env_prefix+="BENCH_HEAP= "
echo "Reproduce: \`${env_prefix}bench/run.sh $KIND:$ARTICLES $RUNS\`. Timed commands:"
echo
for tool in $TOOLS; do
    echo "    $("${tool}_command" "$SITES/$tool" | sed "s|$REPO/||g")"
done
