#!/usr/bin/env bash
# End-to-end benchmark of `figcheck check --format json` on generated
# corpora, against a ripgrep scan for numbers over the same bytes in the
# same run (the machines are noisy: compare ratios, not seconds).
#
#   bench/run.sh [ARTICLES]      default 200000 (~100 MB of JSON Lines)
#   RUNS=N bench/run.sh          best of N rounds, default 5
#
# Corpora come from ../shared/tools/gen_corpus.py when present, else from
# bench/make_corpus.py. Needs python3, ripgrep and GNU time; the last two
# are installed from the system's packages (apt-get) where missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null && return
  echo "bench/run.sh: $1 is missing, installing the $2 package" >&2
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  if ! { $sudo apt-get install -y -qq "$2" >/dev/null || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null; }; }; then
    echo "bench/run.sh: could not install $2; install it and run again" >&2
    exit 1
  fi
}
need rg ripgrep
need /usr/bin/time time
articles=${1:-200000}
work=target/bench
mkdir -p "$work"
cargo build --release --locked --quiet
bin=target/release/figcheck
shared_gen=../shared/tools/gen_corpus.py

gen() { # gen OUT ARTICLES FORMAT
  [ -d "$1" ] && return
  if [ -f "$shared_gen" ]; then
    python3 "$shared_gen" --out "$1" --articles "$2" --format "$3" --per-file 20000 --defects 0.3 --seed 11 >/dev/null
  else
    python3 bench/make_corpus.py --out "$1" --articles "$2" --format "$3" --per-file 20000 --seed 11
  fi
}

# One wall time (seconds), max RSS (KB) and CPU time (user and system
# seconds) of a command.
time_once() {
  /usr/bin/time -o "$work/time.txt" -f "%e %M %U %S" "$@" >/dev/null 2>&1 || true
  # the last line: GNU time first notes a non-zero exit (findings fail)
  tail -n 1 "$work/time.txt" | awk '{print $1, $2, $3 + $4}'
}

rg_scan() { rg -o '[0-9][0-9,.]*' "$1" | wc -l >/dev/null; }
export -f rg_scan
ratio() { awk "BEGIN{printf \"%.2f\", $1 / ($2 > 0 ? $2 : 0.001)}"; }
min() { awk "BEGIN{print ($1 < $2 ? $1 : $2)}"; }
max() { awk "BEGIN{print ($1 > $2 ? $1 : $2)}"; }

quarter=$((articles / 4)); half=$((articles / 2))
gen "$work/jsonl-1x" "$quarter" jsonl
gen "$work/jsonl-2x" "$half" jsonl
gen "$work/jsonl-4x" "$articles" jsonl
gen "$work/txt-20k" 20000 txt
gen "$work/jsonl-20k" 20000 jsonl

# RUNS rounds over every corpus, interleaved: the machine's speed drifts
# over seconds, and a drift between two corpora would show in their ratio.
# The best wall and CPU time of each command are what repeat; memory is
# the largest seen. CPU time does not depend on how well the threads
# share the cores, so its ratios are the steadier ones.
corpora=(jsonl-4x jsonl-2x jsonl-1x txt-20k jsonl-20k)
runs=${RUNS:-5}
declare -A rg_wall fc_wall fc_rss fc_cpu
for name in "${corpora[@]}"; do rg_wall[$name]=999999; fc_wall[$name]=999999; fc_rss[$name]=0; fc_cpu[$name]=999999; done
for _ in $(seq "$runs"); do
  for name in "${corpora[@]}"; do
    dir=$work/$name
    read -r wall _ < <(time_once bash -c "rg_scan $dir")
    rg_wall[$name]=$(min "$wall" "${rg_wall[$name]}")
    read -r wall rss cpu < <(time_once "$bin" check --format json "$dir")
    fc_wall[$name]=$(min "$wall" "${fc_wall[$name]}")
    fc_rss[$name]=$(max "$rss" "${fc_rss[$name]}")
    fc_cpu[$name]=$(min "$cpu" "${fc_cpu[$name]}")
  done
done

echo "figcheck $("$bin" --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%F), best of $runs"
for name in "${corpora[@]}"; do
  dir=$work/$name
  size=$(du -sb "$dir" | cut -f1); mb=$(awk "BEGIN{print $size/1e6}")
  rg=${rg_wall[$name]}; wall=${fc_wall[$name]}; rss=${fc_rss[$name]}; cpu=${fc_cpu[$name]}
  claims=$( ("$bin" check --format json "$dir" || true) | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["claims"])')
  printf '%-14s %8.1f MB  rg %6.2fs  figcheck %6.2fs (%5.2fx rg, CPU %5.2fs)  %7.1f MB/s  %9.0f claims/s  max RSS %6.1f MB (%4.0f%% of corpus)\n' \
    "$name" "$mb" "$rg" "$wall" "$(ratio "$wall" "$rg")" "$cpu" "$(awk "BEGIN{print $mb/$wall}")" \
    "$(awk "BEGIN{print $claims/$wall}")" "$(awk "BEGIN{print $rss/1024}")" "$(awk "BEGIN{print 100*$rss*1024/$size}")"
done

echo "scaling time   1x->2x $(ratio "${fc_wall[jsonl-2x]}" "${fc_wall[jsonl-1x]}")x  2x->4x $(ratio "${fc_wall[jsonl-4x]}" "${fc_wall[jsonl-2x]}")x   (target: at most 2x per doubling)"
echo "scaling CPU    1x->2x $(ratio "${fc_cpu[jsonl-2x]}" "${fc_cpu[jsonl-1x]}")x  2x->4x $(ratio "${fc_cpu[jsonl-4x]}" "${fc_cpu[jsonl-2x]}")x"
echo "scaling memory 1x->2x $(ratio "${fc_rss[jsonl-2x]}" "${fc_rss[jsonl-1x]}")x  2x->4x $(ratio "${fc_rss[jsonl-4x]}" "${fc_rss[jsonl-2x]}")x"
echo "20k articles as .txt files vs JSON Lines: $(ratio "${fc_wall[txt-20k]}" "${fc_wall[jsonl-20k]}")x, CPU $(ratio "${fc_cpu[txt-20k]}" "${fc_cpu[jsonl-20k]}")x   (target: at most 1.5x)"
