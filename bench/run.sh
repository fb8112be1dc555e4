#!/usr/bin/env bash
# End-to-end benchmark of `figcheck check --format json` on generated
# corpora, against a ripgrep scan for numbers over the same bytes in the
# same run (the machines are noisy: compare ratios, not seconds).
#
#   bench/run.sh [ARTICLES]      default 200000 (~100 MB of JSON Lines)
#   RUNS=N bench/run.sh          best of N runs per command, default 5
#
# Corpora come from ../shared/tools/gen_corpus.py when present, else from
# bench/make_corpus.py. Needs python3, ripgrep and GNU time (apt-get
# install ripgrep time).
set -euo pipefail
cd "$(dirname "$0")/.."
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

# best of RUNS: wall seconds and max RSS in KB of one command; the
# minimum is what repeats on a noisy machine
runs=${RUNS:-5}
measure() {
  local best_wall=999999 best_rss=0 wall rss
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" >/dev/null 2>&1 || true
    # the last line: GNU time first notes a non-zero exit (findings fail)
    read -r wall rss < <(tail -n 1 "$work/time.txt")
    if awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; best_rss=$rss; fi
  done
  echo "$best_wall $best_rss"
}

bytes_of() { du -sb "$1" | cut -f1; }
rg_scan() { rg -o '[0-9][0-9,.]*' "$1" | wc -l >/dev/null; }
ratio() { awk "BEGIN{printf \"%.2f\", $1 / ($2 > 0 ? $2 : 0.001)}"; }

report() { # report NAME DIR
  local dir=$2 size mb rg fc wall rss claims
  size=$(bytes_of "$dir"); mb=$(awk "BEGIN{print $size/1e6}")
  export -f rg_scan
  rg=$(measure bash -c "rg_scan $dir"); rg=${rg% *}
  fc=$(measure "$bin" check --format json "$dir"); wall=${fc% *}; rss=${fc#* }
  claims=$( ("$bin" check --format json "$dir" || true) | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["claims"])')
  printf '%-14s %8.1f MB  rg %6.2fs  figcheck %6.2fs (%5.2fx rg)  %7.1f MB/s  %9.0f claims/s  max RSS %6.1f MB (%4.0f%% of corpus)\n' \
    "$1" "$mb" "$rg" "$wall" "$(ratio "$wall" "$rg")" "$(awk "BEGIN{print $mb/$wall}")" \
    "$(awk "BEGIN{print $claims/$wall}")" "$(awk "BEGIN{print $rss/1024}")" "$(awk "BEGIN{print 100*$rss*1024/$size}")"
  echo "$wall $rss" > "$work/$1.result"
}

quarter=$((articles / 4)); half=$((articles / 2))
gen "$work/jsonl-1x" "$quarter" jsonl
gen "$work/jsonl-2x" "$half" jsonl
gen "$work/jsonl-4x" "$articles" jsonl
gen "$work/txt-20k" 20000 txt
gen "$work/jsonl-20k" 20000 jsonl

echo "figcheck $("$bin" --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%F)"
report jsonl-4x "$work/jsonl-4x"
report jsonl-2x "$work/jsonl-2x"
report jsonl-1x "$work/jsonl-1x"
report txt-20k "$work/txt-20k"
report jsonl-20k "$work/jsonl-20k"

read -r w1 m1 < "$work/jsonl-1x.result"; read -r w2 m2 < "$work/jsonl-2x.result"; read -r w4 m4 < "$work/jsonl-4x.result"
read -r wt _ < "$work/txt-20k.result"; read -r wj _ < "$work/jsonl-20k.result"
echo "scaling time   1x->2x $(ratio "$w2" "$w1")x  2x->4x $(ratio "$w4" "$w2")x   (target: at most 2x per doubling)"
echo "scaling memory 1x->2x $(ratio "$m2" "$m1")x  2x->4x $(ratio "$m4" "$m2")x"
echo "20k articles as .txt files vs JSON Lines: $(ratio "$wt" "$wj")x   (target: at most 1.5x)"
