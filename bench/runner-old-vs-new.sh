#!/usr/bin/env bash
# Alternating whole-course runs: the previous runner (Roslyn imitation, commit 39ef321, built in its own worktree)
# and this one (the real kernel), back to back, so a busy machine slows both alike.
#   bench/runner-old-vs-new.sh OLD_WORKTREE ROUNDS OUT_DIR
set -uo pipefail
old=${1:?old worktree}; rounds=${2:-3}; out=${3:-/tmp/runner-bench}
new=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
for r in $(seq 1 "$rounds"); do
  for which in old new; do
    dir=$([ "$which" = old ] && echo "$old" || echo "$new")
    start=$(date +%s.%N)
    (cd "$dir" && dotnet artifacts/bin/CourseRunner/release/CourseRunner.dll notebooks --out "$out/$which-$r") > "$out/$which-$r.log" 2>&1
    echo "$which round $r: exit $? in $(echo "$(date +%s.%N) - $start" | bc) s; load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/summary.txt"
  done
done
